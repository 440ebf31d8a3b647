/*
 * Words for `perverse-incentive/creaming`: wording by which the paid provider itself
 * decides who is in a cohort or left out of it ("participants the provider judges
 * unsuitable", "at the provider's discretion", "recruited by the provider"), or refers
 * people in itself (`referral by "the provider's outreach team"`). The rule reads who
 * does the choosing (creaming.ts); these lists say what counts as the provider and as
 * choosing. Scored on test/data/corpus/cohort-choice.json.
 *
 * Entries are matched stem by stem (words.ts); give both forms where the stem differs.
 */

/**
 * The paid provider, by the names specifications give it. Not "our" or "own staff": in
 * a commissioner's spec those are the commissioner's.
 */
export const THE_PROVIDER: readonly string[] = [
  'provider',
  "provider's",
  "providers'",
  'lead provider',
  'prime',
  'prime provider',
  'prime contractor',
  'subcontractor',
  'delivery partner',
  "delivery partner's",
  'delivery organisation',
  'delivery organization',
  'service provider',
  'contractor',
  "contractor's",
  // the service named for the provider that runs it: "the programme will select"
  'programme',
  'program',
  'project',
  'implementing agency',
  'implementing agencies',
];

/**
 * Choosing people: taking them in, judging them, leaving them out. With the provider as
 * the one who does it, the provider decides who counts.
 */
export const CHOOSING: readonly string[] = [
  'judge',
  'judges',
  'judged',
  'judgement',
  'judgment',
  'decide',
  'decides',
  'decided',
  'consider',
  'considers',
  'considered',
  'deem',
  'deems',
  'deemed',
  'assess',
  'assesses',
  'assessed',
  'assessment',
  'determine',
  'determines',
  'determining',
  'determined',
  'discretion',
  'view',
  'opinion',
  'choose',
  'chooses',
  'chose',
  'select',
  'selects',
  'selection',
  'propose',
  'proposes',
  'recruit',
  'recruits',
  'recruitment',
  'identify',
  'identifies',
  'identified',
  'register',
  'registers',
  'enrol',
  'enrols',
  'enroll',
  'enrolls',
  'commence',
  'commences',
  'accept',
  'accepts',
  'decline',
  'declines',
  'reject',
  'rejects',
  'remove',
  'removes',
  'refuse',
  'refuses',
  'turn away',
  'exclude',
  'excludes',
  'refer',
  'refers',
  'referral',
  'screen',
  'screens',
  'confirm',
  'confirms',
];

/** Entry the provider makes itself, with no referral: the Australian employment services' term. */
export const DIRECT_ENTRY: readonly string[] = ['direct registration', 'directly register', 'register directly', 'present directly', 'without a referral', 'without referral'];

/**
 * A judgement of suitability or readiness, written without saying who judges ("people
 * judged not ready for work"): in practice the provider's.
 */
export const UNSUITABLE: readonly string[] = [
  'unsuitable',
  'not suitable',
  'inappropriate',
  'not appropriate',
  'not ready',
  'unlikely to benefit',
  'unlikely to engage',
  'unwilling to engage',
  'not motivated',
];

/** Words before the provider that put its judgement aside: "rather than the providers' judgments". */
export const SET_ASIDE: readonly string[] = ['rather than', 'instead of', 'other than'];

/** Words after a choosing word that make it about how to help, not whom: "decides how best to support". */
export const NOT_WHOM: readonly string[] = ['how', 'what support', 'which support', 'the support', 'the service'];

/**
 * Wording that takes the choice of whom to take away from the provider: everyone eligible
 * is taken, in an order no one picks, or by lot. Said in a requirement, a standard or a
 * criterion, it answers open access (`referral self`).
 */
export const NO_CHOICE: readonly string[] = [
  'zero exclusion',
  'zero-exclusion',
  'accept all',
  'accept every',
  'accept everyone',
  'accept anyone',
  'take all',
  'take every',
  'take everyone',
  'everyone eligible',
  'everyone who is eligible',
  'every eligible',
  'all eligible',
  'random assignment',
  'randomly assign',
  'randomly assigns',
  'randomly assigned',
  'random allocation',
  'randomly allocate',
  'randomly allocated',
  'randomised',
  'randomized',
  'lottery',
  'ballot',
  'waiting-list order',
  'waiting list order',
  'order of application',
  'order of referral',
  'order in which',
  'first come first served',
  'first-come first-served',
  'first come',
  'named list',
  'named individuals',
  'fixed cohort',
  'cohort is fixed',
  'closed cohort',
  // everyone who qualifies, with no further test
  'open to all',
  'open to anyone',
  'admit all',
  'admit every',
  'every person',
  'all individuals',
  'no exclusion',
  'no exclusions',
  'not excluded',
  'without preconditions',
  'no preconditions',
  'not contingent on',
  'without a test',
  'without additional criteria',
  // an order or a lot no one picks
  'at random',
  'random drawing',
  'prioritized list',
  'prioritised list',
  'top of the list',
  'top client',
  'selected automatically',
  'tiebreaking',
  'one offer',
  // the choice made elsewhere, and the provider barred from it
  'not permitted to',
  'does not fall to the provider',
  'only those people who have already been selected',
  'only aware of who is in the treatment group',
];

/** Wording that gives back what a no-choice phrase took: "all eligible students … unless the applications exceed the capacity". */
export const UNLESS: readonly string[] = ['unless', 'subject to', 'except where', 'where the provider agrees'];
