/*
 * Words for `monetisation/self-reported-evidence`: who makes the record that proves a
 * paid result. Evidence is the provider's own when the words name the provider, its
 * staff, its own records, tests or questionnaires, or a declaration ("the provider's case
 * records", "key worker's assessment", "self-declaration", "CO reading at the pharmacy");
 * an independent check is someone else making, validating or auditing it ("HMRC payroll
 * data", "verified by the evaluator", "checked against the council's records").
 *
 * Entries are matched stem by stem (words.ts); give both forms where the stem differs.
 */

/** The provider and its staff, as the maker of a record. */
export const PROVIDER: readonly string[] = [
  "provider's",
  'provider',
  'providers',
  'provider own',
  'in-house',
  // guidance written to providers calls them "you"
  'you',
  'its own',
  'their own',
  'key worker',
  'keyworker',
  'link worker',
  'support worker',
  'caseworker',
  'case worker',
  'case manager',
  'staff',
  'practitioner',
  'coach',
  'mentor',
  'adviser',
  'advisor',
  'trainer',
  'project',
  'project sponsor',
  'contractor',
  'pharmacy',
  'practice systems',
  'GP practice systems',
  'programme',
];

/** Records, tests and questionnaires the provider makes, whoever is named as doing it. */
export const OWN_RECORDS: readonly string[] = [
  // the service's own tests, questionnaires and returns
  'CO validated',
  'CO verified',
  'CO verify',
  'CO reading',
  'carbon monoxide',
  'staff assessment',
  'Engagement Matrix',
  'questionnaire',
  'exit survey',
  'feedback form',
  // Outcomes Star readings are made by the worker with the person
  'Outcomes Star',
  'Wellbeing Star',
  'Well-being Star',
  'Star readings',
  'project reports',
  // the service's own papers that it did what was agreed
  'documentary evidence',
  'Individualised Learner Record',
  'ILR',
  'Youth Offending Teams',
];

/**
 * Declarations: the person's or the provider's own word. Only a check (CHECKS) makes them
 * more than that; a record from someone else offered beside them ("a landlord's letter,
 * or self-certification") leaves the weaker route open.
 */
export const DECLARATIONS: readonly string[] = [
  'declaration',
  'declarations',
  'declared',
  'self-declaration',
  'self-declarations',
  'self-declared',
  'self declaration',
  'self-certification',
  'self-certified',
  'self-reported',
  'self-report',
  'self-assessment',
  'self-assess',
  'as reported by people',
  'as reported by participants',
  'reported by people receiving support',
];

/** Wording that names an independent check: someone other than the provider validates, verifies or audits the record. */
export const CHECKS: readonly string[] = [
  'independent',
  'independently',
  'evaluator',
  'validator',
  'validated by',
  'verified by',
  'validated',
  'verified',
  'verifying',
  'checked by',
  'checked against',
  'undertake checks',
  'satisfy itself',
  'matched by',
  'matched against',
  'audited',
  'audit',
  'certified by',
  'certification of',
  'randomised controlled trial',
  'randomized controlled trial',
  'randomized control trial',
  'control group',
  'comparison group',
];

/** Records someone other than the provider makes: with one of these, the evidence is not the provider's alone. */
export const SOURCES: readonly string[] = [
  'HMRC',
  'DWP',
  'Department for Work and Pensions',
  'Police National Computer',
  'PNC',
  'court',
  'employer',
  'payslip',
  'landlord',
  'awarding body',
  'awarding organisation',
  'school',
  'statutory public registers',
  'statement of results',
];

/** Words before a source that put it aside: "rather than the awarding body". */
export const SET_ASIDE: readonly string[] = ['rather than', 'instead of', 'other than'];
