import * as ast from '../../syntax/ast';
import { LOWER_IS_BETTER } from './target-unreachable-words';
import { dayOf, isoDate, termSpan } from '../../model/term';
import { defineRule, fromReport, RuleContext, SpecFacts, words } from '../../engine/kit';

/*
 * A target that cannot be reached within the contract:
 *
 * - its `by` date is after the term ends, or before it starts. The term runs from its
 *   `from` date for its duration, and its last day is the day before the same date
 *   that many months (or days) later: `term 5 years from 2026-04-01` ends on
 *   2031-03-31. Where that date does not exist (1 month from 31 January) the term ends
 *   on the last day of the month. A fraction of a month, or of a day, is rounded up,
 *   so the term is never made shorter than written. A term without `from` has no
 *   dates, so nothing is said.
 * - it is below its baseline, both given the same way (a percentage against a
 *   percentage, a number against a number). The language does not say which way is
 *   better, so this is reported only when nothing in the outcome reads as "lower is
 *   better" (fewer…, reduce…, reoffending, admissions, arrears, PHQ-9…; see
 *   target-unreachable-words.ts); for those outcomes a target below the baseline is
 *   the point.
 */

export const rule = defineRule({
  meta: {
    id: 'budget/target-unreachable',
    family: 'budget',
    severity: 'warning',
    specLevel: true,
    summary: 'A target falls outside the contract term, or is below its own baseline.',
    rationale:
      'A target dated after the contract ends cannot be reached, or paid for, under this contract: the ' +
      'provider carries the cost and the commissioner never sees the result. One dated before the contract ' +
      'starts is left over from an earlier draft. A target below the baseline, for an outcome where more is ' +
      'better, is met before the service starts, so it pays for nothing or signals a typo. Where lower is ' +
      'better (fewer admissions, less reoffending), say so in the measure and this rule understands it.',
    evidence: [
      fromReport(
        'Unrealistic expectations of commissioners/funders about what can be delivered/what outcomes can be generated',
        'Session Two, Witness 4 (future sources of failure)',
      ),
      fromReport('Failure is a relative concept in relation to expectations', 'Session Two, Witness 4 (what we mean by failure)'),
    ],
    examples: {
      fires:
        'spec "Home First" {\n  term 5 years from 2026-04-01\n}\noutcome at_home "Still at home 91 days after discharge" {\n  baseline 81.4% source "ASCOF 2024-25"\n  target 85% by 2031-09-30\n}\n',
      passes:
        'spec "Home First" {\n  term 5 years from 2026-04-01\n}\noutcome at_home "Still at home 91 days after discharge" {\n  baseline 81.4% source "ASCOF 2024-25"\n  target 85% by 2031-03-31\n}\n',
      fix:
        'Date the target within the term (on or before its last day), or extend the term. For a target below the ' +
        'baseline, check the figures; if lower is better, say so in the measure ("fewer …", "a reduction in …").',
    },
  },
  check({ facts, read, report }) {
    const term = termDates(facts);
    for (const outcome of facts.outcomes) {
      const target = outcome.target;
      if (!target?.value) continue;
      const written = `\`${facts.written(target.span)}\``;

      const by = target.by;
      if (term && by?.valid) {
        const day = dayOf(by);
        if (day > term.end) {
          report({
            at: target.span,
            message: `${written} falls after the contract ends on ${isoDate(term.end)} (${term.written})`,
            related: [{ message: `the term ends on ${isoDate(term.end)}`, span: term.field.span }],
          });
        } else if (day < term.start) {
          report({
            at: target.span,
            message: `${written} falls before the contract starts on ${isoDate(term.start)}`,
            related: [{ message: `the term starts on ${isoDate(term.start)}`, span: term.field.span }],
          });
        }
      }

      const baseline = outcome.baseline;
      if (
        baseline?.value &&
        baseline.rateKind !== undefined &&
        baseline.rateKind === target.rateKind &&
        target.value.value < baseline.value.value &&
        !lowerIsBetter(outcome, read)
      ) {
        report({
          at: target.span,
          message:
            `${written} is below the baseline of ${baseline.value.source}, so it is met before the service starts; ` +
            'if lower is better here, say so in the measure ("fewer …", "a reduction in …")',
          related: [{ message: 'the baseline', span: baseline.span }],
        });
      }
    }
  },
});

/** True when the outcome's wording says that less of it is better. */
function lowerIsBetter(outcome: ast.OutcomeBlock, read: RuleContext['read']): boolean {
  const texts = [
    outcome.name?.text.replace(/[_-]+/g, ' '),
    read(outcome.title),
    read(outcome.measure?.value),
    ...outcome.instruments.map((i) => read(i.value)),
  ];
  return texts.some((t) => t !== undefined && LOWER_IS_BETTER.findAffirmed(words(t)).length > 0);
}

interface TermDates {
  readonly field: ast.TermField;
  /** First and last day, as UTC milliseconds. */
  readonly start: number;
  readonly end: number;
  /** `5 years from 2026-04-01`, as written. */
  readonly written: string;
}

function termDates(facts: SpecFacts): TermDates | undefined {
  const field = facts.spec?.term;
  const length = field?.value;
  const from = field?.from;
  if (!field || !length || !from?.valid || !(length.amount > 0)) return undefined;
  const { start, end } = termSpan(from, length);
  const written = facts.written({ start: length.span.start, end: field.span.end });
  return { field, start, end, written };
}

