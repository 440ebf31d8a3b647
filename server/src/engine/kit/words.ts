import { memoByText } from './memo';

/*
 * Matching the writer's wording against curated word lists, for rules whose trigger
 * is language ("self-reported confidence", "12 weekly sessions", "troubled families").
 *
 * Text is split into words, each reduced to a rough stem (`sessions` → `session`,
 * `visiting` → `visit`), and phrases are matched stem by stem, so a list entry
 * matches its plural and -ing/-ed forms. Matching is linear in the text: each word
 * looks up the phrases that start with its stem.
 */

export interface Word {
  /** As written. */
  readonly text: string;
  /** Lower case, without plural or -ing/-ed endings. */
  readonly stem: string;
  /** Offsets in the text the words came from, half-open. */
  readonly start: number;
  readonly end: number;
}

export interface PhraseMatch {
  /** The list entry that matched, as written in the list. */
  readonly phrase: string;
  /** The words that matched it. */
  readonly words: readonly Word[];
  /** Index of the first matching word in the text's words. */
  readonly index: number;
}

// Letters and digits, joined by single apostrophes or hyphens: "don't", "co-design".
// Each alternative starts with a different character class, so there is no backtracking.
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

const NUMBER_WORDS = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'hundred',
]);

/** Words that turn what follows into its opposite: "no weekly sessions are required". */
const NEGATIONS = new Set(['not', 'no', 'never', 'without', 'nor', 'neither', "don't", "doesn't", "isn't", 'none']);

/** A rough English stem: enough to match plurals and verb forms, not a linguist's stem. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = w.slice(0, -2);
  return w;
}

/** A text's words, worked out once for all the rules that read it. */
export const words: (text: string) => readonly Word[] = memoByText(split);

function split(text: string): Word[] {
  const result: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    result.push({ text: match[0], stem: stem(match[0]), start, end: start + match[0].length });
  }
  return result;
}

/**
 * Each word's clause, numbered from 0: a new clause starts where the text between two
 * words holds one of `breaks` (each rule says which punctuation ends a clause for it),
 * unless `joined` says the two words belong together anyway.
 */
export function clauseNumbers(text: string, list: readonly Word[], breaks: RegExp, joined?: (i: number, between: string) => boolean): number[] {
  let clause = 0;
  return list.map((w, i) => {
    if (i === 0) return clause;
    const between = text.slice(list[i - 1].end, w.start);
    if (breaks.test(between) && !joined?.(i, between)) clause++;
    return clause;
  });
}

export function isNumberWord(word: Word): boolean {
  return /^\d/.test(word.text) || NUMBER_WORDS.has(word.text.toLowerCase());
}

/** True when one of the `within` words before `index` negates it. */
export function isNegated(list: readonly Word[], index: number, within = 3): boolean {
  for (let i = Math.max(0, index - within); i < index; i++) {
    if (NEGATIONS.has(list[i].text.toLowerCase().replace(/’/g, "'"))) return true;
  }
  return false;
}

/** A list of words and phrases to look for, each matched in any of its forms. */
export class PhraseList {
  private readonly byFirstStem = new Map<string, { phrase: string; stems: string[] }[]>();

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) {
      const stems = words(phrase).map((w) => w.stem);
      if (stems.length === 0) continue;
      const list = this.byFirstStem.get(stems[0]) ?? [];
      list.push({ phrase, stems });
      // Longest first, so "hard to reach" wins over "hard".
      list.sort((a, b) => b.stems.length - a.stems.length);
      this.byFirstStem.set(stems[0], list);
    }
  }

  /** Every match in the words, left to right, without overlaps. */
  find(list: readonly Word[]): PhraseMatch[] {
    const matches: PhraseMatch[] = [];
    for (let i = 0; i < list.length; i++) {
      const candidates = this.byFirstStem.get(list[i].stem);
      const hit = candidates?.find((c) => c.stems.every((s, k) => list[i + k]?.stem === s));
      if (hit) {
        matches.push({ phrase: hit.phrase, words: list.slice(i, i + hit.stems.length), index: i });
        i += hit.stems.length - 1;
      }
    }
    return matches;
  }

  /** Matches that are not negated ("no weekly sessions" does not count). */
  findAffirmed(list: readonly Word[]): PhraseMatch[] {
    return this.find(list).filter((m) => !isNegated(list, m.index));
  }
}
