/*
 * Word lists for `target-group/vague-eligibility`.
 *
 * A criterion is vague when it uses one of the VAGUE phrases and names no recorded
 * fact (RECORDED, or a number such as an age, a period or a score). Entries are matched
 * stem by stem (words.ts), so `vulnerable` also matches "vulnerable"'s plural forms;
 * give both forms where the stem differs ("disadvantage", "disadvantaged"). Users can
 * add phrases with the rule's `extraVagueWords` option.
 */

/** Wording that sounds like a criterion but lets anyone decide who meets it. */
export const VAGUE = [
  // need and risk, unmeasured
  'vulnerable',
  'vulnerability',
  'at risk',
  'at-risk',
  'in need',
  'high need',
  'high needs',
  'complex needs',
  'multiple needs',
  'in crisis',
  'struggling',
  'would benefit',
  'might benefit',
  'could benefit',
  'likely to benefit',
  'poor outcomes',
  // disadvantage, unmeasured
  'disadvantage',
  'disadvantaged',
  'deprived',
  'deprivation',
  'marginalised',
  'marginalized',
  'excluded',
  'socially excluded',
  'isolated',
  'low income',
  'low-income',
  // reach and behaviour, as judged by someone
  'hard to reach',
  'hard-to-reach',
  'hard to help',
  'hard-to-help',
  'troubled',
  'chaotic',
  'challenging',
  'difficult',
  'problematic',
  'disengaged',
];

/**
 * Wording that ties a criterion to a fact someone has recorded or can check. A
 * criterion with one of these (or with a number) is not vague, whatever else it says.
 */
export const RECORDED = [
  // a record or an assessment
  'recorded',
  'record',
  'register',
  'registered',
  'assessed',
  'assessment',
  'caseload',
  'case list',
  'cohort list',
  'named on',
  'listed on',
  'open to',
  'known to',
  'referred by',
  'identified by',
  'diagnosed',
  'diagnosis',
  'plan',
  'as defined',
  'defined by',
  'defined in',
  'under section',
  'section',
  // a benefit or an entitlement
  'eligible for',
  'in receipt of',
  'receives',
  'claiming',
  'Universal Credit',
  'Pension Credit',
  'Housing Benefit',
  'Council Tax Reduction',
  'Personal Independence Payment',
  'free school meals',
  'pupil premium',
  // statutory statuses
  'child in need',
  'children in need',
  'child protection',
  'looked after',
  'care leaver',
  'care experienced',
  'Education, Health and Care',
  'EHC plan',
  'NEET',
  'not in education, employment or training',
  'excluded from school',
  'permanently excluded',
  'released from',
  'discharged from',
  'sentenced',
  'convicted',
  'conviction',
  'on probation',
  'homelessness duty',
  'relief duty',
  'prevention duty',
  'no fixed abode',
  'Index of Multiple Deprivation',
  'IMD',
  'decile',
  'postcode',
  'ward',
];
