import * as ast from '../syntax/ast';
import { coord, fitText, moneyAxis, textWidth } from './axis';
import type { TornadoBar } from './simulation';
import { escapeXml, signedMoney } from './format';

/*
 * The tornado chart as inline SVG: for each assumption, how far the net position
 * moves when it goes from its low to its high setting, one horizontal bar per
 * assumption around a vertical line at the base case, widest swing at the top. The part
 * of a bar below the base is "worse", the part above "better". Same conventions as the
 * cash-flow chart (chart.ts): no script, no style attribute, classes only.
 */


export interface TornadoInput {
  /** The net position with every assumption at its central value. */
  readonly base: number;
  /** In any order: the chart sorts by swing |high − low|, largest at the top. */
  readonly bars: readonly TornadoBar[];
  readonly currency: ast.Currency;
  /** Unique within the page, for the title's and description's ids. */
  readonly id: string;
}

const W = 760;
/** Labels get what they need up to this, then are cut with "…" (the full text is in the bar's <title>). */
const MAX_LABEL = 230;
/** The same for the setting texts at the bar ends. */
const MAX_END = 110;
const RIGHT = 16;
/** Room for "base £…" above the first bar. */
const TOP = 34;
const BOTTOM = 56;
const ROW = 34;
const BAR = 18;

const n = coord;

/**
 * With no bars there is nothing to draw: the result is then a one-line
 * <p class="caption"> saying so, not an empty chart, so the caller can embed either.
 */
export function tornadoChart(input: TornadoInput): string {
  const { base, currency } = input;
  if (input.bars.length === 0) return '<p class="caption">No assumption was varied, so there is no sensitivity chart.</p>';
  if (![base, ...input.bars.flatMap((b) => [b.low, b.high])].every(Number.isFinite)) throw new Error('tornadoChart: base, low and high must be finite numbers');
  // Array.prototype.sort is stable: equal swings keep the caller's order.
  const bars = [...input.bars].sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low));
  const labels = bars.map((b) => fitText(b.label, MAX_LABEL));
  const ends = bars.flatMap((b) => [b.lowText, b.highText]).map((t) => fitText(t, MAX_END));
  const left = Math.ceil(Math.max(...labels.map((l) => textWidth(l)))) + 16;
  // The end texts sit outside the bars, so the plot leaves room for them on both sides.
  const pad = Math.ceil(Math.max(...ends.map((t) => textWidth(t)))) + 10;
  const plotL = left + pad;
  const plotR = W - RIGHT - pad;
  const H = TOP + bars.length * ROW + BOTTOM;
  const bottom = TOP + bars.length * ROW;
  const axis = moneyAxis([base, ...bars.flatMap((b) => [b.low, b.high])], currency);
  const x = (minor: number): number => plotL + ((minor - axis.bottom) / (axis.top - axis.bottom)) * (plotR - plotL);
  const id = escapeXml(input.id);

  const parts: string[] = [];
  parts.push(
    `<svg class="chart tornado" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">How far the net position moves as each assumption goes from its low to its high setting</title>`,
    `<desc id="${id}-desc">${escapeXml(describe(input.base, bars, currency))}</desc>`,
  );
  // Grid and money axis along the bottom.
  for (const t of axis.ticks) {
    const xx = n(x(t.value));
    parts.push(`<line class="grid" x1="${xx}" x2="${xx}" y1="${TOP}" y2="${n(bottom)}"/>`);
    parts.push(`<line class="axis" x1="${xx}" x2="${xx}" y1="${n(bottom)}" y2="${n(bottom + 5)}"/>`);
    parts.push(`<text class="tick" x="${xx}" y="${n(bottom + 20)}" text-anchor="middle">${escapeXml(t.label)}</text>`);
  }
  parts.push(`<line class="axis" x1="${n(plotL)}" x2="${n(plotR)}" y1="${n(bottom)}" y2="${n(bottom)}"/>`);
  parts.push(`<text class="axis-title" x="${n((plotL + plotR) / 2)}" y="${H - 10}" text-anchor="middle">net position over the contract</text>`);
  // Break-even, when it is on the axis and not where the base line is.
  if (axis.bottom < 0 && axis.top > 0 && base !== 0) {
    parts.push(`<line class="zero" x1="${n(x(0))}" x2="${n(x(0))}" y1="${TOP}" y2="${n(bottom)}"/>`);
  }
  bars.forEach((b, i) => {
    const mid = TOP + i * ROW + ROW / 2;
    const yTop = n(mid - BAR / 2);
    parts.push(`<g class="bar">`, `<title>${escapeXml(`${b.label}: ${b.lowText} to ${b.highText}`)}</title>`);
    parts.push(`<text class="bar-label" x="${left - 16}" y="${n(mid)}" dy="0.35em" text-anchor="end">${escapeXml(labels[i])}</text>`);
    const lo = Math.min(b.low, b.high);
    const hi = Math.max(b.low, b.high);
    if (lo === hi) {
      // No swing: a thin mark where the bar would be, and both settings beside it.
      parts.push(`<line class="nil" x1="${n(x(lo))}" x2="${n(x(lo))}" y1="${yTop}" y2="${n(mid + BAR / 2)}"/>`);
      parts.push(`<text class="tick" x="${n(x(lo) + 6)}" y="${n(mid)}" dy="0.35em">${escapeXml(fitText(`${b.lowText}–${b.highText}`, MAX_END))}</text>`);
    } else {
      if (lo < base) parts.push(`<rect class="worse" x="${n(x(lo))}" y="${yTop}" width="${n(x(Math.min(hi, base)) - x(lo))}" height="${BAR}"/>`);
      if (hi > base) parts.push(`<rect class="better" x="${n(x(Math.max(lo, base)))}" y="${yTop}" width="${n(x(hi) - x(Math.max(lo, base)))}" height="${BAR}"/>`);
      // Each setting's text at its own end: a high setting may be the worse end (delivery cost).
      const [atLo, atHi] = b.low <= b.high ? [ends[2 * i], ends[2 * i + 1]] : [ends[2 * i + 1], ends[2 * i]];
      parts.push(`<text class="tick" x="${n(x(lo) - 6)}" y="${n(mid)}" dy="0.35em" text-anchor="end">${escapeXml(atLo)}</text>`);
      parts.push(`<text class="tick" x="${n(x(hi) + 6)}" y="${n(mid)}" dy="0.35em">${escapeXml(atHi)}</text>`);
    }
    parts.push('</g>');
  });
  // The base line over the bars, labelled above them.
  parts.push(`<line class="base" x1="${n(x(base))}" x2="${n(x(base))}" y1="${TOP - 6}" y2="${n(bottom)}"/>`);
  const baseText = `base ${signedMoney(BigInt(Math.round(base)), currency)}`;
  const half = textWidth(baseText) / 2;
  const xb = Math.min(W - 4 - half, Math.max(4 + half, x(base)));
  parts.push(`<text class="note" x="${n(xb)}" y="${TOP - 12}" text-anchor="middle">${escapeXml(baseText)}</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}

function describe(base: number, bars: readonly TornadoBar[], currency: ast.Currency): string {
  const money = (v: number): string => signedMoney(BigInt(Math.round(v)), currency);
  const each = bars.map((b) => `${b.label}: ${money(b.low)} at ${b.lowText}, ${money(b.high)} at ${b.highText}.`);
  return [`With every assumption at its central value the net position is ${money(base)}.`, ...each].join(' ');
}
