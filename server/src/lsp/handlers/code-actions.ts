import { CodeAction, CodeActionKind, CodeActionParams, Command, ExecuteCommandParams } from 'vscode-languageserver/node';
import { codeActions as actionsAt, fixAll } from '../../services/code-actions';
import { ruleDocUrl } from '../../rules/links';
import { toCodeAction } from '../convert';
import { Session } from '../session';

/* Quick fixes, "disable for this line", the rule's documentation, and fix-all. */

export const SHOW_RULE_DOCUMENTATION = 'outcome-lint.showRuleDocumentation';

export function codeActions(session: Session, { textDocument, range, context }: CodeActionParams): (CodeAction | Command)[] {
  const file = session.id(textDocument.uri);
  const doc = session.lint(file);
  if (!doc) return [];
  const wanted = (kind: string): boolean => !context.only || context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const where = (other: string | undefined) => session.place(other ?? file);
  const span = { start: doc.index.offset(range.start), end: doc.index.offset(range.end) };
  const rules = doc.result.rules;
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix)) {
    for (const a of actionsAt(doc.result, span)) actions.push(toCodeAction(a, textDocument.uri, doc.index, where, rules));
    const codes = new Set(doc.result.diagnostics.filter((d) => d.span.start <= span.end && span.start <= d.span.end && rules.byId(d.code)).map((d) => d.code));
    for (const code of codes) {
      actions.push({ title: `Show documentation for ${code}`, kind: CodeActionKind.QuickFix, command: { title: 'Show rule documentation', command: SHOW_RULE_DOCUMENTATION, arguments: [code] } });
    }
  }
  // Fix-all lints the file again, pass after pass, so only when asked for by name (on
  // save, or from the Source Action menu): the light bulb asks on every cursor move.
  if (context.only && wanted(CodeActionKind.SourceFixAll)) {
    const all = fixAll(session.project, doc.result);
    if (all) actions.push(toCodeAction(all, textDocument.uri, doc.index, where, rules));
  }
  return actions;
}

/** The rule page a "Show documentation" action opens; undefined for any other command. */
export function ruleDocumentation(session: Session, { command, arguments: args }: ExecuteCommandParams): string | undefined {
  const id = args?.[0];
  return command === SHOW_RULE_DOCUMENTATION && typeof id === 'string' && session.linter.rules.byId(id) ? ruleDocUrl(id) : undefined;
}
