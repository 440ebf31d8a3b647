import { defineRule, reportModelFindings } from '../../engine/kit';

export const rule = defineRule({
  meta: {
    id: 'syntax/parse',
    family: 'syntax',
    severity: 'error',
    summary: 'The text does not follow the language.',
    rationale:
      'A spec that cannot be read cannot be checked, priced or published. Each error names what was expected ' +
      'in the writer\'s words; the rest of the file is still read, so one slip does not hide other findings.',
    evidence: [],
    examples: {
      fires: 'cohort neet {\n  size\n}\n',
      passes: 'cohort neet {\n  size 450\n}\n',
      fix: 'Give the value the message asks for, at the place it points to. The language reference lists every field and its value.',
    },
  },
  check: reportModelFindings('syntax/parse'),
});
