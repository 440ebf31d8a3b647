/*
 * Text from a spec or a file name (an id, a title, a `use` path) as outcome-lint shows
 * it to people.
 */

/** Text with runs of white space (line breaks, indentation) made single spaces. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * `text` with every control character (C0, DEL and C1) written as an escape: tab, line
 * feed and carriage return as `\t`, `\n` and `\r` (which also keeps a finding on its
 * line), the others as `\x1b` and the like. A terminal obeys them, so a crafted
 * `use "…"` path printed as it is could set the terminal's title, clear the screen or
 * fake a line of output; a Markdown comment would carry them unseen.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => NAMED[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
