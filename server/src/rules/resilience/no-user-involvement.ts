import { defineRule, fromReport, saysNothing, shortQuote } from '../../engine/kit';

export const rule = defineRule({
  meta: {
    id: 'resilience/no-user-involvement',
    family: 'resilience',
    severity: 'info',
    specLevel: true,
    summary: 'No `involve` line says how the people who use the service take part in its design or review.',
    rationale:
      'Services fail when the people they are for are not engaged: the service answers the wrong problem, or ' +
      'is one people do not come back to. Users who help design the service and review it spot both early. An ' +
      '`involve` line says how they take part: a panel that co-designs the referral process, sits on the bid ' +
      'evaluation or joins every contract review. An `involve` line that says only "TBC" or "none" is treated ' +
      'as missing.',
    evidence: [
      fromReport(
        'Services/interventions may fail for a range of reasons: alignment of a set of factors that generate a crisis, wrong diagnosis of the original problem leading to inappropriate service or intervention, or lack of engagement of the key people needed to make an initiative work (often this may be failure to involve users).',
        'Session Two, Witness 3 (Peter Latchford, learning in public sector organisations)',
      ),
      fromReport('challenge service design through involving users', 'Session Three, Theme 3 (who should step in when delivery fails), discussion'),
    ],
    examples: {
      fires: 'spec "Youth pathways" { term 3 years from 2027-04-01 budget £1.8m }\n\nreview every 6 months with "Youth Voice panel"\n',
      passes:
        'spec "Youth pathways" { term 3 years from 2027-04-01 budget £1.8m }\n\n' +
        'review every 6 months with "Youth Voice panel"\ninvolve "The Youth Voice panel co-designs the outcome measures and sits on the bid evaluation panel"\n',
      fix: 'Add `involve "…"` saying how the people who use the service take part in designing it and reviewing it.',
    },
  },
  check({ facts, read, report }) {
    const spec = facts.spec;
    if (!spec) return;
    const involves = facts.textItems('involve');
    if (involves.length === 0) {
      report({
        at: spec.keyword,
        message: 'no `involve` line: nothing says how the people who use the service take part in its design or review',
      });
      return;
    }
    // Only lines that say nothing ("TBC", "none"): the first of them stands for all.
    // A line whose text is missing is a syntax error already, and counts as written.
    const said = involves.map((i) => read(i.text));
    if (!said.every((text) => text !== undefined && saysNothing(text))) return;
    const first = involves[0];
    report({
      at: first.span,
      message:
        `\`involve\` says ${shortQuote(said[0]!)}${involves.length > 1 ? ', and the other `involve` lines say no more' : ''}: ` +
        'nothing says how the people who use the service take part in its design or review',
    });
  },
});
