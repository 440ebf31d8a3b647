/** Every text memory, so that `forgetTexts` can empty them all. */
const memories: Map<string, unknown>[] = [];

/**
 * A pure function of a text, remembered: rules read the same texts (a measure, a
 * requirement) again and again, in one lint and in the server's next lint after a
 * keystroke elsewhere. The memory is emptied when it holds `limit` texts, so it stays
 * bounded whatever the workspace.
 */
export function memoByText<T>(compute: (text: string) => T, limit = 5_000): (text: string) => T {
  const known = new Map<string, T>();
  memories.push(known);
  return (text) => {
    const found = known.get(text);
    if (found !== undefined || known.has(text)) return found as T;
    if (known.size >= limit) known.clear();
    const result = compute(text);
    known.set(text, result);
    return result;
  };
}

/**
 * Empties every text memory: for benchmarks that lint the same text again and again
 * and must time a lint that has read none of it before.
 */
export function forgetTexts(): void {
  for (const known of memories) known.clear();
}
