/*
 * Words for `perverse-incentive/creaming`: wording by which the provider itself decides
 * who is in a cohort or left out of it ("whom the provider judges unsuitable", "at the
 * provider's discretion", "as the provider decides"), or refers people in itself
 * (`referral by "the provider's outreach team"`).
 *
 * Entries are matched stem by stem (words.ts); give both forms where the stem differs.
 */

/** Who the provider is, as the one who decides or refers. */
export const THE_PROVIDER: readonly string[] = [
  'provider',
  "provider's",
  'lead provider',
  'prime',
  'prime provider',
  'delivery partner',
  'service provider',
  'contractor',
  'our',
  'in-house',
  'own staff',
  'own outreach',
  'own team',
  'pharmacy staff',
];

/** Verbs and nouns of judging: with the provider as the one judging, the provider decides. */
export const JUDGING: readonly string[] = [
  'judge',
  'judges',
  'judged',
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
  'believe',
  'believes',
  'think',
  'thinks',
  'determine',
  'determines',
  'determined',
  'discretion',
  'judgement',
  'judgment',
  'view',
  'opinion',
  'choose',
  'chooses',
  'select',
  'selects',
];

/**
 * A judgement of suitability or readiness, written without saying who judges ("people
 * judged unsuitable for the programme"): in practice the provider's.
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
