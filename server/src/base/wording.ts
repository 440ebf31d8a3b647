import { Duration } from './durations';

/*
 * How outcome-lint writes values for people, the one way each: numbers, money,
 * percentages, durations and counts of things. Findings, hover, the report, the export
 * and the diff all write through here, so that `1200` and `1,200` read the same
 * everywhere and a value rewritten without being changed is no change in a diff.
 */

export type Currency = '£' | '$' | '€';

/** `1,200`, `4.6`, `0.5`: digits grouped in threes, as written in the UK. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const [whole, fraction] = String(Math.abs(value)).split('.');
  if (whole.includes('e')) return String(value);
  return `${value < 0 ? '-' : ''}${groupThousands(whole)}${fraction ? `.${fraction}` : ''}`;
}

/** Digits with a comma between groups of three: "1234567" → "1,234,567". */
export function groupThousands(digits: string): string {
  // A loop rather than /\B(?=(\d{3})+(?!\d))/g, whose look-ahead from every digit is quadratic.
  let grouped = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

/** `£800,000`, `£1,234.50`: exact, from pence or cents. */
export function formatMoney(minor: bigint, currency: Currency = '£'): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const whole = (abs / 100n).toString();
  const pence = abs % 100n;
  const fraction = pence === 0n ? '' : `.${pence.toString().padStart(2, '0')}`;
  return `${negative ? '-' : ''}${currency}${groupThousands(whole)}${fraction}`;
}

/** `15%`, `7.5%`. */
export function percentText(value: number): string {
  return `${numberText(value)}%`;
}

/** A share of one as a percentage, to one decimal at most: 0.125 → `12.5%`. */
export function shareText(share: number): string {
  return percentText(Math.round(share * 1000) / 10);
}

/** `1 month`, `26 weeks`, `1.5 years`. */
export function durationText(d: Duration): string {
  return plural(d.amount, d.unit);
}

/** `1 warning`, `1,200 people`, `3 infos`: a count and the word for one, or `many` for more. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${numberText(n)} ${n === 1 ? word : many}`;
}
