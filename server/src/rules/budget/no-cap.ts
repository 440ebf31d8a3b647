import { Fix } from '../../base/diagnostic';
import { formatMoney } from '../../base/wording';
import { defineRule, fix, fromReport, lastOf, SpecFacts } from '../../engine/kit';
import * as ast from '../../syntax/ast';

/*
 * A contract paid on results (`model results`, `mixed`, or `pay` lines with no
 * `model`) with no `cap`. It fires even when the cohort sizes make the total look
 * bounded: sizes are estimates, and more people than planned can join and succeed.
 * Prices that are all one sums (no `per participant`) bound the contract by themselves.
 * A `cap … per year`, or a `cap … for O` on every paid outcome, bounds the contract as a
 * cap does; `cap … per participant` does not (the number of people is the estimate).
 * The quick fix caps payments at the budget, when the spec has one in the prices'
 * currency: the most the commissioner has set aside is the least a cap should do.
 */

export const rule = defineRule({
  meta: {
    id: 'budget/no-cap',
    family: 'budget',
    severity: 'warning',
    specLevel: true,
    summary: 'A contract that pays on results has no cap on what it can owe.',
    rationale:
      'Payment on results is open-ended by design: every extra success is another payment. Without a `cap`, ' +
      'a contract that does better than planned, enrols more people than its cohort size, or is gamed, owes ' +
      'more than anyone budgeted for, and the money is found by cutting something else. A cap states the most ' +
      'the commissioner will pay, so that providers and investors can price the risk.',
    evidence: [
      fromReport('Funding regimes - higher risks associated with payment by results', 'Session Two, Witness 4 (future sources of failure)'),
      fromReport(
        'Failure is sometimes built into inadequate commissioning processes e.g. contract clauses that will produce failure.',
        'Session Two, Witness 4 (questioning and discussion)',
      ),
    ],
    examples: {
      fires: 'spec "Youth pathways" {\n  budget £500k\n}\npayment {\n  model results\n  upfront 20%\n  pay £3,200 for job per participant\n}\n',
      passes: 'spec "Youth pathways" {\n  budget £500k\n}\npayment {\n  model results\n  upfront 20%\n  pay £3,200 for job per participant\n  cap £500,000\n}\n',
      fix:
        'Add `cap` with the most the contract may pay in total, at most the budget. The quick fix adds a cap equal to the budget. ' +
        'A `cap … per year`, or a `cap … for` on every paid outcome, also bounds the contract, and so does pricing only one sums; ' +
        '`cap … per participant` does not, because more people than planned can join.',
    },
  },
  check({ facts, report }) {
    const payment = facts.payment;
    // One sums only: the most is their total, whoever joins.
    if (!payment || !facts.paysOnResults || payment.cap || boundedWhoeverJoins(payment) || !payment.pays.some((p) => p.perParticipant)) return;
    const model = payment.model?.value?.value;
    const how =
      model === 'results'
        ? '`model results` has'
        : model === 'mixed'
          ? '`model mixed` pays partly on results, and has'
          : 'this payment block pays on results (it has `pay` lines and no `model`), and has';
    const most = facts.maximumPayment;
    const owe =
      most.maximum !== undefined && most.total !== undefined && most.maximum > 0n && most.currency
        ? ` (${formatMoney(most.maximum, most.currency)} if every participant succeeds, on the sizes given)`
        : '';
    const fix = capAtBudget(facts);
    const perParticipant = payment.limits.find((l) => l.scope.kind === 'participant');
    report({
      at: payment.keyword,
      message: perParticipant
        ? `${how} no overall \`cap\`: \`${facts.written(perParticipant.span)}\` limits what each person earns, not how many people join and succeed${owe}`
        : `${how} no \`cap\`: nothing limits what the contract can owe${owe}`,
      suggestions: [fix],
    });
  },
});

/**
 * Whether the limits beside `cap` bound the contract whatever the number of people: a
 * `cap … per year`, or a `cap … for O` on every paid outcome. (`cap … per participant`
 * does not: more people than planned can join.)
 */
function boundedWhoeverJoins(payment: ast.PaymentBlock): boolean {
  if (payment.limits.some((l) => l.scope.kind === 'year')) return true;
  const capped = new Set(payment.limits.flatMap((l) => (l.scope.kind === 'outcome' && l.scope.outcome ? [l.scope.outcome.text] : [])));
  const paid = payment.pays.flatMap((p) => (p.outcome ? [p.outcome.text] : []));
  return paid.length > 0 && paid.every((o) => capped.has(o));
}

/** `cap <budget>` after the last `pay` line, when the budget is in the prices' currency. */
function capAtBudget(facts: SpecFacts): Fix | undefined {
  const budget = facts.spec?.budget?.value;
  const payment = facts.payment!;
  if (!budget || payment.pays.some((p) => p.amount && p.amount.currency !== budget.currency)) return undefined;
  const cap = formatMoney(budget.minor, budget.currency);
  const edit = facts.edits.insertField(payment, lastOf([payment.model, payment.upfront, ...payment.pays]), `cap ${cap}`);
  return fix(`Cap payments at the budget (add \`cap ${cap}\`)`, edit);
}
