import { formatMoney, plural } from '../base/wording';
import { investorTotals } from '../model/finance';
import * as ast from '../syntax/ast';
import { Fraction, fraction, fractionDecimal, percentOf, share } from './exact';
import { signedMoney } from './format';
import { Assumption, AssumptionOption, CashFlowSection, FinanceScenario, FinanceSection, InvestorRow } from './types';

/*
 * With investors (a `finance` block with an `investor`): who funds the working capital,
 * and how the results are split between the investors and the provider.
 *
 * The commissioner pays the investors' side (upfront, instalments and outcome payments);
 * the investors' side pays the provider as `provider paid` says: a fixed fee (the
 * delivery cost, when the spec gives no amount) and its share of the outcome payments.
 * In each row of the sensitivity table:
 *
 *     provider's pay = fee + share × outcome payments   (rounded half up to the penny)
 *     provider's net = provider's pay − delivery cost
 *     investors' net = everything the commissioner pays − provider's pay
 *
 * so the two nets add up to the service's. Working capital: the money the investors'
 * side holds (its commitment, and the payments it has received) goes into delivery
 * before the provider's own, as the fee ahead of the work or as a loan against the
 * provider's share. So in every month the provider funds only what the service needs
 * beyond the commitment, max(0, need(m) − commitment), with need(m) the service's
 * (cashflow.ts), and the investors the rest; at the peak, max(0, peak − commitment).
 */

export type { Pay };

/** Records an assumption: what it is, where it comes from, and the options that change it. */
export type Assume = (topic: string, text: string, source: Assumption['source'], change?: readonly AssumptionOption[]) => void;

/** The provider's pay: a fee (0 without one) and a share of outcome payments. */
interface Pay {
  readonly fee: bigint;
  readonly share: Fraction | undefined;
}

export function financeSection(
  block: ast.FinanceBlock,
  currency: ast.Currency,
  termMonths: number | undefined,
  cash: CashFlowSection | undefined,
  assume: Assume,
  notes: string[],
): FinanceSection {
  const m = (minor: bigint): string => formatMoney(minor, currency);
  const totals = investorTotals(block, termMonths);
  const missing = [...totals.missing];
  if (totals.currency && totals.currency !== currency) missing.push(`the commitments are in ${totals.currency} and the prices in ${currency}`);
  const ours = totals.currency === currency;
  const commitment = ours ? totals.commitment : undefined;
  const maximumReturn = ours ? totals.maximumReturn : undefined;
  const investors: InvestorRow[] = totals.investors.map(({ line, maximumReturn: most }) => {
    const own = line.commitment?.currency === currency;
    return { name: line.name?.value, commitment: own ? line.commitment!.minor : undefined, returnRate: line.maximumReturn?.source, maximumReturn: own ? most : undefined };
  });

  const years = termMonths === undefined ? undefined : `${plural(termMonths, 'month')} is ${fractionDecimal(fraction(BigInt(termMonths), 12n), 2)} years`;
  assume(
    'Investors',
    `${commitment === undefined ? `What they commit is unknown (${missing.join('; ')})` : `They commit ${m(commitment)}`}. ` +
      "The money the investors' side holds (its commitment, and what the commissioner has paid it) goes into delivery before the provider's own, " +
      "as the provider's fee ahead of the work or as a loan against its share: the provider funds only the working capital beyond the commitment.",
    'spec',
  );
  assume(
    "Investors' return",
    maximumReturn === undefined
      ? `The most they can earn is unknown: ${missing.join('; ')}.`
      : `\`return up to P per year\` is an average a year over the term: the most each can earn is its commitment × P × the term in years (${years}), ${m(maximumReturn)} in all.`,
    'spec',
  );

  const { pay, words, source } = providerPay(block, currency, cash?.cost, m);
  assume(
    "Provider's pay",
    words
      ? `${words[0].toUpperCase()}${words.slice(1)}, from the investors' side, which the commissioner pays.`
      : 'The spec does not say how the provider is paid (no `provider paid` line), so the results are not split between the investors and the provider.',
    source,
  );

  const scenarios: FinanceScenario[] = (cash?.sensitivity ?? []).map((s) => {
    const f = s.flow;
    const paid = pay && pay.fee + (pay.share ? share(f.resultsIncome, pay.share) : 0n);
    return {
      label: s.label,
      factor: s.factor,
      paid: f.income,
      providerPaid: paid,
      providerNet: paid === undefined ? undefined : paid - f.cost,
      providerWorkingCapital: commitment === undefined ? undefined : f.peak > commitment ? f.peak - commitment : 0n,
      investorsNet: paid === undefined ? undefined : f.income - paid,
      investorsWorkingCapital: commitment === undefined ? undefined : f.peak < commitment ? f.peak : commitment,
    };
  });
  const planning = scenarios.find((s) => s.factor === '100%');
  if (planning?.providerWorkingCapital) {
    notes.push(
      `At the planning rates the service needs ${m(cash!.planning.flow.peak)} of working capital at its peak, ${m(planning.providerWorkingCapital)} more than the investors' commitment of ${m(commitment!)}: the provider funds that.`,
    );
  }
  if (planning?.investorsNet !== undefined && maximumReturn !== undefined && planning.investorsNet > maximumReturn) {
    notes.push(
      `At the planning rates the investors' side is left with ${signedMoney(planning.investorsNet, currency)}, more than the investors' maximum return of ${m(maximumReturn)}: the spec does not say who has the rest.`,
    );
  }
  const fee = block.fixedFee !== undefined;
  const shared = block.share?.value !== undefined;
  return {
    investors,
    commitment,
    maximumReturn,
    missing,
    providerPay: words,
    resultsRisk: fee && shared ? 'both' : fee ? 'investors' : shared ? 'provider' : 'unknown',
    scenarios,
  };
}

/** What the provider is paid, in words and as figures; the fee with no amount is the delivery cost. */
export function providerPay(
  block: ast.FinanceBlock,
  currency: ast.Currency,
  cost: bigint | undefined,
  m: (minor: bigint) => string,
): { pay: Pay | undefined; words: string | undefined; source: Assumption['source'] } {
  const fee = block.fixedFee;
  const shareValue = block.share?.value;
  if (!fee && !shareValue) return { pay: undefined, words: undefined, source: 'default' };
  const rate = shareValue && percentOf(shareValue.source);
  const parts: string[] = [];
  let amount: bigint | undefined = 0n;
  if (fee?.amount) {
    amount = fee.amount.currency === currency ? fee.amount.minor : undefined;
    parts.push(`a fixed fee of ${formatMoney(fee.amount.minor, fee.amount.currency)}, whatever the results${amount === undefined ? ` (in another currency than the prices, so not counted)` : ''}`);
  } else if (fee) {
    amount = cost;
    parts.push(`a fixed fee, whatever the results, taken as the delivery cost${amount === undefined ? '' : ` (${m(amount)})`} because the spec gives no amount`);
  }
  if (shareValue) parts.push(`${shareValue.source} of the outcome payments (not of the upfront or instalments)`);
  return {
    pay: amount === undefined ? undefined : { fee: amount, share: rate },
    words: parts.join(', and '),
    source: fee && !fee.amount ? 'default' : 'spec',
  };
}
