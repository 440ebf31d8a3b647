import { defineRule, fromReport } from '../../engine/kit';

export const rule = defineRule({
  meta: {
    id: 'monetisation/intangible-paid',
    family: 'monetisation',
    severity: 'warning',
    summary: 'A payment is attached to an outcome of `kind intangible`.',
    rationale:
      'Intangible outcomes (confidence, belonging, hope) matter, but a price turns them into a figure to be ' +
      'argued over: the measure will be disputed, gamed, or narrowed to what can be counted. Track intangible ' +
      'outcomes for learning and pay on tangible ones.',
    evidence: [
      fromReport('Monetarising intangible benefits is always partial', 'Session Two, Witness 1 (measuring impact)'),
      fromReport(
        'It is very difficult to undertake cost/benefit analysis using monetary values when the benefits may be intangible',
        'Session Two, Witness 1 (measuring impact)',
      ),
    ],
    examples: {
      fires:
        'outcome confidence "Improved confidence" {\n  for neet\n  kind intangible\n}\npayment {\n  pay £200 for confidence per participant\n}\n',
      passes: 'outcome confidence "Improved confidence" {\n  for neet\n  kind intangible\n}\npayment {\n  pay £3,200 for job per participant\n}\n',
      fix: 'Remove the price and keep the outcome for learning and review; pay on a tangible outcome it leads to (a job kept, a tenancy sustained).',
    },
  },
  check({ facts, report }) {
    for (const outcome of facts.outcomes) {
      if (outcome.outcomeKind?.value?.value !== 'intangible') continue;
      for (const pay of facts.paysFor(outcome)) {
        report({
          at: pay.span,
          message: `\`${outcome.name!.text}\` is of kind intangible, but this line pays for it`,
          related: [{ message: `\`${outcome.name!.text}\` is declared intangible here`, span: outcome.outcomeKind.span }],
        });
      }
    }
  },
});
