import { z } from 'zod';
import * as ast from '../../syntax/ast';
import { AGE_WORDS, CONDITION, DEGREE, PEOPLE_COUNTED, RECORDED, VAGUE } from './vague-eligibility-words';
import { defineRule, fromReport, isNegated, memoByText, PhraseList, PhraseMatch, saysNothing, stem, Word, words } from '../../engine/kit';

const options = z.object({
  extraVagueWords: z
    .array(z.string())
    .default([])
    .describe('More words or phrases that count as vague wording in a criterion, added to the built-in list (such as "in difficulty").'),
});

const recorded = new PhraseList(RECORDED);
const builtIn = new PhraseList(VAGUE);
const degree = new PhraseList(DEGREE);
const condition = new PhraseList(CONDITION);
const ageWords = new PhraseList(AGE_WORDS);
const peopleCounted = new Set(PEOPLE_COUNTED.map(stem));
const withExtra = new Map<string, PhraseList>();

function vagueList(extra: readonly string[]): PhraseList {
  if (extra.length === 0) return builtIn;
  const key = extra.join('\n');
  let list = withExtra.get(key);
  if (!list) {
    list = new PhraseList([...VAGUE, ...extra]);
    withExtra.set(key, list);
  }
  return list;
}

/** A number ("one" is too loose: "one or more"). */
function isNumber(word: Word): boolean {
  return /^\d/.test(word.text) || ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve'].includes(word.text.toLowerCase());
}

/**
 * A number that says who is in: a threshold, a period, a score ("more than 10% of
 * sessions", "within 56 days", "6 times in two years"). Not an age or a count of the
 * people served, which only frame the cohort ("aged 14 to 17", "250 individuals").
 */
function isThreshold(ws: readonly Word[], i: number, ages: ReadonlySet<number>): boolean {
  if (!isNumber(ws[i]) || ages.has(i)) return false;
  // "2,618 4-year-old children": a count, then the people.
  for (let k = i + 1; k <= i + 2 && k < ws.length; k++) {
    if (peopleCounted.has(ws[k].stem)) return false;
    if (!isNumber(ws[k]) && !/-/.test(ws[k].text)) break;
  }
  return !/^(19|20)\d\d$/.test(ws[i].text); // a year: "in 2012"
}

/** The numbers of a text that are ages: those next to an age word, and the other end of a range ("aged 14 to 17"). */
function agesIn(ws: readonly Word[]): Set<number> {
  const ages = new Set<number>();
  for (const m of ageWords.find(ws)) {
    const last = m.index + m.words.length - 1;
    // "aged 14 to 17", "over the age of 16", "16- and 17-year-olds", "14 - 19 year olds"
    for (let k = Math.max(0, m.index - 5); k <= Math.min(ws.length - 1, last + 5); k++) {
      if (k >= m.index && k <= last) continue;
      if (isNumber(ws[k]) || /^\d+-/.test(ws[k].text)) ages.add(k);
      else if (!['to', 'and', 'or', 'between', 'over', 'under', 'of', 'the', 'from', 'a', 'an'].includes(ws[k].text.toLowerCase()) && k > last) break;
    }
  }
  // "4-year-old children", "aged 40-74", "12-18 year-old adolescents"
  ws.forEach((w, i) => {
    if (/^\d+-(year|yr)/i.test(w.text) || /^\d+-\d+$/.test(w.text)) ages.add(i);
  });
  return ages;
}

export interface Reading {
  /** The vague phrases, as written. */
  readonly vague: string[];
  /** A placeholder ("TBC", "to be agreed"), not yet a criterion. */
  readonly empty: boolean;
  readonly isVague: boolean;
}

/**
 * How a criterion reads: the vague phrases in it that nothing recorded anchors. A
 * criterion is read branch by branch (the parts joined by "or", "and/or" or ";"): a
 * branch that lets someone judge who is in ("or at risk of becoming homeless") is a way
 * in whatever the other branches say. An age, a place or a count of people frames the
 * cohort; it does not say who within the frame is in.
 */
export function readCriterion(text: string, vague: PhraseList = builtIn): Reading {
  return vague === builtIn ? readBuiltIn(text) : read(text, vague);
}

const readBuiltIn = memoByText((text: string) => read(text, builtIn));

function read(text: string, vague: PhraseList): Reading {
  // "TBC", "to be agreed": not yet a criterion. ("…", what quick fixes insert, is a gap the editor shows.)
  if (saysNothing(text)) return { vague: [], empty: true, isVague: true };
  const ws = words(text);
  const branch = branchesOf(text, ws);
  const ages = agesIn(ws);
  const loose: PhraseMatch[] = [...vague.findAffirmed(ws), ...degreeOfCondition(ws), ...needOfHelp(ws)];
  // Anchors: thresholds and records, but not a record inside a vague phrase ("well known to").
  const anchors: number[] = [];
  ws.forEach((_, i) => {
    if (isThreshold(ws, i, ages) && !namesATier(ws, i)) anchors.push(i);
  });
  const inside = (a: PhraseMatch, b: PhraseMatch): boolean => a.index >= b.index && a.index + a.words.length <= b.index + b.words.length && a.words.length < b.words.length;
  const records = recorded.find(ws).filter((r) => !loose.some((m) => inside(r, m)));
  for (const r of records) anchors.push(r.index);
  // A vague word inside a record is defined by it: "disengaged from all employment, education and training".
  const defined = (m: PhraseMatch): boolean => records.some((r) => inside(m, r));

  /** A record or threshold ties the phrase down: in its branch, just before it ("assessed as vulnerable") or after it ("at risk of homelessness, as assessed by …"). */
  const anchored = (m: PhraseMatch): boolean =>
    anchors.some((a) => {
      if (branch[a] !== branch[m.index]) return false;
      const last = m.index + m.words.length - 1;
      if (isObjectOfRisk(ws, m, a)) return false;
      if (a > last) return a - last <= AFTER;
      if (a >= m.index) return false;
      return m.index - a <= BEFORE && !ws.slice(a + 1, m.index).some((w) => ['and', 'but'].includes(w.text.toLowerCase()));
    });
  // Phrases that overlap are one: "in need of early help", not "in need" and "need of early help".
  const spans: { first: number; last: number }[] = [];
  for (const m of loose.filter((x) => !anchored(x) && !defined(x)).sort((a, b) => a.index - b.index)) {
    const last = m.index + m.words.length - 1;
    const previous = spans[spans.length - 1];
    if (previous && m.index <= previous.last) previous.last = Math.max(previous.last, last);
    else spans.push({ first: m.index, last });
  }
  const found = spans.map((p) => text.slice(ws[p.first].start, ws[p.last].end));
  const unique = [...new Set(found)];
  return { vague: unique, empty: false, isVague: unique.length > 0 };
}

/**
 * True when word `a` is in what a risk is a risk of, and so does not tie the risk down:
 * "at risk of becoming NEETs", "at risk of experiencing at least two episodes". A time
 * limit does: "at risk of becoming homeless within 56 days".
 */
function isObjectOfRisk(ws: readonly Word[], m: PhraseMatch, a: number): boolean {
  const last = m.index + m.words.length - 1;
  const of = ws[last]?.stem === 'risk' && ws[last + 1]?.stem === 'of' ? last + 1 : -1;
  if (of < 0 || a <= of || a > of + 5) return false;
  for (let k = a - 1; k > of && k >= a - 2; k--) if (['within', 'in', 'by', 'before'].includes(ws[k].stem)) return false;
  return true;
}

/** How far a record or threshold may be from a vague phrase and still tie it down, in words. */
const BEFORE = 2;
const AFTER = 10;

/** The branch of each word: a new one after "or", "but" or a semicolon ("… not in priority need, but who have a range of support needs"). */
function branchesOf(text: string, ws: readonly Word[]): number[] {
  let branch = 0;
  return ws.map((w, i) => {
    const between = i > 0 ? text.slice(ws[i - 1].end, w.start) : '';
    if (i > 0 && (/[;]/.test(between) || ['or', 'but'].includes(ws[i - 1].text.toLowerCase()))) branch++;
    return branch;
  });
}

/** A number that names a tier or a phase ("where Tier 2 was suitable"), not a threshold. */
function namesATier(ws: readonly Word[], i: number): boolean {
  return ['tier', 'phase', 'stage', 'step', 'band'].includes(ws[i - 1]?.stem ?? '');
}

/** Needing help, as someone judges it: "who need more help", "who may require flexible ongoing support". */
function needOfHelp(ws: readonly Word[]): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  ws.forEach((w, i) => {
    if (!NEEDING.has(w.stem) || isNegated(ws, i)) return;
    for (let k = i + 1; k <= i + 4 && k < ws.length; k++) {
      if (HELP.has(ws[k].stem)) {
        found.push({ phrase: 'need help', words: ws.slice(i, k + 1), index: i });
        return;
      }
    }
  });
  return found;
}

const NEEDING = new Set(['need', 'require', 'requir'].map(stem));
const HELP = new Set(['help', 'support', 'assistance'].map(stem));

/** A word of degree judging a condition: "complex needs", "severe mental health issues", "poor school attendance". */
function degreeOfCondition(ws: readonly Word[]): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  const conditions = new Map(condition.find(ws).map((m) => [m.index, m]));
  for (const d of degree.find(ws)) {
    if (isNegated(ws, d.index)) continue;
    const from = d.index + d.words.length;
    for (let k = from; k <= from + 3 && k < ws.length; k++) {
      const c = conditions.get(k);
      if (c) {
        found.push({ phrase: d.phrase, words: ws.slice(d.index, k + c.words.length), index: d.index });
        break;
      }
    }
  }
  return found;
}

/** "an age range", "a place", "an age range and a place": what frames a cohort, or undefined. */
function frameOf(criteria: readonly ast.Criterion[]): string | undefined {
  const age = criteria.some((c) => c.kind === 'age');
  const place = criteria.some((c) => c.kind === 'resident');
  return age && place ? 'an age range and a place' : age ? 'an age range' : place ? 'a place' : undefined;
}

export const rule = defineRule({
  meta: {
    id: 'target-group/vague-eligibility',
    family: 'target-group',
    severity: 'warning',
    summary:
      'A cohort has no eligibility, or only vague wording ("vulnerable", "at risk", "would benefit") says who is in it, even within an age range or a place.',
    rationale:
      'Eligibility says who the service is for. When it is missing, or written in words everyone reads ' +
      'differently ("vulnerable", "at risk", "in need", "hard to reach", "would benefit"), the provider decides who is in the ' +
      'cohort: under payment by results it will choose the people likeliest to succeed, and no one can tell who ' +
      'was left out. An age range and a place bound the pool, but they do not say who within it the service is ' +
      'for: when the only criterion that does is vague, the choice is still the provider\'s. Tie each cohort to ' +
      'something that can be checked: a fact someone has recorded (on a caseload, assessed as, in receipt of, ' +
      'released from), a statutory test, or a threshold on a measure. A criterion with several branches ("care ' +
      'leavers or young people at risk") is as loose as its loosest branch.',
    evidence: [
      fromReport(
        'if outcomes and target groups are not well defined then impact can be negative rather than positive',
        'Session One, Theme 2 (partnerships and subcontracting)',
      ),
    ],
    options,
    examples: {
      fires:
        'cohort families "Families who need early help" {\n  eligibility {\n    criterion "families at risk of poor outcomes"\n    criterion "hard to reach families in need of support"\n  }\n  size 400\n}\n',
      passes:
        'cohort families "Families who need early help" {\n  eligibility {\n    resident in "Brackwell"\n    criterion "assessed as needing early help at the Children\'s Services front door"\n  }\n  size 400\n}\n',
      fix:
        'Give the cohort an `age`, a `resident in` place, or a criterion that names a recorded fact ("as recorded on", "assessed as", "in receipt of"), so that anyone can check who is in it.',
    },
  },
  check({ facts, options: { extraVagueWords }, read, report }) {
    const vague = vagueList(extraVagueWords);
    for (const cohort of facts.cohorts) {
      const at = cohort.name?.span ?? cohort.keyword;
      const name = cohort.name ? `\`${cohort.name.text}\`` : 'this cohort';
      const eligibility = cohort.eligibility;
      if (!eligibility) {
        report({ at, message: `${name} has no eligibility: say who qualifies, with an age, a place or a recorded fact, or the provider decides who is in it` });
        continue;
      }
      const criteria = eligibility.criteria;
      const lines = criteria.filter((c) => c.kind === 'criterion');
      const texts = lines.flatMap((c) => (c.kind === 'criterion' && c.text ? [read(c.text)] : []));
      if (texts.length < lines.length) continue; // a criterion the parser could not read
      // An age and a place frame the cohort; they do not say who within it is in.
      const frame = frameOf(criteria);
      if (texts.length === 0) {
        if (!frame) report({ at, message: `${name} has an empty eligibility block: say who qualifies, with an age, a place or a recorded fact` });
        continue;
      }
      const readings = texts.map((t) => readCriterion(t, vague));
      if (!readings.every((r) => r.isVague)) continue;
      const phrases = [...new Set(readings.flatMap((r) => r.vague))].map((p) => `"${p}"`).join(', ');
      if (frame && phrases.length === 0) continue; // placeholders inside a frame: the frame is the cohort for now
      report({
        at,
        message:
          phrases.length === 0
            ? `${name} has only placeholder criteria: say who qualifies, with an age, a place or a recorded fact`
            : frame
              ? `${name} has ${frame}, but only vague wording (${phrases}) says who within it is in: tie that to a recorded fact, or the provider can redraw who is in it`
              : `${name} is defined only by vague wording (${phrases}), with no age, place or recorded fact: the provider can redraw who is in it`,
      });
    }
  },
});
