import { LineMaximum, maximumPayment } from '../model/max-payment';
import { monthsIn } from '../base/durations';
import { durationText, formatMoney, numberText, percentText, plural } from '../base/wording';
import { Definition, sizeOf, SpecModel } from '../model/model';
import * as ast from '../syntax/ast';
import { decimalNumber, decimalString, ISO_CURRENCY } from './decimal';
import { squash } from '../base/text';
import { criterionWords, dateText, rateText, termText } from '../syntax/describe';
import { isoDate, termSpan } from '../model/term';
import { investorTotals } from '../model/finance';

/*
 * A spec as an INDIGO project (the Government Outcomes Lab's data standard,
 * schema/project.json, JSON Schema draft-07). docs/indigo.md is the field-by-field
 * mapping; in short:
 *
 * - every outcome of the file is an outcome metric (`id` is the outcome's id);
 * - every `pay` line is an outcome pricing;
 * - the cohorts the spec serves are the service's target population;
 * - the most the spec can pay (model/max-payment.ts) is the maximum potential outcome
 *   payment;
 * - every `investor` of the `finance` block is an investment, and their commitments
 *   the total investment commitment.
 *
 * Nothing is invented: a field the spec cannot fill is left out, and said so in
 * `omitted`. A field filled by a reading the publisher should check (a counterfactual
 * whose method is not named, `$` read as US dollars) is said so in `caveats`.
 * Money is exact (see decimal.ts). Pure: no I/O.
 */

/** `{ "value": … }`, the shape of almost every INDIGO field. */
export interface Value<T> {
  readonly value: T;
}

export interface IndigoOutcomeMetric {
  readonly id: string;
  readonly definition?: Value<string>;
  readonly target_population?: Value<string>;
  readonly targeted_number_of_service_users_or_beneficiaries_total?: Value<number>;
  readonly outcome_metric_target?: Value<string>;
  readonly other_target_for_meeting_outcome_metric_target?: Value<string>;
  readonly outcome_validation_method?: Value<string>;
  readonly data_source_for_outcome_validation?: Value<string>;
  readonly notes?: string;
}

export interface IndigoOutcomePricing {
  readonly outcome_metric_id: Value<string>;
  readonly currency?: Value<string>;
  readonly price_per_unit?: { readonly amount: Value<number> };
  readonly maximum_price_if_all_targets_achieved?: { readonly amount: Value<string> };
  readonly price_description?: Value<string>;
  readonly notes?: string;
}

/** Money as INDIGO's investment commitments hold it: an exact amount in a currency. */
export interface IndigoCommitment {
  readonly currency: Value<string>;
  readonly amount: { readonly exact: Value<number> };
}

export interface IndigoInvestment {
  readonly id: string;
  readonly investment_commitment?: IndigoCommitment;
  readonly maximum_potential_return?: Value<number>;
  readonly maximum_potential_return_type?: Value<string>;
  readonly notes: string;
}

/** The part of an INDIGO project an outcome specification can fill. */
export interface IndigoProject {
  readonly name?: Value<string>;
  readonly dates?: {
    readonly start_date_of_service_provision?: Value<string>;
    readonly anticipated_end_date_of_service_provision?: Value<string>;
    readonly anticipated_duration_of_service_provision?: Value<number>;
    readonly notes?: string;
  };
  readonly overall_project_finance?: {
    readonly total_investment_commitment?: IndigoCommitment;
    readonly maximum_potential_outcome_payment_v2?: { readonly currency: Value<string>; readonly amount: Value<number> };
    readonly maximum_potential_return_type?: Value<string>;
    readonly maximum_potential_return?: Value<string>;
    readonly notes?: string;
  };
  readonly service_and_beneficiaries?: {
    readonly target_population?: Value<string>;
    readonly targeted_number_service_users_or_beneficiaries_total?: Value<number>;
  };
  readonly notes?: Value<string>;
  readonly investments?: readonly IndigoInvestment[];
  readonly outcome_metrics?: readonly IndigoOutcomeMetric[];
  readonly outcome_pricings?: readonly IndigoOutcomePricing[];
}

/** A field left out, or filled with a caveat: `field` is its path in the project. */
export interface ExportNote {
  readonly field: string;
  readonly reason: string;
}

export interface IndigoExport {
  readonly project: IndigoProject;
  /** Fields this spec could have filled but does not give, left out. */
  readonly omitted: readonly ExportNote[];
  /** Fields filled with a reading the publisher should check. */
  readonly caveats: readonly ExportNote[];
}

/**
 * INDIGO fields an outcome specification never holds, so never exported: they are
 * about the deal once it is made (organisations, investors, signatures, payments
 * made, results) or are the publisher's classification.
 */
export const NOT_IN_A_SPEC: readonly string[] = [
  'status (of the project and of each value: the publisher decides what is public)',
  'alternative_names',
  'stage_development (a specification is not yet a contract)',
  'social_investment_prototype',
  'dates other than the service provision dates (signatures, completion, actual dates)',
  'jurisdiction',
  'overall_project_finance other than the maximum potential outcome payment, the investment commitment and the maximum return (losses, repayment, the contracting parties, payments made)',
  'investment_details',
  'purpose_and_classifications (social challenge, intervention, policy sector, SDGs)',
  'changes_to_project_due_to_covid19',
  'unit types of beneficiaries (a `size` does not say whether it counts people or, say, families)',
  'actual numbers of service users',
  'amounts in USD (INDIGO converts at its own rates)',
  'policy sectors and SDGs of outcome metrics',
  'outcome_funds, delivery_locations, sources, documents',
  'service_provisions, outcome_payment_commitments, intermediary_services, and the organisation of each investment (they need organisation ids)',
  'transactions, results, outcome_payment_plans, outcome_payments, provider_side_cost, outcome_payer_cost',
  'technical_assistances, technical_assistance_details, open_contracting_datas, 360giving_datas',
];

export interface IndigoOptions {
  /** The spec's file name, for the provenance note (`youth-employment.outcome`). */
  readonly fileName?: string;
}

export function exportIndigo(model: SpecModel, options: IndigoOptions = {}): IndigoExport {
  const omitted: ExportNote[] = [];
  const caveats: ExportNote[] = [];
  const leaveOut = (field: string, reason: string): undefined => {
    omitted.push({ field, reason });
    return undefined;
  };
  const items = model.file.items;
  const spec = items.find((i): i is ast.SpecBlock => i.kind === 'spec');
  const payment = items.find((i): i is ast.PaymentBlock => i.kind === 'payment');
  const ownOutcomes = items.filter((i): i is ast.OutcomeBlock => i.kind === 'outcome' && i.name !== undefined);
  const pays = payment?.pays ?? [];
  const maximum = maximumPayment(model);
  const money = (minor: bigint, currency: ast.Currency): string => formatMoney(minor, currency);

  const currencyOf = (currency: ast.Currency, field: string): Value<string> => {
    if (currency === '$' && !caveats.some((c) => c.reason.startsWith('`$`'))) {
      caveats.push({ field, reason: '`$` is exported as USD (US dollars); if the amounts are in another dollar, correct the currency fields' });
    }
    return { value: ISO_CURRENCY[currency] };
  };
  const amountOf = (minor: bigint, field: string): Value<number> | undefined => {
    const number = decimalNumber(minor);
    if (!number) return leaveOut(field, `${decimalString(minor)} is too large for a JSON number`);
    if (number.rounded) caveats.push({ field, reason: `${decimalString(minor)} is rounded to ${number.value} whole units to fit a JSON number` });
    return { value: number.value };
  };

  // ── name, dates ──────────────────────────────────────────────────────────────
  if (!spec) leaveOut('name, dates, notes', 'the file has no `spec` block (a file of shared definitions)');
  const title = spec?.title?.value;
  const name = title !== undefined ? { value: squash(title) } : spec ? leaveOut('name', 'the `spec` block has no title') : undefined;
  const dates = spec ? serviceDates(spec.term, leaveOut) : undefined;

  // ── the most the spec can pay ───────────────────────────────────────────────
  let maximumPotential: { currency: Value<string>; amount: Value<number> } | undefined;
  const field = 'overall_project_finance.maximum_potential_outcome_payment_v2';
  if (pays.length === 0) {
    leaveOut(field, 'the spec has no `pay` lines: it pays nothing on results');
  } else if (maximum.maximum === undefined || maximum.currency === undefined) {
    leaveOut(field, `the most the spec can pay is unknown: ${maximum.missing.join('; ') || 'a price is missing'}`);
  } else {
    const amount = amountOf(maximum.maximum, `${field}.amount`);
    if (amount) maximumPotential = { currency: currencyOf(maximum.currency, `${field}.currency`), amount };
  }
  const finance = items.find((i): i is ast.FinanceBlock => i.kind === 'finance');
  const investment = finance ? investments(finance, { currencyOf, amountOf, leaveOut }) : undefined;
  const financeNotes = [financeNote(payment, maximum, spec), finance && fundingNote(finance)].filter(Boolean).join(' ') || undefined;

  // ── target population of the service ────────────────────────────────────────
  const served = servedCohorts(model, ownOutcomes);
  let serviceAndBeneficiaries: IndigoProject['service_and_beneficiaries'];
  if (served.length === 0) {
    leaveOut('service_and_beneficiaries', 'the spec defines no cohort and its outcomes are for none');
  } else {
    const sizes = served.map((c) => sizeOf(c));
    const missing = served.filter((_c, i) => sizes[i] === undefined).map((c) => `\`${c.name?.text ?? '?'}\``);
    serviceAndBeneficiaries = {
      target_population: { value: served.map(describeCohort).join('\n') },
      ...(missing.length === 0
        ? { targeted_number_service_users_or_beneficiaries_total: { value: sizes.reduce<number>((a, b) => a + (b ?? 0), 0) } }
        : leaveOut('service_and_beneficiaries.targeted_number_service_users_or_beneficiaries_total', `cohort ${missing.join(', ')} has no size`)),
    };
  }

  // ── outcome metrics ─────────────────────────────────────────────────────────
  const metricOutcomes: ast.OutcomeBlock[] = [...ownOutcomes];
  for (const pay of pays) {
    // An outcome defined in a used file and paid for here is a metric of this project too.
    const d = pay.outcome && model.definitions.get(pay.outcome.text);
    if (d?.kind === 'outcome' && !metricOutcomes.includes(d.node as ast.OutcomeBlock)) metricOutcomes.push(d.node as ast.OutcomeBlock);
  }
  const metricIds = new Set(metricOutcomes.map((o) => o.name!.text));
  const metrics = metricOutcomes.map((o) => outcomeMetric(o, model, pays, leaveOut, caveats, money));
  if (metrics.length === 0) leaveOut('outcome_metrics', 'the spec has no outcomes');

  // ── outcome pricings ────────────────────────────────────────────────────────
  const pricings: IndigoOutcomePricing[] = [];
  pays.forEach((pay, index) => {
    const line = maximum.lines[index];
    if (!pay.outcome || !metricIds.has(pay.outcome.text)) {
      const reason = pay.outcome ? `\`pay … for ${pay.outcome.text}\` names no outcome of this spec` : 'it names no outcome';
      leaveOut(`outcome_pricings (pay line ${index + 1})`, reason);
      return;
    }
    const where = `outcome_pricings[${pricings.length + 1}]`;
    pricings.push(pricing(pay, line, where, model, pays, payment?.cap?.value, { currencyOf, amountOf, leaveOut, money }));
  });

  const project: IndigoProject = {
    ...(name ? { name } : {}),
    ...(dates ? { dates } : {}),
    ...(maximumPotential || investment?.overall || financeNotes
      ? {
          overall_project_finance: {
            ...(investment?.overall.total_investment_commitment ? { total_investment_commitment: investment.overall.total_investment_commitment } : {}),
            ...(maximumPotential ? { maximum_potential_outcome_payment_v2: maximumPotential } : {}),
            ...(investment?.overall.maximum_potential_return ? { maximum_potential_return_type: { value: RETURN_TYPE }, maximum_potential_return: investment.overall.maximum_potential_return } : {}),
            ...(financeNotes ? { notes: financeNotes } : {}),
          },
        }
      : {}),
    ...(serviceAndBeneficiaries ? { service_and_beneficiaries: serviceAndBeneficiaries } : {}),
    ...(spec ? { notes: { value: projectNote(spec, options.fileName) } } : {}),
    ...(investment && investment.list.length > 0 ? { investments: investment.list } : {}),
    ...(metrics.length > 0 ? { outcome_metrics: metrics } : {}),
    ...(pricings.length > 0 ? { outcome_pricings: pricings } : {}),
  };
  return { project, omitted, caveats };
}

type LeaveOut = (field: string, reason: string) => undefined;

// ── dates ─────────────────────────────────────────────────────────────────────

/**
 * The term as service provision dates. Its last day follows budget/target-unreachable:
 * the day before the same date that many months (or days) later, `5 years from
 * 2026-04-01` ending on 2031-03-31; a date that does not exist (1 month from 31
 * January) is the month's last day; a fraction of a month or day is rounded up.
 */
function serviceDates(term: ast.TermField | undefined, leaveOut: LeaveOut): IndigoProject['dates'] {
  const length = term?.value;
  if (!term || !length) {
    leaveOut('dates', 'the spec has no `term`');
    return undefined;
  }
  const from = term.from;
  const result: {
    start_date_of_service_provision?: Value<string>;
    anticipated_end_date_of_service_provision?: Value<string>;
    anticipated_duration_of_service_provision?: Value<number>;
    notes?: string;
  } = {};
  if (from?.valid && length.amount > 0) {
    result.start_date_of_service_provision = { value: dateText(from) };
    result.anticipated_end_date_of_service_provision = { value: isoDate(termSpan(from, length).end) };
  } else {
    leaveOut('dates.start_date_of_service_provision, dates.anticipated_end_date_of_service_provision', 'the `term` has no valid `from` date');
  }
  if (length.unit === 'year' || length.unit === 'month') {
    result.anticipated_duration_of_service_provision = { value: monthsIn(length) };
  } else {
    leaveOut('dates.anticipated_duration_of_service_provision', `the term is given in ${length.unit}s, not whole months`);
  }
  result.notes = `Service provision dates are the contract term as the specification gives it: ${termText(term)}.`;
  return result;
}

// ── notes ─────────────────────────────────────────────────────────────────────

const SERVICE_LEVELS: Readonly<Record<ast.ServiceLevel, string>> = {
  must: 'must (a statutory or core service that must keep running whatever happens to the provider)',
  needed: 'needed (locally needed)',
  could: 'could (discretionary)',
};

/** What the spec says that INDIGO has no field for: commissioner, service level, budget. */
function projectNote(spec: ast.SpecBlock, fileName: string | undefined): string {
  const parts = [`Exported by outcome-lint from the outcome specification${fileName ? ` ${fileName}` : ''}; fields it does not give are left out.`];
  const commissioner = spec.commissioner?.value?.value;
  if (commissioner !== undefined) parts.push(`Commissioner: ${squash(commissioner)}.`);
  const level = spec.serviceLevel?.value?.value;
  if (level) parts.push(`Service level: ${SERVICE_LEVELS[level]}.`);
  const budget = spec.budget?.value;
  if (budget) parts.push(`Budget: ${formatMoney(budget.minor, budget.currency)}.`);
  return parts.join(' ');
}

/** What sets the most a spec can pay below the total of its prices: the cap, or the limit whose bound it is. */
function limitingWords(maximum: ReturnType<typeof maximumPayment>): string {
  if (maximum.cap !== undefined && maximum.cap === maximum.maximum) return 'the cap';
  const limit = maximum.limits.find((l) => l.bound === maximum.maximum)?.limit;
  if (!limit?.amount) return 'its limits';
  const most = formatMoney(limit.amount.minor, limit.amount.currency);
  return limit.scope.kind === 'outcome' ? `the limit of ${most} for outcome ${limit.scope.outcome?.text ?? '?'}` : `the limit of ${most} per ${limit.scope.kind}`;
}

function financeNote(payment: ast.PaymentBlock | undefined, maximum: ReturnType<typeof maximumPayment>, spec: ast.SpecBlock | undefined): string | undefined {
  if (!payment) return undefined;
  const parts: string[] = [];
  const model = payment.model?.value?.value ?? (payment.pays.length > 0 ? 'results' : undefined);
  if (model) parts.push(`Payment model: ${model}${payment.model ? '' : ' (no `model` given; read as results because there are `pay` lines)'}.`);
  const upfront = payment.upfront?.value;
  if (upfront) parts.push(`Upfront: ${percentText(upfront.value)} of the contract value, paid before any outcome is achieved.`);
  const cap = payment.cap?.value;
  if (cap) parts.push(`Cap: ${formatMoney(cap.minor, cap.currency)}.`);
  const limits = payment.limits.flatMap(({ amount, scope }) => {
    if (!amount) return [];
    const most = formatMoney(amount.minor, amount.currency);
    return [scope.kind === 'outcome' ? `${most} for outcome ${scope.outcome?.text ?? '?'}` : `${most} per ${scope.kind}`];
  });
  if (limits.length > 0) parts.push(`Limits: at most ${listWords(limits)}.`);
  if (maximum.total !== undefined && maximum.currency && payment.pays.length > 0) {
    const total = formatMoney(maximum.total, maximum.currency);
    parts.push(
      maximum.maximum !== undefined && maximum.maximum !== maximum.total
        ? `The most the specification can pay if every participant achieved every paid outcome is ${total}, limited by ${limitingWords(maximum)} to ${formatMoney(maximum.maximum, maximum.currency)}.`
        : `The most the specification can pay if every participant achieved every paid outcome is ${total}.`,
    );
  } else if (maximum.capOnly && maximum.maximum !== undefined && maximum.currency) {
    parts.push(`The total of the prices is unknown (${maximum.missing.join('; ')}); the cap of ${formatMoney(maximum.maximum, maximum.currency)} is the most it can pay.`);
  }
  const schedule = payment.schedule?.value?.value;
  if (schedule !== undefined) parts.push(`Schedule: ${squash(schedule)}.`);
  const budget = spec?.budget?.value;
  if (budget && maximum.maximum !== undefined && maximum.currency === budget.currency && payment.pays.length > 0) {
    const gap = budget.minor - maximum.maximum;
    parts.push(
      gap >= 0n
        ? `That is within the budget of ${formatMoney(budget.minor, budget.currency)}.`
        : `That is ${formatMoney(-gap, budget.currency)} more than the budget of ${formatMoney(budget.minor, budget.currency)}.`,
    );
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

// ── investors ─────────────────────────────────────────────────────────────────

/** `return up to P per year` is an average annual return, one of INDIGO's two return types (the other is IRR). */
const RETURN_TYPE = 'Average annual return';

interface InvestmentHelpers {
  currencyOf(currency: ast.Currency, field: string): Value<string>;
  amountOf(minor: bigint, field: string): Value<number> | undefined;
  leaveOut: LeaveOut;
}

/**
 * Each investor as an investment (`investment1`, `investment2`…, the within-project ids
 * INDIGO suggests), with its commitment and return; and, for the project, the total
 * commitment and the maximum return (one rate, or each investor's when they differ).
 */
function investments(
  finance: ast.FinanceBlock,
  { currencyOf, amountOf, leaveOut }: InvestmentHelpers,
): { list: IndigoInvestment[]; overall: { total_investment_commitment?: IndigoCommitment; maximum_potential_return?: Value<string> } } {
  if (finance.investors.length === 0) {
    leaveOut('investments, overall_project_finance.total_investment_commitment', 'the `finance` block names no `investor`');
    return { list: [], overall: {} };
  }
  leaveOut('investments[].organisation_id', "INDIGO names an investor by its own organisation id; each investor's name is in the investment's notes");
  const commitmentOf = (minor: bigint, currency: ast.Currency, field: string): IndigoCommitment | undefined => {
    const amount = amountOf(minor, `${field}.amount.exact`);
    return amount && { currency: currencyOf(currency, `${field}.currency`), amount: { exact: amount } };
  };
  const list = finance.investors.map((investor, index): IndigoInvestment => {
    const id = `investment${index + 1}`;
    const name = investor.name ? squash(investor.name.value) : undefined;
    const commitment = investor.commitment && commitmentOf(investor.commitment.minor, investor.commitment.currency, `investments[${id}].investment_commitment`);
    if (!investor.commitment) leaveOut(`investments[${id}].investment_commitment`, `${name ? `investor "${name}"` : 'the investor'} gives no \`commitment\``);
    const rate = investor.maximumReturn;
    if (!rate) leaveOut(`investments[${id}].maximum_potential_return`, `${name ? `investor "${name}"` : 'the investor'} gives no \`return\``);
    return {
      id,
      ...(commitment ? { investment_commitment: commitment } : {}),
      ...(rate ? { maximum_potential_return: { value: rate.value }, maximum_potential_return_type: { value: RETURN_TYPE } } : {}),
      notes: `Investor: ${name ?? 'not named'}${rate ? `; return up to ${percentText(rate.value)} a year, an average over the investment` : ''}.`,
    };
  });
  const totals = investorTotals(finance, undefined);
  let total: IndigoCommitment | undefined;
  if (totals.commitment !== undefined && totals.currency) total = commitmentOf(totals.commitment, totals.currency, 'overall_project_finance.total_investment_commitment');
  else leaveOut('overall_project_finance.total_investment_commitment', totals.missing.filter((m) => m.includes('commit')).join('; '));
  // One rate for the project, or each investor's when they differ ("Please provide for each investor, if different").
  const rated = finance.investors.filter((i) => i.maximumReturn);
  const rates = [...new Set(rated.map((i) => percentText(i.maximumReturn!.value)))];
  const maximumReturn =
    rates.length === 0
      ? leaveOut('overall_project_finance.maximum_potential_return', 'no `investor` gives a `return`')
      : { value: rates.length === 1 ? rates[0] : rated.map((i) => `${percentText(i.maximumReturn!.value)} (${i.name ? squash(i.name.value) : 'an investor'})`).join('; ') };
  return { list, overall: { ...(total ? { total_investment_commitment: total } : {}), ...(maximumReturn ? { maximum_potential_return: maximumReturn } : {}) } };
}

/** Who funds delivery and how the provider is paid, in words: INDIGO has no field for the provider's pay. */
function fundingNote(finance: ast.FinanceBlock): string | undefined {
  const parts: string[] = [];
  const named = finance.investors.map((i) => (i.name ? squash(i.name.value) : 'an investor'));
  if (named.length > 0) parts.push(`Investors fund delivery: ${named.join('; ')}.`);
  const fee = finance.fixedFee;
  const share = finance.share?.value;
  if (fee || share) {
    const pay = [fee && `a fixed fee${fee.amount ? ` of ${formatMoney(fee.amount.minor, fee.amount.currency)}` : ''}, whatever the results`, share && `${percentText(share.value)} of outcome payments`];
    parts.push(`The provider is paid ${pay.filter(Boolean).join(', and ')}.`);
  } else if (named.length > 0) {
    parts.push('The specification does not say how the provider is paid.');
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

// ── cohorts ───────────────────────────────────────────────────────────────────

/** This file's cohorts, then those of used files that its outcomes are for, each once. */
function servedCohorts(model: SpecModel, outcomes: readonly ast.OutcomeBlock[]): ast.CohortBlock[] {
  const result: ast.CohortBlock[] = model.file.items.filter((i): i is ast.CohortBlock => i.kind === 'cohort' && i.name !== undefined);
  for (const outcome of outcomes) {
    for (const name of outcome.for.flatMap((f) => f.value ?? [])) {
      const d = model.definitions.get(name.text);
      const cohort = d?.kind === 'cohort' ? (d.node as ast.CohortBlock) : d?.kind === 'segment' ? d.cohort : undefined;
      if (cohort && !result.includes(cohort)) result.push(cohort);
    }
  }
  return result;
}

function eligibilityWords(criteria: readonly ast.Criterion[]): string[] {
  return criteria.map(criterionWords).filter((c): c is string => c !== undefined);
}

/** One line: title, id and size, eligibility, segments, exclusions. */
function describeCohort(cohort: ast.CohortBlock): string {
  const id = cohort.name?.text ?? '?';
  const size = sizeOf(cohort);
  const sized = size !== undefined ? `size ${numberText(size)}` : undefined;
  const head = cohort.title
    ? `${squash(cohort.title.value)} (cohort ${id}${sized ? `, ${sized}` : ''}).`
    : `Cohort ${id}${sized ? ` (${sized})` : ''}.`;
  const parts = [head];
  const eligibility = eligibilityWords(cohort.eligibility?.criteria ?? []);
  if (eligibility.length > 0) parts.push(`Eligibility: ${eligibility.join('; ')}.`);
  const segments = cohort.segments.filter((s) => s.name).map((s) => {
    const words = [s.title ? squash(s.title.value) : undefined, ...eligibilityWords(s.criteria)].filter((w) => w !== undefined);
    const segmentSize = sizeOf(s);
    return `${s.name!.text}${words.length > 0 ? `, ${words.join('; ')}` : ''}${segmentSize !== undefined ? ` (size ${numberText(segmentSize)})` : ''}`;
  });
  if (segments.length > 0) parts.push(`Segments: ${segments.join(' | ')}.`);
  const excluded = cohort.excludes.flatMap((e) => (e.value ? [squash(e.value.value)] : []));
  if (excluded.length > 0) parts.push(`Excluded: ${excluded.join('; ')}.`);
  const volume = cohort.volume;
  if (volume?.count && volume.per) {
    const ramp = volume.ramp ? `, rising evenly over the first ${durationText(volume.ramp)}` : '';
    parts.push(`Referrals expected: ${numberText(volume.count.value)} per ${volume.per.unit}${ramp}.`);
  }
  return parts.join(' ');
}

/** A group named by `for`: its title (or, untitled, its eligibility) and what it is. */
function describeGroup(definition: Definition): string {
  const node = definition.node as ast.CohortBlock | ast.SegmentBlock;
  const id = definition.name.text;
  const what = definition.kind === 'segment' ? `segment ${id} of cohort ${definition.cohort?.name?.text ?? '?'}` : `cohort ${id}`;
  if (node.title) return `${squash(node.title.value)} (${what})`;
  const criteria = eligibilityWords(node.kind === 'cohort' ? (node.eligibility?.criteria ?? []) : node.criteria);
  return criteria.length > 0 ? `${what}: ${criteria.join('; ')}` : what;
}

// ── outcome metrics ───────────────────────────────────────────────────────────

/**
 * INDIGO's outcome validation methods, recognised in a counterfactual's words, first
 * match wins. A counterfactual that names none is exported as written, with a caveat.
 */
const VALIDATION_METHODS: readonly { method: string; words: RegExp }[] = [
  { method: 'Randomised Control Trial', words: /\brandomi[sz]ed\b|\brandom allocation\b|\bRCT\b|\bcontrol(led)? trial\b/i },
  { method: 'Historical comparison', words: /\bhistoric(al)?\b|\bprevious (years?|cohorts?)\b/i },
  { method: 'Pre-Post analysis', words: /\bpre[- ]post\b|\bbefore and after\b/i },
  {
    method: 'Quasi-experimental study',
    words: /\bcomparison group\b|\bcontrol group\b|\bmatched\b|\bmatching\b|\bdifference[- ]in[- ]differences?\b|\bregression discontinuity\b|\bquasi[- ]experiment/i,
  },
];

function outcomeMetric(
  outcome: ast.OutcomeBlock,
  model: SpecModel,
  pays: readonly ast.PayLine[],
  leaveOut: LeaveOut,
  caveats: ExportNote[],
  money: (minor: bigint, currency: ast.Currency) => string,
): IndigoOutcomeMetric {
  const id = outcome.name!.text;
  const at = (field: string): string => `outcome_metrics[${id}].${field}`;
  const measure = outcome.measure?.value ? squash(outcome.measure.value.value) : undefined;
  const title = outcome.title ? squash(outcome.title.value) : undefined;

  const definition = title ?? measure;
  if (definition === undefined) leaveOut(at('definition'), `outcome \`${id}\` has no title and no \`measure\``);

  // Whom it is for.
  const groups = outcome.for.flatMap((f) => f.value ?? []).map((n) => ({ name: n.text, d: model.definitions.get(n.text) }));
  const known = groups.filter((g): g is { name: string; d: Definition } => g.d !== undefined && g.d.kind !== 'outcome');
  let population: string | undefined;
  let targeted: number | undefined;
  if (groups.length === 0) {
    leaveOut(at('target_population'), `outcome \`${id}\` has no \`for\``);
    leaveOut(at('targeted_number_of_service_users_or_beneficiaries_total'), `outcome \`${id}\` has no \`for\``);
  } else {
    if (known.length > 0) population = known.map((g) => describeGroup(g.d)).join('; ');
    else leaveOut(at('target_population'), `\`for\` names no cohort or segment that is defined`);
    // Members of every group, each person once: a segment whose cohort is also named adds no one.
    const cohortsNamed = new Set(known.filter((g) => g.d.kind === 'cohort').map((g) => g.d.node));
    const counted = known.filter((g) => !(g.d.kind === 'segment' && g.d.cohort && cohortsNamed.has(g.d.cohort)));
    const unknown = groups.filter((g) => g.d === undefined || g.d.kind === 'outcome').map((g) => `\`${g.name}\` is not a cohort or segment`);
    const sizes = counted.map((g) => sizeOf(g.d.node as ast.CohortBlock | ast.SegmentBlock));
    counted.forEach((g, i) => {
      if (sizes[i] === undefined) unknown.push(`${g.d.kind} \`${g.name}\` has no size`);
    });
    if (unknown.length === 0) targeted = sizes.reduce<number>((a, b) => a + (b ?? 0), 0);
    else leaveOut(at('targeted_number_of_service_users_or_beneficiaries_total'), unknown.join('; '));
  }

  // What counts as achieved.
  const targetParts: string[] = [];
  if (measure !== undefined) targetParts.push(measure);
  const target = outcome.target;
  if (target?.value) targetParts.push(`Target: ${rateText(target.value, target.rateKind)}${target.by ? ` by ${dateText(target.by)}` : ''}`);
  const window = outcome.window?.value;
  if (window) targetParts.push(`Measured ${durationText(window)} after starting`);
  if (targetParts.length === 0) leaveOut(at('outcome_metric_target'), `outcome \`${id}\` has no \`measure\`, \`target\` or \`window\``);

  // A threshold on every price for the outcome is a further condition for being paid at all.
  const ownPays = pays.filter((p) => p.outcome?.text === id);
  const thresholds = [...new Set(ownPays.map((p) => (p.threshold ? percentText(p.threshold.value) : undefined)))];
  const otherTarget =
    ownPays.length > 0 && !thresholds.includes(undefined)
      ? `paid only once the improvement across the cohort reaches ${thresholds.join(' or ')}, as the \`pay\` line${ownPays.length > 1 ? 's say' : ' says'}`
      : undefined;

  // How achievement is validated.
  const counterfactual = outcome.counterfactual?.value ? squash(outcome.counterfactual.value.value) : undefined;
  const baseline = outcome.baseline;
  const baselineValue = baseline?.value
    ? `${rateText(baseline.value, baseline.rateKind)}${baseline.source ? ` (${squash(baseline.source.value)})` : ''}`
    : undefined;
  const evidence = outcome.evidence?.value ? squash(outcome.evidence.value.value) : undefined;
  let validation: string | undefined;
  if (counterfactual !== undefined) {
    const method = VALIDATION_METHODS.find((m) => m.words.test(counterfactual))?.method;
    if (!method) {
      caveats.push({
        field: at('outcome_validation_method'),
        reason: 'the counterfactual does not name one of INDIGO\'s methods (randomised control trial, quasi-experimental study, historical comparison, pre-post analysis), so it is written as given',
      });
    }
    validation = `${method ? `${method}: ${counterfactual}` : counterfactual}${baselineValue ? `; baseline ${baselineValue}` : ''}`;
  } else if (baselineValue !== undefined) {
    validation = `Historical comparison against a baseline of ${baselineValue}`;
  } else if (evidence !== undefined) {
    validation = 'Simple ex-post verification';
  } else {
    leaveOut(at('outcome_validation_method'), `outcome \`${id}\` has no \`counterfactual\`, \`baseline\` or \`evidence\``);
  }

  const sources = [evidence, ...outcome.instruments.map((i) => (i.value ? squash(i.value.value) : undefined))].filter(
    (s): s is string => s !== undefined,
  );
  if (sources.length === 0) leaveOut(at('data_source_for_outcome_validation'), `outcome \`${id}\` has no \`evidence\` or \`instrument\``);

  // What INDIGO has no field for.
  const notes: string[] = [];
  const kind = outcome.outcomeKind?.value?.value;
  if (kind) notes.push(`Kind: ${kind}.`);
  const value = outcome.value?.value;
  if (value) {
    notes.push(`Public value of one success: ${money(value.minor, value.currency)}${outcome.value?.source ? ` (source: ${squash(outcome.value.source.value)})` : ''}.`);
  }
  notes.push(ownPays.length > 0 ? `Paid for: ${plural(ownPays.length, 'price')} (see outcome_pricings).` : 'Not paid for: tracked only.');

  return {
    id,
    ...(definition !== undefined ? { definition: { value: definition } } : {}),
    ...(population !== undefined ? { target_population: { value: population } } : {}),
    ...(targeted !== undefined ? { targeted_number_of_service_users_or_beneficiaries_total: { value: targeted } } : {}),
    ...(targetParts.length > 0 ? { outcome_metric_target: { value: sentences(targetParts) } } : {}),
    ...(otherTarget !== undefined ? { other_target_for_meeting_outcome_metric_target: { value: otherTarget } } : {}),
    ...(validation !== undefined ? { outcome_validation_method: { value: validation } } : {}),
    ...(sources.length > 0 ? { data_source_for_outcome_validation: { value: sources.join('; ') } } : {}),
    notes: notes.join(' '),
  };
}

// ── outcome pricings ──────────────────────────────────────────────────────────

interface PricingHelpers {
  currencyOf(currency: ast.Currency, field: string): Value<string>;
  amountOf(minor: bigint, field: string): Value<number> | undefined;
  leaveOut: LeaveOut;
  money(minor: bigint, currency: ast.Currency): string;
}

function pricing(
  pay: ast.PayLine,
  line: LineMaximum,
  where: string,
  model: SpecModel,
  pays: readonly ast.PayLine[],
  cap: ast.MoneyValue | undefined,
  { currencyOf, amountOf, leaveOut, money }: PricingHelpers,
): IndigoOutcomePricing {
  const outcome = pay.outcome!.text;
  const amount = pay.amount;
  if (!amount) leaveOut(`${where}.currency, ${where}.price_per_unit`, 'the `pay` line has no amount');

  let perUnit: Value<number> | undefined;
  if (amount && pay.perParticipant) perUnit = amountOf(amount.minor, `${where}.price_per_unit.amount`);
  else if (amount) leaveOut(`${where}.price_per_unit`, `\`pay ${money(amount.minor, amount.currency)} for ${outcome}\` is a single sum, not a price per participant`);

  let maxPrice: string | undefined;
  if (line.amount !== undefined) maxPrice = decimalString(line.amount);
  else leaveOut(`${where}.maximum_price_if_all_targets_achieved`, line.missing.join('; '));

  // The line in words: INDIGO has no fields for `in`, `threshold` or who is left out.
  const price = amount ? money(amount.minor, amount.currency) : 'a price';
  let description: string;
  if (!pay.perParticipant) {
    description = `${price} as a single sum for outcome ${outcome}`;
  } else if (pay.segment) {
    const d = model.definitions.get(pay.segment.text);
    description = `${price} for each participant in ${d ? describeGroupShort(d) : pay.segment.text} who achieves outcome ${outcome}`;
  } else {
    const priced = pays.filter((p) => p !== pay && p.outcome?.text === outcome && p.perParticipant && p.segment).map((p) => p.segment!.text);
    const except = [...new Set(priced)];
    description = `${price} for each participant who achieves outcome ${outcome}${except.length > 0 ? `, except those in ${listWords(except)}, who have their own price` : ''}`;
  }
  if (pay.threshold) description += `; paid only once the improvement across the cohort reaches ${percentText(pay.threshold.value)}`;

  let notes: string | undefined;
  if (line.amount !== undefined && amount) {
    const total = money(line.amount, amount.currency);
    const capWords = cap ? `, before the cap of ${money(cap.minor, cap.currency)} on the whole contract` : '';
    notes =
      line.successes !== undefined
        ? `The most this price can pay: ${numberText(line.successes)} successes × ${price} = ${total}${capWords}.`
        : `The most this price can pay: ${total}${capWords}.`;
  }

  return {
    outcome_metric_id: { value: outcome },
    ...(amount ? { currency: currencyOf(amount.currency, `${where}.currency`) } : {}),
    ...(perUnit ? { price_per_unit: { amount: perUnit } } : {}),
    ...(maxPrice !== undefined ? { maximum_price_if_all_targets_achieved: { amount: { value: maxPrice } } } : {}),
    price_description: { value: description },
    ...(notes ? { notes } : {}),
  };
}

function describeGroupShort(definition: Definition): string {
  return definition.kind === 'segment' ? `segment ${definition.name.text}` : `cohort ${definition.name.text}`;
}

/** `a`, `a and b`, `a, b and c`. */
function listWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Parts as sentences: each ends with a full stop unless it already ends with punctuation. */
function sentences(parts: readonly string[]): string {
  return parts.map((p) => (/[.!?]$/.test(p) ? p : `${p}.`)).join(' ');
}
