import { wholeMonthsIn } from '../base/durations';
import * as ast from '../syntax/ast';
import { Definition, sizeOf, SpecModel } from './model';

/*
 * The limits beside the overall `cap` (language reference, "The most a spec can pay"):
 *
 * - `cap £X for O`: everything paid for outcome O (its `pay` lines together) is at most X;
 * - `cap £X per participant`: no one person earns the contract more than X across the
 *   outcomes paid per participant. Each group of people priced alike (a segment with a
 *   size, or the rest of its cohort) earns at most its size × the lesser of X and what
 *   one member's successes are priced at. Where a segment has no size, people cannot be
 *   told apart, and the bound is X × everyone in the cohorts the prices are for;
 * - `cap £X per year`: at most X in each year in which payments can fall, counted from
 *   the start of the term to the end of the longest window of a paid outcome after it
 *   (`term` + window, in whole years rounded up).
 *
 * Each limit gives a bound on its own; the most the spec can pay is the least of the
 * total of the prices, the bounds and the overall cap. (Where two limits both bite, the
 * most can be less still: the figure never understates what the spec may owe.)
 */

export interface LineAmount {
  readonly pay: ast.PayLine;
  /** The most this line can pay; undefined when unknown. */
  readonly amount: bigint | undefined;
  readonly successes: number | undefined;
}

export interface LimitBound {
  readonly limit: ast.CapLimit;
  /** The total of the prices under this limit alone; undefined when it cannot be worked out. */
  readonly bound: bigint | undefined;
  /** How the bound was worked out, or why it could not be, in the writer's words. */
  readonly how: string;
}

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);

export function limitBounds(model: SpecModel, lines: readonly LineAmount[], total: bigint | undefined, currency: ast.Currency | undefined): LimitBound[] {
  const payment = model.file.items.find((i): i is ast.PaymentBlock => i.kind === 'payment');
  return (payment?.limits ?? []).map((limit): LimitBound => {
    const amount = limit.amount;
    if (!amount) return { limit, bound: undefined, how: 'the limit has no amount' };
    if (currency && amount.currency !== currency) return { limit, bound: undefined, how: `the limit is in ${amount.currency} but the prices are in ${currency}` };
    if (total === undefined) return { limit, bound: undefined, how: 'the total of the prices is unknown' };
    switch (limit.scope.kind) {
      case 'outcome':
        return outcomeBound(limit, limit.scope.outcome, lines, total, amount.minor);
      case 'participant':
        return participantBound(limit, model, lines, total, amount.minor);
      case 'year':
        return yearBound(limit, model, lines, total, amount.minor);
    }
  });
}

function outcomeBound(limit: ast.CapLimit, outcome: ast.Name | undefined, lines: readonly LineAmount[], total: bigint, cap: bigint): LimitBound {
  if (!outcome) return { limit, bound: undefined, how: 'the limit names no outcome' };
  const own = lines.filter((l) => l.pay.outcome?.text === outcome.text).reduce((sum, l) => sum + (l.amount ?? 0n), 0n);
  return { limit, bound: total - own + min(own, cap), how: `\`${outcome.text}\`'s lines, limited to the cap, and every other line` };
}

/** People priced alike: a segment with a size, or the rest of its cohort. */
interface Group {
  readonly cohort: string;
  /** The segment, or undefined for the rest of the cohort. */
  readonly segment: string | undefined;
  readonly people: number;
}

/** A cohort's groups; undefined when it, or one of its segments, has no size. */
function groupsOf(cohort: ast.CohortBlock): Group[] | undefined {
  const size = sizeOf(cohort);
  if (size === undefined || !cohort.name) return undefined;
  const groups: Group[] = [];
  let rest = size;
  for (const segment of cohort.segments) {
    const people = sizeOf(segment);
    if (people === undefined || !segment.name) return undefined;
    groups.push({ cohort: cohort.name.text, segment: segment.name.text, people });
    rest -= people;
  }
  groups.push({ cohort: cohort.name.text, segment: undefined, people: Math.max(0, rest) });
  return groups;
}

function participantBound(limit: ast.CapLimit, model: SpecModel, lines: readonly LineAmount[], total: bigint, cap: bigint): LimitBound {
  const perPerson = lines.filter((l) => l.pay.perParticipant);
  const perPersonTotal = perPerson.reduce((sum, l) => sum + (l.amount ?? 0n), 0n);
  const others = total - perPersonTotal;
  const definition = (name: string): Definition | undefined => model.definitions.get(name);
  const cohortOf = (d: Definition | undefined): ast.CohortBlock | undefined =>
    d?.kind === 'cohort' ? (d.node as ast.CohortBlock) : d?.kind === 'segment' ? d.cohort : undefined;

  // The cohorts the per-participant prices are for.
  const cohorts = new Map<string, ast.CohortBlock>();
  const pricedIn = new Map<string, Set<string>>(); // outcome → groups with their own `pay … in` line
  for (const { pay } of perPerson) {
    if (pay.segment && pay.outcome) pricedIn.set(pay.outcome.text, (pricedIn.get(pay.outcome.text) ?? new Set()).add(pay.segment.text));
    const targets = pay.segment ? [pay.segment] : outcomeTargets(model, pay.outcome);
    for (const name of targets) {
      const cohort = cohortOf(definition(name.text));
      if (cohort?.name) cohorts.set(cohort.name.text, cohort);
    }
  }
  const groups = [...cohorts.values()].map(groupsOf);
  if (groups.some((g) => g === undefined)) {
    const everyone = [...cohorts.values()].reduce((sum, c) => sum + (sizeOf(c) ?? 0), 0);
    if ([...cohorts.values()].some((c) => sizeOf(c) === undefined)) return { limit, bound: undefined, how: 'a cohort the prices are for has no size' };
    return { limit, bound: others + min(perPersonTotal, cap * BigInt(everyone)), how: `the cap × the ${everyone} people in the cohorts priced per participant (a segment has no size, so people priced differently cannot be told apart)` };
  }
  // What one member of each group earns if they achieve every outcome priced for them.
  let bound = others;
  for (const group of groups.flat() as Group[]) {
    let price = 0n;
    for (const { pay } of perPerson) if (prices(pay, group)) price += pay.amount!.minor;
    bound += BigInt(group.people) * min(price, cap);
  }
  return { limit, bound, how: 'for each group priced alike, its people × the lesser of the cap and one person’s prices' };

  /** Whether a per-participant line prices the members of `group`. */
  function prices(pay: ast.PayLine, group: Group): boolean {
    if (pay.segment) return pay.segment.text === group.segment || (pay.segment.text === group.cohort && definition(group.cohort)?.kind === 'cohort');
    const own = pricedIn.get(pay.outcome?.text ?? '') ?? new Set<string>();
    if (group.segment && own.has(group.segment)) return false;
    return outcomeTargets(model, pay.outcome).some((t) => t.text === group.cohort ? !own.has(group.cohort) : t.text === group.segment);
  }
}

function outcomeTargets(model: SpecModel, outcome: ast.Name | undefined): ast.Name[] {
  const d = outcome && model.definitions.get(outcome.text);
  return d?.kind === 'outcome' ? (d.node as ast.OutcomeBlock).for.flatMap((f) => f.value ?? []) : [];
}

/** Years in which payments can fall: the term and the longest window of a paid outcome after it, rounded up. */
function paymentYears(model: SpecModel, lines: readonly LineAmount[]): number | undefined {
  const spec = model.file.items.find((i): i is ast.SpecBlock => i.kind === 'spec');
  const term = spec?.term?.value;
  if (!term) return undefined;
  let window = 0;
  for (const { pay } of lines) {
    const d = pay.outcome && model.definitions.get(pay.outcome.text);
    const length = d?.kind === 'outcome' ? (d.node as ast.OutcomeBlock).window?.value : undefined;
    if (length) window = Math.max(window, wholeMonthsIn(length));
  }
  return Math.ceil((wholeMonthsIn(term) + window) / 12);
}

function yearBound(limit: ast.CapLimit, model: SpecModel, lines: readonly LineAmount[], total: bigint, cap: bigint): LimitBound {
  const years = paymentYears(model, lines);
  if (years === undefined) return { limit, bound: undefined, how: 'the spec has no `term`, so the years in which payments fall are unknown' };
  return { limit, bound: min(total, cap * BigInt(years)), how: `the cap × ${years} year${years === 1 ? '' : 's'} in which payments can fall (the term and the longest window after it)` };
}
