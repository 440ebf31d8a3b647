import { defineRule } from '../../engine/kit';

// Reported by the engine (rules/suppressions.ts) after every other rule has run.
export const rule = defineRule({
  meta: {
    id: 'structure/unexplained-suppression',
    family: 'structure',
    severity: 'warning',
    summary: 'A suppression comment gives no reason.',
    rationale:
      'Silencing a finding is sometimes right: a pilot agreed with service users, a legal constraint. The reason ' +
      'is what lets a reviewer, a provider or an auditor see that it was a decision and not an oversight, so ' +
      'outcome-lint keeps it in its reports.',
    evidence: [],
    examples: {
      fires:
        'outcome confidence { for neet kind intangible }\npayment {\n  # outcome-lint-disable-next-line monetisation/intangible-paid\n  pay £200 for confidence per participant\n}\n',
      passes:
        'outcome confidence { for neet kind intangible }\npayment {\n  # outcome-lint-disable-next-line monetisation/intangible-paid -- pilot: payment agreed with the panel\n  pay £200 for confidence per participant\n}\n',
      fix: 'Add ` -- ` and the reason after the rule id.',
    },
  },
});
