import { Currency } from '../syntax/ast';

/*
 * Exact money for other formats. The core counts money in pence or cents (bigint);
 * JSON numbers are binary floating point. Nothing here ever computes with a float:
 *
 * - `decimalString` writes the exact amount in whole units: `340000n` → "3400",
 *   `123450n` → "1234.50" (two decimals only when there are pence).
 * - `decimalNumber` gives the JSON number for that decimal. A decimal of at most 15
 *   significant digits converts to the double nearest it, and JSON prints that double
 *   back as the same decimal, so amounts below 10 trillion units (with pence) are
 *   written exactly. A larger amount is rounded to whole units, half up (exact up to
 *   Number.MAX_SAFE_INTEGER), and says so; beyond that there is no number.
 */

/** ISO 4217 codes for the language's currency signs. `$` is read as US dollars. */
export const ISO_CURRENCY: Readonly<Record<Currency, string>> = { '£': 'GBP', '€': 'EUR', $: 'USD' };

/** The exact amount in whole currency units, as a decimal string. */
export function decimalString(minor: bigint): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const whole = (abs / 100n).toString();
  const cents = abs % 100n;
  return `${negative ? '-' : ''}${whole}${cents === 0n ? '' : `.${cents.toString().padStart(2, '0')}`}`;
}

export interface DecimalNumber {
  readonly value: number;
  /** True when the amount had to be rounded to whole units to fit a JSON number. */
  readonly rounded: boolean;
}

const MAX_EXACT_DIGITS = 15;

/** How many significant digits a decimal has: "-0012.340" → 4. */
function significantDigits(text: string): number {
  const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  let end = digits.length;
  // A loop: /0+$/ is quadratic on a long run of zeros inside the number.
  while (end > 0 && digits[end - 1] === '0') end--;
  return end;
}

/** The amount in whole units as a JSON number, exactly where possible (see above). */
export function decimalNumber(minor: bigint): DecimalNumber | undefined {
  const text = decimalString(minor);
  if (significantDigits(text) <= MAX_EXACT_DIGITS) return { value: Number(text), rounded: false };
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const whole = (abs + 50n) / 100n;
  if (whole > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return { value: Number(negative ? -whole : whole), rounded: abs % 100n !== 0n };
}
