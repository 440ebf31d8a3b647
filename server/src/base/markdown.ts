import { printable, squash } from './text';

/*
 * Text from a spec in Markdown (the risk report, the diff's pull-request comment),
 * shown as it is written and never read as Markdown or HTML. Put in as it is, a title
 * such as `<img src=x onerror=alert(1)>` would be HTML wherever the Markdown is shown,
 * and `[…](…)`, `**`, a leading `#` or `-`, or a backtick would add links, emphasis,
 * headings, list items or code. Line breaks become spaces and control characters
 * escapes (text.ts), so a value stays on its line.
 *
 * A `|` would end a table cell: it is escaped by `markdownCell`, for the whole cell,
 * so that a cell that holds code as well as text has each `|` escaped once.
 */

/** Free text: each character that Markdown or HTML would read is escaped with a backslash. */
export function markdownText(text: string): string {
  return lineStart(escaped(printable(squash(text))));
}

/** An inline code span of `text`, whatever backticks it holds. */
export function markdownCode(text: string): string {
  return fenced(printable(squash(text)));
}

/**
 * Text that marks code with backticks as outcome-lint's messages do ("`sustained` is
 * paid…"): each code span as code, the rest as free text.
 */
export function markdownRich(text: string): string {
  const parts = printable(squash(text)).split(/`([^`]+)`/);
  return lineStart(parts.map((part, i) => (i % 2 === 1 ? fenced(part) : escaped(part))).join(''));
}

/** Markdown for a table cell: its `|`s escaped, in code spans too (as GitHub reads tables). */
export function markdownCell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|');
}

function escaped(text: string): string {
  return text.replace(/[\\`*_[\]<>~#&]/g, (c) => `\\${c}`);
}

/** What would begin a list item or underline a heading at the start of a line: `- `, `+`, `=`, `1.`, `1)`. */
function lineStart(markdown: string): string {
  return markdown.replace(/^(?:[-+=]|(\d+)([.)]))/, (mark, digits: string | undefined, dot: string | undefined) => (digits === undefined ? `\\${mark}` : `${digits}\\${dot}`));
}

function fenced(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
