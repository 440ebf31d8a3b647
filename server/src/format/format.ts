import { CstElement, CstNode, IToken } from 'chevrotain';
import { LineIndex } from '../base/line-index';
import { parse } from '../syntax/parse';
import { theParser } from '../syntax/parser';
import { Comma, LCurly, RCurly, tokenize } from '../syntax/tokens';

/*
 * The document formatter: one canonical layout for a spec.
 *
 * It is a pretty printer over the token stream. Every token and every comment of the
 * input is written out, in order, exactly as spelt; only the whitespace between them
 * is decided here. The parse tree says which tokens begin a field or an item (keywords
 * are contextual, so `review` in `for review, self` is an id, not an item), and brace
 * depth gives the indentation.
 *
 * The layout:
 *
 * - Two spaces of indentation per block level. One field per line, its words separated
 *   by single spaces (no space before a `,`). `name "Title" {` on one line, `}` on a
 *   line of its own. A block written on one line (`cohort a { size 3 }`) is expanded to
 *   one field per line; an empty block with no comment inside is written `{}`.
 * - Top-level blocks (`spec`, `cohort`, `outcome`, `payment`, `subcontracting`,
 *   `contingency`, `finance`) are separated from the items around them by one blank line. Runs of
 *   one-line items (`use`, `requirement`, `standard`, `review`, `involve`, `monitor`)
 *   stay together, of any kind, unless the writer left a blank line between two of
 *   them, which is kept.
 * - Blank lines: wherever the writer left one or more between two lines that are
 *   still separate lines, one is kept; never at the start of the file, just after a
 *   `{` line, just before a `}` line, or inside a field that a comment splits.
 * - Comments are never dropped or moved to another item. A comment on a line of its
 *   own stays on a line of its own, before the token that followed it, indented to
 *   that token's level (a comment just before a `}` is indented with the block's
 *   fields). A comment after a token stays at the end of that token's line, two spaces
 *   after it; comments the writer lined up in one column on neighbouring lines keep
 *   that column, where the line's text leaves room for it; trailing
 *   spaces inside a comment are removed. A comment in the middle of
 *   a field ends the line, and the rest of the field goes on the next line, indented
 *   one level more than the field.
 * - Values are written exactly as in the source: money, numbers, dates and strings
 *   (with their quotes, escapes, and the line breaks inside `"""` text) are untouched.
 *   No line is ever wrapped or joined inside text.
 * - Line breaks are the file's first line break (`\r\n`, `\n` or `\r`; `\n` when there
 *   is none). A byte order mark at the start stays. The file ends with exactly one line
 *   break; a file with nothing but whitespace becomes empty.
 * - A file with a syntax error (any `syntax/parse` finding) is refused: a layout built
 *   on half-understood text could lose some of it.
 *
 * Why the output means what the input meant: ids spelt like field words are read as
 * ids only when they are on the same line as the word before them (`parser.ts`,
 * `id()`). The formatter only ever joins lines within a field and breaks lines before
 * a field, an item or a `}`, or after a comment; the last only where the input had a
 * line break too. So a file that parsed without errors parses the same way afterwards.
 */

export type FormatResult = { readonly text: string } | { readonly refused: string };

export const SYNTAX_ERRORS_REFUSAL = 'fix the syntax errors first: a file the parser only half understood is not reformatted';

/** Formats a spec. Pure: never throws, never loses a token or a comment. */
export function format(text: string): FormatResult {
  try {
    return formatText(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { refused: `outcome-lint could not format this file because of an internal error (${reason}); please report it` };
  }
}

interface Element {
  readonly token: IToken;
  readonly comment: boolean;
  readonly start: number;
  readonly end: number;
}

interface Line {
  indent: number;
  text: string;
  /** Where its first token or comment is in the source. */
  readonly origin: number;
  blank: boolean;
  /** `item`: the first line of a top-level item; `comment0`: an own-line comment before one. */
  readonly role: 'item' | 'comment0' | 'other';
  /** For `item` lines: is the item a block (as opposed to a one-line item)? */
  readonly block: boolean;
  /** Is the line's last token a `{` (a trailing comment aside)? */
  endsWithOpen: boolean;
}

function formatText(text: string): FormatResult {
  if (parse(text).diagnostics.some((d) => d.code === 'syntax/parse')) return { refused: SYNTAX_ERRORS_REFUSAL };

  const lexed = tokenize(text);
  if (lexed.errors.length > 0) return { refused: SYNTAX_ERRORS_REFUSAL };
  const tokens = lexed.tokens;
  const comments = lexed.groups.comments ?? [];
  const parser = theParser();
  parser.text = text;
  parser.input = tokens;
  const cst = parser.file();
  if (parser.errors.length > 0) return { refused: SYNTAX_ERRORS_REFUSAL };

  // Which tokens begin a field or an item, and which items are blocks.
  const starts = new Set<number>();
  const items = new Map<number, boolean>();
  for (const item of (cst.children.item ?? []) as CstNode[]) {
    const start = item.location?.startOffset;
    const rule = Object.keys(item.children)[0] ?? '';
    if (start !== undefined) items.set(start, rule.endsWith('Block'));
  }
  collectStarts(cst, starts);

  const elements: Element[] = [
    ...tokens.map((token) => element(token, false)),
    ...comments.map((token) => element(token, true)),
  ].sort((a, b) => a.start - b.start);

  const aligned = alignedComments(text, comments);

  // For each comment, the token after it (the one it is indented to), if any.
  const anchors: (Element | undefined)[] = new Array(elements.length);
  for (let i = elements.length - 1, next: Element | undefined; i >= 0; i--) {
    anchors[i] = next;
    if (!elements[i].comment) next = elements[i];
  }

  const eol = /\r\n|\n|\r/.exec(text)?.[0] ?? '\n';
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';

  const lines: Line[] = [];
  let depth = 0;
  let prevEnd = 0;
  let previous: Element | undefined;

  const newLine = (el: Element, indent: number, content: string, kind: { continuation: boolean; closer: boolean; role: Line['role']; block?: boolean }): void => {
    const last = lines[lines.length - 1];
    const writerBlank = lineBreaks(text.slice(prevEnd, el.start)) >= 2;
    const allowed = last !== undefined && !last.endsWithOpen && !kind.continuation && !kind.closer;
    lines.push({ indent, text: content, origin: el.start, blank: allowed && writerBlank, role: kind.role, block: kind.block ?? false, endsWithOpen: false });
  };

  for (let i = 0; i < elements.length; i++) {
    const el = elements[i];
    const current = lines[lines.length - 1];
    if (el.comment) {
      const image = el.token.image.trimEnd();
      const trailing = previous !== undefined && current !== undefined && !/[\r\n]/.test(text.slice(prevEnd, el.start));
      if (trailing) {
        // Comments the writer aligned in a column stay aligned, where the text leaves room
        // (on a line written as it is now); any other is two spaces after the code.
        const reached = current.indent + current.text.length;
        const column = aligned.has(el.start) && wholeSourceLine(text, current.origin, el.start) ? columnOf(text, el.start) : 0;
        current.text += `${' '.repeat(Math.max(2, column - reached))}${image}`;
      } else {
        // Indented to the level of the token it comes before.
        const anchor = anchors[i];
        const continuation = anchor !== undefined && !starts.has(anchor.start) && anchor.token.tokenType !== RCurly;
        const role = depth === 0 && (anchor === undefined || items.has(anchor.start)) ? 'comment0' : 'other';
        newLine(el, 2 * depth + (continuation ? 2 : 0), image, { continuation, closer: false, role });
      }
    } else {
      const type = el.token.tokenType;
      const image = el.token.image;
      if (type === RCurly) depth--;
      const fieldStart = starts.has(el.start);
      const emptyBlock = type === RCurly && previous !== undefined && !previous.comment && previous.token.tokenType === LCurly;
      const afterComment = previous?.comment === true;
      if (current === undefined || afterComment || fieldStart || (type === RCurly && !emptyBlock)) {
        const continuation = !fieldStart && type !== RCurly;
        const item = depth === 0 && items.has(el.start);
        newLine(el, 2 * depth + (continuation ? 2 : 0), image, {
          continuation,
          closer: type === RCurly,
          role: item ? 'item' : 'other',
          block: item ? items.get(el.start) : false,
        });
      } else {
        current.text += emptyBlock || type === Comma ? image : ` ${image}`;
      }
      lines[lines.length - 1].endsWithOpen = type === LCurly;
      if (type === LCurly) depth++;
    }
    previous = el;
    prevEnd = el.end;
  }

  // One blank line around every top-level block, before the comments that lead into
  // the next item, unless the writer already put one somewhere among them.
  let previousItem = -1;
  for (let k = 0; k < lines.length; k++) {
    if (lines[k].role !== 'item') continue;
    if (previousItem >= 0 && (lines[previousItem].block || lines[k].block)) {
      let first = k;
      while (first - 1 > previousItem && lines[first - 1].role === 'comment0') first--;
      if (!lines.slice(first, k + 1).some((l) => l.blank)) lines[first].blank = true;
    }
    previousItem = k;
  }

  const out: string[] = [];
  for (const line of lines) {
    if (line.blank) out.push('');
    out.push(' '.repeat(line.indent) + line.text);
  }
  const result = lines.length === 0 ? bom : bom + out.join(eol) + eol;

  // The guarantee, checked: the same tokens and comments, in the same order.
  if (!sameWords(lexed, tokenize(result))) {
    return { refused: 'outcome-lint could not format this file without changing its text (an internal error); please report it' };
  }
  return { text: result };
}

function element(token: IToken, comment: boolean): Element {
  return { token, comment, start: token.startOffset, end: token.startOffset + token.image.length };
}

/** Nodes that begin a line: items, the fields of every block, and nested blocks. */
const LINE_RULE = /(Field|Block|Item)$/;

function collectStarts(node: CstNode, starts: Set<number>): void {
  for (const [name, children] of Object.entries(node.children)) {
    for (const child of (children ?? []) as CstElement[]) {
      if (!('children' in child)) continue;
      const start = child.location?.startOffset;
      if ((name === 'item' || LINE_RULE.test(name)) && start !== undefined && Number.isFinite(start)) starts.add(start);
      collectStarts(child, starts);
    }
  }
}

/** Where the source line of an offset starts. */
function lineStartOf(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

/** The column of an offset in its line (0-based), a byte order mark at the start not counted. */
function columnOf(text: string, offset: number): number {
  const lineStart = lineStartOf(text, offset);
  return offset - lineStart - (lineStart === 0 && text.startsWith('\ufeff') ? 1 : 0);
}

/**
 * The comments after code on their line that share their column with such a comment on
 * the line above or below: a column the writer lined them up in. A lone comment's column
 * is not kept, so that `format --check` can hold the spacing.
 */
function alignedComments(text: string, comments: readonly IToken[]): Set<number> {
  const lines = new LineIndex(text);
  const trailing = new Map<number, { start: number; column: number }>();
  for (const comment of comments) {
    const start = comment.startOffset;
    if (text.slice(lineStartOf(text, start), start).trim().replace(/^\ufeff/, '') === '') continue;
    trailing.set(lines.lineColumn(start).line, { start, column: columnOf(text, start) });
  }
  const aligned = new Set<number>();
  for (const [line, { start, column }] of trailing) {
    if (trailing.get(line - 1)?.column === column || trailing.get(line + 1)?.column === column) aligned.add(start);
  }
  return aligned;
}

/** Whether `from` begins its source line (after spaces) and `to` is on that line: an output line that was one line as written. */
function wholeSourceLine(text: string, from: number, to: number): boolean {
  return text.slice(lineStartOf(text, from), from).trim().replace(/^\ufeff/, '') === '' && !/[\r\n]/.test(text.slice(from, to));
}

function lineBreaks(gap: string): number {
  return gap.match(/\r\n|\r|\n/g)?.length ?? 0;
}

type Lexed = ReturnType<typeof tokenize>;

function sameWords(before: Lexed, after: Lexed): boolean {
  const words = (lexed: Lexed): string[] => {
    const comments = (lexed.groups.comments ?? []).map((c) => ({ at: c.startOffset, word: `#${c.image.trimEnd()}` }));
    const tokens = lexed.tokens.map((t) => ({ at: t.startOffset, word: `${t.tokenType.name}:${t.image}` }));
    return [...tokens, ...comments].sort((a, b) => a.at - b.at).map((w) => w.word);
  };
  if (after.errors.length > 0) return false;
  const a = words(before);
  const b = words(after);
  return a.length === b.length && a.every((w, i) => w === b[i]);
}
