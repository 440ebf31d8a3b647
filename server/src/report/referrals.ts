import { wholeMonthsIn } from '../base/durations';
import { numberText, plural } from '../base/wording';
import { SpecFacts } from '../engine/facts';
import { sizeOf } from '../model/model';
import * as ast from '../syntax/ast';
import { Fraction, fraction, fractionPercent, ONE, spread } from './exact';
import type { Assume } from './finance';

/*
 * When people arrive, from a cohort's `referrals N per <unit> [ramp D]`: N per unit once
 * the ramp is over, rising evenly before it (month m of a ramp of R months brings m/R of
 * the full rate). People are enrolled as they arrive, during the term, until the
 * cohort's `size` is reached; no one arrives after the term.
 *
 * Counts are fractions of people (an average), held exactly as thousandths: the report
 * needs the share of the cohort that arrives and each month's share of the enrolment,
 * not whole people. `lineArrivals` gives a `pay` line its cohorts' arrivals, and
 * `describeArrivals` words the assumption and notes a cohort its referrals cannot fill.
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
  const size = sizeOf(cohort);
  if (!volume?.count || !volume.per || size === undefined || !(volume.count.value > 0)) return undefined;
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

/** The cohorts a per-participant line prices people of: the segment's, or those of the outcome's `for`. */
function lineCohorts(facts: SpecFacts, pay: ast.PayLine): ast.CohortBlock[] {
  const cohortOf = (name: ast.Name): ast.CohortBlock | undefined => {
    const d = facts.model.definitions.get(name.text);
    return d?.kind === 'cohort' ? (d.node as ast.CohortBlock) : d?.kind === 'segment' ? d.cohort : undefined;
  };
  const outcome = pay.segment ? undefined : facts.definition(pay.outcome);
  const names = pay.segment ? [pay.segment] : outcome?.kind === 'outcome' ? (outcome.node as ast.OutcomeBlock).for.flatMap((f) => f.value ?? []) : [];
  return [...new Set(names.flatMap((n) => cohortOf(n) ?? []))];
}

/**
 * When a line's people arrive, from its cohorts' `referrals`. With one cohort, its
 * arrivals; with several, the arrivals added up in proportion to the cohorts' sizes.
 * Undefined (everyone, evenly over the term) when no cohort of the line has `referrals`.
 */
export function lineArrivals(facts: SpecFacts, pay: ast.PayLine, termMonths: number): { arrival: Fraction; enrolment: bigint[] } | undefined {
  const cohorts = lineCohorts(facts, pay);
  const each = cohorts.map((c) => ({ size: BigInt(sizeOf(c) ?? 0), arrivals: arrivalsOf(c, termMonths) }));
  if (!each.some((e) => e.arrivals) || each.some((e) => e.size === 0n)) return undefined;
  const all = each.reduce((sum, e) => sum + e.size, 0n);
  let num = 0n;
  const enrolment = Array.from({ length: termMonths }, () => 0n);
  for (const { size, arrivals } of each) {
    // A cohort without `referrals` arrives whole, evenly over the term (thousandths of a person a month).
    const arrival = arrivals?.arrival ?? ONE;
    num += (size * arrival.num * 1_000_000n) / arrival.den;
    const months = arrivals?.enrolment ?? spread(size * 1000n, termMonths);
    months.forEach((v, i) => (enrolment[i] += v));
  }
  return { arrival: fraction(num, all * 1_000_000n), enrolment };
}

/** The `referrals` assumption, and a note for each cohort whose referrals cannot fill it within the term. */
export function describeArrivals(facts: SpecFacts, termMonths: number, assume: Assume, notes: string[]): void {
  const planned = facts.model.file.items.filter((i): i is ast.CohortBlock => i.kind === 'cohort' && i.volume !== undefined);
  if (planned.length === 0) {
    assume('Referrals', 'No cohort gives `referrals`: every cohort’s `size` is assumed to arrive, evenly over the term.', 'default');
    return;
  }
  const parts: string[] = [];
  for (const cohort of planned) {
    const id = cohort.name?.text ?? '?';
    const a = arrivalsOf(cohort, termMonths);
    if (!a) continue;
    const size = sizeOf(cohort)!;
    parts.push(`\`${id}\`: ${facts.written(cohort.volume!.span)}, enrolled as they arrive until its size of ${numberText(size)} is reached${a.fullBy ? ` (in month ${a.fullBy})` : ''}`);
    if (!a.fullBy) {
      notes.push(
        `The referrals planned for \`${id}\` bring about ${numberText(Math.round(a.expected))} people over the ${plural(termMonths, 'month')} of the term, fewer than its size of ${numberText(size)}: payments are counted only for those who arrive (${fractionPercent(a.arrival)} of the cohort).`,
      );
    }
  }
  assume('Referrals', `${parts.join('; ')}. No one is enrolled after the term.`, 'spec');
}

