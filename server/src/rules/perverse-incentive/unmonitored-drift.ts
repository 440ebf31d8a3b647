import { defineRule, fromReport, namesNothing } from '../../engine/kit';

/*
 * A spec paid on results (`model results` or `mixed`, or a payment block with `pay`
 * lines and no `model`) with no `monitor` line that says something. The finding is on
 * the `model` field, or on the `payment` keyword when there is no `model`; a `monitor`
 * line that is empty or only a placeholder ("TBC", "to be agreed") is reported on itself.
 */

export const rule = defineRule({
  meta: {
    id: 'perverse-incentive/unmonitored-drift',
    family: 'perverse-incentive',
    severity: 'info',
    specLevel: true,
    summary: 'A contract paid on results does not track who it serves.',
    rationale:
      'Payment by results rewards the provider for successes, not for whom it helps. Without a record of the ' +
      'characteristics of the people referred, the people who join and the people paid for, no one can see the ' +
      'service drifting towards those easiest to help (creaming), or the hardest to help being left (parking), ' +
      'until the contract is over. A `monitor` line says which characteristics are tracked, so that drift shows up ' +
      'at review, while it can still be put right.',
    evidence: [
      fromReport(
        'Success would then be defined not only by how many clients have successfully applied for and then repaid micro-credits, but also by the characteristics of these clients.',
        'Session Two, Witness 2 (measuring social impact)',
      ),
      fromReport(
        'Work on the growth of Micro-finance (MIF) on the international development arena (Muhammad Yunus) offers lessons on mission drift, creaming off clients, change to nature of client base.',
        'Session Two, Witness 2 (measuring social impact)',
      ),
    ],
    examples: {
      fires: 'spec "Youth pathways" { budget £500k }\npayment {\n  model results\n  upfront 20%\n}\n',
      passes:
        'spec "Youth pathways" { budget £500k }\npayment {\n  model results\n  upfront 20%\n}\n' +
        'monitor "age, sex, ethnicity, disability and care experience of everyone referred, everyone who joins and everyone paid for"\n',
      fix:
        'Add a `monitor` line naming the characteristics tracked, for the people referred, those who join and those ' +
        'paid for: `monitor "age, sex, ethnicity, disability and care experience of everyone referred, everyone who ' +
        'joins and everyone paid for"`.',
    },
  },
  check({ facts, read, report }) {
    const payment = facts.payment;
    if (!payment || !facts.paysOnResults) return;
    const monitors = facts.textItems('monitor');
    // A `monitor` line whose text is missing is a syntax error, reported there: it counts as present.
    const said = monitors.map((m) => read(m.text));
    if (said.some((text) => text === undefined || !namesNothing(text))) return;
    if (monitors.length > 0) {
      for (const [k, monitor] of monitors.entries()) {
        const text = said[k]!.trim();
        report({
          at: monitor.span,
          message: `this \`monitor\` line ${text === '' ? 'is empty' : `says only "${text}"`}: a contract paid on results should say which characteristics of participants are tracked`,
        });
      }
      return;
    }
    const model = payment.model;
    const how = !model?.value
      ? 'this payment block has `pay` lines and no `model`, so it pays on results'
      : `\`model ${model.value.value}\` pays ${model.value.value === 'mixed' ? 'partly ' : ''}on results`;
    report({
      at: model?.span ?? payment.keyword,
      message: `${how}, but no \`monitor\` line says which characteristics of participants are tracked: creaming and drift would go unseen`,
    });
  },
});
