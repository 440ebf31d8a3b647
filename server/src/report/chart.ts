import { formatMoney } from '../base/wording';
import * as ast from '../syntax/ast';
import { MonthRow } from './cashflow';
import { coord, monthAxis } from './axis';
import { escapeXml, moneyShort } from './format';

/*
 * The cash-flow chart as inline SVG: cumulative cost (a straight climb over the term)
 * against cumulative income (a staircase: money arrives in lumps), with the gap between
 * them, the working capital the provider must fund, shaded. No script, no external
 * resource, no style attribute: colours and sizes come from the report's <style>
 * element through class names, so the chart works in a CSP-strict webview.
 *
 * The gap is drawn without seams: the region above the income staircase, clipped to
 * the region under the cost line, is exactly where cost is ahead of income.
 */

export interface ChartInput {
  readonly months: readonly MonthRow[];
  readonly termMonths: number;
  readonly start: string | undefined;
  readonly currency: ast.Currency;
  readonly peak: bigint;
  readonly peakMonth: number | undefined;
  /** Unique within the page, for the clip path's id. */
  readonly id: string;
}

const W = 760;
const H = 340;
const LEFT = 84;
/** Room for a month label centred on the last tick. */
const RIGHT = 44;
const TOP = 34;
const BOTTOM = 58;

/** A round axis maximum and step: about five steps of 1, 2, 2.5 or 5 × 10^k. */
function niceScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * power).find((s) => s >= rough)!;
  return { top: Math.ceil(max / step) * step, step };
}

const n = coord;


export function cashFlowSvg(input: ChartInput): string {
  const { months, currency } = input;
  const last = months.length - 1;
  const maxMinor = months.reduce((m, r) => Math.max(m, Number(r.cumulativeCost), Number(r.cumulativeIncome)), 0);
  const { top, step } = niceScale(maxMinor);
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const x = (m: number): number => LEFT + (last === 0 ? 0 : (m / last) * plotW);
  const y = (minor: bigint | number): number => TOP + plotH - (Number(minor) / top) * plotH;
  const bottom = TOP + plotH;

  const cost = months.map((r) => `${n(x(r.month))},${n(y(r.cumulativeCost))}`);
  const stairs: string[] = [`${n(x(0))},${n(y(months[0].cumulativeIncome))}`];
  for (let m = 1; m <= last; m++) {
    stairs.push(`${n(x(m))},${n(y(months[m - 1].cumulativeIncome))}`, `${n(x(m))},${n(y(months[m].cumulativeIncome))}`);
  }
  const clip = `${input.id}-under-cost`;
  const parts: string[] = [];
  parts.push(
    `<svg class="chart cash-flow" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${input.id}-title ${input.id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${input.id}-title">Cumulative cost and cumulative income, month by month</title>`,
    `<desc id="${input.id}-desc">${escapeXml(describe(input))}</desc>`,
    `<defs><clipPath id="${clip}"><polygon points="${cost.join(' ')} ${n(x(last))},${n(bottom)} ${n(x(0))},${n(bottom)}"/></clipPath></defs>`,
  );
  // Grid and y axis.
  for (let v = 0; v <= top + step / 2; v += step) {
    const yy = n(y(v));
    parts.push(`<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${yy}" y2="${yy}"/>`);
    parts.push(`<text class="tick" x="${LEFT - 8}" y="${yy}" dy="0.35em" text-anchor="end">${escapeXml(moneyShort(BigInt(Math.round(v)), currency))}</text>`);
  }
  parts.push(...monthAxis({ left: LEFT, right: W - RIGHT, top: TOP, bottom, height: H, x }, last, input.termMonths, input.start));
  // The gap, then the two lines on top.
  parts.push(`<polygon class="gap" clip-path="url(#${clip})" points="${stairs.join(' ')} ${n(x(last))},${TOP - 40} ${n(x(0))},${TOP - 40}"/>`);
  parts.push(`<polyline class="cost" points="${cost.join(' ')}"/>`);
  parts.push(`<polyline class="income" points="${stairs.join(' ')}"/>`);
  // The peak.
  if (input.peakMonth !== undefined && input.peak > 0n) {
    const p = input.peakMonth;
    const xp = x(p);
    const y1 = y(months[p - 1].cumulativeIncome);
    const y2 = y(months[p].cumulativeCost);
    parts.push(`<line class="peak" x1="${n(xp)}" x2="${n(xp)}" y1="${n(y1)}" y2="${n(y2)}"/>`);
    // Cost never falls, so above and to the left of the peak the lines are lower: the label
    // goes there. Too near the left edge, it goes to the right, above where cost has risen to.
    const label = `Peak ${formatMoney(input.peak, currency)}, month ${p}`;
    const width = label.length * 14 * 0.6;
    const left = xp - 8 - width >= LEFT;
    let ly = y2 - 10;
    if (!left) {
      const reach = Math.min(last, p + Math.ceil(((width + 8) / plotW) * last));
      ly = y(months[reach].cumulativeCost) - 10;
    }
    ly = Math.max(TOP + 14, ly);
    parts.push(`<text class="peak-label" x="${n(left ? xp - 8 : xp + 8)}" y="${n(ly)}" text-anchor="${left ? 'end' : 'start'}">${escapeXml(label)}</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}

function describe(input: ChartInput): string {
  const last = input.months[input.months.length - 1];
  const peak =
    input.peakMonth !== undefined && input.peak > 0n
      ? `The gap peaks at ${formatMoney(input.peak, input.currency)} in month ${input.peakMonth}.`
      : 'Income keeps up with cost throughout.';
  return `Over ${input.months.length - 1} months the provider spends ${formatMoney(last.cumulativeCost, input.currency)} and is paid ${formatMoney(last.cumulativeIncome, input.currency)}. ${peak}`;
}
