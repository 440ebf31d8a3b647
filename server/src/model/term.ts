import { wholeMonthsIn } from '../base/durations';
import * as ast from '../syntax/ast';

export const DAY = 86_400_000;

/**
 * A day (UTC milliseconds) from its year, month (0 to 11; others roll over) and day.
 * Not `Date.UTC`, which reads the years 0 to 99 as 1900 to 1999.
 */
function utcDay(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month, day);
}

/** The day a date names, in UTC milliseconds. */
export function dayOf(date: ast.DateValue): number {
  return utcDay(date.year, date.month - 1, date.day);
}

/**
 * The same day of the month `months` months after a day (before it, when negative), or
 * the last day of that month where the day does not exist there (1 month from 31 January
 * is 28 or 29 February).
 */
export function addMonths(day: number, months: number): number {
  const d = new Date(day);
  const index = d.getUTCMonth() + months;
  const year = d.getUTCFullYear() + Math.floor(index / 12);
  const month = ((index % 12) + 12) % 12;
  const daysInMonth = new Date(utcDay(year, month + 1, 0)).getUTCDate();
  return utcDay(year, month, Math.min(d.getUTCDate(), daysInMonth));
}

/** Days in a duration of days or weeks; a fraction of a day is rounded up. */
export function wholeDaysIn(length: ast.DurationValue): number {
  return Math.ceil(length.amount * (length.unit === 'week' ? 7 : 1));
}

/**
 * The first and last day of a contract term (UTC milliseconds), from `term N <unit>
 * from DATE`. `3 years from 2027-04-01` runs to 2030-03-31; where the matching day does
 * not exist (1 month from 31 January), the term ends on the last day of that month.
 * Fractions of a month or week are rounded up, so a term is never shortened.
 */
export function termSpan(from: ast.DateValue, length: ast.DurationValue): { start: number; end: number } {
  const start = dayOf(from);
  if (length.unit === 'day' || length.unit === 'week') return { start, end: start + (wholeDaysIn(length) - 1) * DAY };
  const matching = addMonths(start, wholeMonthsIn(length));
  // The day before the matching day; where it does not exist, the month's last day.
  return { start, end: new Date(matching).getUTCDate() === from.day ? matching - DAY : matching };
}

/** `2030-03-31` from UTC milliseconds. */
export function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
