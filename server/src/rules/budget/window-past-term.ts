import * as ast from '../../syntax/ast';
import { addMonths, DAY, isoDate, termSpan, wholeDaysIn } from '../../model/term';
import { wholeMonthsIn } from '../../base/durations';
import { defineRule, fromReport } from '../../engine/kit';

/*
 * A paid outcome whose measurement `window` runs past the end of the contract for the
 * people who start late in the term, so their successes cannot be paid for under it.
 *
 * The language says how long the term runs and from when (`term 3 years from
 * 2027-04-01`), and how long after someone starts an outcome is measured (`window 18
 * months`), but not when the last person starts: a cohort has a `size` and no intake
 * period. So the latest start that can still be measured is worked out from the term's
 * last day: the day after it, less the window (`window 18 months` in a term ending
 * 2030-03-31: people who start by 2028-10-01).
 *
 * Since people may start at any time in the term, every window leaves the latest
 * starters out, and how many depends on an intake the spec does not give. Real deals
 * (test/clean-specs/) enrol a fixed cohort at the outset, or for the first year or
 * three, and set the term to the last intake plus the window: a window of 36 months in a
 * 3-year term, or 5 years in an 8-year term, is sound there. A finding on "more than
 * half the term" would fire on all of them. So the rule reports only what is certain:
 * a window longer than the term, which no one, not even someone who starts on the
 * contract's first day, can complete before it ends. A window exactly as long as the
 * term is not reported (people who start on the first day are measured on its last).
 *
 * A term without `from` has no dates, an outcome without `window` or without a `pay`
 * line nothing to be paid late: nothing is said.
 */

export const rule = defineRule({
  meta: {
    id: 'budget/window-past-term',
    family: 'budget',
    severity: 'warning',
    specLevel: true,
    summary: 'A paid outcome is measured longer after each person starts than the whole contract lasts, so no success can be paid within it.',
    rationale:
      'An outcome with `window 18 months` is measured 18 months after each person starts. In a contract that ends ' +
      'before then, the successes of the people who start late cannot be measured, or paid for, under it: the ' +
      'provider does the work and carries the cost, and the commissioner either pays after the contract has ended ' +
      'or not at all. The language does not say when the last person starts, so the rule works out the latest start ' +
      'that can still be measured before the term ends, and reports the case that is certain whatever the intake: a ' +
      'window longer than the whole term, which no one can complete within it, not even someone who starts on the ' +
      'first day. Shorter windows are not reported, because a cohort enrolled early in the term (as most impact ' +
      'bonds enrol theirs) is measured in time; if your people keep starting until late in the term, check that the ' +
      'term runs a full window past the last start.',
    evidence: [
      fromReport(
        'Failure is sometimes built into inadequate commissioning processes e.g. contract clauses that will produce failure.',
        'Session Two, Witness 4 (questioning and discussion)',
      ),
      fromReport(
        'Payment by results can be problematic for the third sector as organisations may not have sufficient working capital to invest in the process.',
        'Session One, Theme 1 (future funding models)',
      ),
    ],
    examples: {
      fires:
        'spec "Northshire Youth Pathways" {\n  term 2 years from 2027-04-01\n}\ncohort neet { size 450 }\noutcome sustained_job "Sustained employment" {\n  for neet\n  window 30 months\n}\npayment {\n  pay £3,200 for sustained_job per participant\n}\n',
      passes:
        'spec "Northshire Youth Pathways" {\n  term 4 years from 2027-04-01\n}\ncohort neet { size 450 }\noutcome sustained_job "Sustained employment" {\n  for neet\n  window 30 months\n}\npayment {\n  pay £3,200 for sustained_job per participant\n}\n',
      fix:
        'Lengthen the term so that it runs a full window past the day the last person starts, or measure sooner ' +
        '(a shorter window). If the commissioner has agreed to pay after the contract ends, say so in a comment and ' +
        'suppress the finding with that reason.',
    },
  },
  check({ facts, report }) {
    const term = facts.spec?.term;
    const length = term?.value;
    const from = term?.from;
    if (!term || !length || !from?.valid || !(length.amount > 0)) return;
    const { start, end } = termSpan(from, length);
    // A term of a billion years ends past the last date there is: nothing to compare.
    if (!Number.isFinite(end)) return;
    const termWritten = facts.written({ start: length.span.start, end: term.span.end });

    const related = [{ message: `the term ends on ${isoDate(end)}`, span: term.span }];

    // This file's paid outcomes (the finding is on the window), then outcomes from used
    // files paid here (the finding is on the first `pay` line, the window being elsewhere).
    const own = new Set(facts.outcomes);
    const checks: { outcome: ast.OutcomeBlock; at: ast.Node['span']; written: string }[] = [];
    for (const outcome of facts.paidOutcomes) {
      const window = outcome.window;
      if (window?.value) checks.push({ outcome, at: window.span, written: `\`${facts.written(window.span)}\`` });
    }
    const seen = new Set<string>();
    for (const pay of facts.payment?.pays ?? []) {
      const id = pay.outcome?.text;
      if (id === undefined || seen.has(id)) continue;
      seen.add(id);
      const d = facts.definition(pay.outcome);
      if (d?.kind !== 'outcome' || own.has(d.node as ast.OutcomeBlock)) continue;
      const outcome = d.node as ast.OutcomeBlock;
      const value = outcome.window?.value;
      if (value) checks.push({ outcome, at: pay.span, written: `\`window ${durationText(value)}\`` });
    }

    for (const { outcome, at, written } of checks) {
      const window = outcome.window!.value!;
      if (!(window.amount > 0)) continue;
      const latest = latestStart(end, window);
      if (latest === undefined) continue;
      const name = outcome.name!.text;
      if (latest < start) {
        report({
          at,
          message:
            `\`${name}\` is paid for, but its ${written} is longer than the contract (${termWritten}): the term ends on ` +
            `${isoDate(end)}, so only someone who started by ${isoDate(latest)}, before the contract begins, could be ` +
            'measured and paid for in it',
          related,
        });
      }
    }
  },
});

/**
 * The last day someone can start and still have the window end within the term, which
 * ends on `end` (UTC milliseconds): the day after it, less the window, counted as the
 * term itself is (model/term.ts).
 */
function latestStart(end: number, window: ast.DurationValue): number | undefined {
  const after = end + DAY;
  let latest = window.unit === 'day' || window.unit === 'week' ? after - wholeDaysIn(window) * DAY : addMonths(after, -wholeMonthsIn(window));
  // Month ends make the two counts differ by a day or so: step back until it fits.
  for (let step = 0; step < 4 && windowEnd(latest, window) > end; step++) latest -= DAY;
  // A window so long that the day lies before the first date there is has no date to give.
  return Number.isFinite(latest) && windowEnd(latest, window) <= end ? latest : undefined;
}

/** `18 months`, `1 year`. */
function durationText(d: ast.DurationValue): string {
  return `${d.amount} ${d.unit}${d.amount === 1 ? '' : 's'}`;
}

/** The last day of a window that starts on `day`. */
function windowEnd(day: number, window: ast.DurationValue): number {
  const d = new Date(day);
  const from = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() } as ast.DateValue;
  return termSpan(from, window).end;
}
