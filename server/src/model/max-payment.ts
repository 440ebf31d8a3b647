import * as ast from '../syntax/ast';
import { Definition, sizeOf, SpecModel } from './model';
import { LimitBound, limitBounds } from './payment-limits';

/*
 * The most a spec can pay, exactly as the language reference defines it:
 *
 * - `pay £X for O per participant` (no `in`) prices one success for each member of
 *   O's cohorts: the sum of their sizes, less the sizes of segments that have their own
 *   `pay … in` line for O (a group that `for` names and that has its own `pay … in`
 *   line is priced there whole, so it adds no one here);
 * - `pay £X for O per participant in S` prices one success for each member of S (its
 *   size; a segment without one is priced as its whole cohort, the most it could be,
 *   and subtracted above as nothing);
 * - a line without `per participant` is one sum.
 *
 * The total is limited by `cap`, and by the other limits (payment-limits.ts). Where a size it needs is missing, the total is
 * unknown and `missing` says why; nothing is guessed. Money is in pence, exactly.
 */

export interface LineMaximum {
  readonly pay: ast.PayLine;
  /** How many successes the line can pay for; undefined for one sum or when unknown. */
  readonly successes: number | undefined;
  /** The most this line can pay, or undefined when a size is missing. */
  readonly amount: bigint | undefined;
  /** Why the amount is unknown, in the writer's words. */
  readonly missing: readonly string[];
}

export interface MaximumPayment {
  readonly lines: readonly LineMaximum[];
  /** The currency of `total` and `maximum`: the prices' (the cap's when the cap stands in). */
  readonly currency: ast.Currency | undefined;
  /** The sum of every line, before the cap; undefined when any line is unknown. */
  readonly total: bigint | undefined;
  readonly cap: bigint | undefined;
  /** The limits beside the cap (`cap … per participant`, `per year`, `for O`), each with its bound. */
  readonly limits: readonly LimitBound[];
  /**
   * The total limited by the cap and every other limit: with an unknown total, the cap (when there is one);
   * unknown when the cap is in another currency than the prices.
   */
  readonly maximum: bigint | undefined;
  /** True when `maximum` is the cap standing in for an unknown total. */
  readonly capOnly: boolean;
  readonly missing: readonly string[];
}

function describe(definition: Definition): string {
  return `${definition.kind} \`${definition.name.text}\``;
}

/** Why a group named by `for` or `in` cannot be counted, in the writer's words. */
function whyUncounted(name: ast.Name, definition: Definition | undefined): string {
  if (!definition) return `\`${name.text}\` is not defined`;
  if (definition.kind === 'outcome') return `\`${name.text}\` is an outcome, not a cohort or segment`;
  if (definition.kind === 'segment' && definition.cohort) {
    const cohort = definition.cohort.name?.text;
    return `${describe(definition)} has no size, and nor has its cohort${cohort ? ` \`${cohort}\`` : ''}`;
  }
  return `${describe(definition)} has no size`;
}

export function maximumPayment(model: SpecModel): MaximumPayment {
  const payment = model.file.items.find((i): i is ast.PaymentBlock => i.kind === 'payment');
  const pays = payment?.pays ?? [];
  const outcomeOf = (pay: ast.PayLine): ast.OutcomeBlock | undefined => {
    const d = pay.outcome && model.definitions.get(pay.outcome.text);
    return d?.kind === 'outcome' ? (d.node as ast.OutcomeBlock) : undefined;
  };
  /** Groups (segments, or cohorts) with their own `pay … in` line, by outcome: found once, not per line. */
  const pricedByOutcome = new Map<string, Set<string>>();
  for (const p of pays) {
    if (!p.outcome || !p.perParticipant || !p.segment) continue;
    const priced = pricedByOutcome.get(p.outcome.text) ?? new Set<string>();
    priced.add(p.segment.text);
    pricedByOutcome.set(p.outcome.text, priced);
  }
  const pricedSegments = (outcome: string): ReadonlySet<string> => pricedByOutcome.get(outcome) ?? new Set();

  const lines = pays.map((pay): LineMaximum => {
    const price = pay.amount?.minor;
    if (price === undefined) return { pay, successes: undefined, amount: undefined, missing: ['a price is missing'] };
    if (!pay.perParticipant) return { pay, successes: undefined, amount: price, missing: [] };
    const missing: string[] = [];
    let successes = 0;
    if (pay.segment) {
      const target = model.definitions.get(pay.segment.text);
      const size = target && headcount(target);
      if (size === undefined) missing.push(whyUncounted(pay.segment, target));
      else successes = size;
    } else {
      const outcome = outcomeOf(pay);
      if (!outcome) {
        missing.push(pay.outcome ? `outcome \`${pay.outcome.text}\` is not defined` : 'the outcome is missing');
      } else {
        const priced = pricedSegments(outcome.name?.text ?? '');
        const targets = outcome.for.flatMap((f) => f.value ?? []);
        if (targets.length === 0) missing.push(`outcome \`${outcome.name?.text}\` names no cohort with \`for\``);
        for (const name of targets) {
          const target = model.definitions.get(name.text);
          const size = target && headcount(target);
          if (!target || size === undefined) {
            missing.push(whyUncounted(name, target));
            continue;
          }
          let people = size;
          if (priced.has(name.text)) {
            // The group named by `for` has its own `pay … in` line: its members are all
            // priced there (a segment without a size is subtracted as nothing).
            people -= target.kind === 'segment' ? (sizeOf(target.node as ast.SegmentBlock) ?? 0) : size;
          } else if (target.kind === 'cohort') {
            for (const segment of (target.node as ast.CohortBlock).segments) {
              if (segment.name && priced.has(segment.name.text)) people -= sizeOf(segment) ?? 0;
            }
          }
          // Segments that add up to more than their cohort are a mistake in the sizes,
          // not a negative number of people.
          successes += Math.max(0, people);
        }
      }
    }
    if (missing.length > 0) return { pay, successes: undefined, amount: undefined, missing };
    return { pay, successes, amount: price * BigInt(successes), missing };
  });

  const currencies = new Set(pays.flatMap((p) => (p.amount ? [p.amount.currency] : [])));
  const missing = lines.flatMap((l) => l.missing);
  if (currencies.size > 1) missing.push(`prices are in more than one currency (${[...currencies].join(', ')})`);
  const total = missing.length === 0 ? lines.reduce((sum, l) => sum + (l.amount ?? 0n), 0n) : undefined;
  const priceCurrency = currencies.size === 1 ? [...currencies][0] : undefined;
  const limits = limitBounds(model, lines, total, priceCurrency);
  const capValue = payment?.cap?.value;
  const cap = capValue?.minor;
  let maximum: bigint | undefined;
  let capOnly = false;
  let currency = priceCurrency ?? capValue?.currency;
  if (total !== undefined && capValue && priceCurrency && capValue.currency !== priceCurrency) {
    // A cap in another currency cannot be set against the prices: the total stands,
    // the maximum is unknown.
    missing.push(`the cap is in ${capValue.currency} but the prices are in ${priceCurrency}`);
  } else if (total !== undefined) {
    maximum = cap !== undefined && cap < total ? cap : total;
    for (const { bound } of limits) if (bound !== undefined && bound < maximum) maximum = bound;
  } else if (cap !== undefined) {
    maximum = cap;
    capOnly = true;
    currency = capValue!.currency;
  }
  return {
    lines,
    currency,
    total,
    cap,
    limits,
    maximum,
    capOnly,
    missing: [...new Set(missing)],
  };

  /** The members of a cohort, or of a segment (a segment without a size: its cohort's). */
  function headcount(definition: Definition): number | undefined {
    if (definition.kind === 'cohort') return sizeOf(definition.node as ast.CohortBlock);
    if (definition.kind === 'segment') return sizeOf(definition.node as ast.SegmentBlock) ?? (definition.cohort && sizeOf(definition.cohort));
    return undefined;
  }
}
