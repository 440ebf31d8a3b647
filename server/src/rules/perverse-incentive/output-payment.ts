import { Span } from '../../base/span';
import * as ast from '../../syntax/ast';
import { defineRule, fromReport, isNegated, isNumberWord, memoByText, PhraseList, PhraseMatch, RuleContext, stem, Word, words } from '../../engine/kit';
import {
  ACTIVITY_NEEDING_A_COUNT,
  ACTIVITY_NOUNS,
  ATTENDANCE_AS_OUTCOME,
  COMPARISON,
  COUNT_WORDS,
  DONE_WORDS,
  LESS_NEED,
  NOT_ACTIVITY,
  NUMBER_BREAKS,
  PEOPLE_PROCESSED,
  TIME_ANCHORS,
} from './output-payment-words';

/*
 * A `pay` line for an outcome of `kind output`, or for one whose `measure` counts the
 * service's own activity. The finding is on each `pay` line for it.
 *
 * A measure counts activity when an activity word is counted: "12 weekly sessions",
 * "number of referrals", "sessions attended", "referrals to partner agencies" (a plural
 * activity noun), or "number of young people engaged". It does not when the word is a
 * point in time ("within 18 weeks of referral", "30 weeks of starting"), a waiting time
 * ("referral to treatment"), the outcome itself ("school attendance", "job starts"),
 * negated ("no A&E attendances"), or need going down ("fewer A&E attendances", "GP
 * appointments … compared with the 6 months before").
 */

const nouns = new PhraseList(ACTIVITY_NOUNS);
const needingCount = new PhraseList(ACTIVITY_NEEDING_A_COUNT);
const notActivity = new PhraseList(NOT_ACTIVITY);
const attendanceAsOutcome = new PhraseList(ATTENDANCE_AS_OUTCOME);
const countWords = new PhraseList(COUNT_WORDS);
const doneWords = new PhraseList(DONE_WORDS);
const lessNeed = new PhraseList(LESS_NEED);
const comparison = new PhraseList(COMPARISON);
const numberBreaks = new Set(NUMBER_BREAKS.map(stem));
const timeAnchors = new Set(TIME_ANCHORS.map(stem));
const processed = PEOPLE_PROCESSED.map((p) => p.toLowerCase().split(' '));

/** Where in a text it counts activity: offsets in the text, or undefined. */
export const countedActivity: (text: string) => { start: number; end: number } | undefined = memoByText(findCountedActivity);

function findCountedActivity(text: string): { start: number; end: number } | undefined {
  const ws = words(text);
  if (comparison.find(ws).length > 0 || attendanceAsOutcome.findAffirmed(ws).length > 0) return undefined;
  const excluded = new Set<number>();
  for (const m of notActivity.find(ws)) for (let k = m.index; k < m.index + m.words.length; k++) excluded.add(k);
  const counts = countWords.find(ws).filter((m) => !isNegated(ws, m.index));
  const less = lessNeed.find(ws).filter((m) => !isNegated(ws, m.index));
  const nearLess = (first: number, last: number): boolean => less.some((l) => l.index >= first - 6 && l.index <= last + 4);

  const candidates = [
    ...nouns.find(ws).map((m) => ({ m, needsCount: false })),
    ...needingCount.find(ws).map((m) => ({ m, needsCount: true })),
  ].sort((a, b) => a.m.index - b.m.index);

  for (const { m, needsCount } of candidates) {
    const first = m.index;
    const last = m.index + m.words.length - 1;
    if (m.words.some((_, k) => excluded.has(first + k))) continue;
    if (isNegated(ws, first) || nearLess(first, last)) continue;
    // "starts" is a count of starts only as a plural noun; "starting", "start work" are not.
    if (m.phrase === 'start' && m.words[0].text.toLowerCase() !== 'starts') continue;
    const plural = m.words.some((w) => /s$/i.test(w.text) && w.text.toLowerCase() !== w.stem);

    const counted = counts.find((c) => c.index + c.words.length - 1 < first && c.index + c.words.length - 1 >= first - 5);
    if (!plural && !counted && timeAnchors.has(ws[first - 1]?.stem ?? '')) continue;
    const number = numberBefore(ws, first);
    const done = doneAfter(ws, last);
    // A compound ("home visits", "programme starts") is a noun even when its last word is also a verb.
    if (counted || number !== undefined || done || (plural && (!needsCount || m.words.length > 1))) {
      let start = counted ? counted.words[0].start : number !== undefined ? ws[number].start : m.words[0].start;
      while (start > 0 && /[\d,.£$€]/.test(text[start - 1])) start--; // "1,000" is words "1" and "000"
      // Run on over activity words that follow, with at most one word between: "8 workshop
      // sessions", "one-to-one mentoring sessions attended".
      let upTo = last;
      for (const next of candidates) {
        if (next.m.index > upTo && next.m.index <= upTo + 2) upTo = next.m.index + next.m.words.length - 1;
      }
      const doneLater = upTo > last ? doneAfter(ws, upTo) : undefined;
      const finish = doneLater ?? done;
      const end = Math.max(finish ? finish.words[finish.words.length - 1].end : 0, ws[upTo].end);
      return { start, end };
    }
  }

  // "number of young people engaged"
  for (const c of counts) {
    const from = c.index + c.words.length;
    for (let k = from; k < Math.min(ws.length, from + 5); k++) {
      const hit = processed.find((p) => p.every((part, n) => ws[k + n]?.text.toLowerCase() === part));
      if (hit && !nearLess(c.index, k)) return { start: c.words[0].start, end: ws[k + hit.length - 1].end };
    }
  }
  return undefined;
}

/** The index of a number up to three words before `index`, with nothing between that makes it a time or a rate. */
function numberBefore(ws: readonly Word[], index: number): number | undefined {
  for (let k = index - 1; k >= Math.max(0, index - 3); k--) {
    // "6-week review session": a number joined to a unit is a length of time, not a count.
    if (ws[k].text.includes('-') || numberBreaks.has(ws[k].stem)) return undefined;
    if (isNumberWord(ws[k])) return k;
  }
  return undefined;
}

/** A word saying the activity was done, right after it or one word later: "sessions attended", "visits made by". */
function doneAfter(ws: readonly Word[], last: number): PhraseMatch | undefined {
  const next = ws.slice(last + 1, last + 4);
  return doneWords.find(next).find((d) => d.index <= 1);
}

export const rule = defineRule({
  meta: {
    id: 'perverse-incentive/output-payment',
    family: 'perverse-incentive',
    severity: 'warning',
    summary: 'A price is paid for activity (an output), not for a change in people\'s lives.',
    rationale:
      'Paying for sessions delivered, referrals made, people enrolled or assessments completed buys more ' +
      'sessions, referrals, enrolments and assessments, whether or not anyone is better off. The provider is ' +
      'rewarded for being busy, the count is easy to inflate, and the contract becomes an input contract with an ' +
      'outcomes label. Pay for the change the activity is meant to bring about (a job kept, a tenancy sustained, ' +
      'no reoffence), and track activity for management, unpaid.',
    evidence: [
      fromReport(
        'Accountability in public sector/third sector relations has become limited to accounting for how money is spent and the achievement of specified tasks. It encourages a practice of compliance to stated measures and inhibits creativity.',
        'Session Three, Theme 2 (accountability and value for money)',
      ),
      fromReport(
        'Failure associated with beneficiary levels and outcomes (i.e. where services or projects fail to impact on people or communities, even though they may have been successfully implemented and the organisations which run them continue).',
        'Session Two, Witness 4 (learning from failure)',
      ),
    ],
    examples: {
      fires:
        'use "shared.outcome"\noutcome sessions "Mentoring sessions" {\n  for neet\n  measure "number of mentoring sessions attended"\n}\n' +
        'payment {\n  model results\n  upfront 20%\n  pay £150 for sessions per participant\n}\n',
      passes:
        'use "shared.outcome"\noutcome sessions "Mentoring sessions" {\n  for neet\n  measure "number of mentoring sessions attended"\n}\n' +
        'outcome job "Sustained employment" {\n  for neet\n  measure "26 weeks in paid work within 30 weeks of starting"\n}\n' +
        'payment {\n  model results\n  upfront 20%\n  pay £3,200 for job per participant\n}\n',
      fix:
        'Pay for the change the activity should bring about, and keep the activity count as an unpaid outcome for ' +
        'managing the contract. If an output payment is deliberate (a small start-up fee), keep it small and ' +
        'explain it in a suppression comment.',
    },
  },
  check({ facts, read, report }) {
    for (const outcome of facts.paidOutcomes) {
      const name = outcome.name!.text;
      const pays = facts.paysFor(outcome);
      const kind = outcome.outcomeKind;
      if (kind?.value?.value === 'output') {
        for (const pay of pays) {
          report({
            at: pay.span,
            message: `\`${name}\` is of kind output (a count of activity, not a change in people's lives), but this line pays for it`,
            related: [{ message: `\`${name}\` is declared an output here`, span: kind.span }],
          });
        }
        continue;
      }
      const found = activityOf(outcome, read);
      if (!found) continue;
      for (const pay of pays) {
        report({
          at: pay.span,
          message: `\`${name}\` is paid for, but its ${found.where} counts activity ("${found.quote}"), not a change in people's lives`,
          related: [{ message: `the ${found.where} of \`${name}\``, span: found.at }],
        });
      }
    }
  },
});

/** The activity an outcome's measure (or, with no measure, its title) counts. */
function activityOf(outcome: ast.OutcomeBlock, read: RuleContext['read']): { where: string; quote: string; at: Span } | undefined {
  const measure = outcome.measure;
  const source = measure?.value ? { where: 'measure', text: read(measure.value), at: measure.span } : outcome.title ? { where: 'title', text: read(outcome.title), at: outcome.title.span } : undefined;
  if (!source) return undefined;
  const found = countedActivity(source.text);
  if (!found) return undefined;
  return { where: source.where, quote: source.text.slice(found.start, found.end).replace(/\s+/g, ' '), at: source.at };
}
