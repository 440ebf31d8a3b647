import { Fraction, percentOf, share, times, fraction } from '../base/exact';
import * as ast from '../syntax/ast';

/*
 * What the investors of a `finance` block put in and the most they can earn. A return
 * is written `return up to P per year`, an average annual return (INDIGO's "Average
 * annual return"), so the most an investor can earn over the contract is
 *
 *     commitment × P × term in months / 12
 *
 * rounded half up to the penny, with the term in whole months as the risk report counts
 * it. Where a figure it needs is missing, the total is unknown and `missing` says why;
 * nothing is guessed (no return written is not a return of 0%). Money is exact.
 */

export interface InvestorFigures {
  readonly line: ast.InvestorLine;
  /** The return as a fraction of one a year: 7% is 7/100. */
  readonly rate: Fraction | undefined;
  /** The most this investor can earn over the term; undefined when unknown. */
  readonly maximumReturn: bigint | undefined;
}

export interface InvestorTotals {
  readonly investors: readonly InvestorFigures[];
  /** The currency of the totals: the commitments'. */
  readonly currency: ast.Currency | undefined;
  /** Every investor's commitment added up; undefined when one is missing or in another currency. */
  readonly commitment: bigint | undefined;
  /** Every investor's most return added up; undefined when one is unknown. */
  readonly maximumReturn: bigint | undefined;
  /** Why a total is unknown, in the writer's words. */
  readonly missing: readonly string[];
}

/** The investors' figures over a term of `termMonths` whole months (undefined: no term). */
export function investorTotals(block: ast.FinanceBlock, termMonths: number | undefined): InvestorTotals {
  const missing: string[] = [];
  const currency = block.investors.find((i) => i.commitment)?.commitment?.currency;
  let commitment: bigint | undefined = 0n;
  let maximumReturn: bigint | undefined = 0n;
  const investors = block.investors.map((line, index): InvestorFigures => {
    const who = line.name ? `investor "${line.name.value}"` : `investor ${index + 1}`;
    const rate = line.maximumReturn && percentOf(line.maximumReturn.source);
    const money = line.commitment;
    if (!money) missing.push(`${who} gives no commitment`);
    else if (money.currency !== currency) missing.push(`${who} commits ${money.source}, in another currency than ${currency}`);
    if (!rate) missing.push(`${who} gives no return`);
    const counted = money && money.currency === currency ? money.minor : undefined;
    const own = counted !== undefined && rate && termMonths !== undefined ? share(counted, times(rate, fraction(BigInt(termMonths), 12n))) : undefined;
    commitment = commitment === undefined || counted === undefined ? undefined : commitment + counted;
    maximumReturn = maximumReturn === undefined || own === undefined ? undefined : maximumReturn + own;
    return { line, rate, maximumReturn: own };
  });
  if (termMonths === undefined && block.investors.length > 0) missing.push('the spec has no `term`, so the return cannot be counted');
  return { investors, currency, commitment, maximumReturn, missing };
}
