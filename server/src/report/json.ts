import { Fraction, fractionPercent } from './exact';
import { FlowResult } from './cashflow';
import { RiskReport } from './types';

/*
 * The report as JSON. Money is exact: a string of the amount in pounds (or dollars,
 * euros) with two decimals, "1650000.00", never a floating-point number; `currency`
 * says which. Rates are percentages as text ("28%").
 */

export function moneyJson(minor: bigint): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

function rate(f: Fraction): string {
  return fractionPercent(f, 4);
}

function flowJson(flow: FlowResult): unknown {
  return {
    factor: rate(flow.factor),
    paid: flow.income,
    paidOnResults: flow.resultsIncome,
    earnedBeforeCap: flow.earned,
    unpaidAboveCap: flow.unpaid,
    cost: flow.cost,
    net: flow.net,
    peakWorkingCapital: flow.peak,
    peakMonth: flow.peakMonth ?? null,
    firstPaymentMonth: flow.firstPaymentMonth ?? null,
    costBeforeFirstPayment: flow.costBeforeFirstPayment ?? null,
    lines: flow.lines.map((l) => ({ line: l.label, outcome: l.outcome, successRate: rate(l.rate), earned: l.earned, ...(l.met !== undefined ? { conditionMet: l.met } : {}) })),
    months: flow.months,
  };
}

export function reportJson(report: RiskReport): string {
  const cash = report.cashFlow;
  const value = {
    ...report,
    moneyFormat: 'decimal strings in major units (pounds, dollars or euros), exact to the penny or cent',
    cashFlow: cash && {
      termMonths: cash.termMonths,
      start: cash.start ?? null,
      cost: cash.cost,
      planning: { label: cash.planning.label, ...(flowJson(cash.planning.flow) as object) },
      sensitivity: cash.sensitivity.map((s) => ({ label: s.label, ...(flowJson(s.flow) as object), months: undefined })),
    },
    // The simulation's chart figures are whole pence held as numbers: given as money, as every amount is.
    simulation: report.simulation && {
      ...report.simulation,
      fan: Object.fromEntries(Object.entries(report.simulation.fan).map(([k, values]) => [k, values.map((v) => BigInt(Math.round(v)))])),
      sensitivity: {
        base: BigInt(Math.round(report.simulation.sensitivity.base)),
        bars: report.simulation.sensitivity.bars.map((b) => ({ ...b, low: BigInt(Math.round(b.low)), high: BigInt(Math.round(b.high)) })),
      },
    },
  };
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? moneyJson(v) : v === undefined ? undefined : v), 2)}\n`;
}
