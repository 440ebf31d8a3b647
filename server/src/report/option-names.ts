/*
 * The report's options by name: how the command line spells them, what each changes in
 * words, and an example of each: what the command line's help and messages and the
 * editor's "change the …" links say. Apart from options.ts, which checks the values.
 */

/** The assumptions as given, before checking: every field is text, as typed. */
export interface ReportOptionsInput {
  readonly successRate?: readonly string[];
  readonly cost?: string;
  readonly start?: string;
  readonly term?: string;
  readonly window?: string;
  readonly upfront?: string;
  readonly draws?: string;
  readonly seed?: string;
  readonly rateSpread?: string;
  readonly referrals?: string;
  readonly referralSpread?: string;
  readonly delay?: string;
}

/** Option names as the command line spells them, for messages. */
export const FLAG: Readonly<Record<keyof ReportOptionsInput, string>> = {
  successRate: '--success-rate',
  cost: '--cost',
  start: '--start',
  term: '--term',
  window: '--window',
  upfront: '--upfront',
  draws: '--draws',
  seed: '--seed',
  rateSpread: '--rate-spread',
  referrals: '--referrals',
  referralSpread: '--referral-spread',
  delay: '--delay',
};

/** What each option changes, in words, for an editor's "change the …" links. */
export const OPTION_WORDS: Readonly<Record<keyof ReportOptionsInput, string>> = {
  successRate: 'success rate',
  cost: 'delivery cost',
  start: 'start date',
  term: 'term',
  window: 'window of outcomes without one',
  upfront: 'treatment of the upfront share',
  draws: 'number of draws',
  seed: 'seed',
  rateSpread: 'spread of success rates',
  referrals: 'share of referrals that arrive',
  referralSpread: 'spread of referrals',
  delay: 'most months a payment is late',
};

/** An example of each option's value, as typed. */
export const OPTION_EXAMPLE: Readonly<Record<keyof ReportOptionsInput, string>> = {
  successRate: '60%',
  cost: '£1.2m',
  start: '2027-04-01',
  term: '3 years',
  window: '12 months',
  upfront: 'additional',
  draws: '10000',
  seed: '7',
  rateSpread: '10%',
  referrals: '90%',
  referralSpread: '10%',
  delay: '2 months',
};
