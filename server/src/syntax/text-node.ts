import { Text } from './ast';
import { Span } from '../base/span';

/*
 * The strings of a spec, and who reads them. As someone types in a long spec, most
 * keystrokes change one string (a title, a measure, a requirement), and most rules
 * never look at that string: their findings cannot change, only move (lint.ts keeps
 * them). To know which rules looked, every string in a tree is a `TextNode`, and
 * reading its `value` while `readingTexts` runs notes the node in that run's set.
 */

let reads: Set<Text> | undefined;

export class TextNode implements Text {
  constructor(
    readonly span: Span,
    private readonly decoded: string,
  ) {}

  get value(): string {
    reads?.add(this);
    return this.decoded;
  }

  /** The value, without noting a read: for comparing two trees. */
  get valueUnread(): string {
    return this.decoded;
  }

  toJSON(): { span: Span; value: string } {
    return { span: this.span, value: this.decoded };
  }
}

/** Runs `run`, adding to `into` every string whose value it reads. */
export function readingTexts<T>(into: Set<Text>, run: () => T): T {
  const outer = reads;
  reads = into;
  try {
    return run();
  } finally {
    reads = outer;
  }
}

/**
 * A value worked out once and asked for by several readers (a rule's shared facts):
 * each reader is noted as reading the strings that working it out read, not only the
 * first to ask.
 */
export function sharedReading<T>(compute: () => T): () => T {
  let done: { readonly value: T; readonly read: ReadonlySet<Text> } | undefined;
  return () => {
    if (!done) {
      const read = new Set<Text>();
      done = { value: readingTexts(read, compute), read };
    }
    if (reads) for (const s of done.read) reads.add(s);
    return done.value;
  };
}
