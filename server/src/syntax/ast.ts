import { Duration, TimeUnit } from '../base/durations';
import { Span } from '../base/span';
import { Currency } from '../base/wording';

/*
 * The typed syntax tree. Every node and every named part carries an exact span.
 * Parts that error recovery could not find are `undefined`, never a made-up value:
 * a rule that needs them simply has nothing to check.
 */

export interface Node {
  readonly span: Span;
}

/** An id where it is defined, or where it is referred to. */
export interface Name extends Node {
  readonly text: string;
}

/** A string with its escapes decoded; `span` includes the quotes. */
export interface Text extends Node {
  readonly value: string;
}

/**
 * A string of the spec, told by its shape (a span and a value that is text, nothing
 * else) without reading the value. A chosen word (`results`, `must`) has that shape too.
 */
export function isTextNode(value: unknown): value is Text {
  if (typeof value !== 'object' || value === null) return false;
  const node = value as Record<string, unknown>;
  return typeof node.value === 'string' && typeof node.span === 'object' && Object.keys(node).length === 2;
}

export interface NumberValue extends Node {
  readonly value: number;
  readonly source: string;
}

/** `7.5%` has value 7.5. */
export interface PercentValue extends Node {
  readonly value: number;
  readonly source: string;
}

export type { Currency };

/**
 * Money, exact: `minor` is the amount in pence or cents. `exact` is false when the
 * amount has a fraction of a penny, which `structure/invalid-value` reports.
 */
export interface MoneyValue extends Node {
  readonly currency: Currency;
  readonly minor: bigint;
  readonly exact: boolean;
  readonly source: string;
}

/** An ISO date; `valid` is false for dates such as 2027-02-30. */
export interface DateValue extends Node {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly valid: boolean;
  readonly source: string;
}

export type { TimeUnit };

export interface DurationValue extends Node, Duration {}

/** One of a closed set of words, such as `must` or `intangible`. */
export interface Choice<T extends string> extends Node {
  readonly value: T;
}

/** A field: `keyword` spans its leading word(s), `span` the whole field. */
export interface Field<V> extends Node {
  readonly keyword: Span;
  readonly value: V | undefined;
}

export interface Braces {
  readonly open: Span;
  /** Missing when the block was never closed. */
  readonly close: Span | undefined;
}

interface Item extends Node {
  readonly keyword: Span;
}

export interface UseItem extends Item {
  readonly kind: 'use';
  readonly path: Text | undefined;
}

export type ServiceLevel = 'must' | 'needed' | 'could';

export interface TermField extends Field<DurationValue> {
  readonly from: DateValue | undefined;
}

export interface SpecBlock extends Item {
  readonly kind: 'spec';
  readonly title: Text | undefined;
  readonly braces: Braces | undefined;
  readonly commissioner: Field<Text> | undefined;
  readonly term: TermField | undefined;
  readonly budget: Field<MoneyValue> | undefined;
  readonly serviceLevel: Field<Choice<ServiceLevel>> | undefined;
}

export type Criterion =
  | (Node & { readonly kind: 'age'; readonly keyword: Span; readonly from: NumberValue | undefined; readonly to: NumberValue | undefined })
  | (Node & { readonly kind: 'resident'; readonly keyword: Span; readonly place: Text | undefined })
  | (Node & { readonly kind: 'criterion'; readonly keyword: Span; readonly text: Text | undefined });

export interface Eligibility extends Node {
  readonly keyword: Span;
  readonly braces: Braces | undefined;
  readonly criteria: Criterion[];
}

export interface Referral extends Node {
  readonly keyword: Span;
  /** `by` names referrers; `self` and `provider` say who decides who joins. */
  readonly route: Choice<'by' | 'self' | 'provider'> | undefined;
  readonly referrers: Text[];
}

/** `referrals 300 per year ramp 6 months`: how many people the cohort expects, and how fast. */
export interface ReferralVolume extends Node {
  readonly keyword: Span;
  /** How many arrive in each `per` period once the ramp is over. */
  readonly count: NumberValue | undefined;
  /** The period `count` is per: `per year`, `per month` … (not a Choice: the words hold no text to read). */
  readonly per: { readonly span: Span; readonly unit: TimeUnit } | undefined;
  /** How long arrivals take to reach `count`, rising evenly from the start. */
  readonly ramp: DurationValue | undefined;
}

export interface SegmentBlock extends Node {
  readonly kind: 'segment';
  readonly keyword: Span;
  readonly name: Name | undefined;
  readonly title: Text | undefined;
  readonly braces: Braces | undefined;
  readonly criteria: Criterion[];
  readonly size: Field<NumberValue> | undefined;
}

export interface CohortBlock extends Item {
  readonly kind: 'cohort';
  readonly name: Name | undefined;
  readonly title: Text | undefined;
  readonly braces: Braces | undefined;
  readonly eligibility: Eligibility | undefined;
  readonly size: Field<NumberValue> | undefined;
  /** Every `referral` line: a cohort may be reached by several routes. */
  readonly referrals: Referral[];
  readonly volume: ReferralVolume | undefined;
  readonly segments: SegmentBlock[];
  readonly excludes: Field<Text>[];
}

/** A baseline or target: a rate (`12%`) or a count (`40`). */
export type Rate = PercentValue | NumberValue;

export interface BaselineField extends Field<Rate> {
  readonly rateKind: 'percent' | 'number' | undefined;
  readonly source: Text | undefined;
}

export interface TargetField extends Field<Rate> {
  readonly rateKind: 'percent' | 'number' | undefined;
  readonly by: DateValue | undefined;
}

export interface ValueField extends Field<MoneyValue> {
  readonly source: Text | undefined;
}

export type OutcomeKind = 'tangible' | 'intangible' | 'output';

export interface OutcomeBlock extends Item {
  readonly kind: 'outcome';
  readonly name: Name | undefined;
  readonly title: Text | undefined;
  readonly braces: Braces | undefined;
  /** Every `for` line's ids, in order; several lines add up. */
  readonly for: Field<Name[]>[];
  readonly measure: Field<Text> | undefined;
  readonly instruments: Field<Text>[];
  readonly evidence: Field<Text> | undefined;
  readonly baseline: BaselineField | undefined;
  readonly target: TargetField | undefined;
  readonly counterfactual: Field<Text> | undefined;
  readonly outcomeKind: Field<Choice<OutcomeKind>> | undefined;
  readonly value: ValueField | undefined;
  readonly window: Field<DurationValue> | undefined;
}

export type PaymentModel = 'results' | 'grant' | 'block' | 'mixed';

export interface PayLine extends Node {
  readonly keyword: Span;
  readonly amount: MoneyValue | undefined;
  readonly outcome: Name | undefined;
  /** The span of `per participant`, when present. */
  readonly perParticipant: Span | undefined;
  readonly segment: Name | undefined;
  readonly threshold: PercentValue | undefined;
}

/** `cap £… per participant`, `cap £… per year` or `cap £… for OUTCOME`: a limit beside the overall `cap`. */
export interface CapLimit extends Node {
  readonly keyword: Span;
  readonly amount: MoneyValue | undefined;
  /** What the limit is on, and the span of the words that say so (`per participant`, `for job`). */
  readonly scope: { readonly kind: 'participant' | 'year'; readonly span: Span } | { readonly kind: 'outcome'; readonly span: Span; readonly outcome: Name | undefined };
}

export interface PaymentBlock extends Item {
  readonly kind: 'payment';
  readonly braces: Braces | undefined;
  readonly model: Field<Choice<PaymentModel>> | undefined;
  readonly upfront: Field<PercentValue> | undefined;
  readonly pays: PayLine[];
  /** `cap £…`: the most paid over the whole contract. */
  readonly cap: Field<MoneyValue> | undefined;
  /** The other limits, in the order written. */
  readonly limits: CapLimit[];
  readonly schedule: Field<Text> | undefined;
}

export interface SubcontractingBlock extends Item {
  readonly kind: 'subcontracting';
  readonly braces: Braces | undefined;
  readonly primes: Field<Text>[];
  readonly managementFee: Field<PercentValue> | undefined;
  readonly standards: Field<Text>[];
}

export interface ContingencyBlock extends Item {
  readonly kind: 'contingency';
  readonly braces: Braces | undefined;
  readonly stepIn: Field<Text> | undefined;
  readonly notice: Field<DurationValue> | undefined;
  readonly warningSigns: Field<Text> | undefined;
  readonly reserve: Field<MoneyValue> | undefined;
}

/** `investor "…" commitment £… return up to P per year`: one investor in the deal. */
export interface InvestorLine extends Node {
  readonly keyword: Span;
  readonly name: Text | undefined;
  /** What the investor commits to fund delivery with. */
  readonly commitment: MoneyValue | undefined;
  /** `return up to P per year`: the most it can earn, as an average a year. */
  readonly maximumReturn: PercentValue | undefined;
}

/** `provider paid fixed fee [£…]`: paid for delivery whatever the results. */
export interface FixedFeeField extends Node {
  /** `provider paid fixed fee`. */
  readonly keyword: Span;
  /** The fee, when the spec gives it. */
  readonly amount: MoneyValue | undefined;
}

/** How investors fund delivery and how the provider is paid (a social or development impact bond). */
export interface FinanceBlock extends Item {
  readonly kind: 'finance';
  readonly braces: Braces | undefined;
  readonly investors: InvestorLine[];
  readonly fixedFee: FixedFeeField | undefined;
  /** `provider paid P of outcome payments`: the provider's share, at risk on results. */
  readonly share: Field<PercentValue> | undefined;
}

/** `requirement`, `standard`, `involve` and `monitor`: a keyword and one text. */
export interface TextItem extends Item {
  readonly kind: 'requirement' | 'standard' | 'involve' | 'monitor';
  readonly text: Text | undefined;
}

export interface ReviewItem extends Item {
  readonly kind: 'review';
  readonly every: DurationValue | undefined;
  readonly with: Text | undefined;
}

export type TopLevelItem =
  | UseItem
  | SpecBlock
  | CohortBlock
  | OutcomeBlock
  | PaymentBlock
  | SubcontractingBlock
  | ContingencyBlock
  | FinanceBlock
  | TextItem
  | ReviewItem;

export interface Comment extends Node {
  /** The comment's text after `#`. */
  readonly text: string;
}

export interface FileNode extends Node {
  readonly items: TopLevelItem[];
  readonly comments: Comment[];
}
