import { defineRule, fix, fromReport } from '../../engine/kit';

export const rule = defineRule({
  meta: {
    id: 'perverse-incentive/no-upfront',
    family: 'perverse-incentive',
    severity: 'warning',
    specLevel: true,
    summary: 'A payment-by-results contract pays nothing up front, and no investor funds delivery.',
    rationale:
      'With nothing paid before results, the provider funds the whole service from its own reserves until ' +
      'outcomes are achieved and verified, often a year or more. Small third sector organisations rarely have ' +
      'that working capital, so they cannot bid, or they bid and fail. Paying a share up front ("split risk") ' +
      'keeps them able to take part, at the price of diluting the incentive a little. In a social or development ' +
      'impact bond an investor funds delivery instead (a `finance` block with an `investor`), so nothing up front ' +
      'is no finding there; whether the provider then carries the results risk is the question of ' +
      '`perverse-incentive/risk-passed-down`.',
    evidence: [
      fromReport(
        'Payment by results can be problematic for the third sector as organisations may not have sufficient working capital to invest in the process. Possibilities here are ‘split risk’ models where some funding is paid up front and some delayed',
        'Session One, Theme 1 (future funding models)',
      ),
    ],
    examples: {
      fires: 'spec "Youth pathways" { budget £500k }\npayment {\n  model results\n  pay £3,200 for job per participant\n}\n',
      passes: 'spec "Youth pathways" { budget £500k }\npayment {\n  model results\n  upfront 20%\n  pay £3,200 for job per participant\n}\n',
      fix:
        'Pay a share of the contract value before results with `upfront`, such as `upfront 20%`. The quick fix adds that line. ' +
        'If investors fund delivery (a social impact bond), name them in a `finance` block instead.',
    },
  },
  check({ facts, report }) {
    const payment = facts.payment;
    // An investor funds delivery: the working capital is the investor's, not the provider's.
    if (!payment || facts.paymentModel !== 'results' || facts.investorsFund) return;
    const upfront = payment.upfront;
    if (upfront?.value && upfront.value.value > 0) return;
    if (upfront?.value) {
      report({
        at: upfront.span,
        message: `\`${facts.written(upfront.span)}\` pays nothing up front: the provider must fund the whole service until results are paid`,
        suggestions: [{ title: 'Pay 20% up front', edits: [facts.edits.replace(upfront.value.span, '20%')] }],
      });
      return;
    }
    const model = payment.model;
    report({
      at: model?.span ?? payment.keyword,
      message: model
        ? '`model results` with no `upfront` share: the provider must fund the whole service until results are paid'
        : 'this payment block pays only on results (it has `pay` lines and no `model`) with no `upfront` share: the provider must fund the whole service until results are paid',
      suggestions: [fix('Pay 20% up front (add `upfront 20%`)', facts.edits.insertField(payment, model, 'upfront 20%'))],
    });
  },
});
