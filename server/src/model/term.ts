import { wholeMonthsIn } from '../base/durations';
import * as ast from '../syntax/ast';

const DAY = 86_400_000;

/**
 * The first and last day of a contract term (UTC milliseconds), from `term N <unit>
 * from DATE`. `3 years from 2027-04-01` runs to 2030-03-31; where the matching day does
 * not exist (1 month from 31 January), the term ends on the last day of that month.
 * Fractions of a month or week are rounded up, so a term is never shortened.
 */
export function termSpan(from: ast.DateValue, length: ast.DurationValue): { start: number; end: number } {
  const start = Date.UTC(from.year, from.month - 1, from.day);
  if (length.unit === 'day' || length.unit === 'week') {
    const days = Math.ceil(length.amount * (length.unit === 'week' ? 7 : 1));
    return { start, end: start + (days - 1) * DAY };
  }
  const months = wholeMonthsIn(length);
  const index = from.month - 1 + months;
  const year = from.year + Math.floor(index / 12);
  const month = index % 12; // 0-based
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const end = from.day > daysInMonth ? Date.UTC(year, month, daysInMonth) : Date.UTC(year, month, from.day) - DAY;
  return { start, end };
}

/** `2030-03-31` from UTC milliseconds. */
export function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
