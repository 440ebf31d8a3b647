import * as ast from '../../syntax/ast';
import { defineRule, fromReport } from '../../engine/kit';

export const rule = defineRule({
  meta: {
    id: 'target-group/no-size',
    family: 'target-group',
    severity: 'info',
    summary: 'A cohort has no `size`.',
    rationale:
      'The size of a cohort is how many people the service is for. Without it no one can price the contract, ' +
      'work out the most it can pay, check that against the budget, or see later how many of the people it ' +
      'was meant for it reached. A segment without a size is allowed: it is priced as its whole cohort.',
    evidence: [
      fromReport(
        'if outcomes and target groups are not well defined then impact can be negative rather than positive',
        'Session One, Theme 2 (partnerships and subcontracting)',
      ),
    ],
    examples: {
      fires:
        'cohort neet "Young people not in education, employment or training" {\n  eligibility {\n    age 16 to 24\n    resident in "Northshire"\n  }\n  referral by "Northshire Careers Service"\n}\n',
      passes:
        'cohort neet "Young people not in education, employment or training" {\n  eligibility {\n    age 16 to 24\n    resident in "Northshire"\n  }\n  size 450\n  referral by "Northshire Careers Service"\n}\n',
      fix: 'Add `size` with the number of people the cohort holds over the contract, such as `size 450`, from the caseload or register its eligibility names.',
    },
  },
  check({ facts, report }) {
    for (const cohort of facts.cohorts) {
      if (cohort.size) continue;
      const name = cohort.name ? `\`${cohort.name.text}\`` : 'this cohort';
      // A per-participant price for the whole cohort needs its size.
      const priced = (facts.payment?.pays ?? []).find((pay) => {
        if (!pay.perParticipant || pay.segment) return false;
        const outcome = facts.definition(pay.outcome);
        return outcome?.kind === 'outcome' && facts.cohortsOf(outcome.node as ast.OutcomeBlock).some((c) => c.cohort === cohort && !c.segment);
      });
      report({
        at: cohort.name?.span ?? cohort.keyword,
        message: priced?.outcome
          ? `${name} has no size, so the most the spec can pay for \`${priced.outcome.text}\` cannot be worked out: say how many people it holds`
          : `${name} has no size: say how many people it holds, so that the contract can be priced and checked against the budget`,
      });
    }
  },
});
