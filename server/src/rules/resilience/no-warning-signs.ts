import { defineRule, fix, fromReport, lastOf, saysNothing, shortQuote } from '../../engine/kit';

export const rule = defineRule({
  meta: {
    id: 'resilience/no-warning-signs',
    family: 'resilience',
    severity: 'info',
    specLevel: true,
    summary: 'A `contingency` block does not say which `warning signs` show the service heading for failure.',
    rationale:
      'A provider rarely fails without notice: referrals dry up, staff leave, claims fall behind profile, waiting ' +
      'lists grow. A contract that names those signs in advance gives the contract manager something to watch ' +
      'at every review, and the time to act (support the provider, or get the step-in ready) before users lose ' +
      'the service. A `warning signs` line that says only "TBC" or "none" is treated as missing.',
    evidence: [
      fromReport(
        'Failure does not happen overnight. The warning signs are always there. Key role for a commissioner to keep on top of managing performance.',
        'Session Three, Theme 3 (who should step in when delivery fails), Chris Banks',
      ),
    ],
    examples: {
      fires:
        'spec "Youth pathways" { term 3 years from 2027-04-01 budget £1.8m }\n\n' +
        'contingency {\n  step in "Council in-house youth service"\n  notice 3 months\n  reserve £150,000\n}\n',
      passes:
        'spec "Youth pathways" { term 3 years from 2027-04-01 budget £1.8m }\n\n' +
        'contingency {\n  step in "Council in-house youth service"\n  notice 3 months\n' +
        '  warning signs "fewer than 60% of expected referrals in two consecutive quarters"\n  reserve £150,000\n}\n',
      fix:
        'Add `warning signs "…"` to the `contingency` block: the measurable signs (referrals, staffing, claims ' +
        'against profile) that would show the service heading for failure. The quick fix adds the line for you ' +
        'to fill in.',
    },
  },
  check({ facts, read, report }) {
    const contingency = facts.contingency;
    // With no contingency block at all, resilience/no-contingency says so.
    if (!contingency) return;
    const signs = contingency.warningSigns;
    if (!signs) {
      const after = lastOf([contingency.stepIn, contingency.notice, contingency.reserve]);
      report({
        at: contingency.keyword,
        message: 'this `contingency` block has no `warning signs`: nothing says what would show the service heading for failure',
        suggestions: [fix('Add `warning signs "…"` to the contingency block', facts.edits.insertField(contingency, after, 'warning signs "…"'))],
      });
      return;
    }
    // `warning signs` without its text is a syntax error already.
    const says = read(signs.value);
    if (says !== undefined && saysNothing(says)) {
      report({
        at: signs.span,
        message: `\`warning signs\` says ${shortQuote(says)}: nothing says what would show the service heading for failure`,
      });
    }
  },
});
