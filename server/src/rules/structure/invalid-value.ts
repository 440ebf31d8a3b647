import { defineRule, reportModelFindings } from '../../engine/kit';

export const rule = defineRule({
  meta: {
    id: 'structure/invalid-value',
    family: 'structure',
    severity: 'error',
    summary: 'A value that cannot be true: over 100%, an age range upside down, a date not in the calendar, a size of no one.',
    rationale:
      'Impossible values usually hide a typing slip, and every figure worked out from them (the most the spec can ' +
      'pay, whether targets fit the term) would be wrong too.',
    evidence: [],
    examples: {
      fires: 'cohort neet {\n  eligibility { age 24 to 16 }\n  size 450\n}\n',
      passes: 'cohort neet {\n  eligibility { age 16 to 24 }\n  size 450\n}\n',
      fix: 'Correct the value: write the younger age first, keep shares at 100% or less, use a real date, give a size of at least 1.',
    },
  },
  check: reportModelFindings('structure/invalid-value'),
});
