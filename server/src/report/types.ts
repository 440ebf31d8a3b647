import { Severity } from '../base/diagnostic';
import { Evidence, Family } from '../engine/kit/rule';
import * as ast from '../syntax/ast';
import { FlowResult } from './cashflow';
import type { ReportOptionsInput } from './option-names';
import { SimulationAssumptions, TornadoBar } from './simulation';

/*
 * The provider's risk report of one spec: what every output (HTML, Markdown, JSON)
 * prints. Money is bigint pence (or cents) in `currency`, exactly.
 */

/** Where an assumption's value comes from. */
export type AssumptionSource = 'spec' | 'option' | 'default';

/** An option that changes an assumption: its name in ReportOptionsInput, and the outcome a success rate is for. */
export interface AssumptionOption {
  readonly name: keyof ReportOptionsInput;
  readonly outcome?: string;
}

export interface Assumption {
  /** Short name: "Delivery cost", "Success rate: sustained_job". */
  readonly topic: string;
  /** The value and what it means, in a sentence. */
  readonly text: string;
  readonly source: AssumptionSource;
  /** The options that change it (the editor offers each); none for what only the spec can change. */
  readonly change?: readonly AssumptionOption[];
}

export interface PayLineRow {
  /** The `pay` line as written. */
  readonly text: string;
  readonly outcome: string;
  /** Whom it prices: "youth, care-leavers (less send, young-parents)", "segment send", "one sum". */
  readonly whom: string;
  readonly people: number | undefined;
  readonly price: bigint | undefined;
  /** The most it can pay; undefined when a size is missing. */
  readonly maximum: bigint | undefined;
  readonly threshold: string | undefined;
}

export interface AmountRow {
  readonly label: string;
  /** A title, when the outcome or group has one. */
  readonly title?: string;
  readonly amount: bigint | undefined;
}

export interface MaximumSection {
  readonly lines: readonly PayLineRow[];
  readonly byOutcome: readonly AmountRow[];
  /** By cohort or segment (single sums under "one sum"). */
  readonly byGroup: readonly AmountRow[];
  /** Sum of every line, before the cap. */
  readonly total: bigint | undefined;
  readonly cap: bigint | undefined;
  /** The total limited by the cap: the most the spec can pay. */
  readonly maximum: bigint | undefined;
  readonly capBinds: boolean;
  readonly budget: bigint | undefined;
  /** budget − maximum: negative when the spec can pay more than its budget. */
  readonly budgetHeadroom: bigint | undefined;
  /** Why the maximum is unknown, in the writer's words. */
  readonly missing: readonly string[];
}

export interface RiskSplit {
  /** The contract value the shares are of. */
  readonly contractValue: bigint | undefined;
  /** Why that figure: "the most the spec can pay (limited by the cap)". */
  readonly basis: string;
  readonly upfront: bigint | undefined;
  readonly upfrontPercent: string;
  /** Guaranteed instalments (grant and block contracts). */
  readonly instalments: bigint | undefined;
  /** upfront + instalments. */
  readonly guaranteed: bigint | undefined;
  readonly atRisk: bigint | undefined;
  readonly guaranteedShare: string | undefined;
  readonly atRiskShare: string | undefined;
}

export interface Scenario {
  /** "50% of target", "100% of target". */
  readonly label: string;
  /** "50%", "75%", "100%". */
  readonly factor: string;
  readonly flow: FlowResult;
}

export interface CashFlowSection {
  readonly termMonths: number;
  /** Start of month 1, when known (ISO). */
  readonly start: string | undefined;
  readonly cost: bigint;
  readonly planning: Scenario;
  /** At 50%, 75% and 100% of the planning success rates. */
  readonly sensitivity: readonly Scenario[];
}

export interface InvestorRow {
  /** As the spec names the investor; undefined when it does not. */
  readonly name: string | undefined;
  readonly commitment: bigint | undefined;
  /** `return up to P per year`: "7%". */
  readonly returnRate: string | undefined;
  /** The most it can earn over the term. */
  readonly maximumReturn: bigint | undefined;
}

/** One row of the sensitivity table, split between the investors and the provider. */
export interface FinanceScenario {
  readonly label: string;
  readonly factor: string;
  /** What the commissioner pays, to the investors' side. */
  readonly paid: bigint;
  /** Fee and share of outcome payments; undefined when the spec does not say how the provider is paid. */
  readonly providerPaid: bigint | undefined;
  readonly providerNet: bigint | undefined;
  /** The most working capital the provider funds at once: what the commitment does not cover. */
  readonly providerWorkingCapital: bigint | undefined;
  readonly investorsNet: bigint | undefined;
  /** The most of the commitment drawn at once. */
  readonly investorsWorkingCapital: bigint | undefined;
}

/** With investors (a `finance` block): their position, and the provider's share of the risk. */
export interface FinanceSection {
  readonly investors: readonly InvestorRow[];
  /** Every commitment added up; undefined when one is missing or in another currency. */
  readonly commitment: bigint | undefined;
  /** The most the investors can earn together over the term. */
  readonly maximumReturn: bigint | undefined;
  /** Why a total is unknown. */
  readonly missing: readonly string[];
  /** How the provider is paid, in words; undefined when the spec does not say. */
  readonly providerPay: string | undefined;
  /** Who carries the results: `investors`, `provider`, `both`, or `unknown`. */
  readonly resultsRisk: 'investors' | 'provider' | 'both' | 'unknown';
  /** At 50%, 75% and 100% of the planning rates, as the sensitivity table; empty with no cash flow. */
  readonly scenarios: readonly FinanceScenario[];
}

/** P10, P50 and P90 of a figure over the simulation's draws, in minor units. */
export interface Spread {
  readonly p10: bigint;
  readonly p50: bigint;
  readonly p90: bigint;
}

/** The Monte Carlo: the plan's cash flow under drawn success rates, referrals and delays. */
export interface SimulationSection {
  readonly assumptions: SimulationAssumptions;
  /** The provider's net position over the contract (with investors: its pay less the delivery cost). */
  readonly providerNet: Spread;
  /** Share of draws in which the provider loses money, 0 to 1. */
  readonly lossChance: number;
  /** The provider's working capital at the peak, in 90% of draws (with investors: beyond their commitment). */
  readonly reserve: bigint;
  /** With investors who split the results with the provider: their net position. */
  readonly investorsNet: Spread | undefined;
  /** What the commissioner pays. */
  readonly paid: Spread;
  /** Share of draws in which the commissioner pays more than the budget; undefined with no budget. */
  readonly overBudgetChance: number | undefined;
  /** The service's cash position (income − cost so far) at the end of each month, by percentile. */
  readonly fan: { readonly p10: readonly number[]; readonly p50: readonly number[]; readonly p90: readonly number[] };
  /** The median net position with each assumption low and high. */
  readonly sensitivity: { readonly base: number; readonly bars: readonly TornadoBar[] };
}

export interface FindingRow {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export interface RuleNote {
  readonly id: string;
  readonly summary: string;
  readonly rationale: string;
  readonly evidence: readonly Evidence[];
}

export interface FindingGroup {
  readonly family: Family;
  readonly title: string;
  readonly findings: readonly FindingRow[];
  /** The rules that fired, once each, with why they matter and the evidence. */
  readonly rules: readonly RuleNote[];
}

export interface RiskRow {
  readonly risk: string;
  /** "Provider", "Commissioner", "Provider's investors" … */
  readonly carriedBy: string;
  readonly amount: bigint | undefined;
  readonly detail: string;
}

export interface RiskReport {
  /** The file, as shown to the user. */
  readonly file: string;
  readonly title: string | undefined;
  readonly commissioner: string | undefined;
  readonly currency: ast.Currency;
  /** `results`, `mixed`, `grant`, `block`, or undefined with no payment block. */
  readonly paymentModel: ast.PaymentModel | undefined;
  readonly maximum: MaximumSection;
  readonly split: RiskSplit;
  readonly cashFlow: CashFlowSection | undefined;
  /** Why there is no cash flow, when there is none. */
  readonly cashFlowMissing: readonly string[];
  /** Present when investors fund delivery. */
  readonly finance: FinanceSection | undefined;
  /** Present with a cash flow. */
  readonly simulation: SimulationSection | undefined;
  readonly assumptions: readonly Assumption[];
  /** Things the figures show that a reader must not miss (a threshold never reached…). */
  readonly notes: readonly string[];
  readonly risks: readonly RiskRow[];
  readonly findings: readonly FindingGroup[];
}
