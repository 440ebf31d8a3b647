/*
 * "Did you mean …?": the one search for the word someone meant, for misspelt keywords,
 * ids, rule ids and command-line options. Each place words its own message; they all
 * find the word here, the same way.
 */

export interface Nearest<T> {
  readonly candidate: T;
  /** Edits between the word and the candidate's name, capitals aside (0: the same letters in other case). */
  readonly distance: number;
}

/**
 * The candidate whose name is fewest edits from `word` (an insertion, a deletion, a
 * changed letter, or two neighbours swapped), capitals aside, when it is at most
 * `limit(length of the name)` edits away. Undefined when none is that near, or when two
 * are equally near: a guess between them would mislead.
 */
export function nearest<T>(
  word: string,
  candidates: Iterable<T>,
  options: { readonly name: (candidate: T) => string; readonly limit: (length: number) => number },
): Nearest<T> | undefined {
  return new NameIndex(candidates, options.name).nearest(word, options.limit);
}

/**
 * Candidates kept by the length of their names, for many searches among them: a search
 * looks only at names whose length is within its limit of the word's, so a name of 12
 * letters is never compared with one of 40.
 */
export class NameIndex<T> {
  private readonly byLength = new Map<number, { readonly candidate: T; readonly name: string }[]>();

  constructor(candidates: Iterable<T>, name: (candidate: T) => string) {
    for (const candidate of candidates) {
      const lower = name(candidate).toLowerCase();
      const bucket = this.byLength.get(lower.length);
      if (bucket) bucket.push({ candidate, name: lower });
      else this.byLength.set(lower.length, [{ candidate, name: lower }]);
    }
  }

  /** As `nearest()`. */
  nearest(word: string, limit: (length: number) => number): Nearest<T> | undefined {
    const lower = word.toLowerCase();
    let best: Nearest<T> | undefined;
    let tied = false;
    for (const [length, bucket] of this.byLength) {
      // A name more letters longer or shorter than its limit is never near: none of its length is looked at.
      if (Math.abs(length - lower.length) > limit(length)) continue;
      for (const { candidate, name } of bucket) {
        const most = Math.min(limit(length), best ? best.distance : Infinity);
        const distance = editDistance(lower, name, most);
        if (distance > most) continue;
        if (best && distance === best.distance) {
          tied = true;
        } else {
          best = { candidate, distance };
          tied = false;
        }
      }
    }
    return tied ? undefined : best;
  }
}

/**
 * Edits from `a` to `b` (a swap of two neighbours counts as one), or `limit + 1` as soon
 * as it is sure to be more than `limit`. Only the cells within `limit` of the diagonal
 * are worked out, so two long ids cost their length times the limit, never their
 * lengths multiplied.
 */
export function editDistance(a: string, b: string, limit: number): number {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  if (a === b) return 0;
  const width = b.length + 1;
  // Three rows of the table, reused: two back (for swaps), one back, and this one. Only
  // a row's band and the cell either side of it are written, so the rest never counts.
  let before = new Int32Array(width).fill(over);
  let previous = new Int32Array(width).fill(over);
  let current = new Int32Array(width).fill(over);
  for (let j = 0; j <= Math.min(b.length, limit); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current[from - 1] = from === 1 ? Math.min(i, over) : over;
    if (to < b.length) current[to + 1] = over;
    let smallest = current[from - 1];
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, before[j - 2] + 1);
      current[j] = Math.min(d, over);
      if (current[j] < smallest) smallest = current[j];
    }
    if (smallest > limit) return over;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length], over);
}
