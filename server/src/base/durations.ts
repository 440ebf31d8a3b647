/*
 * Lengths of time, the one convention: a month is the average month of the calendar,
 * 365.25 / 12 days (30.4375), and a year 12 months. Where a duration must become whole
 * months (cash flow, a contract's last day) it is rounded up, so that nothing is assumed
 * to come sooner than the text allows: 52 weeks (364 days, 11.96 months) is 12 months.
 */

export type TimeUnit = 'day' | 'week' | 'month' | 'year';

export interface Duration {
  readonly amount: number;
  readonly unit: TimeUnit;
}

/** Days in a month, as a fraction: 1461 / 48 = 365.25 / 12. */
const DAYS_PER_MONTH_NUM = 1461;
const DAYS_PER_MONTH_DEN = 48;

/** The duration in days, with a fraction where months or years do not make whole days. */
export function daysIn(d: Duration): number {
  switch (d.unit) {
    case 'day':
      return d.amount;
    case 'week':
      return d.amount * 7;
    case 'month':
      return (d.amount * DAYS_PER_MONTH_NUM) / DAYS_PER_MONTH_DEN;
    case 'year':
      return (d.amount * 12 * DAYS_PER_MONTH_NUM) / DAYS_PER_MONTH_DEN;
  }
}

/** The duration in months, with a fraction: 26 weeks is 5.98 months. */
export function monthsIn(d: Duration): number {
  switch (d.unit) {
    case 'year':
      return d.amount * 12;
    case 'month':
      return d.amount;
    case 'week':
      return (d.amount * 7 * DAYS_PER_MONTH_DEN) / DAYS_PER_MONTH_NUM;
    case 'day':
      return (d.amount * DAYS_PER_MONTH_DEN) / DAYS_PER_MONTH_NUM;
  }
}

/**
 * The duration in whole months, rounded up and at least one: 52 weeks → 12, 91 days → 3,
 * 18 months → 18, 2.5 years → 30.
 */
export function wholeMonthsIn(d: Duration): number {
  // A hair below the next whole month counts as that month (floating point: 0.1 × 12).
  return Math.max(1, Math.ceil(monthsIn(d) - 1e-9));
}

/** True when the duration is a whole number of months as written (years and months only). */
export function isWholeMonths(d: Duration): boolean {
  return (d.unit === 'year' && Number.isInteger(d.amount * 12)) || (d.unit === 'month' && Number.isInteger(d.amount));
}
