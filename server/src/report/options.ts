import { z } from 'zod';
import { monthsIn } from '../base/durations';
import * as ast from '../syntax/ast';
import { CalendarDate, decodeDate, decodeMoney } from '../syntax/values';
import { Fraction, percentOf } from './exact';
import { FLAG, ReportOptionsInput } from './option-names';

export type { ReportOptionsInput };
import { DEFAULT_SIMULATION, SimulationAssumptions } from './simulation';

/*
 * The report's editable assumptions, as a user gives them (strings, from the command
 * line or an editor setting), checked with zod. Nonsense gets one message per value,
 * naming the option and an example of what it wants.
 */

export type UpfrontTreatment = 'advance' | 'additional';

export interface Duration {
  readonly amount: number;
  readonly unit: ast.TimeUnit;
}

export type CostOption =
  | { readonly kind: 'money'; readonly minor: bigint; readonly currency: ast.Currency | undefined; readonly text: string }
  | { readonly kind: 'percent'; readonly of: Fraction; readonly text: string };

/** The assumptions after checking. Absent fields take the spec's value or the default. */
export interface ReportOptions {
  /** One success rate for every paid outcome (`--success-rate 60%`). */
  readonly successRate?: { readonly rate: Fraction; readonly text: string };
  /** Success rates for named outcomes (`--success-rate sustained_job=40%`). */
  readonly outcomeRates: ReadonlyMap<string, { readonly rate: Fraction; readonly text: string }>;
  readonly cost?: CostOption;
  readonly start?: CalendarDate & { readonly text: string };
  readonly term?: Duration;
  /** The window of an outcome that has none; default 12 months. */
  readonly window?: Duration;
  readonly upfront: UpfrontTreatment;
  /** The Monte Carlo's assumptions, each the default where not given. */
  readonly simulation: SimulationAssumptions;
}


export const DEFAULT_WINDOW: Duration = { amount: 12, unit: 'month' };




type Ctx = z.core.$RefinementCtx;

function fail(ctx: Ctx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER as never;
}

function rateOf(text: string, shown: string, ctx: Ctx): { rate: Fraction; text: string } {
  const t = text.trim();
  const rate = /^\d[\d,]*(?:\.\d+)?%?$/.test(t) ? percentOf(t) : undefined;
  if (!rate) return fail(ctx, `${shown}: a success rate is a percentage from 0% to 100%, such as 60%, or OUTCOME=60% for one outcome`);
  if (rate.num > rate.den) return fail(ctx, `${shown}: a success rate cannot be more than 100% (it is the share of participants who achieve the outcome)`);
  return { rate, text: t.endsWith('%') ? t : `${t}%` };
}

const successRates = z.array(z.string()).transform((values, ctx) => {
  let all: { rate: Fraction; text: string } | undefined;
  const byOutcome = new Map<string, { rate: Fraction; text: string }>();
  for (const value of values) {
    const shown = `${FLAG.successRate} ${value}`;
    const eq = value.indexOf('=');
    if (eq < 0) {
      if (all) fail(ctx, `${shown}: give one success rate for every outcome at most once (or OUTCOME=RATE for one outcome)`);
      all = rateOf(value, shown, ctx);
      continue;
    }
    const outcome = value.slice(0, eq).trim();
    if (!/^\p{L}[\p{L}\d_-]*$/u.test(outcome)) fail(ctx, `${shown}: before \`=\` give an outcome id, such as sustained_job=40%`);
    if (byOutcome.has(outcome)) fail(ctx, `${shown}: outcome \`${outcome}\` is given a success rate twice`);
    byOutcome.set(outcome, rateOf(value.slice(eq + 1), shown, ctx));
  }
  return { all, byOutcome };
});

const cost = z.string().transform((value, ctx): CostOption => {
  const t = value.trim();
  const shown = `${FLAG.cost} ${value}`;
  const help = 'give the delivery cost as money, such as £1.2m, £850,000 or 850000, or as a share of the break-even cost, such as 110%';
  if (/^\d[\d,]*(?:\.\d+)?%$/.test(t)) {
    const of = percentOf(t)!;
    if (of.num === 0n) return fail(ctx, `${shown}: the delivery cost must be more than nothing; ${help}`);
    return { kind: 'percent', of, text: t };
  }
  const signed = /^[£$€]/.test(t) ? t : `£${t}`;
  if (!/^[£$€]\d[\d,]*(?:\.\d+)?[kKmM]?$/.test(signed)) return fail(ctx, `${shown}: ${help}`);
  const decoded = decodeMoney(signed);
  if (decoded.problem) return fail(ctx, `${shown}: ${decoded.problem}`);
  if (!decoded.value.exact) return fail(ctx, `${shown}: an amount cannot have a fraction of a penny or cent`);
  if (decoded.value.minor <= 0n) return fail(ctx, `${shown}: the delivery cost must be more than nothing; ${help}`);
  return { kind: 'money', minor: decoded.value.minor, currency: /^[£$€]/.test(t) ? decoded.value.currency : undefined, text: t };
});

const start = z.string().transform((value, ctx) => {
  const t = value.trim();
  const shown = `${FLAG.start} ${value}`;
  if (!/^\d{4}-\d\d-\d\d$/.test(t)) return fail(ctx, `${shown}: write the start date as year-month-day, such as 2027-04-01`);
  const date = decodeDate(t).value;
  if (!date.valid) return fail(ctx, `${shown}: ${t} is not a date in the calendar`);
  return { ...date, text: t };
});

function duration(flag: string) {
  return z.string().transform((value, ctx): Duration => {
    const match = /^(\d+(?:\.\d+)?)\s*(day|week|month|year)s?$/i.exec(value.trim());
    const shown = `${flag} ${value}`;
    if (!match) return fail(ctx, `${shown}: give a duration such as 3 years, 36 months, 26 weeks or 91 days`);
    const amount = Number(match[1]);
    if (!(amount > 0)) return fail(ctx, `${shown}: a duration must be longer than no time at all`);
    const unit = match[2].toLowerCase() as ast.TimeUnit;
    if (monthsIn({ amount, unit }) > 600) return fail(ctx, `${shown}: that is more than 50 years; is it a typo?`);
    return { amount, unit };
  });
}

const upfront = z.string().transform((value, ctx): UpfrontTreatment => {
  const t = value.trim().toLowerCase();
  if (t === 'advance' || t === 'additional') return t;
  return fail(
    ctx,
    `${FLAG.upfront} ${value}: choose advance (the upfront payment is recovered from the first outcome payments) or additional (it is paid on top of them)`,
  );
});

function whole(flag: string, least: number, most: number, what: string) {
  return z.string().transform((value, ctx): number => {
    const t = value.trim().replace(/,/g, '');
    const n = /^\d+$/.test(t) ? Number(t) : NaN;
    if (!(n >= least && n <= most)) return fail(ctx, `${flag} ${value}: ${what}`);
    return n;
  });
}

/** A percentage from 0% to 100%, as a fraction of one (`points` says what it is a share of). */
function percentage(flag: string, what: string) {
  return z.string().transform((value, ctx): number => {
    const t = value.trim();
    const f = /^\d+(?:\.\d+)?%$/.test(t) ? percentOf(t) : undefined;
    if (!f || f.num > f.den) return fail(ctx, `${flag} ${value}: ${what}`);
    return Number(f.num) / Number(f.den);
  });
}

const delay = z.string().transform((value, ctx): number => {
  const match = /^(\d+)\s*months?$/i.exec(value.trim());
  const months = match ? Number(match[1]) : NaN;
  if (!(months >= 0 && months <= 24)) return fail(ctx, `${FLAG.delay} ${value}: give the most months a payment can be late, from 0 months to 24 months, such as 2 months`);
  return months;
});

export const reportOptionsSchema = z
  .object({
    successRate: successRates.optional(),
    cost: cost.optional(),
    start: start.optional(),
    term: duration(FLAG.term).optional(),
    window: duration(FLAG.window).optional(),
    upfront: upfront.optional(),
    draws: whole(FLAG.draws, 100, 1_000_000, 'give the number of draws as a whole number from 100 to 1,000,000, such as 10000').optional(),
    seed: whole(FLAG.seed, 0, 2 ** 32 - 1, 'give the seed as a whole number, such as 1; the same seed gives the same draws').optional(),
    rateSpread: percentage(FLAG.rateSpread, 'give the spread of each success rate in percentage points, from 0% to 100%, such as 10%').optional(),
    referrals: percentage(FLAG.referrals, 'give the share of planned referrals expected to arrive, from 0% to 100%, such as 90%').optional(),
    referralSpread: percentage(FLAG.referralSpread, 'give the spread of the share of referrals that arrive, from 0% to 100%, such as 10%').optional(),
    delay: delay.optional(),
  })
  .strict();

/** Checks the assumptions as given: the options, or one message per value that makes no sense. */
export function readReportOptions(input: ReportOptionsInput): { options: ReportOptions } | { problems: string[] } {
  const parsed = reportOptionsSchema.safeParse(input);
  if (!parsed.success) return { problems: [...new Set(parsed.error.issues.map((i) => i.message))] };
  const v = parsed.data;
  return {
    options: {
      ...(v.successRate?.all ? { successRate: v.successRate.all } : {}),
      outcomeRates: v.successRate?.byOutcome ?? new Map(),
      ...(v.cost ? { cost: v.cost } : {}),
      ...(v.start ? { start: v.start } : {}),
      ...(v.term ? { term: v.term } : {}),
      ...(v.window ? { window: v.window } : {}),
      upfront: v.upfront ?? 'advance',
      simulation: {
        draws: v.draws ?? DEFAULT_SIMULATION.draws,
        seed: v.seed ?? DEFAULT_SIMULATION.seed,
        rateSpread: v.rateSpread ?? DEFAULT_SIMULATION.rateSpread,
        referralMean: v.referrals ?? DEFAULT_SIMULATION.referralMean,
        referralSpread: v.referralSpread ?? DEFAULT_SIMULATION.referralSpread,
        delayMonths: v.delay ?? DEFAULT_SIMULATION.delayMonths,
      },
    },
  };
}

export const DEFAULT_OPTIONS: ReportOptions = { outcomeRates: new Map(), upfront: 'advance', simulation: DEFAULT_SIMULATION };
