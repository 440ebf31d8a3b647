/*
 * Exact arithmetic on money and rates, shared by the model (the most investors can earn)
 * and the risk report. Money is a bigint of pence (or cents); rates are fractions of
 * bigints, read from the decimal text the writer typed, so `7.5%` is exactly 75/1000 and
 * never 0.07500000000000001. Money is rounded in one place only (`roundHalfUp`).
 */

/** A non-negative fraction: num / den, den > 0. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

export const ZERO: Fraction = { num: 0n, den: 1n };
export const ONE: Fraction = { num: 1n, den: 1n };

export function fraction(num: bigint, den: bigint): Fraction {
  if (den === 0n) throw new Error('fraction with a zero denominator');
  const g = gcd(num < 0n ? -num : num, den < 0n ? -den : den) || 1n;
  const sign = den < 0n ? -1n : 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** `28`, `7.5`, `1,200.25` → an exact fraction; undefined when it is not such a number. */
export function decimal(text: string): Fraction | undefined {
  const match = /^(\d[\d,]*)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const whole = match[1].replace(/,/g, '');
  const part = match[2] ?? '';
  return fraction(BigInt(whole + part), 10n ** BigInt(part.length));
}

/** `28%` (or `28`) as a fraction of one: 28/100. */
export function percentOf(text: string): Fraction | undefined {
  const d = decimal(text.replace(/%$/, ''));
  return d && fraction(d.num, d.den * 100n);
}

export function times(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.num, a.den * b.den);
}

export function minus(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function compare(a: Fraction, b: Fraction): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** num / den rounded to the nearest whole unit, halves away from zero (den > 0). */
export function roundHalfUp(num: bigint, den: bigint): bigint {
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const q = (2n * abs + den) / (2n * den);
  return negative ? -q : q;
}

/** An amount of money times a fraction, rounded half up to the penny. */
export function share(minor: bigint, f: Fraction): bigint {
  return roundHalfUp(minor * f.num, f.den);
}

/**
 * `total` spread over `parts` periods so that the parts add up exactly: period k
 * (1-based) gets floor(total·k/parts) − floor(total·(k−1)/parts). Each period gets the
 * same to within a penny, and later periods carry the remainders.
 */
export function spread(total: bigint, parts: number): bigint[] {
  // spreadBy with every weight 1, without the weights: the simulation calls this for every line of every draw.
  const n = BigInt(parts);
  const out: bigint[] = [];
  for (let k = 1n; k <= n; k++) out.push((total * k) / n - (total * (k - 1n)) / n);
  return out;
}

/**
 * `total` spread over periods in proportion to `weights` (whole, not negative, not all
 * 0), adding up exactly: with W_k the weights up to period k, period k gets
 * floor(total·W_k/W) − floor(total·W_(k−1)/W).
 */
export function spreadBy(total: bigint, weights: readonly bigint[]): bigint[] {
  const all = weights.reduce((a, b) => a + b, 0n);
  // Nothing to spread over (no one enrolled): nothing is spread.
  if (all === 0n) return weights.map(() => 0n);
  const out: bigint[] = [];
  let before = 0n;
  let sum = 0n;
  for (const w of weights) {
    sum += w;
    const upTo = (total * sum) / all;
    out.push(upTo - before);
    before = upTo;
  }
  return out;
}
