import { strict as assert } from 'node:assert';

/*
 * What a reader of Markdown made from a hostile spec would check: that the spec's text
 * added no markup. No HTML tag, no link or image outside code spans (where Markdown
 * reads neither), and every row of a table with as many cells as its header (a `|`
 * ends a cell in a code span too). A character that Markdown would read is written
 * with a backslash before it, which shows it as text.
 */

/** `pattern` where it is not escaped with a backslash. */
const unescaped = (pattern: string): RegExp => new RegExp(`(?<!\\\\)${pattern}`, 'g');

/** A code span: a run of backticks, and the next run of as many. */
const CODE = /(?<!\\)(`+)[\s\S]*?[^`]\1(?!`)/g;

export function assertNoMarkupFromSpec(markdown: string): void {
  const outsideCode = markdown.replace(CODE, '');
  assert.doesNotMatch(outsideCode, unescaped('<\\/?[A-Za-z]'), 'an HTML tag');
  assert.doesNotMatch(outsideCode, unescaped('\\]\\('), 'a link or an image');
  // Each table: consecutive lines that start with `|`.
  let cells: number | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      cells = undefined;
      continue;
    }
    const count = line.match(unescaped('\\|'))!.length;
    cells ??= count;
    assert.equal(count, cells, `a row with cells of its own: ${line}`);
  }
}
