import { formatMoney } from '../base/wording';
import * as ast from '../syntax/ast';
import { CashFlowSection } from './types';

/* Small formatting helpers shared by the report's outputs. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The calendar month of month m (1-based) of a contract starting on `start` (ISO), e.g. "May 2028". */
export function calendarMonth(start: string | undefined, m: number): string | undefined {
  if (!start) return undefined;
  const [year, month] = start.split('-').map(Number);
  const index = year * 12 + (month - 1) + Math.max(0, m - 1);
  return `${MONTHS[index % 12]} ${Math.floor(index / 12)}`;
}

/** "month 14 (May 2028)", or "month 14" with no start date; month 0 is "the start". */
export function monthText(cash: Pick<CashFlowSection, 'start'>, m: number): string {
  if (m === 0) return cash.start ? `the start (${calendarMonth(cash.start, 1)})` : 'the start';
  const cal = calendarMonth(cash.start, m);
  return cal ? `month ${m} (${cal})` : `month ${m}`;
}

/** Axis labels: £0, £250k, £1.5m. */
export function moneyShort(minor: bigint, currency: ast.Currency): string {
  const units = Number(minor / 100n);
  if (units === 0) return `${currency}0`;
  if (Math.abs(units) >= 1_000_000) return `${currency}${trim(units / 1_000_000)}m`;
  if (Math.abs(units) >= 1_000) return `${currency}${trim(units / 1_000)}k`;
  return `${currency}${units}`;
}

function trim(n: number): string {
  return String(Number(n.toFixed(2))); // 1.50 → "1.5", 12.00 → "12"
}

/** A signed amount for net results: "+£12,000" or "−£8,500". */
export function signedMoney(minor: bigint, currency: ast.Currency): string {
  if (minor === 0n) return formatMoney(0n, currency);
  return minor > 0n ? `+${formatMoney(minor, currency)}` : `−${formatMoney(-minor, currency)}`;
}

/** Text for XML and HTML, with the characters that could end an element, an attribute or an entity escaped. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
