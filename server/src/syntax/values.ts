import type { Currency } from './ast';

/*
 * Literal values, decoded exactly. Each decoder returns the value and, when the text
 * is malformed, a message in the writer's terms (the parser reports it).
 */

export interface Decoded<T> {
  readonly value: T;
  readonly problem?: string;
}

/** `1,234` has its separators in threes; `1,23` does not. */
function checkSeparators(digits: string, shown: string): string | undefined {
  if (!digits.includes(',')) return undefined;
  const whole = digits.split('.')[0];
  if (!whole.includes(',')) return undefined;
  if (/^\d{1,3}(,\d{3})+$/.test(whole)) return undefined;
  return `\`${shown}\` has a thousands separator in the wrong place: commas go between groups of three digits, as in 1,200`;
}

export function decodeNumber(source: string): Decoded<number> {
  return { value: Number(source.replace(/,/g, '')), problem: checkSeparators(source, source) };
}

export function decodePercent(source: string): Decoded<number> {
  const digits = source.slice(0, -1);
  return { value: Number(digits.replace(/,/g, '')), problem: checkSeparators(digits, source) };
}

export interface Money {
  readonly currency: Currency;
  /** Pence or cents. */
  readonly minor: bigint;
  /** False when the amount has a fraction of a penny (the fraction is dropped). */
  readonly exact: boolean;
}

const SUFFIX_POWER: Readonly<Record<string, number>> = { '': 0, k: 3, m: 6 };

/** `£1.8m` is 180,000,000 pence, with no floating point on the way. */
export function decodeMoney(source: string): Decoded<Money> {
  const currency = source[0] as Currency;
  const match = /^.(\d[\d,]*)(?:\.(\d+))?([kKmM]?)$/.exec(source);
  const whole = match ? match[1] : '0';
  const fraction = match?.[2] ?? '';
  const suffix = (match?.[3] ?? '').toLowerCase();
  const scale = 2 + SUFFIX_POWER[suffix] - fraction.length;
  const digits = BigInt(whole.replace(/,/g, '') + fraction);
  let minor: bigint;
  let exact = true;
  if (scale >= 0) {
    minor = digits * 10n ** BigInt(scale);
  } else {
    const divisor = 10n ** BigInt(-scale);
    minor = digits / divisor;
    exact = digits % divisor === 0n;
  }
  return { value: { currency, minor, exact }, problem: checkSeparators(whole, source) };
}

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** False for dates that do not exist, such as 2027-02-30. */
  readonly valid: boolean;
}

export function decodeDate(source: string): Decoded<CalendarDate> {
  const [year, month, day] = source.split('-').map(Number);
  const valid =
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  const problem = /^\d{4}-\d\d-\d\d$/.test(source)
    ? undefined
    : `write dates as year-month-day with two-digit months and days, such as 2027-04-01, not \`${source}\``;
  return { value: { year, month, day, valid }, problem };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The text of a string token without its quotes, with `\"` and `\\` decoded (in
 * one-line and triple-quoted strings alike). Any other backslash is kept as written
 * and reported.
 */
export function decodeString(source: string, terminated: boolean): Decoded<string> {
  const triple = source.startsWith('"""');
  const quote = triple ? 3 : 1;
  const body = source.slice(quote, terminated ? source.length - quote : source.length);
  if (!body.includes('\\')) return { value: body };
  let problem: string | undefined;
  const value = body.replace(/\\([\s\S]?)/g, (all, next: string) => {
    if (next === '"' || next === '\\') return next;
    problem ??= `\`${all}\` is not an escape this language knows: inside quotes, write \\" for a quote and \\\\ for a backslash`;
    return all;
  });
  return { value, problem };
}
