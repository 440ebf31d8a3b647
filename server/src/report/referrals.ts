import { wholeMonthsIn } from '../base/durations';
import * as ast from '../syntax/ast';
import { Fraction, fraction } from './exact';

/*
 * When people arrive, from a cohort's `referrals N per <unit> [ramp D]`: N per unit once
 * the ramp is over, rising evenly before it (month m of a ramp of R months brings m/R of
 * the full rate). People are enrolled as they arrive, during the term, until the
 * cohort's `size` is reached; no one arrives after the term.
 *
 * Counts are fractions of people (an average), held exactly as thousandths: the report
 * needs the share of the cohort that arrives and each month's share of the enrolment,
 * not whole people.
 */

export interface Arrivals {
  /** The share of the cohort's size enrolled by the end of the term (at most 1). */
  readonly arrival: Fraction;
  /** People enrolled in each month 1…term, in thousandths of a person. */
  readonly enrolment: readonly bigint[];
  /** People expected to arrive by the end of the term, before the size limits them. */
  readonly expected: number;
  /** The month the size is reached, when it is. */
  readonly fullBy: number | undefined;
}

/** How many of each unit fall in a month: 365/12 days, 52/12 weeks, one month, 1/12 of a year. */
const PER_MONTH: Readonly<Record<ast.TimeUnit, Fraction>> = {
  day: fraction(365n, 12n),
  week: fraction(52n, 12n),
  month: fraction(1n, 1n),
  year: fraction(1n, 12n),
};

/** Undefined when the cohort has no usable `referrals` line or no size. */
export function arrivalsOf(cohort: ast.CohortBlock, termMonths: number): Arrivals | undefined {
  const volume = cohort.volume;
  const size = cohort.size?.value?.value;
  if (!volume?.count || !volume.per || size === undefined || !(size > 0) || !(volume.count.value > 0)) return undefined;
  const perMonth = PER_MONTH[volume.per.unit];
  // Full monthly rate in thousandths of a person.
  const full = (BigInt(Math.round(volume.count.value * 1000)) * perMonth.num) / perMonth.den;
  const rampMonths = volume.ramp ? Math.max(1, wholeMonthsIn(volume.ramp)) : 0;
  const room = BigInt(size) * 1000n;
  const enrolment: bigint[] = [];
  let enrolled = 0n;
  let expected = 0n;
  let fullBy: number | undefined;
  // Arrivals by the end of month m, counted whole from the start so that rounding down
  // never accumulates: the full rate × (1 + 2 + … + min(m, R) + R × months after the ramp) / R.
  const R = BigInt(Math.max(1, rampMonths));
  const upTo = (m: bigint): bigint => {
    if (rampMonths === 0) return full * m;
    const ramp = m < R ? m : R;
    return (full * ((ramp * (ramp + 1n)) / 2n + (m - ramp) * R)) / R;
  };
  for (let m = 1; m <= termMonths; m++) {
    const arriving = upTo(BigInt(m)) - upTo(BigInt(m - 1));
    expected += arriving;
    const taken = enrolled + arriving > room ? room - enrolled : arriving;
    enrolled += taken;
    enrolment.push(taken);
    if (fullBy === undefined && enrolled === room) fullBy = m;
  }
  return { arrival: fraction(enrolled, room), enrolment, expected: Number(expected) / 1000, fullBy };
}
