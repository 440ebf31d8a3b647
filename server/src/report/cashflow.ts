import { compare, Fraction, minus, ONE, share, spread, spreadBy, times } from './exact';
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
 *
 * People: a line prices `people` × `arrival` (the share who arrive, from `referrals`),
 * enrolled month by month in proportion to `enrolment` (evenly without it).
 *
 * Limits: an outcome's `cap … for` stops its earnings once reached (later months earn it
 * nothing); results are paid up to `resultsLimit` in all and, with `cap … per year`, up
 * to the year's cap (months 1–12, 13–24 …). Anything not paid when due is never paid.
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
  /** The share of `people` who arrive over the term (referrals); 1 when absent. */
  readonly arrival?: Fraction;
  /** People enrolled in each month of the term, as weights; evenly when absent. */
  readonly enrolment?: readonly bigint[];
}

export interface FlowInput {
  readonly termMonths: number;
  /** Paid at month 0, whatever happens. */
  readonly upfront: bigint;
  /** Guaranteed instalments (grant and block contracts), paid by the schedule over the term. */
  readonly instalments: bigint;
  /**
   * Results payments: at most max(0, earned − offset), and at most limit in all. For a results contract whose
   * upfront share is an advance, offset is the upfront (it is recovered from the first
   * outcome payments) and limit is contract value − upfront; otherwise offset is 0.
   */
  readonly resultsOffset: bigint;
  readonly resultsLimit: bigint;
  readonly schedule: Schedule;
  /** Total delivery cost, spread evenly over the term. */
  readonly cost: bigint;
  readonly lines: readonly FlowLine[];
  /** `cap … for O`: the most earned for each outcome, all its lines together. */
  readonly outcomeCaps?: ReadonlyMap<string, bigint>;
  /** `cap … per year`: the most results paid in each contract year (months 1–12, 13–24 …; month 0 is in the first). */
  readonly yearCap?: bigint;
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
  // Earned by month for each outcome, before its `cap … for`.
  const byOutcome = new Map<string, Map<number, bigint>>();
  const lines: LineResult[] = [];
  for (const line of input.lines) {
    const rate = times(line.rate, factor);
    const cohortLevel = line.people === undefined || line.threshold !== undefined;
    const met = cohortLevel ? conditionMet(line, rate, factor) : undefined;
    let earned = 0n;
    if (line.people === undefined) {
      earned = met ? line.price : 0n;
    } else if (met !== false) {
      earned = share(line.price * BigInt(line.people), line.arrival ? times(rate, line.arrival) : rate);
    }
    const months = byOutcome.get(line.outcome) ?? new Map<number, bigint>();
    byOutcome.set(line.outcome, months);
    if (cohortLevel) {
      add(months, paymentMonth(input.schedule, T + line.windowMonths - 1), earned);
    } else {
      const parts = line.enrolment ? spreadBy(earned, line.enrolment) : spread(earned, T);
      parts.forEach((part, i) => add(months, paymentMonth(input.schedule, i + 1 + line.windowMonths - 1), part));
    }
    lines.push({ label: line.label, outcome: line.outcome, earned, rate, ...(met !== undefined ? { met } : {}) });
  }
  const earnedBy = new Map<number, bigint>();
  for (const [outcome, months] of byOutcome) {
    // An outcome's cap stops its payments once reached: later months earn it nothing.
    let room = input.outcomeCaps?.get(outcome);
    for (const month of [...months.keys()].sort((a, b) => a - b)) {
      let amount = months.get(month)!;
      if (room !== undefined) {
        if (amount > room) amount = room;
        room -= amount;
      }
      add(earnedBy, month, amount);
    }
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
  // Results due are paid up to the limit on results and, with `cap … per year`, up to
  // what is left of the year's cap; what is not paid when due is never paid.
  let resultsPaid = 0n;
  let resultsLost = 0n;
  let paidThisYear = 0n;
  for (let m = 0; m <= last; m++) {
    const cost = m >= 1 && m <= T ? costs[m - 1] : 0n;
    earnedSoFar += earnedBy.get(m) ?? 0n;
    instalmentsSoFar += instalmentsBy.get(m) ?? 0n;
    const before = cumulativeIncome;
    cumulativeCost += cost;
    if (m > 1 && (m - 1) % 12 === 0) paidThisYear = 0n;
    const entitled = earnedSoFar > input.resultsOffset ? earnedSoFar - input.resultsOffset : 0n;
    const due = entitled - resultsPaid - resultsLost;
    let paying = due < input.resultsLimit - resultsPaid ? due : input.resultsLimit - resultsPaid;
    if (input.yearCap !== undefined && paying > input.yearCap - paidThisYear) paying = input.yearCap - paidThisYear;
    resultsLost += due - paying;
    resultsPaid += paying;
    paidThisYear += paying;
    cumulativeIncome = input.upfront + instalmentsSoFar + resultsPaid;
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
  const earned = lines.reduce((sum, l) => sum + l.earned, 0n);
  const resultsIncome = resultsPaid;
  return {
    factor,
    months,
    earned,
    unpaid: earned - input.resultsOffset - resultsIncome > 0n ? earned - input.resultsOffset - resultsIncome : 0n,
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
