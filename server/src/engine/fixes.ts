import { Fix, TextEdit } from '../base/diagnostic';

/**
 * Applies fixes to a text: every edit, from the end backwards so offsets stay right.
 * An edit that overlaps one already applied is skipped (its fix can be applied on a
 * second pass, after a re-lint), so the result is always well formed.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  const edits: TextEdit[] = fixes.flatMap((f) => f.edits).sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let result = text;
  let limit = Infinity;
  for (const edit of edits) {
    if (edit.span.end > limit) continue;
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
    limit = edit.span.start;
  }
  return result;
}
