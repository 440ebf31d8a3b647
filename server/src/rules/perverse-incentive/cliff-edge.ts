import * as ast from '../../syntax/ast';
import { defineRule, fromReport } from '../../engine/kit';

/*
 * A `pay` line with `threshold P` pays nothing until the improvement across the cohort
 * reaches P. It is a cliff edge unless another line for the same outcome, and for the
 * same people, pays below P: a line without a threshold (it pays from the first
 * success) or with a lower one.
 *
 * "The same people": a line `in S` prices segment S, and a segment with its own line
 * is priced by that line instead of the outcome's general lines (language reference,
 * "the most a spec can pay"). So a general line without a threshold does not soften a
 * threshold on a segment's line, and a segment's line does not soften a threshold on
 * the general line.
 */

export const rule = defineRule({
  meta: {
    id: 'perverse-incentive/cliff-edge',
    family: 'perverse-incentive',
    severity: 'warning',
    summary: 'A price is paid only above a threshold, and nothing is paid below it.',
    rationale:
      'A price with a `threshold` pays nothing until the improvement across the whole cohort reaches it. If no ' +
      'other line pays for the outcome below that level, payment is all or nothing: once the threshold looks out ' +
      'of reach, further effort earns nothing and the service is quietly run down; close to it, the reward for ' +
      'nudging the figure just over the line (by choosing whom to count) is the whole payment. A per-person ' +
      'price that pays from the first success, with the threshold as a bonus on top, keeps every success worth ' +
      'working for.',
    evidence: [
      fromReport(
        'Programme design can create perverse incentives or unintended consequences',
        'Session One, Theme 2 (partnerships and subcontracting)',
      ),
      fromReport(
        'Failure is sometimes built into inadequate commissioning processes e.g. contract clauses that will produce failure.',
        'Session Two, Witness 4 (learning from failure), questioning and discussion',
      ),
    ],
    examples: {
      fires:
        'use "shared.outcome"\noutcome job { for neet }\npayment {\n  model results\n  upfront 20%\n' +
        '  pay £3,200 for job per participant threshold 10%\n}\n',
      passes:
        'use "shared.outcome"\noutcome job { for neet }\npayment {\n  model results\n  upfront 20%\n' +
        '  pay £2,800 for job per participant\n  pay £400 for job per participant threshold 10%\n}\n',
      fix:
        'Pay a per-person price from the first success (a `pay` line without `threshold`), and keep the threshold ' +
        'for a smaller bonus on top; or add a line with a lower threshold, so that payment rises in steps.',
    },
  },
  check({ facts, report }) {
    const pays = facts.payment?.pays ?? [];
    for (const pay of pays) {
      const threshold = pay.threshold;
      if (!threshold || !(threshold.value > 0) || !pay.outcome) continue;
      const outcome = pay.outcome.text;
      const below = pays.some(
        (other) =>
          other !== pay &&
          other.outcome?.text === outcome &&
          other.segment?.text === pay.segment?.text &&
          (!other.threshold || other.threshold.value < threshold.value),
      );
      if (below) continue;
      report({ at: threshold.span, message: message(pay, threshold, outcome) });
    }
  },
});

function message(pay: ast.PayLine, threshold: ast.PercentValue, outcome: string): string {
  const level = `${threshold.source}`;
  const who = pay.segment
    ? `\`${outcome}\` in \`${pay.segment.text}\` (a segment's own lines replace the general price)`
    : `\`${outcome}\``;
  return (
    `this line pays nothing until the improvement across the cohort reaches ${level}, and no other line pays for ${who} ` +
    `below that: all or nothing, so effort stops paying once ${level} looks out of reach`
  );
}
