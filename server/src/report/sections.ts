import { fanChart } from './fan-chart';
import { tornadoChart } from './tornado-chart';
import { formatMoney, shareText } from '../base/wording';
import { cashFlowSvg } from './chart';
import { calendarMonth, monthText, signedMoney } from './format';
import { CashFlowSection, FinanceSection, RiskReport, SimulationSection, Spread } from './types';

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
  const finance = report.finance;
  if (cash) {
    const f = cash.planning.flow;
    const when = f.peakMonth === undefined ? 'income keeps ahead of cost' : `in ${monthText(cash, f.peakMonth)}, at the planning rates`;
    const own = finance?.scenarios.find((s) => s.factor === '100%')?.providerWorkingCapital;
    figures.push(
      finance && own !== undefined
        ? {
            key: 'peak',
            label: 'Provider’s working capital',
            value: m(own),
            detail: `beyond the investors’ commitment of ${m(finance.commitment)}; the service needs ${m(f.peak)} at its peak${f.peakMonth === undefined ? '' : `, ${when}`}`,
            ...(own > 0n ? { tone: 'bad' as const } : {}),
          }
        : { key: 'peak', label: 'Peak working capital', value: m(f.peak), detail: when, ...(f.peak > 0n ? { tone: 'bad' as const } : {}) },
    );
    const low = cash.sensitivity.find((s) => s.factor === '75%');
    const split = finance?.scenarios.find((s) => s.factor === '75%');
    if (low && split?.providerNet !== undefined) {
      figures.push({
        key: 'net-75',
        label: `Provider’s net at ${low.label}`,
        value: signedMoney(split.providerNet, c),
        detail: `paid ${m(split.providerPaid)} for costs of ${m(low.flow.cost)}`,
        ...(split.providerNet < 0n ? { tone: 'bad' as const } : {}),
      });
    } else if (low) {
      figures.push({
        key: 'net-75',
        label: `Net at ${low.label}`,
        value: signedMoney(low.flow.net, c),
        detail: `paid ${m(low.flow.income)} for costs of ${m(low.flow.cost)}${finance ? ', investors and provider together' : ''}`,
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
  if (finance) figures.push(...investorFigures(report, finance));
  return figures;
}

/** The investors' commitment, their maximum return, and their net at 75% of the planning rates. */
function investorFigures(report: RiskReport, finance: FinanceSection): HeadlineFigure[] {
  const c = report.currency;
  const m = (minor: bigint | undefined): string => (minor === undefined ? 'unknown' : formatMoney(minor, c));
  const planning = finance.scenarios.find((s) => s.factor === '100%');
  const low = finance.scenarios.find((s) => s.factor === '75%');
  const rates = [...new Set(finance.investors.map((i) => i.returnRate))];
  const term = report.cashFlow ? ` over ${report.cashFlow.termMonths} months` : '';
  return [
    {
      key: 'investors',
      label: 'Investors’ commitment',
      value: m(finance.commitment),
      detail: `${finance.investors.length === 1 ? 'one investor' : `${finance.investors.length} investors`}${planning?.investorsWorkingCapital !== undefined ? `; ${m(planning.investorsWorkingCapital)} drawn at the peak` : ''}`,
    },
    {
      key: 'investors-return',
      label: 'Investors’ maximum return',
      value: m(finance.maximumReturn),
      detail: rates.length === 1 && rates[0] ? `up to ${rates[0]} a year${term}` : `each investor’s rate${term}`,
    },
    {
      key: 'investors-net-75',
      label: `Investors’ net at ${low?.label ?? '75% of target'}`,
      value: low?.investorsNet === undefined ? 'unknown' : signedMoney(low.investorsNet, c),
      detail: low?.investorsNet === undefined ? (report.cashFlow ? 'the spec does not say how the provider is paid' : 'no cash flow') : `against a maximum return of ${m(finance.maximumReturn)}`,
      ...(low?.investorsNet !== undefined && low.investorsNet < 0n ? { tone: 'bad' as const } : {}),
    },
  ];
}

/** The investors' table: name, commitment, return and the most each can earn. */
export const INVESTOR_HEAD = ['Investor', 'Commitment', 'Return up to', 'Most it can earn'] as const;

export function investorRows(report: RiskReport, finance: FinanceSection): string[][] {
  const m = (minor: bigint | undefined): string => (minor === undefined ? 'unknown' : formatMoney(minor, report.currency));
  const rows = finance.investors.map((i) => [i.name ?? '(not named)', m(i.commitment), i.returnRate ? `${i.returnRate} a year` : 'not given', m(i.maximumReturn)]);
  if (finance.investors.length > 1) rows.push(['All investors', m(finance.commitment), '', m(finance.maximumReturn)]);
  return rows;
}

/** The sensitivity table split between the provider and the investors, the planning case first. */
export const SPLIT_HEAD = ['Success', 'Paid by the commissioner', 'Provider paid', 'Provider’s net', 'Provider’s working capital', 'Investors’ net', 'Drawn from the commitment'] as const;

export function splitRows(report: RiskReport, finance: FinanceSection): string[][] {
  const c = report.currency;
  const m = (minor: bigint | undefined): string => (minor === undefined ? 'unknown' : formatMoney(minor, c));
  const signed = (minor: bigint | undefined): string => (minor === undefined ? 'unknown' : signedMoney(minor, c));
  return [...finance.scenarios]
    .reverse()
    .map((s) => [s.label, m(s.paid), m(s.providerPaid), signed(s.providerNet), m(s.providerWorkingCapital), signed(s.investorsNet), m(s.investorsWorkingCapital)]);
}

/** What the investors' section says before its tables. */
export function financeSummary(report: RiskReport, finance: FinanceSection): string {
  const m = (minor: bigint | undefined): string => (minor === undefined ? 'an unknown sum' : formatMoney(minor, report.currency));
  const pay = finance.providerPay ? `The provider is paid ${finance.providerPay}.` : 'The spec does not say how the provider is paid, so the results are not split between the investors and the provider.';
  return (
    `The investors commit ${m(finance.commitment)} and can earn at most ${m(finance.maximumReturn)}. ` +
    `Their money funds the working capital first; the provider funds only what the service needs beyond it. ${pay}` +
    (finance.missing.length ? ` Unknown: ${finance.missing.join('; ')}.` : '')
  );
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

/**
 * Who funds the peak of working capital: "The provider needs up to £W of working
 * capital, in month 14." With investors, their commitment first.
 */
export function peakText(report: RiskReport, peak: string, when: string): string {
  const finance = report.finance;
  const own = finance?.scenarios.find((s) => s.factor === '100%');
  if (!finance || own?.providerWorkingCapital === undefined) return `The provider needs up to ${peak} of working capital, in ${when}.`;
  const m = (minor: bigint | undefined): string => formatMoney(minor ?? 0n, report.currency);
  return (
    `The service needs up to ${peak} of working capital, in ${when}: the investors’ commitment of ${m(finance.commitment)} funds ${m(own.investorsWorkingCapital)} of it, ` +
    `and the provider ${own.providerWorkingCapital > 0n ? m(own.providerWorkingCapital) : 'nothing'}.`
  );
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

/** The simulation's figures, as [what, value] rows for every output. */
export function simulationRows(report: RiskReport, sim: SimulationSection): [string, string][] {
  const c = report.currency;
  const range = (x: Spread): string => `${signedMoney(x.p10, c)} / ${signedMoney(x.p50, c)} / ${signedMoney(x.p90, c)}`;
  const rows: [string, string][] = [
    [`${report.finance ? 'Provider’s net (its pay less the cost)' : 'Provider’s net'}: P10 / P50 / P90`, range(sim.providerNet)],
    ['Chance the provider loses money', shareText(sim.lossChance)],
    [`Reserve that covers the worst month of working capital in 90% of draws${report.finance ? ' (beyond the investors’ commitment)' : ''}`, formatMoney(sim.reserve, c)],
  ];
  if (sim.investorsNet) rows.push(['Investors’ net: P10 / P50 / P90', range(sim.investorsNet)]);
  rows.push(['Commissioner pays: P50 / P90', `${formatMoney(sim.paid.p50, c)} / ${formatMoney(sim.paid.p90, c)}`]);
  if (sim.overBudgetChance !== undefined) rows.push(['Chance the commissioner pays more than the budget', shareText(sim.overBudgetChance)]);
  return rows;
}

/** The fan chart of the simulation: the service's cash position month by month. */
export function fanChartOf(report: RiskReport, sim: SimulationSection, id: string): string {
  return fanChart({ ...sim.fan, termMonths: report.cashFlow!.termMonths, start: report.cashFlow!.start, currency: report.currency, id });
}

/** The tornado chart of the simulation's sensitivity. */
export function tornadoChartOf(report: RiskReport, sim: SimulationSection, id: string): string {
  return tornadoChart({ base: sim.sensitivity.base, bars: sim.sensitivity.bars, currency: report.currency, id });
}
