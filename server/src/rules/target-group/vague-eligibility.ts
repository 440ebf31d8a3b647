import { z } from 'zod';
import { RECORDED, VAGUE } from './vague-eligibility-words';
import { defineRule, fromReport, PhraseList, saysNothing, Word, words } from '../../engine/kit';

const options = z.object({
  extraVagueWords: z
    .array(z.string())
    .default([])
    .describe('More words or phrases that count as vague wording in a criterion, added to the built-in list (such as "in difficulty").'),
});

const recorded = new PhraseList(RECORDED);
const builtIn = new PhraseList(VAGUE);
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

/** A number that says something checkable: an age, a period, a count, a score ("one" is too loose: "one or more"). */
function isFact(word: Word): boolean {
  return /^\d/.test(word.text) || ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve'].includes(word.text.toLowerCase());
}

export interface Reading {
  /** The vague phrases, as written. */
  readonly vague: string[];
  /** A placeholder ("TBC", "to be agreed"), not yet a criterion. */
  readonly empty: boolean;
  readonly isVague: boolean;
}

/** How a criterion reads: the vague phrases in it, and whether nothing recorded anchors them. */
export function readCriterion(text: string, vague: PhraseList = builtIn): Reading {
  // "TBC", "to be agreed": not yet a criterion. ("…", what quick fixes insert, is a gap the editor shows.)
  if (saysNothing(text)) return { vague: [], empty: true, isVague: true };
  const ws = words(text);
  const anchored = ws.some(isFact) || recorded.find(ws).length > 0;
  const found = vague.findAffirmed(ws).map((m) => text.slice(m.words[0].start, m.words[m.words.length - 1].end));
  return { vague: found, empty: false, isVague: !anchored && found.length > 0 };
}

export const rule = defineRule({
  meta: {
    id: 'target-group/vague-eligibility',
    family: 'target-group',
    severity: 'warning',
    summary: 'A cohort has no eligibility, or only vague criteria ("vulnerable", "at risk", "hard to reach") with no age, place or recorded fact.',
    rationale:
      'Eligibility says who the service is for. When it is missing, or written in words everyone reads ' +
      'differently ("vulnerable", "at risk", "in need", "hard to reach"), the provider decides who is in the ' +
      'cohort: under payment by results it will choose the people likeliest to succeed, and no one can tell who ' +
      'was left out. Tie each cohort to something that can be checked: an age range, where people live, or a ' +
      'fact someone has recorded (on a caseload, assessed as, in receipt of, released from).',
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
      if (criteria.some((c) => c.kind === 'age' || c.kind === 'resident')) continue;
      const texts = criteria.flatMap((c) => (c.kind === 'criterion' && c.text ? [read(c.text)] : []));
      if (texts.length < criteria.length) continue; // a criterion the parser could not read
      if (texts.length === 0) {
        report({ at, message: `${name} has an empty eligibility block: say who qualifies, with an age, a place or a recorded fact` });
        continue;
      }
      const readings = texts.map((t) => readCriterion(t, vague));
      if (!readings.every((r) => r.isVague)) continue;
      const phrases = [...new Set(readings.flatMap((r) => r.vague))];
      report({
        at,
        message:
          phrases.length === 0
            ? `${name} has only placeholder criteria: say who qualifies, with an age, a place or a recorded fact`
            : `${name} is defined only by vague wording (${phrases.map((p) => `"${p}"`).join(', ')}), with no age, place or recorded fact: the provider can redraw who is in it`,
      });
    }
  },
});
