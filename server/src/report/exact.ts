import { numberText, percentText } from '../base/wording';
import { fraction, Fraction, roundHalfUp } from '../base/exact';

/*
 * Exact arithmetic for the risk report: the arithmetic itself is base/exact.ts (the
 * model uses it too); here, fractions written for people. The report says where it
 * rounds.
 */

export * from '../base/exact';

/** A fraction as a percentage with at most `digits` decimals, rounded half up: 2/3 → "66.7%". */
export function fractionPercent(f: Fraction, digits = 1): string {
  return percentText(rounded(fraction(f.num * 100n, f.den), digits));
}

/** A fraction as a short decimal: 1234/10 → "123.4" (at most `digits` decimals, rounded half up). */
export function fractionDecimal(f: Fraction, digits = 1): string {
  return numberText(rounded(f, digits));
}

/** A fraction rounded half up to `digits` decimals, as a number to write. */
function rounded(f: Fraction, digits: number): number {
  return Number(roundHalfUp(f.num * 10n ** BigInt(digits), f.den)) / 10 ** digits;
}
