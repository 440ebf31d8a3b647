import { Related } from '../../base/diagnostic';
import { formatMoney } from '../../base/wording';
import { defineRule, fromReport } from '../../engine/kit';

/*
 * The most the spec can pay (language reference, "The most a spec can pay"; computed
 * in model/max-payment.ts) against its `budget`.
 *
 * - Known total: the least of it, the cap and the other limits (`cap … per participant`,
 *   `per year`, `for O`) is compared with the budget, naming the one that sets it.
 * - Unknown total (a size is missing): a cap at or under the budget settles it. Without
 *   such a cap, the lines that can be priced give a floor: if they alone (or the cap,
 *   when it is lower) are over the budget, the spec can pay more than it has. Otherwise
 *   this rule says nothing: the missing sizes are `target-group/no-size`'s findings,
 *   and guessing them would be inventing figures.
 * - `upfront` is a share of the contract value paid early, not a payment on top, so it
 *   adds nothing.
 * - Prices, cap and budget in different currencies are not converted: no finding.
 */

export const rule = defineRule({
  meta: {
    id: 'budget/exceeds',
    family: 'budget',
    severity: 'error',
    specLevel: true,
    summary: 'The specification can pay more than its budget.',
    rationale:
      'If every participant achieved every paid outcome, the `pay` lines (limited by the `cap` and the other limits: ' +
      '`cap … per participant`, `per year`, `for` an outcome) would owe this ' +
      'much. When that is more than the budget, success itself breaks the contract: payments are cut or the ' +
      'service is stopped part way, and the cut falls on the people still in it. Lower the prices, add a cap ' +
      'within the budget, or raise the budget. The `upfront` share is part of the contract value, not an extra ' +
      'payment. When a cohort has no size the most cannot be worked out, and this rule reports only what the ' +
      'known lines (or the cap) already prove.',
    evidence: [
      fromReport(
        'Failure is sometimes built into inadequate commissioning processes e.g. contract clauses that will produce failure.',
        'Session Two, Witness 4 (questioning and discussion)',
      ),
      fromReport(
        'Unrealistic expectations of commissioners/funders about what can be delivered/what outcomes can be generated',
        'Session Two, Witness 4 (future sources of failure)',
      ),
    ],
    examples: {
      fires:
        'use "shared.outcome"\nspec "Youth pathways" {\n  budget £1,000,000\n}\noutcome job { for neet }\npayment {\n  pay £3,200 for job per participant\n}\n',
      passes:
        'use "shared.outcome"\nspec "Youth pathways" {\n  budget £1,000,000\n}\noutcome job { for neet }\npayment {\n  pay £3,200 for job per participant\n  cap £1,000,000\n}\n',
      fix:
        'Add a `cap` within the budget, lower the prices, or raise the budget. The most a spec can pay is worked ' +
        'out as the language reference says: one success for every member of each cohort, at its price.',
    },
  },
  check({ facts, report }) {
    const budgetField = facts.spec?.budget;
    const budget = budgetField?.value;
    const payment = facts.payment;
    if (!budgetField || !budget || !payment) return;
    const most = facts.maximumPayment;
    const money = (minor: bigint): string => formatMoney(minor, budget.currency);
    const limit = `budget is ${money(budget.minor)}`;
    const cap = payment.cap?.value;
    const capInBudgetCurrency = cap && cap.currency === budget.currency ? cap.minor : undefined;
    const perParticipant = payment.pays.some((p) => p.perParticipant);
    const ifAll = perParticipant ? 'if every participant succeeds' : 'if every paid outcome is achieved';
    const capRelated: Related[] = payment.cap
      ? [{ message: 'the cap', span: payment.cap.span }]
      : [{ message: 'no `cap` limits what the `pay` lines can add up to', span: payment.keyword }];

    if (most.total !== undefined && most.maximum !== undefined) {
      if (most.currency !== undefined && most.currency !== budget.currency) return;
      if (most.maximum <= budget.minor) return;
      let message: string;
      // The limit that sets the most, when one of the limits beside the cap does.
      const binding = most.limits.find((l) => l.bound !== undefined && l.bound === most.maximum && l.bound < most.total! && (capInBudgetCurrency === undefined || l.bound < capInBudgetCurrency));
      if (binding) {
        const words = facts.written(binding.limit.span);
        message = `can pay up to ${money(most.maximum)} under its \`${words}\` (the \`pay\` lines add up to ${money(most.total)} ${ifAll}); ${limit}`;
        report({ at: budgetField.span, message, related: [{ message: 'the limit that sets the most', span: binding.limit.span }] });
        return;
      }
      if (capInBudgetCurrency === undefined) message = `can pay up to ${money(most.maximum)} ${ifAll}, with no${most.limits.length ? ' overall' : ''} cap; ${limit}`;
      else if (capInBudgetCurrency < most.total) message = `can pay up to ${money(most.maximum)}, its cap (the \`pay\` lines add up to ${money(most.total)} ${ifAll}); ${limit}`;
      else message = `can pay up to ${money(most.maximum)} ${ifAll} (the cap of ${money(capInBudgetCurrency)} is higher); ${limit}`;
      report({ at: budgetField.span, message, related: capRelated });
      return;
    }

    // The total is unknown: only what the cap or the priced lines prove.
    if (capInBudgetCurrency !== undefined && capInBudgetCurrency <= budget.minor) return;
    if (cap && capInBudgetCurrency === undefined) return;
    if (payment.pays.some((p) => p.amount && p.amount.currency !== budget.currency)) return;
    const unknown = most.lines.filter((l) => l.amount === undefined);
    const floor = most.lines.reduce((sum, l) => sum + (l.amount ?? 0n), 0n);
    if (floor <= budget.minor) return;
    if (capInBudgetCurrency !== undefined && capInBudgetCurrency < floor) {
      report({
        at: budgetField.span,
        message: `can pay up to ${money(capInBudgetCurrency)}, its cap (the \`pay\` lines that can be priced already add up to more); ${limit}`,
        related: capRelated,
      });
      return;
    }
    const reasons = [...new Set(unknown.flatMap((l) => l.missing))].join('; ');
    const without = unknown.length === 1 ? 'the `pay` line that cannot be priced' : `the ${unknown.length} \`pay\` lines that cannot be priced`;
    report({
      at: budgetField.span,
      message: `can pay at least ${money(floor)} ${ifAll}, without ${without} (${reasons}); ${limit}`,
      related: capRelated,
    });
  },
});
