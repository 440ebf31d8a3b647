import { shareText } from '../base/wording';
import { cashFlow, FlowInput, FlowLine, FlowResult } from './cashflow';
import { Fraction, fraction, minus, ONE, share, times } from './exact';

/*
 * The Monte Carlo of the risk report: the same cash flow (cashflow.ts) run many times,
 * each draw with its own success rates, referrals and payment delay, so that a finance
 * director sees how likely a loss is and how bad a bad draw is, not only the plan.
 *
 * One draw:
 * - each paid outcome's success rate p is drawn from a Beta distribution whose mean is
 *   the planning rate and whose standard deviation is `rateSpread` (the uncertainty
 *   about how well the service works; shrunk where the planning rate is too near 0 or
 *   1 to allow it);
 * - the share of planned people who arrive, A, is drawn from a Beta with mean
 *   `referralMean` and standard deviation `referralSpread` (referrals short of plan);
 * - each line's successes are Binomial(arrived, p), arrived = round(people × its
 *   planned arrival × A) (chance among the people themselves);
 * - every payment after the start arrives D months late, D drawn evenly from
 *   0…`delayMonths`.
 * The cost, the schedule, the caps and everything else are the plan's. Draws come from
 * a seeded generator, so a report is the same each time it is made with the same seed.
 */

export interface SimulationAssumptions {
  readonly draws: number;
  readonly seed: number;
  /** Standard deviation of each outcome's success rate, as a fraction of one (0.1 = 10 points). */
  readonly rateSpread: number;
  /** Mean share of planned people who arrive (1 = all). */
  readonly referralMean: number;
  /** Standard deviation of that share. */
  readonly referralSpread: number;
  /** Most months a payment can be late. */
  readonly delayMonths: number;
}

export const DEFAULT_SIMULATION: SimulationAssumptions = {
  draws: 10_000,
  seed: 1,
  rateSpread: 0.1,
  referralMean: 0.9,
  referralSpread: 0.1,
  delayMonths: 2,
};

/** What one draw leaves, in minor units (numbers: a simulation has no use for exact pence). */
export interface Draw {
  readonly net: number;
  readonly peak: number;
  /** Everything the commissioner pays. */
  readonly paid: number;
  readonly resultsIncome: number;
  /** Income so far − cost so far at the end of each month 0… of this draw (a later month holds its last). */
  readonly position: readonly number[];
}

export interface Percentiles {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

export interface SimulationResult {
  readonly assumptions: SimulationAssumptions;
  readonly net: Percentiles;
  /** Share of draws in which the provider ends with less than it spent. */
  readonly lossChance: number;
  /** The working capital that covers the worst month in 90% of draws (the 90th percentile of the peak). */
  readonly reserve: number;
  readonly paid: Percentiles;
  /** Each month's cash position, by percentile: the fan chart. */
  readonly fan: { readonly p10: number[]; readonly p50: number[]; readonly p90: number[] };
  /** Every draw's net, results income and what the commissioner paid, for the finance split. */
  readonly draws: readonly Draw[];
}

/** A small, fast, seeded generator (mulberry32): the same seed gives the same draws. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A Gamma(shape, 1) draw (Marsaglia and Tsang; shape below 1 by the boost). */
function gamma(shape: number, random: () => number): number {
  if (shape < 1) return gamma(shape + 1, random) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * A draw from the Beta distribution with this mean and standard deviation. A spread of
 * 0, or a mean of 0 or 1, gives the mean itself; a spread too wide for the mean (the
 * variance of a Beta is below mean × (1 − mean)) is narrowed to 90% of the widest.
 */
export function betaDraw(mean: number, sd: number, random: () => number): number {
  if (sd <= 0 || mean <= 0 || mean >= 1) return Math.min(1, Math.max(0, mean));
  const widest = mean * (1 - mean);
  const variance = Math.min(sd * sd, 0.9 * widest);
  const strength = widest / variance - 1;
  const x = gamma(mean * strength, random);
  const y = gamma((1 - mean) * strength, random);
  return x / (x + y);
}

/**
 * Binomial(n, p): counted one by one from the bottom of the distribution while the
 * expected count is small (exact), by the normal approximation, rounded and kept
 * within 0…n, where n·p·(1−p) is large enough for it to be close.
 */
export function binomialDraw(n: number, p: number, random: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n * p * (1 - p) >= 30) return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal(random))));
  // Inversion: walk the probabilities up from k = 0 (from the top, with p and 1 − p swapped, when p > 1/2).
  const flip = p > 0.5;
  const q = flip ? 1 - p : p;
  const ratio = q / (1 - q);
  let probability = (1 - q) ** n;
  let k = 0;
  let u = random();
  while (u > probability && k < n) {
    u -= probability;
    probability *= (ratio * (n - k)) / (k + 1);
    k++;
  }
  return flip ? n - k : k;
}

/** The value below which `share` of the sorted values lie (nearest rank). */
function percentile(sorted: ArrayLike<number>, share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))];
}

/** The 10th, 50th and 90th percentiles (nearest rank) of some values. */
export function percentiles(values: ArrayLike<number>): Percentiles {
  // A typed array sorts numerically, and much faster than an array with a comparator.
  const sorted = Float64Array.from(values).sort();
  return { p10: percentile(sorted, 0.1), p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) };
}

const asFraction = (x: number): Fraction => fraction(BigInt(Math.round(x * 1_000_000)), 1_000_000n);

/**
 * A condition that the plan judges by the sensitivity factor alone (a single sum with no
 * target as a percentage, a threshold with no baseline: met at 100% of the planning rate
 * and not below) is judged in a draw by the planning rate itself: met when the drawn rate
 * reaches it. (With a planning rate of 0 it is met in every draw: nothing says otherwise.)
 */
function withBar(line: FlowLine): FlowLine {
  if (line.people === undefined && !line.target) return { ...line, target: line.rate };
  if (line.threshold && !line.baseline) return { ...line, baseline: minus(line.rate, line.threshold) };
  return line;
}

/** One draw's cash flow: each line's successes drawn, then the plan's arithmetic. */
export function drawFlow(input: FlowInput, a: SimulationAssumptions, random: () => number, rates: Map<string, number>): FlowResult {
  const arrival = betaDraw(a.referralMean, a.referralSpread, random);
  const delay = a.delayMonths > 0 ? Math.floor(random() * (a.delayMonths + 1)) : 0;
  rates.clear();
  const lines = input.lines.map((plan): FlowLine => {
    let rate = rates.get(plan.outcome);
    if (rate === undefined) rates.set(plan.outcome, (rate = betaDraw(Number(plan.rate.num) / Number(plan.rate.den), a.rateSpread, random)));
    const line = withBar(plan);
    if (line.people === undefined) return { ...line, rate: asFraction(rate) };
    const expected = line.arrival ? Number(line.arrival.num) / Number(line.arrival.den) : 1;
    const arrived = Math.round(line.people * expected * arrival);
    const successes = binomialDraw(arrived, rate, random);
    // rate × arrival = successes / people: the line earns exactly price × successes.
    return arrived === 0
      ? { ...line, rate: { num: 0n, den: 1n }, arrival: { num: 0n, den: 1n } }
      : { ...line, rate: fraction(BigInt(successes), BigInt(arrived)), arrival: fraction(BigInt(arrived), BigInt(line.people)) };
  });
  return cashFlow({ ...input, lines, schedule: { ...input.schedule, lagMonths: input.schedule.lagMonths + delay } }, ONE);
}

/**
 * The last simulation run, by its input: the editor remakes the report on every edit,
 * and most edits (a word in a measure, a comment) change nothing the cash flow reads.
 */
let last: { readonly key: string; readonly result: SimulationResult } | undefined;

export function simulate(input: FlowInput, a: SimulationAssumptions): SimulationResult {
  const key = JSON.stringify([input, a], (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Map ? [...v] : v));
  if (last?.key === key) return last.result;
  const result = run(input, a);
  last = { key, result };
  return result;
}

function run(input: FlowInput, a: SimulationAssumptions): SimulationResult {
  const random = generator(a.seed);
  const rates = new Map<string, number>();
  const draws: Draw[] = [];
  let longest = 0;
  for (let i = 0; i < a.draws; i++) {
    const flow = drawFlow(input, a, random, rates);
    const position = flow.months.map((m) => Number(m.cumulativeIncome - m.cumulativeCost));
    longest = Math.max(longest, position.length);
    draws.push({ net: Number(flow.net), peak: Number(flow.peak), paid: Number(flow.income), resultsIncome: Number(flow.resultsIncome), position });
  }
  const fan = { p10: [] as number[], p50: [] as number[], p90: [] as number[] };
  const column = new Float64Array(draws.length);
  for (let month = 0; month < longest; month++) {
    draws.forEach((d, i) => (column[i] = d.position[Math.min(month, d.position.length - 1)]));
    const p = percentiles(column);
    fan.p10.push(p.p10);
    fan.p50.push(p.p50);
    fan.p90.push(p.p90);
  }
  return {
    assumptions: a,
    net: percentiles(draws.map((d) => d.net)),
    lossChance: draws.filter((d) => d.net < 0).length / Math.max(1, draws.length),
    reserve: draws.length ? percentiles(draws.map((d) => d.peak)).p90 : 0,
    paid: percentiles(draws.map((d) => d.paid)),
    fan,
    draws,
  };
}

/** The share of a provider's pay in each draw, for the finance split: fee + share × results income. */
export function providerPayOf(draw: Draw, fee: bigint, part: Fraction | undefined): number {
  return Number(fee) + (part ? Number(share(BigInt(Math.round(draw.resultsIncome)), part)) : 0);
}


/** One bar of the tornado chart (tornado-chart.ts draws it). */
export interface TornadoBar {
  /** "Success rate: sustained_job", "Referrals": may hold the spec's ids, so escaped. */
  readonly label: string;
  /** The net position (minor units) with this assumption at its low setting. */
  readonly low: number;
  /** … at its high setting. */
  readonly high: number;
  /** "40%": the low setting, shown at the bar's end. */
  readonly lowText: string;
  /** "80%". */
  readonly highText: string;
}

/**
 * The tornado chart's bars: the net position of the plan (expected values, no draws)
 * with one assumption moved to a low and a high setting: each outcome's planning rate
 * ± the rate spread; the share of referrals that arrive from its mean less its spread to
 * all of them; payments all `delayMonths` late or on time; the delivery cost ± 10%.
 * Expected values keep the bars exact and cheap enough to follow every edit.
 */
export function sensitivity(input: FlowInput, a: SimulationAssumptions): { base: number; bars: TornadoBar[] } {
  const net = (changed: FlowInput): number => Number(cashFlow(changed, ONE).net);
  const bars: TornadoBar[] = [];
  for (const outcome of [...new Set(input.lines.map((l) => l.outcome))]) {
    const planned = input.lines.find((l) => l.outcome === outcome)!.rate;
    const rate = Number(planned.num) / Number(planned.den);
    const at = (r: number): FlowInput => ({ ...input, lines: input.lines.map((l) => (l.outcome === outcome ? { ...l, rate: asFraction(r) } : l)) });
    const low = Math.max(0, rate - a.rateSpread);
    const high = Math.min(1, rate + a.rateSpread);
    bars.push({ label: `Success rate: ${outcome}`, low: net(at(low)), high: net(at(high)), lowText: shareText(low), highText: shareText(high) });
  }
  const fewer = Math.max(0, a.referralMean - a.referralSpread);
  const arriving = (share: Fraction): FlowInput => ({
    ...input,
    lines: input.lines.map((l) => (l.people === undefined ? l : { ...l, arrival: l.arrival ? times(l.arrival, share) : share })),
  });
  bars.push({ label: 'Referrals', low: net(arriving(asFraction(fewer))), high: net(input), lowText: shareText(fewer), highText: 'as planned' });
  if (a.delayMonths > 0) {
    const late = { ...input, schedule: { ...input.schedule, lagMonths: input.schedule.lagMonths + a.delayMonths } };
    bars.push({ label: 'Payment delay', low: net(late), high: net(input), lowText: `${a.delayMonths} months late`, highText: 'on time' });
  }
  const cost = (percent: bigint): FlowInput => ({ ...input, cost: (input.cost * percent) / 100n });
  bars.push({ label: 'Delivery cost', low: net(cost(110n)), high: net(cost(90n)), lowText: '+10%', highText: '−10%' });
  return { base: net(input), bars };
}
