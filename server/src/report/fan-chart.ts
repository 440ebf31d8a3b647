import * as ast from '../syntax/ast';
import { coord, monthAxis, moneyAxis, textWidth } from './axis';
import { escapeXml, monthText, signedMoney } from './format';

/*
 * The fan chart as inline SVG: the provider's cumulative cash position month by month
 * across the simulation's draws: the band from the 10th to the 90th percentile, the
 * median as a line, and the zero line (below it the provider is out of pocket). Same
 * conventions as the cash-flow chart (chart.ts): no script, no style attribute,
 * colours and sizes from the report's <style> through class names.
 */

export interface FanInput {
  /** Month 0…N: the provider's cumulative cash position (income so far − cost so far), in minor units, at the 10th, 50th and 90th percentile of the draws. Arrays of equal length N+1. */
  readonly p10: readonly number[];
  readonly p50: readonly number[];
  readonly p90: readonly number[];
  readonly termMonths: number;
  /** ISO date of month 1's start, or undefined (then months are labelled by number), as ChartInput.start. */
  readonly start: string | undefined;
  readonly currency: ast.Currency;
  /** Unique within the page, for the title's and description's ids. */
  readonly id: string;
}

const W = 760;
const H = 360;
const LEFT = 84;
/** Room for a month label centred on the last tick. */
const RIGHT = 44;
/** The key on the first row, "end of term" on the second. */
const TOP = 52;
const BOTTOM = 58;

const n = coord;

export function fanChart(input: FanInput): string {
  const { p10, p50, p90, currency } = input;
  if (p10.length === 0 || p50.length !== p10.length || p90.length !== p10.length) {
    throw new Error(`fanChart: p10, p50 and p90 need the same length, at least 1 (got ${p10.length}, ${p50.length}, ${p90.length})`);
  }
  const all = [...p10, ...p50, ...p90];
  if (!all.every(Number.isFinite)) throw new Error('fanChart: every percentile must be a finite number');
  const last = p10.length - 1;
  // 0 is always on the axis: where the band crosses it is the point of the chart.
  const axis = moneyAxis([0, ...all], currency);
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  // With one month there is no span to draw across: it sits in the middle.
  const x = (m: number): number => LEFT + (last === 0 ? plotW / 2 : (m / last) * plotW);
  const y = (minor: number): number => TOP + plotH - ((minor - axis.bottom) / (axis.top - axis.bottom)) * plotH;
  const bottom = TOP + plotH;
  const line = (values: readonly number[]): string[] => values.map((v, m) => `${n(x(m))},${n(y(v))}`);

  const parts: string[] = [];
  parts.push(
    `<svg class="chart fan" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${escapeXml(input.id)}-title ${escapeXml(input.id)}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${escapeXml(input.id)}-title">Cumulative cash position across the simulation’s draws, month by month</title>`,
    `<desc id="${escapeXml(input.id)}-desc">${escapeXml(describe(input))}</desc>`,
  );
  // Grid and y axis.
  for (const t of axis.ticks) {
    const yy = n(y(t.value));
    parts.push(`<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${yy}" y2="${yy}"/>`);
    parts.push(`<text class="tick" x="${LEFT - 8}" y="${yy}" dy="0.35em" text-anchor="end">${escapeXml(t.label)}</text>`);
  }
  parts.push(...monthAxis({ left: LEFT, right: W - RIGHT, top: TOP, bottom, height: H, x }, last, input.termMonths, input.start));
  // The band (P90 forwards, P10 back), the zero line over it, the median on top.
  parts.push(`<polygon class="band" points="${[...line(p90), ...line(p10).reverse()].join(' ')}"/>`);
  parts.push(`<line class="zero" x1="${LEFT}" x2="${W - RIGHT}" y1="${n(y(0))}" y2="${n(y(0))}"/>`);
  parts.push(`<polyline class="median" points="${line(p50).join(' ')}"/>`);
  // One month is one point, which a polyline does not show.
  if (last === 0) parts.push(`<circle class="median-point" cx="${n(x(0))}" cy="${n(y(p50[0]))}" r="4"/>`);
  parts.push(...key());
  parts.push('</svg>');
  return parts.join('\n');
}

/** The key, on one row above the plot: band, median, zero line. */
function key(): string[] {
  const out: string[] = [];
  const yy = 16;
  let xx = LEFT;
  const entry = (swatch: string, text: string): void => {
    out.push(swatch, `<text class="tick" x="${n(xx + 34)}" y="${yy}" dy="0.35em">${escapeXml(text)}</text>`);
    xx += 34 + textWidth(text) + 24;
  };
  entry(`<rect class="band" x="${xx}" y="${yy - 6}" width="26" height="12"/>`, 'P10–P90 of draws');
  entry(`<line class="median" x1="${n(xx)}" x2="${n(xx + 26)}" y1="${yy}" y2="${yy}"/>`, 'median');
  entry(`<line class="zero" x1="${n(xx)}" x2="${n(xx + 26)}" y1="${yy}" y2="${yy}"/>`, 'break-even (below: out of pocket)');
  return out;
}

function describe(input: FanInput): string {
  const { p10, p50, p90, currency } = input;
  const last = p50.length - 1;
  const when = (m: number): string => monthText({ start: input.start }, m);
  const money = (v: number): string => signedMoney(BigInt(Math.round(v)), currency);
  let low = 0;
  for (let m = 1; m <= last; m++) if (p50[m] < p50[low]) low = m;
  const end = `At ${last === 0 ? 'the start' : `month ${last}`} the median cash position is ${money(p50[last])}; 8 draws in 10 end between ${money(p10[last])} and ${money(p90[last])}.`;
  const dip = p50[low] < 0 ? ` The median is furthest out of pocket at ${when(low)}: ${money(p50[low])}.` : ' The median is never out of pocket.';
  return end + dip;
}
