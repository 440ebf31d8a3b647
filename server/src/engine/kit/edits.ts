import { TextEdit } from '../../base/diagnostic';
import { LineIndex } from '../../base/line-index';
import { Span } from '../../base/span';
import { Braces, Node } from '../../syntax/ast';

/*
 * Where a quick fix puts what it adds, worked out once for every rule (and for the
 * "disable for this line" action): a missing field on a line of its own after the field
 * it should follow, indented like it; a new block after another, with a blank line
 * between; a comment line above a finding. Lines end as the file's already do. The
 * language forgives layout, so the result always parses; this keeps it looking as the
 * writer wrote it.
 */

/** A block a field can go into. */
export interface Block {
  readonly span: Span;
  readonly keyword: Span;
  readonly braces: Braces | undefined;
}

export class Edits {
  private lineBreak: string | undefined;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  /** The line break the file already uses (found once: every fix asks). */
  get eol(): string {
    this.lineBreak ??= this.text.includes('\r\n') ? '\r\n' : '\n';
    return this.lineBreak;
  }

  replace(span: Span, newText: string): TextEdit {
    return { span, newText };
  }

  /**
   * `fields` (one line each, such as `evidence "…"`) into `block`, after `after`, or first
   * in the block when `after` is undefined: on lines of their own (after any comment on
   * that line), or along the line when the block is written on one line. Undefined for a
   * block never closed: where it ends is a guess, and a syntax error to mend first.
   */
  insertField(block: Block, after: Node | undefined, ...fields: string[]): TextEdit | undefined {
    const braces = block.braces;
    if (!braces?.close) return undefined;
    const anchorEnd = after?.span.end ?? braces.open.end;
    const lineEnd = this.lines.lineEnd(this.lines.position(anchorEnd).line);
    // Something other than a comment follows on the line (another field, or the closing
    // brace): the block is written along the line, so the field goes along it too.
    if (!/^\s*(#.*)?$/.test(this.text.slice(anchorEnd, lineEnd))) {
      return { span: { start: anchorEnd, end: anchorEnd }, newText: fields.map((f) => ` ${f}`).join('') };
    }
    const indent = after && this.startsLine(after.span.start) ? this.indentOf(after.span.start) : `${this.indentOf(block.keyword.start)}  `;
    return { span: { start: lineEnd, end: lineEnd }, newText: fields.map((f) => `${this.eol}${indent}${f}`).join('') };
  }

  /**
   * A new top-level item (`lines`, the first unindented) after `item`, with a blank line
   * between, indented as `item` is. Undefined after a block never closed.
   */
  insertItemAfter(item: Node & { readonly braces?: Braces | undefined }, lines: readonly string[]): TextEdit | undefined {
    if ('braces' in item && !item.braces?.close) return undefined;
    const at = this.lines.lineEnd(this.lines.position(item.span.end).line);
    const indent = this.indentOf(item.span.start);
    return { span: { start: at, end: at }, newText: `${this.eol}${this.eol}${indent}${this.indented(lines, indent)}` };
  }

  /** A new top-level item (`lines`) before `item`, with a blank line between, indented as `item` is. */
  insertItemBefore(item: Node, lines: readonly string[]): TextEdit {
    const indent = this.indentOf(item.span.start);
    return { span: { start: item.span.start, end: item.span.start }, newText: `${this.indented(lines, indent)}${this.eol}${this.eol}${indent}` };
  }

  /** `item` replaced by `lines`, the later ones indented as the item's line is. */
  replaceItem(item: Node, lines: readonly string[]): TextEdit {
    return { span: item.span, newText: this.indented(lines, this.indentOf(item.span.start)) };
  }

  /** A line above the line of `offset`, indented as that line is. */
  insertLineAbove(offset: number, line: string): TextEdit {
    const start = this.lines.lineStart(this.lines.position(offset).line);
    return { span: { start, end: start }, newText: `${this.indentOf(offset)}${line}${this.eol}` };
  }

  /** The spaces and tabs that begin the line of `offset`. */
  private indentOf(offset: number): string {
    const start = this.lines.lineStart(this.lines.position(offset).line);
    return /^[ \t]*/.exec(this.text.slice(start, offset))?.[0] ?? '';
  }

  /** Whether only spaces and tabs come before `offset` on its line. */
  private startsLine(offset: number): boolean {
    return this.indentOf(offset).length === offset - this.lines.lineStart(this.lines.position(offset).line);
  }

  /** Lines joined with the file's line break, every one but the first starting with `indent`. */
  private indented(lines: readonly string[], indent: string): string {
    return lines.map((l, i) => (i === 0 ? l : indent + l)).join(this.eol);
  }
}

/** The field of `candidates` that ends last in the text: the one a new field follows. */
export function lastOf(candidates: readonly (Node | undefined)[]): Node | undefined {
  let last: Node | undefined;
  for (const c of candidates) if (c && (!last || c.span.end > last.span.end)) last = c;
  return last;
}
