import { Fix, TextEdit } from '../base/diagnostic';
import { lint, LintResult, RuleSet } from './lint';
import { Project, withText } from './project';

/*
 * Applying fixes, the safe kind (base/diagnostic.ts): the editor's fix-all and the CLI's
 * `--fix`. Suggestions are never applied here: a person chooses each one.
 */

/**
 * Applies fixes to a text, each whole or not at all: a fix whose edits would overlap an
 * edit of one already taken is left for a second pass (after a re-lint), so the result
 * is always well formed. Returns the text and how many fixes were applied.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const taken: TextEdit[] = [];
  let applied = 0;
  for (const fix of fixes) {
    if (fix.edits.some((e) => taken.some((t) => overlap(e, t)))) continue;
    taken.push(...fix.edits);
    applied++;
  }
  // From the end backwards, so that each edit's offsets are still right when it is made.
  let result = text;
  for (const edit of taken.sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return { text: result, applied };
}

/** Two edits touch the same text, or insert at the same place (their order would be a guess). */
function overlap(a: TextEdit, b: TextEdit): boolean {
  return (a.span.start < b.span.end && b.span.start < a.span.end) || a.span.start === b.span.start || a.span.end === b.span.end;
}

/** Passes at most: each fix mends its finding, so more would mean fixes that undo each other. */
export const MAX_FIX_PASSES = 10;

/**
 * A file's text with every fix of its findings applied, in passes until none is left
 * (at most MAX_FIX_PASSES): a pass applies the fixes that do not overlap, then the file
 * is linted again, as its fixes may have moved or mended others. `fixed` counts the
 * fixes applied. `linted` is the lint of `text` when the caller has it (the editor does):
 * the first pass starts from it, and a file with no fix costs nothing more.
 */
export function fixText(project: Project, file: string, rules: RuleSet, text: string, linted?: LintResult): { text: string; fixed: number } {
  let current = text;
  let fixed = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const result = pass === 0 && linted ? linted : lint(withText(project, file, current), file, { rules });
    const fixes = result.diagnostics.flatMap((d) => d.fixes ?? []);
    const next = applyFixes(current, fixes);
    if (next.applied === 0) break;
    fixed += next.applied;
    current = next.text;
  }
  return { text: current, fixed };
}
