import { daysIn } from '../../base/durations';
import * as ast from '../../syntax/ast';
import { defineRule, fromReport } from '../../engine/kit';

export const rule = defineRule({
  meta: {
    id: 'resilience/no-review',
    family: 'resilience',
    severity: 'info',
    specLevel: true,
    summary: 'No `review` line, or reviews no more often than the whole term, so the contract is not reviewed while it runs.',
    rationale:
      'Commissioning does not stop at the signature. A contract that is never reviewed leaves no regular moment ' +
      'to compare results with the plan, hear from the people using the service, notice the warning signs of ' +
      'failure, or change course while there is still time. A `review every …` line sets that rhythm; a review ' +
      'interval as long as the whole term sets none.',
    evidence: [
      fromReport(
        'The commissioning process does not end when the contract is signed. There is a cycle to the commissioning role which if done properly will enable failure to be managed.',
        'Session Three, Theme 3 (who should step in when delivery fails), discussion',
      ),
    ],
    examples: {
      fires: 'spec "Youth pathways" { term 3 years from 2027-04-01 budget £1.8m }\n\ninvolve "young people\'s panel co-designs the referral process"\n',
      passes:
        'spec "Youth pathways" { term 3 years from 2027-04-01 budget £1.8m }\n\n' +
        'review every 6 months with "young people\'s panel"\ninvolve "young people\'s panel co-designs the referral process"\n',
      fix: 'Add `review every <duration> with "<who>"`, such as `review every 6 months with "young people\'s panel"`, well within the term.',
    },
  },
  check({ facts, report }) {
    const spec = facts.spec;
    if (!spec) return;
    const reviews = facts.all('review');
    if (reviews.length === 0) {
      report({ at: spec.keyword, message: 'no `review` line: nothing says how often the contract is reviewed once it is signed' });
      return;
    }
    // Reviews no more often than the term: the first one falls when the contract has ended.
    const term = spec.term?.value;
    const timed = reviews.filter((r): r is ast.ReviewItem & { every: ast.DurationValue } => r.every !== undefined && r.every.amount > 0);
    if (!term || term.amount <= 0 || timed.length === 0 || timed.length < reviews.length) return;
    const soonest = timed.reduce((a, b) => (daysIn(b.every) < daysIn(a.every) ? b : a));
    if (daysIn(soonest.every) < daysIn(term)) return;
    const written = facts.written({ start: soonest.keyword.start, end: soonest.every.span.end });
    const termText = facts.written(term.span);
    report({
      at: soonest.span,
      message: `the first \`${written}\` comes no sooner than the end of the term (${termText}): the contract is never reviewed while it runs`,
      related: [{ message: `the term is ${termText}`, span: spec.term!.span }],
    });
  },
});
