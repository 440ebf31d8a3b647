import { NameIndex } from '../../base/did-you-mean';
import { Fix } from '../../base/diagnostic';
import { Span } from '../../base/span';
import { Definition } from '../../model/model';
import { SpecFacts } from '../facts';

/** Distinct ids a lint suggests a correction for, at most: past that, a file is broken beyond what a guess helps. */
const MOST_SUGGESTED = 200;

/**
 * "Did you mean `care_leavers`?" for ids: the one definition an unresolved reference most
 * likely meant (the same letters in other case, or a typo or two away), worked out once
 * for each distinct id, among the definitions indexed once. A lint with thousands of
 * references to one undefined id, or thousands of definitions, stays linear.
 */
export function idSuggester(definitions: Iterable<Definition>): (id: string) => Definition | undefined {
  const index = new NameIndex(definitions, (d) => d.name.text);
  const known = new Map<string, Definition | undefined>();
  return (id) => {
    if (known.has(id)) return known.get(id);
    const found = known.size < MOST_SUGGESTED ? index.nearest(id, () => (id.length <= 4 ? 1 : 2))?.candidate : undefined;
    known.set(id, found);
    return found;
  };
}

/** How many ids there are of each spelling in lower case, counted once per model: lints ask for each unresolved id. */
const folds = new WeakMap<ReadonlyMap<string, Definition>, Map<string, number>>();
function foldedCounts(definitions: ReadonlyMap<string, Definition>): Map<string, number> {
  let counts = folds.get(definitions);
  if (!counts) {
    counts = new Map();
    for (const name of definitions.keys()) counts.set(name.toLowerCase(), (counts.get(name.toLowerCase()) ?? 0) + 1);
    folds.set(definitions, counts);
  }
  return counts;
}

/**
 * The edit that corrects an unresolved id to the definition it most likely meant: a fix
 * (safe to apply unread) only when the two differ in capitals alone, no other definition
 * differs from it in capitals alone, and every used file could be read; otherwise a
 * suggestion. `housed_12m` → `housed_6m` is two letters, and a different outcome with a
 * different price: a person must choose it. And when a used file could not be read, the
 * id may well be defined there.
 */
export function idCorrection(facts: SpecFacts, at: Span, id: string, near: Definition | undefined): { fixes: Fix[]; suggestions: Fix[] } {
  if (!near) return { fixes: [], suggestions: [] };
  const correction: Fix = { title: `Change to \`${near.name.text}\``, edits: [facts.edits.replace(at, near.name.text)] };
  const folded = id.toLowerCase();
  const capitalsOnly = near.name.text.toLowerCase() === folded;
  const alone = foldedCounts(facts.model.definitions).get(folded) === 1;
  const usesRead = !facts.model.diagnostics.some((d) => d.code === 'structure/unresolved-use');
  return capitalsOnly && alone && usesRead ? { fixes: [correction], suggestions: [] } : { fixes: [], suggestions: [correction] };
}
