import { defineRule, idCorrection, idSuggester } from '../../engine/kit';

export const rule = defineRule({
  meta: {
    id: 'structure/undefined-outcome',
    family: 'structure',
    severity: 'error',
    summary: 'A `pay` or `cap … for` line names an outcome that no visible file defines.',
    rationale:
      'A price for an outcome nobody defined pays for something no one can measure or verify: there is no ' +
      'measure, no evidence and no cohort behind it, and the most the spec can pay cannot be worked out.',
    evidence: [],
    examples: {
      fires: 'outcome job { for neet }\npayment {\n  pay £3,200 for jobs per participant\n}\n',
      passes: 'outcome job { for neet }\npayment {\n  pay £3,200 for job per participant\n}\n',
      fix: 'Correct the id after `for` in the `pay` line, or define the outcome it means. When one outcome is a letter or two away, a suggestion corrects the id to it (a fix, applied with the others, when only the capitals differ).',
    },
  },
  check({ facts, report }) {
    const suggest = idSuggester([...facts.model.definitions.values()].filter((d) => d.kind === 'outcome'));
    for (const reference of facts.model.references) {
      if ((reference.role !== 'pay-outcome' && reference.role !== 'cap-outcome') || reference.target) continue;
      const name = reference.name.text;
      const near = reference.wrongKind ? undefined : suggest(name);
      const line = reference.role === 'pay-outcome' ? { words: '`pay … for`', does: 'names the outcome being paid for', so: 'this line pays for nothing anyone can measure' } : { words: '`cap … for`', does: 'names the outcome whose payments it limits', so: 'this cap limits nothing' };
      report({
        at: reference.name.span,
        message: reference.wrongKind
          ? `\`${name}\` is a ${reference.wrongKind.kind}, not an outcome: ${line.words} ${line.does}`
          : `no outcome \`${name}\` is defined here or in a used file, so ${line.so}${near ? ` (did you mean \`${near.name.text}\`?)` : ''}`,
        ...idCorrection(facts, reference.name.span, name, near),
        ...(reference.wrongKind ? { related: [{ message: `\`${name}\` is defined here`, span: reference.wrongKind.name.span, ...(reference.wrongKind.uri === facts.model.uri ? {} : { uri: reference.wrongKind.uri }) }] } : {}),
      });
    }
  },
});
