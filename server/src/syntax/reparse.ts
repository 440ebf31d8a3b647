import { Diagnostic } from '../base/diagnostic';
import { FileNode, TopLevelItem } from './ast';
import { parse, ParseResult } from './parse';
import { isSpan, Span } from '../base/span';

/*
 * Parsing after an edit, for the language server: a keystroke inside one top-level item
 * (a cohort, an outcome, the payment block…) parses that item's new text alone and
 * keeps the trees of every other item, moved by the edit's change in length. On a
 * 10,000-line spec that is a few hundred tokens parsed instead of sixty thousand.
 *
 * The result is always what `parse(text)` would give (test/reparse.test.ts checks it
 * against `parse` on random edits). That holds because the grammar is LL(1) and the
 * file before the edit had no syntax error outside the item: the tokens before the
 * item are unchanged, so the parser reaches the item as before; it reads the item's
 * tokens as the item alone would be read (which must parse cleanly, as one item); and
 * it leaves the item where the item ends, before unchanged tokens. Whenever any of
 * that is not certain, it parses the whole text.
 */

/** An edit inside one top-level item, which `reparse` parsed again alone. */
export interface ItemEdit {
  /** The parse before the edit (used up). */
  readonly from: ParseResult;
  /** The item as it was (in the old text's offsets, not moved) and as it is now. */
  readonly before: TopLevelItem;
  readonly after: TopLevelItem;
  /** The old text's `[start, oldEnd)` was replaced by text `delta` characters longer (or shorter, when negative). */
  readonly start: number;
  readonly oldEnd: number;
  readonly delta: number;
  /** A line break in what changed or just beside it (where a `\r` and a `\n` may join into one, or part). */
  readonly nearLineBreak: boolean;
}

/**
 * The parse of `text`, worked out from the parse of an earlier text of the same file,
 * and the edit when it was inside one item. The earlier parse is used up: its trees
 * become part of the result, moved in place, so nothing may use it afterwards (the
 * server's workspace keeps only the result).
 */
export function reparse(earlier: { readonly text: string; readonly parsed: ParseResult }, text: string): { parsed: ParseResult; edit?: ItemEdit } {
  return reparseInside(earlier.text, earlier.parsed, text) ?? { parsed: parse(text) };
}

function reparseInside(old: string, parsed: ParseResult, text: string): { parsed: ParseResult; edit: ItemEdit } | undefined {
  const { start, oldEnd } = changedRegion(old, text);
  const delta = text.length - old.length;
  const items = parsed.file.items;
  // The edit must leave the item's first and last characters as they were: then no
  // token outside the item can change (the lexer looks at most two characters ahead).
  const k = items.findIndex((item) => item.span.start < start && oldEnd < item.span.end);
  if (k < 0) return undefined;
  const item = items[k];
  // A syntax error elsewhere leaves the parser's path through the file uncertain; one
  // inside the item (a string still being typed, a value not yet written) does not:
  // the item is parsed again and the rest was reached and left as before. An error on
  // the item's first word may be the previous item's ("not closed before `outcome`").
  const inside = (span: Span): boolean => item.span.start < span.start && span.end <= item.span.end;
  if (parsed.diagnostics.some((d) => d.code === 'syntax/parse' && !inside(d.span))) return undefined;
  const from = item.span.start;
  const to = item.span.end + delta;
  const piece = parse(text.slice(from, to));
  const alone = piece.file.items[0];
  if (piece.file.items.length !== 1 || alone.span.start !== 0 || alone.span.end !== to - from) return undefined;
  // With a mistake inside (a field half typed), recovery must have stayed inside the
  // item: a block whose own closing brace is its last token. Recovery that skipped
  // to the end of the piece would, in the whole text, have gone on into the next item.
  const closed = 'braces' in alone && alone.braces?.close?.end === to - from;
  if (!closed && piece.diagnostics.some((d) => d.code === 'syntax/parse')) return undefined;
  const before = (span: Span): boolean => span.end <= item.span.start;
  const after = (span: Span): boolean => span.start >= item.span.end;
  const file: FileNode = {
    span: { start: 0, end: text.length },
    items: [...items.slice(0, k), moved(alone, from), ...items.slice(k + 1).map((i) => moved(i, delta))] as TopLevelItem[],
    comments: [
      ...parsed.file.comments.filter((c) => before(c.span)),
      ...piece.file.comments.map((c) => moved(c, from)),
      ...parsed.file.comments.filter((c) => after(c.span)).map((c) => moved(c, delta)),
    ],
  };
  // The item's own findings are the new parse's; the others are inside other items
  // (such as a field given twice).
  const diagnostics: Diagnostic[] = [
    ...parsed.diagnostics.filter((d) => before(d.span)),
    ...piece.diagnostics.map((d) => moved(d, from)),
    ...parsed.diagnostics.filter((d) => after(d.span)).map((d) => moved(d, delta)),
  ];
  const nearLineBreak = /[\r\n]/.test(old.slice(Math.max(0, start - 1), oldEnd + 1)) || /[\r\n]/.test(text.slice(Math.max(0, start - 1), oldEnd + delta + 1));
  const edit = { from: parsed, before: item, after: file.items[k], start, oldEnd, delta, nearLineBreak };
  return { parsed: { file, diagnostics }, edit };
}

/** Where two texts differ: from `start`, up to `oldEnd` in the old text (the rest is the same). */
function changedRegion(old: string, text: string): { start: number; oldEnd: number } {
  const shorter = Math.min(old.length, text.length);
  // Whole chunks first: comparing two slices is one native comparison, far quicker
  // than a loop over characters, and most of a long text is unchanged.
  let start = 0;
  while (start + CHUNK <= shorter && old.slice(start, start + CHUNK) === text.slice(start, start + CHUNK)) start += CHUNK;
  while (start < shorter && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let same = 0;
  const room = shorter - start;
  while (same + CHUNK <= room && old.slice(old.length - same - CHUNK, old.length - same) === text.slice(text.length - same - CHUNK, text.length - same)) same += CHUNK;
  while (same < room && old.charCodeAt(old.length - 1 - same) === text.charCodeAt(text.length - 1 - same)) same++;
  return { start, oldEnd: old.length - same };
}

const CHUNK = 1024;

/**
 * Moves every span in a tree (or a finding) by `delta`, in place: `reparse` uses the
 * earlier parse up. A parse holds each object once (findings copy the spans they point
 * at), so nothing moves twice; test/reparse.test.ts checks that too.
 */
function moved<T extends object>(node: T, delta: number): T {
  for (const span of spansIn(node)) {
    span.start += delta;
    span.end += delta;
  }
  return node;
}

/**
 * The spans under a node, found once and remembered: while someone types, the items
 * after the cursor move at every keystroke, and walking their trees again each time
 * cost more than the rest of the parse. Trees are never changed but by `moved`.
 */
const spansUnder = new WeakMap<object, { start: number; end: number }[]>();

function spansIn(node: object): { start: number; end: number }[] {
  let spans = spansUnder.get(node);
  if (!spans) {
    spans = [];
    collectSpans(node, spans);
    spansUnder.set(node, spans);
  }
  return spans;
}

function collectSpans(value: unknown, into: { start: number; end: number }[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collectSpans(item, into);
    return;
  }
  const object = value as Record<string, unknown>;
  if (isSpan(object)) into.push(object as { start: number; end: number });
  else for (const key in object) collectSpans(object[key], into);
}
