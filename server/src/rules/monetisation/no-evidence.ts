import { Fix } from '../../base/diagnostic';
import * as ast from '../../syntax/ast';
import { defineRule, fix, fromReport, lastOf, namesNothing, shortQuote, SpecFacts } from '../../engine/kit';

/*
 * A paid outcome with no `evidence`, or with an `evidence` that says nothing ("TBC",
 * "to be agreed with the provider", ""). The quick fix adds `evidence "…"` for the writer to fill in: an
 * ellipsis is the project's mark for a gap left by a quick fix, and counts as written.
 */

export const rule = defineRule({
  meta: {
    id: 'monetisation/no-evidence',
    family: 'monetisation',
    severity: 'warning',
    summary: 'A paid outcome does not say what records prove it happened.',
    rationale:
      'Every claim for payment has to be checked against something: payroll data, a signed tenancy, a ' +
      'qualification record. When the specification does not name the evidence, it is settled claim by claim ' +
      'after the contract starts, usually on the provider\'s own records, and the commissioner pays for what it ' +
      'cannot verify or disputes what it cannot disprove. Name the records, and who holds them, before the ' +
      'contract is let.',
    evidence: [
      fromReport(
        'Youth workers have never been able to demonstrate how what we did contributed to outcomes. This is a technical problem (collecting evidence of impact)',
        'Session One, Theme 3 (self-help and young people)',
      ),
      fromReport('Agreeing and recording impact between partners', 'Session Two, Witness 5 (ingredients for success)'),
    ],
    examples: {
      fires:
        'use "shared.outcome"\noutcome job "Sustained employment" {\n  for neet\n  measure "26 weeks in paid work of 16 or more hours a week"\n  baseline 12% source "CCIS destinations 2025"\n}\npayment {\n  pay £3,200 for job per participant\n}\n',
      passes:
        'use "shared.outcome"\noutcome job "Sustained employment" {\n  for neet\n  measure "26 weeks in paid work of 16 or more hours a week"\n  evidence "HMRC Real Time Information payroll data"\n  baseline 12% source "CCIS destinations 2025"\n}\npayment {\n  pay £3,200 for job per participant\n}\n',
      fix:
        'Add `evidence "…"` naming the records that prove each success, such as `evidence "HMRC Real Time ' +
        'Information payroll data"`. The quick fix adds the line for you to fill in.',
    },
  },
  check({ facts, read, report }) {
    for (const outcome of facts.paidOutcomes) {
      const name = outcome.name!.text;
      const evidence = outcome.evidence;
      const says = read(evidence?.value);
      if (says !== undefined && !namesNothing(says)) continue;
      if (evidence) {
        // A field with its text missing is a syntax error, reported already.
        if (says === undefined) continue;
        report({
          at: evidence.span,
          message: `\`${name}\` is paid for but its evidence is ${shortQuote(says)}: no one can check a claim for payment`,
        });
        continue;
      }
      const fix = addEvidence(facts, outcome);
      report({
        at: outcome.name!.span,
        message: `\`${name}\` is paid for but has no \`evidence\`: no one can check a claim for payment`,
        suggestions: [fix],
      });
    }
  },
});

/** `evidence "…"` after the measure and instruments (or after `for`). */
function addEvidence(facts: SpecFacts, outcome: ast.OutcomeBlock): Fix | undefined {
  const edit = facts.edits.insertField(outcome, lastOf([outcome.measure, ...outcome.instruments, ...outcome.for]), 'evidence "…"');
  return fix('Add `evidence "…"` to fill in', edit);
}
