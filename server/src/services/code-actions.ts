import { Diagnostic, TextEdit } from '../base/diagnostic';
import { LintResult } from '../engine/lint';
import { fixText } from '../engine/fixes';
import { Project } from '../engine/project';
import { Span } from '../base/span';

/** A code action in core terms; the server turns it into LSP. */
export interface CodeAction {
  readonly title: string;
  readonly kind: 'quickfix' | 'source.fixAll';
  readonly edits: readonly TextEdit[];
  readonly diagnostic?: Diagnostic;
  readonly preferred?: boolean;
}

/** The placeholder a suppression is inserted with; `structure/unexplained-suppression` asks for it to be filled. */
export const REASON_PLACEHOLDER = '<why this is acceptable here>';

const overlaps = (a: Span, b: Span): boolean => a.start <= b.end && b.start <= a.end;

/**
 * The actions for the findings in a range: each fix (preferred: safe to apply), each
 * suggestion (one at a time, for a person to choose), and "disable for this line".
 */
export function codeActions(result: LintResult, range: Span): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of result.diagnostics.filter((x) => overlaps(x.span, range))) {
    for (const fix of d.fixes ?? []) actions.push({ title: fix.title, kind: 'quickfix', edits: fix.edits, diagnostic: d, preferred: true });
    for (const suggestion of d.suggestions ?? []) actions.push({ title: suggestion.title, kind: 'quickfix', edits: suggestion.edits, diagnostic: d });
    if (d.code !== 'syntax/parse') actions.push(disableForLine(result, d));
  }
  return actions;
}

/** Inserts `# outcome-lint-disable-next-line <rule> -- <reason>` above the finding's line. */
function disableForLine(result: LintResult, d: Diagnostic): CodeAction {
  return {
    title: `Disable ${d.code} for this line (with a reason)`,
    kind: 'quickfix',
    edits: [result.facts.edits.insertLineAbove(d.span.start, `# outcome-lint-disable-next-line ${d.code} -- ${REASON_PLACEHOLDER}`)],
    diagnostic: d,
  };
}

/**
 * Every fix of the file at once, as one edit of the whole text: the safe kind only,
 * applied in passes until none is left (engine/fixes.ts). Suggestions are never applied
 * in bulk. Undefined when there is nothing to fix.
 */
export function fixAll(project: Project, result: LintResult): CodeAction | undefined {
  const text = result.facts.text;
  const fixed = fixText(project, result.model.uri, result.rules, text, result);
  if (fixed.fixed === 0) return undefined;
  return { title: 'Fix all outcome-lint findings that are safe to fix', kind: 'source.fixAll', edits: [{ span: { start: 0, end: text.length }, newText: fixed.text }] };
}
