import { Fix } from '../../base/diagnostic';
import * as ast from '../../syntax/ast';
import { defineRule, fix, fromReport, lastOf, namesNothing, shortQuote, SpecFacts } from '../../engine/kit';

/*
 * A paid outcome with neither a `baseline` nor a `counterfactual` (one that says
 * nothing, such as "TBC", counts as none).
 *
 * The quick fix adds `counterfactual "…"`, not a baseline: a baseline is a figure, and
 * any figure a fix could write (`baseline 0%`) would claim that nothing happens without
 * the service, which is the very deadweight this rule is about, and would look like a
 * real figure once the file moves on. A counterfactual is words, so an ellipsis can
 * stand for it honestly until someone says how "what would have happened anyway" will
 * be known (a comparison group, a historic rate).
 */

export const rule = defineRule({
  meta: {
    id: 'monetisation/no-baseline',
    family: 'monetisation',
    severity: 'warning',
    summary: 'A paid outcome has neither a baseline nor a counterfactual.',
    rationale:
      'Some people find work, keep their home or stop offending without any service: that is "deadweight". ' +
      'When a paid outcome has no baseline (where things stand now) and no counterfactual (how to tell what would ' +
      'have happened anyway), every success is paid for, including those that would have happened regardless, ' +
      'and no one can say what the contract achieved. State the current rate and its source, or how a ' +
      'comparison group will be drawn.',
    evidence: [
      fromReport(
        'It is very difficult to undertake cost/benefit analysis using monetary values when the benefits may be intangible, when value changes over time and when the cost/benefit of an individual unit or activity cannot be extracted from the wider system of provision',
        'Session Two, Witness 1 (measuring impact)',
      ),
      fromReport(
        'These outcomes are likely to be the product of a range of interdependent interventions – How can impact be measured here?',
        'Session Two, Witness 1 (questioning and discussion)',
      ),
    ],
    examples: {
      fires:
        'use "shared.outcome"\noutcome job "Sustained employment" {\n  for neet\n  measure "26 weeks in paid work of 16 or more hours a week"\n  evidence "HMRC Real Time Information payroll data"\n}\npayment {\n  pay £3,200 for job per participant\n}\n',
      passes:
        'use "shared.outcome"\noutcome job "Sustained employment" {\n  for neet\n  measure "26 weeks in paid work of 16 or more hours a week"\n  evidence "HMRC Real Time Information payroll data"\n  baseline 12% source "CCIS destinations 2025"\n  counterfactual "matched comparison group from two neighbouring authorities"\n}\npayment {\n  pay £3,200 for job per participant\n}\n',
      fix:
        'Give the current rate with `baseline 12% source "…"`, or say how you will tell what would have ' +
        'happened anyway with `counterfactual "…"` (a matched comparison group, a historic rate); both is best. ' +
        'The quick fix adds a `counterfactual "…"` line for you to fill in.',
    },
  },
  check({ facts, read, report }) {
    for (const outcome of facts.paidOutcomes) {
      if (outcome.baseline) continue;
      const name = outcome.name!.text;
      const counterfactual = outcome.counterfactual;
      const says = read(counterfactual?.value);
      if (counterfactual && (says === undefined || !namesNothing(says))) continue;
      if (counterfactual) {
        report({
          at: counterfactual.span,
          message: `\`${name}\` is paid for, has no \`baseline\`, and its counterfactual is ${shortQuote(says!)}: it may pay for what would have happened anyway`,
        });
        continue;
      }
      const fix = addCounterfactual(facts, outcome);
      report({
        at: outcome.name!.span,
        message: `\`${name}\` is paid for but has no \`baseline\` or \`counterfactual\`: it may pay for what would have happened anyway`,
        suggestions: [fix],
      });
    }
  },
});

/** `counterfactual "…"` after the target, evidence or measure (or after `for`). */
function addCounterfactual(facts: SpecFacts, outcome: ast.OutcomeBlock): Fix | undefined {
  const after = lastOf([outcome.target, outcome.evidence, outcome.measure, ...outcome.instruments, ...outcome.for]);
  const edit = facts.edits.insertField(outcome, after, 'counterfactual "…"');
  return fix('Add `counterfactual "…"` to fill in (how you will tell what would have happened anyway)', edit);
}
