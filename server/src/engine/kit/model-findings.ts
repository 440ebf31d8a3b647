import { RuleContext } from './rule';

/**
 * The check of a rule whose findings the parser or the model make (syntax errors,
 * duplicate ids, unresolved `use` lines…): it reports them through the engine, so
 * that they are configured, suppressed and documented like every other rule.
 */
export function reportModelFindings(id: string) {
  return (context: RuleContext<unknown>): void => {
    const { parsed, diagnostics } = context.facts.model;
    for (const d of [...parsed.diagnostics, ...diagnostics]) {
      if (d.code !== id) continue;
      context.report({ at: d.span, message: d.message, related: d.related, fixes: d.fixes });
    }
  };
}
