import { wholeMonthsIn } from '../base/durations';
import { plural } from '../base/wording';
import * as ast from '../syntax/ast';

/*
 * When money is paid, read from the `schedule` text and from durations. The schedule is
 * free text ("quarterly in arrears, on claims verified against HMRC data"), so the
 * report recognises the common phrases and says plainly what it understood; anything
 * else is read as quarterly in arrears, and the report says that too.
 */

export interface Schedule {
  /** Months in one payment period: 1, 2, 3, 6, 12 … */
  readonly periodMonths: number;
  /** `arrears`: paid at the end of the period; `advance`: at its start (instalments only). */
  readonly timing: 'arrears' | 'advance';
  /** Months added after the period ends ("within 30 days" → 1). */
  readonly lagMonths: number;
  /** False when the text was not understood and the quarterly default stands in. */
  readonly understood: boolean;
  /** The text as written, or undefined when the spec has no `schedule`. */
  readonly text: string | undefined;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, nine: 9, twelve: 12, eighteen: 18, 'twenty-four': 24,
};

function count(word: string): number | undefined {
  const n = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
  return n !== undefined && n >= 1 && n <= 120 ? n : undefined;
}

/**
 * The first place where `lead` is directly followed by `rest` (sticky), as the one
 * expression `lead` + `rest` would find it when no two matches of `lead` overlap. Two
 * steps because recheck (test/regex-safety.test.ts) proves each half linear in a
 * second, but takes half a minute over the whole expression.
 */
function firstAfter(s: string, lead: RegExp, rest: RegExp): RegExpExecArray | null {
  for (const found of s.matchAll(lead)) {
    rest.lastIndex = found.index + found[0].length;
    const match = rest.exec(s);
    if (match) return match;
  }
  return null;
}

export const DEFAULT_SCHEDULE: Schedule = { periodMonths: 3, timing: 'arrears', lagMonths: 0, understood: false, text: undefined };

export function readSchedule(text: string | undefined): Schedule {
  if (text === undefined) return DEFAULT_SCHEDULE;
  const s = text.toLowerCase().replace(/\s+/g, ' ');
  const timing = /\bin advance\b|\bupfront\b|\bup front\b/.test(s) ? 'advance' : 'arrears';
  let lagMonths = 0;
  const lag = firstAfter(s, /\b(?:within|after|plus|then) /g, /(\d+|[a-z-]+) (day|week|month)s?\b/y);
  const lagCount = lag && count(lag[1]);
  if (lag && lagCount) lagMonths = wholeMonthsIn({ amount: lagCount, unit: lag[2] as ast.TimeUnit });
  const every = firstAfter(s, /\bevery /g, /(\d+|[a-z-]+) months?\b/y);
  let periodMonths: number | undefined;
  if (/\b(?:6|six)[- ]?monthly\b|\bhalf[- ]?yearly\b|\btwice a year\b|\b(?:bi|semi)-?annual(?:ly)?\b/.test(s)) periodMonths = 6;
  else if (every && count(every[1])) periodMonths = count(every[1]);
  else if (/\bbi-?monthly\b/.test(s)) periodMonths = 2;
  else if (/\bquarterly\b|\b(?:every|each|per|a) quarter\b/.test(s)) periodMonths = 3;
  else if (/\bmonthly\b|\b(?:every|each|per|a) month\b/.test(s)) periodMonths = 1;
  else if (/\bannual(?:ly)?\b|\byearly\b|\b(?:once a|every|each|per) year\b/.test(s)) periodMonths = 12;
  if (periodMonths === undefined) return { ...DEFAULT_SCHEDULE, lagMonths, text };
  return { periodMonths, timing, lagMonths, understood: true, text };
}

/** The month (1-based, from the contract start) in which an outcome evidenced in month `evidenced` is paid. */
export function paymentMonth(schedule: Schedule, evidenced: number): number {
  const p = schedule.periodMonths;
  return Math.ceil(evidenced / p) * p + schedule.lagMonths;
}

/** How the report reads a schedule, in a sentence. */
export function describeSchedule(s: Schedule): string {
  const period =
    s.periodMonths === 1 ? 'monthly' : s.periodMonths === 3 ? 'quarterly' : s.periodMonths === 12 ? 'annually' : `every ${s.periodMonths} months`;
  const months = [1, 2, 3].map((k) => k * s.periodMonths + s.lagMonths).join(', ');
  const lag = s.lagMonths > 0 ? `, then ${plural(s.lagMonths, 'month')} later` : '';
  const read = s.text === undefined ? 'no `schedule`: assumed quarterly in arrears' : s.understood ? `“${s.text}” read as ${period} in arrears` : `“${s.text}” not understood: assumed quarterly in arrears`;
  return `${read}: outcomes evidenced in a ${period === 'monthly' ? 'month' : 'period'} are paid at the end of that period${lag} (months ${months}, … from the start)`;
}
