import { TextEdit } from '../base/diagnostic';
import { Braces, Node } from '../syntax/ast';
import { SpecFacts } from './facts';

/*
 * Where a quick fix puts a missing field: on a line of its own after the field it
 * should follow (after any comment on that line), indented like it; or straight after
 * it, on the same line, when the block is written on one line. The language forgives
 * layout, so either way the result parses; this keeps it looking as the writer wrote.
 * Every rule that adds fields uses this one function.
 */

export interface Block {
  readonly span: Node['span'];
  readonly keyword: Node['span'];
  readonly braces: Braces | undefined;
}

/**
 * The insertion of `fields` (e.g. `evidence "…"`, one line each) into `block`, after
 * `after`, or first when `after` is undefined. Undefined for a block never closed.
 */
export function insertField(facts: SpecFacts, block: Block, after: Node | undefined, ...fields: string[]): TextEdit | undefined {
  const braces = block.braces;
  // An unclosed block is a syntax error to mend first: no guessing where it ends.
  if (!braces?.close) return undefined;
  const { text, lines, eol } = facts;
  const anchorEnd = after?.span.end ?? braces.open.end;
  const line = lines.position(anchorEnd).line;
  const lineEnd = lines.lineEnd(line);
  const rest = text.slice(anchorEnd, lineEnd);
  // Something other than a comment follows on the line (another field, or the closing
  // brace): the block is written along the line, so the field goes along it too.
  if (!/^\s*(#.*)?$/.test(rest)) return { span: { start: anchorEnd, end: anchorEnd }, newText: fields.map((f) => ` ${f}`).join('') };
  const indent = indentFor(facts, block, after);
  return { span: { start: lineEnd, end: lineEnd }, newText: fields.map((f) => `${eol}${indent}${f}`).join('') };
}

/** The indentation of `after` when it starts its line; else the block's, one step in. */
function indentFor(facts: SpecFacts, block: Block, after: Node | undefined): string {
  const { text, lines } = facts;
  const leading = (offset: number): string | undefined => {
    const start = lines.lineStart(lines.position(offset).line);
    const before = text.slice(start, offset);
    return /^[ \t]*$/.test(before) ? before : undefined;
  };
  const own = after && leading(after.span.start);
  if (own !== undefined) return own;
  const blockStart = lines.lineStart(lines.position(block.keyword.start).line);
  const blockIndent = /^[ \t]*/.exec(text.slice(blockStart, block.keyword.start))?.[0] ?? '';
  return `${blockIndent}  `;
}

/** The field of `candidates` that ends last in the text: the one a new field follows. */
export function lastOf(candidates: readonly (Node | undefined)[]): Node | undefined {
  let last: Node | undefined;
  for (const c of candidates) if (c && (!last || c.span.end > last.span.end)) last = c;
  return last;
}
