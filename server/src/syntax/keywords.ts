/**
 * Every word the grammar gives a meaning to, in one list.
 *
 * Keywords are contextual: each is lexed as its own token type, but every keyword
 * token also belongs to the `Identifier` category, so an id may be spelt like a
 * keyword (`cohort review { … }`). The TextMate grammar must scope each of these
 * words; a test compares the two lists.
 */
export const KEYWORDS = [
  // top-level items
  'use', 'spec', 'cohort', 'outcome', 'payment', 'subcontracting', 'requirement',
  'standard', 'contingency', 'finance', 'review', 'involve', 'monitor',
  // spec fields
  'commissioner', 'term', 'from', 'budget', 'service', 'level', 'must', 'needed', 'could',
  // cohort fields
  'eligibility', 'size', 'referral', 'referrals', 'ramp', 'by', 'self', 'provider', 'segment', 'exclude',
  'age', 'to', 'resident', 'in', 'criterion',
  // outcome fields
  'for', 'measure', 'instrument', 'evidence', 'baseline', 'source', 'target',
  'counterfactual', 'kind', 'tangible', 'intangible', 'output', 'value', 'window',
  // payment fields
  'model', 'results', 'grant', 'block', 'mixed', 'upfront', 'pay', 'per', 'participant',
  'threshold', 'cap', 'schedule',
  // subcontracting fields
  'prime', 'management', 'fee',
  // contingency fields
  'step', 'notice', 'warning', 'signs', 'reserve',
  // finance fields
  'investor', 'commitment', 'return', 'up', 'paid', 'fixed', 'of', 'payments',
  // review
  'every', 'with',
  // units of time
  'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years',
] as const;

export type Keyword = (typeof KEYWORDS)[number];
