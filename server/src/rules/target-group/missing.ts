import { Fix } from '../../base/diagnostic';
import * as ast from '../../syntax/ast';
import { defineRule, fix, fromReport, SpecFacts } from '../../engine/kit';

export const rule = defineRule({
  meta: {
    id: 'target-group/missing',
    family: 'target-group',
    severity: 'warning',
    summary: 'An `outcome` has no `for`: it is for no one in particular.',
    rationale:
      'An outcome is a change for particular people. Without `for`, no one can say whose lives should ' +
      'change, count how many successes are possible, compare with a baseline for the same people, or price ' +
      'it. System measures (bed days, waiting lists) are still worth tracking, but say which cohort they ' +
      'reflect.',
    evidence: [
      fromReport(
        'if outcomes and target groups are not well defined then impact can be negative rather than positive',
        'Session One, Theme 2 (partnerships and subcontracting)',
      ),
    ],
    examples: {
      fires: 'use "shared.outcome"\n\noutcome sustained_job "Sustained employment" {\n  measure "26 weeks in paid work"\n}\n',
      passes: 'use "shared.outcome"\n\noutcome sustained_job "Sustained employment" {\n  for neet\n  measure "26 weeks in paid work"\n}\n',
      fix: 'Add `for` with the cohort or segment the outcome is for. When only one cohort is visible, the quick fix adds it.',
    },
  },
  check({ facts, report }) {
    const cohorts = [...facts.model.definitions.values()].filter((d) => d.kind === 'cohort');
    for (const outcome of facts.outcomes) {
      if (outcome.for.length > 0) continue;
      const name = outcome.name ? `\`${outcome.name.text}\`` : 'this outcome';
      const fix = cohorts.length === 1 ? addFor(facts, outcome, cohorts[0].name.text) : undefined;
      report({
        at: outcome.name?.span ?? outcome.keyword,
        message: `${name} is for no one in particular: add \`for\` with the cohort or segment whose lives it should change`,
        suggestions: [fix],
      });
    }
  },
});

/** Inserts `for <cohort>` as the outcome's first field. */
function addFor(facts: SpecFacts, outcome: ast.OutcomeBlock, cohort: string): Fix | undefined {
  const edit = facts.edits.insertField(outcome, undefined, `for ${cohort}`);
  return fix(`Add \`for ${cohort}\``, edit);
}
