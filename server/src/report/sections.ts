import { formatMoney } from '../base/wording';
import { cashFlowSvg } from './chart';
import { calendarMonth, monthText, signedMoney } from './format';
import { CashFlowSection, RiskReport } from './types';

/* Pieces of the report that every output shows the same way. */

export interface HeadlineFigure {
  /** Stable key, for tests and styling: `contract-value`, `at-risk`, `peak` … */
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly detail?: string;
  readonly tone?: 'warn' | 'bad';
}

export function headline(report: RiskReport): HeadlineFigure[] {
  const c = report.currency;
  const m = (minor: bigint | undefined): string => (minor === undefined ? 'unknown' : formatMoney(minor, c));
  const { split, maximum } = report;
  const cash = report.cashFlow;
  const figures: HeadlineFigure[] = [];
  const budget =
    maximum.budgetHeadroom === undefined
      ? ''
      : maximum.budgetHeadroom < 0n
        ? `; ${m(-maximum.budgetHeadroom)} over the budget of ${m(maximum.budget)}`
        : `; budget ${m(maximum.budget)}`;
  figures.push({
    key: 'contract-value',
    label: 'Contract value',
    value: m(split.contractValue),
    detail: `${split.basis.split(':')[0]}${budget}`,
    ...(maximum.budgetHeadroom !== undefined && maximum.budgetHeadroom < 0n ? { tone: 'warn' as const } : {}),
  });
  figures.push({
    key: 'at-risk',
    label: 'Paid only on results',
    value: m(split.atRisk),
    detail: split.atRiskShare ? `${split.atRiskShare} of the contract value is at risk` : undefined,
    ...(split.atRisk !== undefined && split.contractValue !== undefined && split.atRisk * 2n > split.contractValue ? { tone: 'warn' as const } : {}),
  });
  const instalments = split.instalments ? ` and ${m(split.instalments)} in instalments` : '';
  figures.push({
    key: 'guaranteed',
    label: 'Guaranteed',
    value: m(split.guaranteed),
    detail: split.guaranteedShare ? `${split.guaranteedShare} of the contract value: ${split.upfrontPercent} upfront at the start${instalments}` : undefined,
  });
  if (cash) {
    const f = cash.planning.flow;
    figures.push({
      key: 'peak',
      label: 'Peak working capital',
      value: m(f.peak),
      detail: f.peakMonth === undefined ? 'income keeps ahead of cost' : `in ${monthText(cash, f.peakMonth)}, at the planning rates`,
      ...(f.peak > 0n ? { tone: 'bad' as const } : {}),
    });
    const low = cash.sensitivity.find((s) => s.factor === '75%');
    if (low) {
      figures.push({
        key: 'net-75',
        label: `Net at ${low.label}`,
        value: signedMoney(low.flow.net, c),
        detail: `paid ${m(low.flow.income)} for costs of ${m(low.flow.cost)}`,
        ...(low.flow.net < 0n ? { tone: 'bad' as const } : {}),
      });
    }
    const first = f.firstPaymentMonth;
    figures.push({
      key: 'first-payment',
      label: 'First payment after the start',
      value: first === undefined ? 'never' : (calendarMonth(cash.start, first) ?? `month ${first}`),
      detail: first === undefined ? 'at the planning rates nothing more is paid' : `${cash.start ? `end of month ${first}; ` : ''}${m(f.costBeforeFirstPayment)} spent by then`,
      ...(first === undefined ? { tone: 'bad' as const } : {}),
    });
  }
  return figures;
}

export function cashFlowChart(report: RiskReport, id: string): string {
  const cash = report.cashFlow!;
  const f = cash.planning.flow;
  return cashFlowSvg({
    months: f.months,
    termMonths: cash.termMonths,
    start: cash.start,
    currency: report.currency,
    peak: f.peak,
    peakMonth: f.peakMonth,
    id,
  });
}

export interface QuarterRow {
  readonly label: string;
  readonly cost: bigint;
  readonly income: bigint;
  readonly cumulativeCost: bigint;
  readonly cumulativeIncome: bigint;
  /** The largest need in the quarter (never below zero). */
  readonly need: bigint;
}

/** The planning cash flow by contract quarter (the start, with its upfront payment, first). */
export function quarterRows(cash: CashFlowSection): QuarterRow[] {
  const months = cash.planning.flow.months;
  const rows: QuarterRow[] = [];
  if (months[0].income > 0n) {
    rows.push({ label: monthText(cash, 0), cost: 0n, income: months[0].income, cumulativeCost: 0n, cumulativeIncome: months[0].cumulativeIncome, need: 0n });
  }
  const last = months.length - 1;
  for (let end = 3; end - 3 < last; end += 3) {
    const to = Math.min(end, last);
    const slice = months.slice(end - 2, to + 1);
    const need = slice.reduce((max, r) => (r.need > max ? r.need : max), 0n);
    rows.push({
      label: monthText(cash, to),
      cost: slice.reduce((s, r) => s + r.cost, 0n),
      income: slice.reduce((s, r) => s + r.income, 0n),
      cumulativeCost: months[to].cumulativeCost,
      cumulativeIncome: months[to].cumulativeIncome,
      need,
    });
  }
  return rows;
}

/** One sentence under the headline: the planning case the figures rest on. */
export function basisLine(report: RiskReport): string | undefined {
  const cash = report.cashFlow;
  if (!cash) return undefined;
  const c = report.currency;
  const cost = report.assumptions.find((a) => a.topic === 'Delivery cost');
  const rates = cash.planning.label.endsWith('of target') ? 'every paid outcome succeeds at its target' : 'success rates as listed under Assumptions';
  const why = cash.planning.flow.income === 0n ? ' (the contract value: at the planning rates the contract pays nothing)' : ' (break even at the planning rates)';
  const costText = `a delivery cost of ${formatMoney(cash.cost, c)}${cost?.source === 'default' ? why : ''}`;
  return `Planning case: ${rates}, ${costText} spread over ${cash.termMonths} months. Every assumption is listed under Assumptions, with where it comes from.`;
}
