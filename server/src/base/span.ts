/** A half-open range of UTF-16 code unit offsets into a document: `[start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The smallest span that covers both. */
export function cover(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/**
 * Whether a value inside a tree (a node's part) is a span: spans are the only objects
 * in a tree with a numeric start and end. For code that walks any tree
 * (syntax/reparse.ts, engine/reuse.ts, engine/facts.ts).
 */
export function isSpan(value: object): value is Span {
  const v = value as { start?: unknown; end?: unknown };
  return typeof v.start === 'number' && typeof v.end === 'number';
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
