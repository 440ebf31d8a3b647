import { LintResult } from '../engine/lint';
import { LineMaximum } from '../model/max-payment';
import { sizeOf } from '../model/model';
import { isWholeMonths, wholeMonthsIn } from '../base/durations';
import { durationText, formatMoney, numberText, plural } from '../base/wording';
import { SpecFacts } from '../engine/facts';
import { Family } from '../engine/kit/rule';
import * as ast from '../syntax/ast';
import { cashFlow, FlowInput, FlowLine, FlowResult } from './cashflow';
import { Assume, financeSection } from './finance';
import { describeArrivals, lineArrivals } from './referrals';
import { simulationSection } from './simulation-section';
import { Fraction, fraction, fractionDecimal, fractionPercent, ONE, percentOf, share, times, ZERO } from './exact';
import { monthText, signedMoney } from './format';
import { DEFAULT_OPTIONS, DEFAULT_WINDOW, ReportOptions } from './options';
import { describeSchedule, readSchedule, Schedule } from './schedule';
import {
  AmountRow,
  Assumption,
  CashFlowSection,
  FinanceSection,
  FindingGroup,
  FindingRow,
  MaximumSection,
  PayLineRow,
  RiskReport,
  RiskRow,
  RiskSplit,
  RuleNote,
  Scenario,
} from './types';

/*
 * The provider's risk report: from a linted spec and the stated assumptions to the
 * figures a finance director needs. Pure: the spec comes in as `lint()`'s result.
 * The arithmetic of the cash flow is in cashflow.ts; this module reads the spec,
 * decides each assumption (and records it), and assembles the report.
 */

export const SENSITIVITY: readonly { factor: Fraction; text: string }[] = [
  { factor: fraction(1n, 2n), text: '50%' },
  { factor: fraction(3n, 4n), text: '75%' },
  { factor: ONE, text: '100%' },
];

export const FAMILY_TITLES: Readonly<Record<Family, string>> = {
  'perverse-incentive': 'Perverse incentives',
  'over-prescription': 'Over-prescription',
  'target-group': 'Target group',
  monetisation: 'Monetisation',
  budget: 'Budget',
  resilience: 'Resilience',
  syntax: 'Syntax',
  structure: 'Structure',
};

/** The longest term or window a cash flow is worked out for: 50 years. */
const MAX_MONTHS = 600;

const FAMILY_ORDER: readonly Family[] = ['budget', 'perverse-incentive', 'resilience', 'monetisation', 'target-group', 'over-prescription', 'structure', 'syntax'];

interface RateChoice {
  readonly rate: Fraction;
  readonly source: Assumption['source'];
  readonly why: string;
}

/** Problems with the options that only the spec can reveal (an unknown outcome id, another currency). */
export function checkOptionsAgainstSpec(result: LintResult, options: ReportOptions): string[] {
  const facts = result.facts;
  const problems: string[] = [];
  const paid = [...new Set((facts.payment?.pays ?? []).flatMap((p) => (p.outcome ? [p.outcome.text] : [])))];
  for (const id of options.outcomeRates.keys()) {
    if (!paid.includes(id)) {
      problems.push(
        `--success-rate ${id}=…: \`${id}\` is not an outcome this spec pays for` +
          (paid.length ? ` (it pays for ${paid.map((p) => `\`${p}\``).join(', ')})` : ' (it has no `pay` lines)'),
      );
    }
  }
  const currency = facts.maximumPayment.currency ?? facts.spec?.budget?.value?.currency;
  if (options.cost?.kind === 'money' && options.cost.currency && currency && options.cost.currency !== currency) {
    problems.push(`--cost ${options.cost.text}: the spec's money is in ${currency}, so give the cost in ${currency} too`);
  }
  return problems;
}

function sourceText(facts: SpecFacts, node: ast.Node): string {
  return facts.text.slice(node.span.start, node.span.end).replace(/\s+/g, ' ').trim();
}

function outcomeOf(facts: SpecFacts, name: ast.Name | undefined): ast.OutcomeBlock | undefined {
  const d = facts.definition(name);
  return d?.kind === 'outcome' ? (d.node as ast.OutcomeBlock) : undefined;
}

/**
 * Whom a `pay … per participant` line prices, group by group, counted as the language
 * reference's "most a spec can pay" counts them. Undefined when a size is missing, or
 * when the split does not add up to the line's own count (then it is shown whole).
 */
function groupsOf(facts: SpecFacts, line: LineMaximum): { label: string; people: number }[] | undefined {
  const pay = line.pay;
  if (!pay.perParticipant || line.successes === undefined) return undefined;
  const describe = (name: string): string => {
    const d = facts.model.definitions.get(name);
    return d?.kind === 'segment' && d.cohort?.name ? `${name} (segment of ${d.cohort.name.text})` : name;
  };
  if (pay.segment) return [{ label: describe(pay.segment.text), people: line.successes }];
  const outcome = outcomeOf(facts, pay.outcome);
  if (!outcome) return undefined;
  const priced = new Set(facts.paysOf(pay.outcome?.text ?? '').flatMap((p) => (p.perParticipant && p.segment ? [p.segment.text] : [])));
  const groups: { label: string; people: number }[] = [];
  for (const name of outcome.for.flatMap((f) => f.value ?? [])) {
    const d = facts.model.definitions.get(name.text);
    if (!d) return undefined;
    const size = d.kind === 'cohort' ? sizeOf(d.node as ast.CohortBlock) : d.kind === 'segment' ? (sizeOf(d.node as ast.SegmentBlock) ?? (d.cohort && sizeOf(d.cohort))) : undefined;
    if (size === undefined) return undefined;
    let people = size;
    if (priced.has(name.text)) people -= d.kind === 'segment' ? (sizeOf(d.node as ast.SegmentBlock) ?? 0) : size;
    else if (d.kind === 'cohort') for (const s of (d.node as ast.CohortBlock).segments) if (s.name && priced.has(s.name.text)) people -= sizeOf(s) ?? 0;
    groups.push({ label: describe(name.text), people: Math.max(0, people) });
  }
  return groups.reduce((sum, g) => sum + g.people, 0) === line.successes ? groups : undefined;
}

function maximumSection(facts: SpecFacts, currency: ast.Currency, budget: bigint | undefined): MaximumSection {
  const mp = facts.maximumPayment;
  const lines: PayLineRow[] = [];
  const byOutcome = new Map<string, AmountRow>();
  const byGroup = new Map<string, AmountRow>();
  const addTo = (map: Map<string, AmountRow>, label: string, amount: bigint | undefined, title?: string): void => {
    const row = map.get(label);
    const sum = row ? (row.amount === undefined || amount === undefined ? undefined : row.amount + amount) : amount;
    map.set(label, { label, ...(title ? { title } : {}), amount: sum });
  };
  for (const line of mp.lines) {
    const pay = line.pay;
    const outcomeId = pay.outcome?.text ?? '(no outcome)';
    const groups = groupsOf(facts, line);
    const price = pay.amount && pay.amount.currency === currency ? pay.amount.minor : undefined;
    const whom = !pay.perParticipant
      ? 'one sum'
      : groups
        ? groups.map((g) => `${g.label}: ${numberText(g.people)}`).join('; ')
        : line.successes !== undefined
          ? `${numberText(line.successes)} people`
          : `unknown (${line.missing.join('; ')})`;
    lines.push({
      text: sourceText(facts, pay),
      outcome: outcomeId,
      whom,
      people: line.successes,
      price,
      maximum: line.amount,
      threshold: pay.threshold?.source,
    });
    addTo(byOutcome, outcomeId, line.amount, outcomeOf(facts, pay.outcome)?.title?.value);
    if (!pay.perParticipant) addTo(byGroup, `one sum for ${outcomeId}`, line.amount);
    else if (groups && price !== undefined) for (const g of groups) addTo(byGroup, g.label, price * BigInt(g.people));
    else addTo(byGroup, `people priced by \`${sourceText(facts, pay)}\``, undefined);
  }
  const capBinds = mp.total !== undefined && mp.cap !== undefined && mp.cap < mp.total;
  return {
    lines,
    byOutcome: [...byOutcome.values()],
    byGroup: [...byGroup.values()],
    total: mp.total,
    cap: mp.cap,
    maximum: mp.maximum,
    capBinds,
    budget,
    budgetHeadroom: budget !== undefined && mp.maximum !== undefined && facts.payment && facts.paysOnResults ? budget - mp.maximum : undefined,
    missing: mp.missing,
  };
}

/** Builds the report. `file` is the spec's name as shown to the user. */
export function buildRiskReport(result: LintResult, file: string, options: ReportOptions = DEFAULT_OPTIONS): RiskReport {
  const facts = result.facts;
  const spec = facts.spec;
  const payment = facts.payment;
  const paymentModel = facts.paymentModel;
  const mp = facts.maximumPayment;
  const budgetValue = spec?.budget?.value;
  const currency: ast.Currency = mp.currency ?? budgetValue?.currency ?? '£';
  const m = (minor: bigint): string => formatMoney(minor, currency);
  const assumptions: Assumption[] = [];
  const notes: string[] = [];
  const assume: Assume = (topic, text, source, change) => void assumptions.push({ topic, text, source, ...(change ? { change } : {}) });

  const budget = budgetValue && budgetValue.currency === currency ? budgetValue.minor : undefined;
  if (budgetValue && budgetValue.currency !== currency) notes.push(`The budget is in ${budgetValue.currency} but the prices are in ${currency}, so the two are not compared.`);
  const maximum = maximumSection(facts, currency, budget);
  const resultsModel = paymentModel === 'results' || paymentModel === 'mixed';
  const hasPays = (payment?.pays.length ?? 0) > 0;

  // Contract value: what the shares (upfront, at risk) are shares of.
  let contractValue: bigint | undefined;
  let basis: string;
  if (!payment) {
    basis = 'unknown: the spec has no `payment` block';
  } else if (resultsModel || !paymentModel) {
    if (mp.maximum !== undefined) {
      contractValue = mp.maximum;
      basis = maximum.capBinds
        ? 'the most the spec can pay: its cap, which is less than the total of its prices'
        : mp.capOnly
          ? 'the cap (the total of the prices is unknown)'
          : 'the most the spec can pay: every participant achieving every paid outcome';
    } else if (budget !== undefined) {
      contractValue = budget;
      basis = `the budget, because the most the spec can pay is unknown (${mp.missing.join('; ')})`;
    } else {
      basis = `unknown: the most the spec can pay is unknown (${mp.missing.join('; ')}) and there is no budget`;
    }
  } else if (budget !== undefined) {
    contractValue = budget;
    basis = `the budget: a \`${paymentModel}\` contract pays instalments as well as any results`;
  } else if (mp.maximum !== undefined) {
    contractValue = mp.maximum;
    basis = 'the most the spec can pay on results (there is no budget, so no instalments are counted)';
  } else {
    basis = 'unknown: there is no budget';
  }
  assume('Contract value', contractValue === undefined ? basis : `${m(contractValue)}: ${basis}.`, 'spec');

  // The upfront share and what is guaranteed.
  const upfrontField = payment?.upfront?.value;
  const upfrontRate = (upfrontField && percentOf(upfrontField.source)) ?? ZERO;
  const upfrontPercent = upfrontField ? upfrontField.source : '0%';
  const upfront = contractValue === undefined ? undefined : share(contractValue, upfrontRate);
  let instalments: bigint | undefined = 0n;
  let atRisk: bigint | undefined;
  if (contractValue !== undefined && upfront !== undefined) {
    if (resultsModel || !paymentModel) {
      atRisk = contractValue - upfront;
    } else {
      const results = hasPays ? mp.maximum : 0n;
      if (results === undefined) {
        instalments = undefined;
      } else {
        atRisk = results < contractValue - upfront ? results : contractValue - upfront;
        instalments = contractValue - upfront - atRisk;
      }
    }
  }
  const guaranteed = upfront !== undefined && instalments !== undefined ? upfront + instalments : undefined;
  const shareOf = (part: bigint | undefined): string | undefined =>
    part !== undefined && contractValue !== undefined && contractValue > 0n ? fractionPercent(fraction(part, contractValue)) : undefined;
  const split: RiskSplit = {
    contractValue,
    basis,
    upfront,
    upfrontPercent,
    instalments,
    guaranteed,
    atRisk,
    guaranteedShare: shareOf(guaranteed),
    atRiskShare: shareOf(atRisk),
  };
  if (payment) {
    const treatment =
      resultsModel || !paymentModel
        ? options.upfront === 'advance'
          ? 'It is an advance against outcome payments: the first outcome payments recover it before any more is paid, and it is not paid back if results fall short. Everything paid, upfront included, stays within the contract value.'
          : 'It is paid on top of outcome payments (which are then limited to the rest of the contract value).'
        : `The rest of the contract value not paid on results (${instalments === undefined ? 'unknown' : m(instalments)}) is paid in instalments by the schedule.`;
    assume(
      'Upfront',
      `${upfrontPercent} of the contract value${upfront !== undefined ? ` (${m(upfront)})` : ''}, paid at the start (month 0)${upfrontField ? '' : ': the spec gives no `upfront`'}. ${treatment}`,
      upfrontField ? (options.upfront !== 'advance' ? 'option' : 'spec') : 'default',
      [{ name: 'upfront' }],
    );
  }

  // Term and start.
  const termField = options.term ?? spec?.term?.value;
  const termMonths = termField ? wholeMonthsIn(termField) : undefined;
  if (termField && termMonths !== undefined) {
    const rounded =
      termField.unit === 'month' && Number.isInteger(termField.amount)
        ? ''
        : isWholeMonths(termField)
          ? ` (${durationText(termField)})`
          : ` (${durationText(termField)}, rounded up to whole months)`;
    assume('Term', `${plural(termMonths, 'month')}${rounded}.`, options.term ? 'option' : 'spec', [{ name: 'term' }]);
  }
  const from = spec?.term?.from;
  const start = options.start?.text ?? (from?.valid ? from.source : undefined);
  assume(
    'Start',
    start ? `Month 1 starts on ${start}.` : 'No start date (no `term … from`, and no --start): months are counted from the start of the contract.',
    options.start ? 'option' : start ? 'spec' : 'default',
    [{ name: 'start' }],
  );

  // Success rates and windows, one per paid outcome.
  const allTarget = { value: true };
  const rateOf = new Map<string, RateChoice>();
  const paidOutcomes = [...new Set((payment?.pays ?? []).flatMap((p) => (p.outcome ? [p.outcome.text] : [])))];
  const fallbackWindow = options.window ?? DEFAULT_WINDOW;
  for (const id of paidOutcomes) {
    const outcome = outcomeOf(facts, { text: id, span: { start: 0, end: 0 } });
    const pays = facts.paysOf(id);
    const perPerson = pays.some((p) => p.perParticipant);
    const choice = chooseRate(id, outcome, options);
    rateOf.set(id, choice);
    const target = outcome?.target?.value;
    if (perPerson) {
      if (choice.source !== 'spec') allTarget.value = false;
      assume(`Success rate: ${id}`, choice.why, choice.source, [{ name: 'successRate', outcome: id }]);
      if (choice.rate.num === 0n && choice.source === 'default') {
        notes.push(`Outcome \`${id}\` has no target or baseline as a percentage, so no successes are counted for it. Give one with --success-rate ${id}=NN%.`);
      }
    } else {
      const when =
        choice.source === 'option' && outcome?.target?.rateKind === 'percent'
          ? `paid when ${choice.why.split(',')[0]} reaches its target of ${target!.source}`
          : `assumed to reach ${target ? `its target of ${target.source}` : 'what it is paid for'} in the planning case (100%), and not at 50% or 75%`;
      assume(`Success: ${id}`, `Paid as one sum when the outcome reaches its target: ${when}.`, choice.source === 'option' ? 'option' : 'default', [{ name: 'successRate', outcome: id }]);
    }
    const window = outcome?.window?.value;
    const months = window && wholeMonthsIn(window);
    assume(
      `Window: ${id}`,
      window
        ? `${durationText(window)}${window.unit === 'month' && Number.isInteger(window.amount) ? '' : isWholeMonths(window) ? ` (${plural(months!, 'month')})` : `, rounded up to ${plural(months!, 'month')}`}${perPerson ? `: a participant enrolled in month m is evidenced at the end of month m + ${months} − 1` : ''}.`
        : perPerson
          ? `The outcome has no \`window\`: assumed ${durationText(fallbackWindow)}${options.window ? '' : ' (change it with --window)'}.`
          : 'The outcome has no `window`: judged at the end of the term.',
      window ? 'spec' : perPerson && options.window ? 'option' : 'default',
      window || !perPerson ? undefined : [{ name: 'window' }],
    );
  }
  const schedule: Schedule = readSchedule(payment?.schedule?.value?.value);
  if (payment) assume('Schedule', `${describeSchedule(schedule)}. Periods are counted from the contract start.`, schedule.understood ? 'spec' : 'default');
  if (payment && !schedule.understood) notes.push(schedule.text === undefined ? 'The spec has no `schedule`: payments are assumed quarterly in arrears.' : `The schedule “${schedule.text}” was not understood: payments are assumed quarterly in arrears.`);

  // What stops a cash flow.
  const cashFlowMissing: string[] = [];
  if (!payment) cashFlowMissing.push('the spec has no `payment` block');
  else if (contractValue === undefined) cashFlowMissing.push(`the contract value is unknown: ${basis.replace(/^unknown: /, '')}`);
  else if (contractValue === 0n) cashFlowMissing.push('the spec pays nothing');
  if (termMonths === undefined) cashFlowMissing.push('the spec has no `term`; give one in the spec, or --term 3 years');
  else if (termMonths > MAX_MONTHS) cashFlowMissing.push(`the term is ${plural(termMonths, 'month')}, more than the ${MAX_MONTHS / 12} years a cash flow is worked out for`);
  for (const id of paidOutcomes) {
    const window = outcomeOf(facts, { text: id, span: { start: 0, end: 0 } })?.window?.value;
    if (window && wholeMonthsIn(window) > MAX_MONTHS) cashFlowMissing.push(`the window of \`${id}\` is more than ${MAX_MONTHS / 12} years`);
  }
  if (payment && resultsModel && !hasPays) cashFlowMissing.push('the spec has no `pay` lines');
  for (const line of mp.lines) {
    if (line.amount === undefined || (line.pay.perParticipant && line.successes === undefined)) {
      cashFlowMissing.push(`\`${sourceText(facts, line.pay)}\` cannot be counted: ${line.missing.join('; ') || 'its price is missing'}`);
    } else if (line.pay.amount && line.pay.amount.currency !== currency) {
      cashFlowMissing.push(`\`${sourceText(facts, line.pay)}\` is in another currency`);
    }
  }
  if (instalments === undefined) cashFlowMissing.push('the instalments are unknown, because the most the spec can pay on results is unknown');

  let cash: CashFlowSection | undefined;
  let flowInput: FlowInput | undefined;
  const flowLines: FlowLine[] = [];
  if (cashFlowMissing.length === 0 && contractValue !== undefined && upfront !== undefined && termMonths !== undefined && instalments !== undefined && atRisk !== undefined) {
    for (const line of mp.lines) {
      const pay = line.pay;
      const outcome = outcomeOf(facts, pay.outcome);
      const id = pay.outcome?.text ?? '';
      const threshold = pay.threshold ? percentOf(pay.threshold.source) : undefined;
      // A cohort-level payment of an outcome with no window is judged at the end of the term.
      const cohortLevel = !pay.perParticipant || threshold !== undefined;
      const windowMonths = outcome?.window?.value ? wholeMonthsIn(outcome.window.value) : cohortLevel ? 1 : wholeMonthsIn(fallbackWindow);
      const baseline = outcome?.baseline?.rateKind === 'percent' && outcome.baseline.value ? percentOf(outcome.baseline.value.source) : undefined;
      const target = outcome?.target?.rateKind === 'percent' && outcome.target.value ? percentOf(outcome.target.value.source) : undefined;
      const arrivals = pay.perParticipant ? lineArrivals(facts, pay, termMonths) : undefined;
      flowLines.push({
        ...(arrivals ?? {}),
        label: sourceText(facts, pay),
        outcome: id,
        price: pay.amount!.minor,
        people: pay.perParticipant ? line.successes : undefined,
        rate: rateOf.get(id)?.rate ?? ZERO,
        windowMonths,
        ...(threshold ? { threshold } : {}),
        ...(baseline ? { baseline } : {}),
        ...(target ? { target } : {}),
      });
    }
    const advance = (resultsModel || !paymentModel) && options.upfront === 'advance';
    const limits = flowLimits(payment!, currency);
    const base: Omit<FlowInput, 'cost'> = {
      termMonths,
      upfront,
      instalments,
      resultsOffset: advance ? upfront : 0n,
      resultsLimit: atRisk,
      schedule,
      lines: flowLines,
      ...limits,
    };
    describeArrivals(facts, termMonths, assume, notes);
    const perParticipant = payment!.limits.find((l) => l.scope.kind === 'participant');
    if (limits.outcomeCaps || limits.yearCap !== undefined || perParticipant) {
      const words = [
        ...(perParticipant ? [`\`${facts.written(perParticipant.span)}\` is counted in the most the spec can pay, which limits the results paid; it is not applied person by person`] : []),
        ...[...(limits.outcomeCaps ?? [])].map(([o, most]) => `\`${o}\` earns at most ${m(most)} in all (payments stop once it is reached)`),
        ...(limits.yearCap !== undefined ? [`at most ${m(limits.yearCap)} of results is paid in each contract year (months 1–12, 13–24 …); anything due above it that year is never paid`] : []),
      ];
      assume('Limits', `${words.join('; ')}.`, 'spec');
    }
    const breakEven = cashFlow({ ...base, cost: 0n }).income;
    let cost: bigint;
    if (options.cost?.kind === 'money') {
      cost = options.cost.minor;
      assume('Delivery cost', `${m(cost)} over the term, as given.`, 'option', [{ name: 'cost' }]);
    } else {
      const reference = breakEven > 0n ? breakEven : contractValue;
      const why =
        breakEven > 0n
          ? `what the contract pays if every outcome reaches its planning success rate (${m(breakEven)}): the provider is assumed to price its bid to break even at the planning rates`
          : `the contract value (${m(contractValue)}), because at the planning rates the contract pays nothing`;
      if (options.cost?.kind === 'percent') {
        cost = share(reference, options.cost.of);
        assume('Delivery cost', `${m(cost)}: ${options.cost.text} of ${why}.`, 'option', [{ name: 'cost' }]);
      } else {
        cost = reference;
        assume('Delivery cost', `${m(cost)}: ${why}. Change it with --cost.`, 'default', [{ name: 'cost' }]);
      }
    }
    assume('Cost profile', `Spread evenly over the ${plural(termMonths, 'month')} of the term (${m(cost / BigInt(termMonths))} a month, give or take a penny), paid as it is incurred.`, 'default');
    assume('Enrolment', `Participants are enrolled evenly over the ${plural(termMonths, 'month')} of the term${flowLines.some((l) => l.enrolment) ? ', except where a cohort’s `referrals` say when they arrive' : ''}.`, 'default');
    if (flowLines.some((l) => l.people === undefined || l.threshold)) {
      assume(
        'Cohort-level payments',
        'A single sum, or a line with a `threshold`, depends on the whole cohort, so it is assumed to be paid once the last participant enrolled has completed the outcome’s window (month term + window − 1; with no window, at the end of the term), then by the schedule.',
        'default',
      );
    }
    if (flowLines.some((l) => l.threshold)) {
      assume(
        'Thresholds',
        '`threshold P` is read as an improvement of P percentage points over the outcome’s baseline (success rate − baseline ≥ P). With no baseline as a percentage, the threshold is taken as met at the planning rate and not below it.',
        'default',
      );
    }
    if (flowLines.some((l) => l.people === undefined)) {
      assume('Single sums', 'A `pay` line without `per participant` is paid in full when its outcome reaches its target, and not at all below it.', 'default');
    }
    const flows = SENSITIVITY.map(({ factor, text }): Scenario => ({
      label: `${text} of ${allTarget.value ? 'target' : 'the planning success rates'}`,
      factor: text,
      flow: cashFlow({ ...base, cost }, factor),
    }));
    const planning = flows[flows.length - 1];
    cash = { termMonths, start, cost, planning, sensitivity: flows };
    flowInput = { ...base, cost };
    assume(
      'Sensitivity',
      `Each outcome's success rate at 50%, 75% and 100% of its planning rate; the cost, schedule and everything else stay the same.`,
      'default',
    );
    notes.push(...flowNotes(planning.flow, flowLines, m, contractValue, upfront, advance));
  }
  const finance = facts.finance && facts.investorsFund ? financeSection(facts.finance, currency, termMonths, cash, assume, notes) : undefined;
  const simulation = flowInput && simulationSection(flowInput, options.simulation, facts, currency, budget, finance, assume);
  for (const id of new Set((flowInput?.lines ?? []).filter((l) => (l.people === undefined || l.threshold) && l.rate.num === 0n).map((l) => l.outcome))) {
    notes.push(`Outcome \`${id}\` has no success rate to draw around (no target or baseline as a percentage), so the simulation pays its one sum or threshold in every draw. Give one with --success-rate ${id}=NN% to see the risk of missing it.`);
  }
  if (maximum.cap !== undefined) assume('Cap', `${m(maximum.cap)} limits everything paid over the contract, upfront included.`, 'spec');
  const example = mp.lines.find((l) => l.pay.perParticipant && l.successes !== undefined && rateOf.get(l.pay.outcome?.text ?? '')?.rate.num);
  const exampleRate = example && rateOf.get(example.pay.outcome!.text)!.rate;
  assume(
    'Money',
    'Exact to the penny, never floating point. Each line’s expected payment (price × people × success rate) is rounded half up to the penny once; ' +
      'amounts spread over months are rounded down month by month, with the remainders in later months, so that the months add up exactly. ' +
      `Figures are expected values${example && exampleRate ? `: ${fractionPercent(exampleRate)} of ${numberText(example.successes!)} people is ${fractionDecimal(times(exampleRate, fraction(BigInt(example.successes!), 1n)))} successes` : ''}.`,
    'default',
  );

  const report: RiskReport = {
    file,
    title: spec?.title?.value,
    commissioner: spec?.commissioner?.value?.value,
    currency,
    paymentModel,
    maximum,
    split,
    cashFlow: cash,
    cashFlowMissing,
    finance,
    simulation,
    assumptions,
    notes,
    risks: [],
    findings: findingGroups(result),
  };
  return { ...report, risks: risks(report, facts, flowLines) };
}

/** `cap … for O` and `cap … per year`, in the report's currency, for the cash flow. */
function flowLimits(payment: ast.PaymentBlock, currency: ast.Currency): Pick<FlowInput, 'outcomeCaps' | 'yearCap'> {
  const outcomeCaps = new Map<string, bigint>();
  let yearCap: bigint | undefined;
  for (const { amount, scope } of payment.limits) {
    if (!amount || amount.currency !== currency) continue;
    if (scope.kind === 'outcome' && scope.outcome) outcomeCaps.set(scope.outcome.text, amount.minor);
    else if (scope.kind === 'year') yearCap = amount.minor;
  }
  return { ...(outcomeCaps.size ? { outcomeCaps } : {}), ...(yearCap !== undefined ? { yearCap } : {}) };
}

function chooseRate(id: string, outcome: ast.OutcomeBlock | undefined, options: ReportOptions): RateChoice {
  const own = options.outcomeRates.get(id);
  if (own) return { rate: own.rate, source: 'option', why: `${own.text}, as given with --success-rate.` };
  if (options.successRate) return { rate: options.successRate.rate, source: 'option', why: `${options.successRate.text}, as given with --success-rate for every outcome.` };
  if (!outcome) return { rate: ZERO, source: 'default', why: `0%: outcome \`${id}\` is not defined, so no successes are counted.` };
  const target = outcome.target;
  if (target?.rateKind === 'percent' && target.value) {
    return { rate: percentOf(target.value.source)!, source: 'spec', why: `${target.value.source}: the outcome's \`target\`.` };
  }
  const baseline = outcome.baseline;
  const noTarget = target?.value ? `its target (${target.value.source}) is not a percentage` : 'it has no target';
  if (baseline?.rateKind === 'percent' && baseline.value) {
    return {
      rate: percentOf(baseline.value.source)!,
      source: 'default',
      why: `${baseline.value.source}: ${noTarget}, so its baseline (what happens now, without the service) stands in.`,
    };
  }
  return { rate: ZERO, source: 'default', why: `0%: ${noTarget} and no baseline as a percentage, so no successes are counted for it.` };
}

function flowNotes(
  flow: FlowResult,
  lines: readonly FlowLine[],
  m: (minor: bigint) => string,
  contractValue: bigint,
  upfront: bigint,
  advance: boolean,
): string[] {
  const notes: string[] = [];
  flow.lines.forEach((result, i) => {
    const line = lines[i];
    if (result.met !== false) return;
    if (line.threshold) {
      const rate = fractionPercent(result.rate);
      const baseline = line.baseline ? fractionPercent(line.baseline) : undefined;
      const improvement = line.baseline ? fractionDecimal(fraction((result.rate.num * line.baseline.den - line.baseline.num * result.rate.den) * 100n, result.rate.den * line.baseline.den)) : undefined;
      notes.push(
        `At the planning rate, \`${line.label}\` pays nothing: ${line.outcome} at ${rate}${baseline ? ` is ${improvement} points above its ${baseline} baseline` : ''}, short of the ${fractionPercent(line.threshold)} threshold.`,
      );
    } else {
      notes.push(`At the planning rate, \`${line.label}\` pays nothing: ${line.outcome} does not reach its target.`);
    }
  });
  if (flow.unpaid > 0n) {
    notes.push(`At the planning rates the results earned (${m(flow.earned)}) are more than the contract can pay (${m(contractValue)}): ${m(flow.unpaid)} of them is never paid.`);
  }
  if (advance && upfront > 0n && flow.earned > 0n) {
    notes.push(`The upfront ${m(upfront)} is an advance: the first ${m(upfront)} of outcome payments recovers it, so results money arrives only after that.`);
  }
  return notes;
}

function risks(report: RiskReport, facts: SpecFacts, lines: readonly FlowLine[]): RiskRow[] {
  const c = report.currency;
  const m = (minor: bigint): string => formatMoney(minor, c);
  const rows: RiskRow[] = [];
  const cash = report.cashFlow;
  const { split, maximum } = report;
  const resultsModel = report.paymentModel === 'results' || report.paymentModel === 'mixed';
  const finance = report.finance;
  const results = resultsCarrier(finance);
  if (split.atRisk !== undefined && split.atRisk > 0n) {
    let detail = `${split.atRiskShare} of the contract value is paid only on results.`;
    if (cash) {
      const parts = ['75%', '50%'].flatMap((factor) => {
        const s = cash.sensitivity.find((x) => x.factor === factor);
        const shared = finance?.scenarios.find((x) => x.factor === factor);
        if (!s) return [];
        if (shared?.providerNet !== undefined && shared.investorsNet !== undefined) {
          return [`at ${s.label} the provider is paid ${m(shared.providerPaid!)} against costs of ${m(s.flow.cost)} (${signedMoney(shared.providerNet, c)}) and the investors' side is left with ${signedMoney(shared.investorsNet, c)}`];
        }
        return [`at ${s.label} the ${finance ? 'service' : 'provider'} is paid ${m(s.flow.income)} against costs of ${m(s.flow.cost)} (${signedMoney(s.flow.net, c)})`];
      });
      detail += ` With costs fixed, ${parts.join('; ')}.`;
    }
    rows.push({ risk: 'Results fall short of target', carriedBy: results, amount: split.atRisk, detail });
  }
  if (cash && cash.planning.flow.peak > 0n) {
    const f = cash.planning.flow;
    const first = f.firstPaymentMonth === undefined ? 'nothing is paid after the start' : `the first payment after the start comes at the end of ${monthText(cash, f.firstPaymentMonth)}`;
    const own = finance?.scenarios.find((s) => s.factor === '100%');
    const funded =
      finance && own?.providerWorkingCapital !== undefined
        ? ` The investors' commitment of ${m(finance.commitment!)} funds ${m(own.investorsWorkingCapital!)} of it; the provider ${own.providerWorkingCapital > 0n ? `funds the other ${m(own.providerWorkingCapital)}` : 'funds none'}.`
        : '';
    rows.push({
      risk: 'Funding the service before results are paid (working capital)',
      carriedBy: finance
        ? 'Investors, up to their commitment; the provider beyond it'
        : 'Provider, or whoever lends to it (a social investor in a social impact bond)',
      amount: f.peak,
      detail: `Peaks at ${m(f.peak)} in ${monthText(cash, f.peakMonth!)} at the planning rates; ${first}.${funded}`,
    });
  }
  if (cash) {
    rows.push({
      risk: 'Delivery costs more than planned',
      carriedBy: 'Provider',
      amount: undefined,
      detail: `Prices are fixed in the spec: every ${c}1 of cost above ${m(cash.cost)} comes off the provider's margin.`,
    });
  }
  if (maximum.capBinds && maximum.total !== undefined && maximum.cap !== undefined) {
    const unpaid = cash?.planning.flow.unpaid ?? 0n;
    rows.push({
      risk: 'Success beyond the cap is not paid',
      carriedBy: results,
      amount: maximum.total - maximum.cap,
      detail: `The prices add up to ${m(maximum.total)}, the cap is ${m(maximum.cap)}. ${unpaid > 0n ? `At the planning rates ${m(unpaid)} of earned results is above it and unpaid.` : 'At the planning rates the cap is not reached.'}`,
    });
  }
  const thresholdLines = maximum.lines.filter((l) => l.threshold);
  if (thresholdLines.length > 0) {
    const total = thresholdLines.every((l) => l.maximum !== undefined) ? thresholdLines.reduce((s, l) => s + l.maximum!, 0n) : undefined;
    const met = cash ? cash.planning.flow.lines.filter((_, i) => lines[i].threshold).map((l) => l.met) : [];
    rows.push({
      risk: 'All or nothing: prices paid only above a cohort-level threshold',
      carriedBy: results,
      amount: total,
      detail: `${thresholdLines.map((l) => `\`${l.text}\``).join(', ')}: nothing is paid until the whole cohort improves by the threshold. ${met.length ? (met.every(Boolean) ? 'At the planning rates it is reached.' : 'At the planning rates it is not reached.') : ''}`.trim(),
    });
  }
  if (split.guaranteed !== undefined && split.guaranteed > 0n) {
    rows.push({
      risk: 'Paying for results that are not achieved',
      carriedBy: 'Commissioner',
      amount: split.guaranteed,
      detail: `${split.guaranteedShare} of the contract value (${split.upfront ? `${m(split.upfront)} upfront` : ''}${split.upfront && split.instalments ? ' and ' : ''}${split.instalments ? `${m(split.instalments)} in instalments` : ''}) is paid whatever the results.`,
    });
  }
  if (maximum.budgetHeadroom !== undefined && maximum.budgetHeadroom < 0n) {
    rows.push({
      risk: 'Paying more than the budget',
      carriedBy: 'Commissioner',
      amount: -maximum.budgetHeadroom,
      detail: `The spec can pay ${m(maximum.maximum!)} against a budget of ${m(maximum.budget!)}${maximum.cap === undefined ? ', and has no cap' : ''}.`,
    });
  } else if (resultsModel && maximum.cap === undefined && maximum.maximum !== undefined) {
    rows.push({ risk: 'Spending rises with every success (no cap)', carriedBy: 'Commissioner', amount: undefined, detail: 'The spec has no `cap`.' });
  }
  const fee = facts.subcontracting?.managementFee?.value;
  if (fee && split.contractValue !== undefined) {
    const feeRate = percentOf(fee.source) ?? ZERO;
    rows.push({
      risk: 'Risk passed down the supply chain',
      carriedBy: 'Subcontractors, often the smallest organisations',
      amount: share(split.contractValue, feeRate),
      detail: `The lead provider keeps a management fee of ${fee.source} (up to ${m(share(split.contractValue, feeRate))}) while subcontractors deliver on the same payment-by-results terms; risk moved down the chain lands on those least able to carry it.`,
    });
  }
  const contingency = facts.contingency;
  const level = facts.spec?.serviceLevel?.value?.value;
  const reserve = contingency?.reserve?.value;
  rows.push({
    risk: 'The provider fails and the service stops',
    carriedBy: level === 'must' ? 'Commissioner (a service it must keep running) and the people who use it' : 'Commissioner and the people who use the service',
    amount: reserve && reserve.currency === c ? reserve.minor : undefined,
    detail: contingency
      ? [
          contingency.stepIn?.value ? `Step-in: ${contingency.stepIn.value.value}.` : 'No step-in named.',
          contingency.notice?.value ? `Notice: ${durationText(contingency.notice.value)}.` : '',
          reserve ? `Reserve: ${formatMoney(reserve.minor, reserve.currency)}.` : 'No reserve.',
          contingency.warningSigns?.value ? `Warning signs: ${contingency.warningSigns.value.value.replace(/\s+/g, ' ').trim().replace(/([^.])$/, '$1.')}` : 'No warning signs named.',
        ]
          .filter(Boolean)
          .join(' ')
      : 'The spec has no `contingency` block: no step-in, notice, warning signs or reserve.',
  });
  return rows;
}

/** Who carries results falling short: the provider, or with investors, as `provider paid` says. */
function resultsCarrier(finance: FinanceSection | undefined): string {
  switch (finance?.resultsRisk) {
    case undefined:
      return 'Provider';
    case 'investors':
      return 'Investors (the provider is paid a fixed fee)';
    case 'provider':
      return 'Provider (the investors pay it only a share of outcome payments)';
    case 'both':
      return 'Investors, and the provider for its share of outcome payments';
    case 'unknown':
      return 'Investors or provider (the spec does not say how the provider is paid)';
  }
}

function findingGroups(result: LintResult): FindingGroup[] {
  type Group = { findings: FindingRow[]; rules: Map<string, RuleNote> };
  const groups = new Map<Family, Group>();
  for (const d of result.diagnostics) {
    const rule = result.rules.byId(d.code);
    const family: Family = rule?.meta.family ?? (d.code.split('/')[0] as Family);
    const group: Group = groups.get(family) ?? { findings: [], rules: new Map() };
    groups.set(family, group);
    const { line, column } = result.facts.lines.lineColumn(d.span.start);
    group.findings.push({ code: d.code, severity: d.severity, message: d.message, line, column });
    if (rule && !group.rules.has(rule.meta.id)) {
      group.rules.set(rule.meta.id, { id: rule.meta.id, summary: rule.meta.summary, rationale: rule.meta.rationale, evidence: rule.meta.evidence });
    }
  }
  const order = (f: Family): number => (FAMILY_ORDER.includes(f) ? FAMILY_ORDER.indexOf(f) : FAMILY_ORDER.length);
  return [...groups.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([family, g]) => ({ family, title: FAMILY_TITLES[family] ?? family, findings: g.findings, rules: [...g.rules.values()] }));
}
