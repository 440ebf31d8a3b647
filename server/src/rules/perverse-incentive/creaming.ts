import * as ast from '../../syntax/ast';
import { defineRule, fromReport } from '../../engine/kit';

export const rule = defineRule({
  meta: {
    id: 'perverse-incentive/creaming',
    family: 'perverse-incentive',
    severity: 'warning',
    summary: 'The provider chooses whom to enrol, and is paid per success.',
    rationale:
      'When the provider decides who joins (`referral provider`), or anyone may walk in (`referral self`), or ' +
      'nobody says who refers, and each success is paid for, the provider can enrol the people most likely to ' +
      'succeed anyway ("creaming") and leave out those the service was meant for. Referral by named public ' +
      'services, against recorded eligibility, keeps the choice with the commissioner.',
    evidence: [
      fromReport(
        "in the employment services programme designed to reach the 'hardest to help', the programme design and partnership arrangements meant that providers were excluding users they would ordinarily include",
        'Session One, Theme 2 (partnerships and subcontracting)',
      ),
    ],
    examples: {
      fires:
        'cohort neet {\n  size 450\n  referral provider\n}\noutcome job { for neet }\npayment {\n  model results\n  pay £3,200 for job per participant\n}\n',
      passes:
        'cohort neet {\n  size 450\n  referral by "Jobcentre Plus work coaches"\n}\noutcome job { for neet }\npayment {\n  model results\n  pay £3,200 for job per participant\n}\n',
      fix: 'Name who refers people into the service with `referral by "…"` (public services working to the eligibility criteria), so the provider does not choose whom to help.',
    },
  },
  check({ facts, report }) {
    if (!facts.paysOnResults) return;
    const reported = new Set<ast.CohortBlock>();
    for (const outcome of facts.paidOutcomes) {
      for (const { cohort, uri } of facts.cohortsOf(outcome)) {
        if (reported.has(cohort)) continue;
        reported.add(cohort);
        const name = cohort.name?.text ?? 'this cohort';
        const chosen = cohort.referrals.find((r) => r.route?.value === 'provider' || r.route?.value === 'self');
        // Only a cohort in this file can be pointed at; one from a used file is reported on the outcome.
        const here = uri === facts.model.uri;
        if (chosen) {
          const who = chosen.route!.value === 'provider' ? 'the provider chooses who joins' : 'people refer themselves and the provider chooses whom to take';
          report({
            at: (here ? chosen : outcome.name!).span,
            message: `outcomes for \`${name}\` are paid per success, but ${who}: it can enrol those likeliest to succeed anyway`,
          });
        } else if (cohort.referrals.length === 0) {
          report({
            at: (here ? (cohort.name ?? cohort) : outcome.name!).span,
            message: `outcomes for \`${name}\` are paid per success, but no one is named to refer people into it: the provider can choose whom to enrol`,
          });
        }
      }
    }
  },
});
