import { formatMoney } from '../base/wording';
import * as ast from '../syntax/ast';
import { calendarMonth, escapeXml, moneyShort } from './format';

/*
 * A money axis for the fan and tornado charts, which (unlike the cash-flow chart)
 * have negative values: a round range that covers the values given, and its labels.
 */

export interface MoneyAxis {
  /** Axis ends and step, in minor units; bottom ≤ every value ≤ top. */
  readonly bottom: number;
  readonly top: number;
  readonly step: number;
  /** The tick values, bottom to top, and their labels. */
  readonly ticks: readonly { readonly value: number; readonly label: string }[];
}

/** About five steps of 1, 2, 2.5 or 5 × 10^k whole units, covering every value given. */
export function moneyAxis(values: readonly number[], currency: ast.Currency): MoneyAxis {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) {
    // One value: give it room either side rather than a zero-height axis.
    const pad = Math.max(Math.abs(lo) / 10, 100);
    lo -= pad;
    hi += pad;
  }
  // Steps are whole units (pounds, dollars): the short labels drop pence. 2.5 is left
  // out below 25 units, where it would be a fraction (£2.50 would read as £2).
  const rough = (hi - lo) / 100 / 5;
  const power = 10 ** Math.max(0, Math.floor(Math.log10(rough)));
  const factors = power >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10];
  const step = factors.map((k) => k * power).find((s) => s >= rough)! * 100;
  const bottom = Math.floor(lo / step) * step;
  const top = Math.ceil(hi / step) * step;
  const count = Math.round((top - bottom) / step);
  const tickValues = Array.from({ length: count + 1 }, (_, i) => bottom + i * step);
  let labels = tickValues.map((v) => shortSigned(v, currency));
  // Short labels round (£1.125m shows as £1.13m); if two collide, show them in full.
  if (new Set(labels).size < labels.length) labels = tickValues.map((v) => signed(v, (m) => formatMoney(m, currency)));
  return { bottom, top, step, ticks: tickValues.map((value, i) => ({ value, label: labels[i] })) };
}

/** "−£250k": moneyShort on its own would write "£-250k". */
function shortSigned(minor: number, currency: ast.Currency): string {
  return signed(minor, (m) => moneyShort(m, currency));
}

function signed(minor: number, text: (minor: bigint) => string): string {
  const m = BigInt(Math.round(minor));
  return m < 0n ? `−${text(-m)}` : text(m);
}

/** The estimated width of 13px text in the report's sans-serif, as chart.ts estimates it. */
export function textWidth(text: string, size = 13): number {
  return text.length * size * 0.6;
}

/** Text cut to about `width` px with an ellipsis, for labels that come from the spec. */
export function fitText(text: string, width: number, size = 13): string {
  const most = Math.max(1, Math.floor(width / (size * 0.6)));
  return text.length <= most ? text : `${text.slice(0, most - 1)}…`;
}

/** A coordinate with one decimal: exact enough for a chart 760 wide, and short. */
export const coord = (v: number): string => (Math.round(v * 10) / 10).toString();

/** Where a chart's plot sits, and where month m falls on it. */
export interface MonthFrame {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** The whole chart's height, for the axis title under the labels. */
  readonly height: number;
  readonly x: (month: number) => number;
}

/**
 * The month axis of the cash-flow and fan charts: ticks at round months (labelled by
 * calendar month when the start is known), the axis line, and the end of the term when
 * months after it are shown.
 */
export function monthAxis(frame: MonthFrame, last: number, termMonths: number, start: string | undefined): string[] {
  const { left, right, top, bottom, height, x } = frame;
  const parts: string[] = [];
  const tickStep = [1, 3, 6, 12, 24, 36].find((s) => last / s <= 8) ?? 60;
  for (let m = 0; m <= last; m += tickStep) {
    const xx = coord(x(m));
    const label = start ? calendarMonth(start, m + 1)! : `${m}`;
    parts.push(`<line class="axis" x1="${xx}" x2="${xx}" y1="${coord(bottom)}" y2="${coord(bottom + 5)}"/>`);
    parts.push(`<text class="tick" x="${xx}" y="${coord(bottom + 20)}" text-anchor="middle">${escapeXml(label)}</text>`);
  }
  parts.push(`<line class="axis" x1="${left}" x2="${right}" y1="${coord(bottom)}" y2="${coord(bottom)}"/>`);
  if (!start) parts.push(`<text class="axis-title" x="${coord((left + right) / 2)}" y="${height - 12}" text-anchor="middle">months from the start</text>`);
  if (termMonths < last) {
    const xt = coord(x(termMonths));
    parts.push(`<line class="term" x1="${xt}" x2="${xt}" y1="${top}" y2="${coord(bottom)}"/>`);
    parts.push(`<text class="note" x="${xt}" y="${top - 8}" text-anchor="middle">end of term</text>`);
  }
  return parts;
}
