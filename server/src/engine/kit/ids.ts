import { NameIndex } from '../../base/did-you-mean';
import { Definition } from '../../model/model';

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
