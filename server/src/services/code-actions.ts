import { Diagnostic, TextEdit } from '../base/diagnostic';
import { LintResult } from '../engine/lint';
import { applyFixes } from '../engine/fixes';
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

export function codeActions(result: LintResult, range: Span): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of result.diagnostics.filter((x) => overlaps(x.span, range))) {
    for (const fix of d.fixes ?? []) actions.push({ title: fix.title, kind: 'quickfix', edits: fix.edits, diagnostic: d, preferred: true });
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

/** Every quick fix of the file at once (those that do not overlap), as one edit of the whole text. */
export function fixAll(result: LintResult): CodeAction | undefined {
  const fixes = result.diagnostics.flatMap((d) => d.fixes ?? []);
  if (fixes.length === 0) return undefined;
  const text = result.facts.text;
  return { title: 'Fix all outcome-lint findings that have a quick fix', kind: 'source.fixAll', edits: [{ span: { start: 0, end: text.length }, newText: applyFixes(text, fixes) }] };
}
