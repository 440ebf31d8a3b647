import { compare, Fraction, minus, ONE, share, spread, times } from './exact';
import { paymentMonth, Schedule } from './schedule';

/*
 * The provider's cash flow, month by month, under stated assumptions. Pure arithmetic on
 * bigint pence: no dates, no text, so that the figures can be checked by hand.
 *
 * Time: month 0 is the contract start; month m (1…) is the m-th month of the term. Costs
 * are paid as they are incurred, during the month; payments arrive at the end of the
 * month they fall due (the upfront share at the very start, month 0). The working
 * capital the provider needs in month m is what it has spent by the end of month m less
 * what it had been paid before that month's payments arrive:
 *
 *     need(m) = cost(1…m) − income(0…m−1)
 *
 * which is the most the provider is out of pocket during month m. The peak is the
 * largest need, and its month the first month it is reached.
 *
 * Successes: participants are enrolled evenly over the term. A `pay … per participant`
 * line earns price × people × success rate (rounded half up to the penny once, for the
 * whole line), spread evenly over the enrolment months (`spread`: the months add up
 * exactly). Someone enrolled in month m is evidenced at the end of month m + window − 1,
 * and paid by the schedule. A payment that depends on the whole cohort (a single sum, or
 * a line with a `threshold`) is evidenced when the last enrolled participant's window
 * closes (month term + window − 1), and paid by the schedule.
 */

export interface FlowLine {
  /** The `pay` line as written, for notes. */
  readonly label: string;
  readonly outcome: string;
  /** The price of one success (per participant), or the single sum. */
  readonly price: bigint;
  /** People the line prices; undefined for a single sum. */
  readonly people: number | undefined;
  /** The success rate in the planning case (before the sensitivity factor). */
  readonly rate: Fraction;
  readonly windowMonths: number;
  /** `threshold P`, as a fraction of one. */
  readonly threshold?: Fraction;
  /** The outcome's baseline as a fraction of one, when given as a percentage. */
  readonly baseline?: Fraction;
  /** The outcome's target as a fraction of one, when given as a percentage. */
  readonly target?: Fraction;
}

export interface FlowInput {
  readonly termMonths: number;
  /** Paid at month 0, whatever happens. */
  readonly upfront: bigint;
  /** Guaranteed instalments (grant and block contracts), paid by the schedule over the term. */
  readonly instalments: bigint;
  /**
   * Results payments: min(max(0, earned − offset), limit). For a results contract whose
   * upfront share is an advance, offset is the upfront (it is recovered from the first
   * outcome payments) and limit is contract value − upfront; otherwise offset is 0.
   */
  readonly resultsOffset: bigint;
  readonly resultsLimit: bigint;
  readonly schedule: Schedule;
  /** Total delivery cost, spread evenly over the term. */
  readonly cost: bigint;
  readonly lines: readonly FlowLine[];
}

export interface MonthRow {
  readonly month: number;
  readonly cost: bigint;
  readonly income: bigint;
  readonly cumulativeCost: bigint;
  readonly cumulativeIncome: bigint;
  /** cost(1…m) − income(0…m−1): negative when the provider is ahead. 0 for month 0. */
  readonly need: bigint;
}

export interface LineResult {
  readonly label: string;
  readonly outcome: string;
  /** Earned at full price in this scenario, before the cap and any advance. */
  readonly earned: bigint;
  /** For a threshold line or a single sum: whether its condition is met. */
  readonly met?: boolean;
  /** The success rate used (planning rate × factor). */
  readonly rate: Fraction;
}

export interface FlowResult {
  readonly factor: Fraction;
  readonly months: readonly MonthRow[];
  /** Results earned at full price, before the cap and any advance. */
  readonly earned: bigint;
  /** Earned but never paid, because of the cap (or the limit on results). */
  readonly unpaid: bigint;
  readonly resultsIncome: bigint;
  readonly income: bigint;
  readonly cost: bigint;
  /** income − cost over the whole contract. */
  readonly net: bigint;
  readonly peak: bigint;
  /** First month the peak is reached; undefined when the provider never needs working capital. */
  readonly peakMonth: number | undefined;
  /** First month after the start in which anything is paid. */
  readonly firstPaymentMonth: number | undefined;
  /** What the provider has spent by the end of that month, before the payment arrives. */
  readonly costBeforeFirstPayment: bigint | undefined;
  readonly lines: readonly LineResult[];
}

function add(map: Map<number, bigint>, month: number, amount: bigint): void {
  if (amount !== 0n) map.set(month, (map.get(month) ?? 0n) + amount);
}

/** Whether a cohort-level condition holds at `rate`: a threshold (points over baseline) or a single sum's target. */
function conditionMet(line: FlowLine, rate: Fraction, factor: Fraction): boolean {
  if (line.threshold) {
    // Improvement in percentage points over the baseline; with no baseline to measure
    // from, met in the planning case and not below it.
    return line.baseline ? compare(minus(rate, line.baseline), line.threshold) >= 0 : compare(factor, ONE) >= 0;
  }
  // A single sum is paid when the outcome reaches its target.
  return line.target ? compare(rate, line.target) >= 0 : compare(factor, ONE) >= 0;
}

/** The cash flow at `factor` times each line's planning success rate (1 = the planning case). */
export function cashFlow(input: FlowInput, factor: Fraction = ONE): FlowResult {
  const T = input.termMonths;
  if (!Number.isInteger(T) || T < 1) throw new Error(`term of ${T} months`);
  const earnedBy = new Map<number, bigint>();
  const lines: LineResult[] = [];
  for (const line of input.lines) {
    const rate = times(line.rate, factor);
    const cohortLevel = line.people === undefined || line.threshold !== undefined;
    const met = cohortLevel ? conditionMet(line, rate, factor) : undefined;
    let earned = 0n;
    if (line.people === undefined) {
      earned = met ? line.price : 0n;
    } else if (met !== false) {
      earned = share(line.price * BigInt(line.people), rate);
    }
    if (cohortLevel) {
      add(earnedBy, paymentMonth(input.schedule, T + line.windowMonths - 1), earned);
    } else {
      spread(earned, T).forEach((part, i) => add(earnedBy, paymentMonth(input.schedule, i + 1 + line.windowMonths - 1), part));
    }
    lines.push({ label: line.label, outcome: line.outcome, earned, rate, ...(met !== undefined ? { met } : {}) });
  }

  const instalmentsBy = new Map<number, bigint>();
  if (input.instalments > 0n) {
    const p = input.schedule.periodMonths;
    const periods = Math.ceil(T / p);
    spread(input.instalments, periods).forEach((part, i) => {
      const month = input.schedule.timing === 'advance' ? i * p : Math.min((i + 1) * p, T) + input.schedule.lagMonths;
      add(instalmentsBy, month, part);
    });
  }

  const last = Math.max(T, ...earnedBy.keys(), ...instalmentsBy.keys());
  const costs = spread(input.cost, T);
  const months: MonthRow[] = [];
  let earnedSoFar = 0n;
  let instalmentsSoFar = 0n;
  let cumulativeCost = 0n;
  let cumulativeIncome = 0n;
  let peak = 0n;
  let peakMonth: number | undefined;
  let firstPaymentMonth: number | undefined;
  let costBeforeFirstPayment: bigint | undefined;
  const results = (earnedTotal: bigint): bigint => {
    const over = earnedTotal - input.resultsOffset;
    const positive = over > 0n ? over : 0n;
    return positive < input.resultsLimit ? positive : input.resultsLimit;
  };
  for (let m = 0; m <= last; m++) {
    const cost = m >= 1 && m <= T ? costs[m - 1] : 0n;
    earnedSoFar += earnedBy.get(m) ?? 0n;
    instalmentsSoFar += instalmentsBy.get(m) ?? 0n;
    const before = cumulativeIncome;
    cumulativeCost += cost;
    cumulativeIncome = input.upfront + instalmentsSoFar + results(earnedSoFar);
    const income = cumulativeIncome - before;
    const need = m === 0 ? 0n : cumulativeCost - before;
    if (need > peak) {
      peak = need;
      peakMonth = m;
    }
    if (m >= 1 && income > 0n && firstPaymentMonth === undefined) {
      firstPaymentMonth = m;
      costBeforeFirstPayment = cumulativeCost;
    }
    months.push({ month: m, cost, income, cumulativeCost, cumulativeIncome, need });
  }
  // Months after the term in which nothing more arrives (results earned above the cap) are not shown.
  while (months.length - 1 > T && months[months.length - 1].income === 0n) months.pop();
  const earned = earnedSoFar;
  const resultsIncome = results(earned);
  return {
    factor,
    months,
    earned,
    unpaid: earned - input.resultsOffset > input.resultsLimit ? earned - input.resultsOffset - input.resultsLimit : 0n,
    resultsIncome,
    income: cumulativeIncome,
    cost: cumulativeCost,
    net: cumulativeIncome - cumulativeCost,
    peak,
    peakMonth,
    firstPaymentMonth,
    costBeforeFirstPayment,
    lines,
  };
}
