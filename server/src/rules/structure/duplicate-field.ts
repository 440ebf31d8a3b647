import { defineRule, reportModelFindings } from '../../engine/kit';

export const rule = defineRule({
  meta: {
    id: 'structure/duplicate-field',
    family: 'structure',
    severity: 'error',
    summary: 'A field that may be given once is given twice in one block.',
    rationale:
      'Two sizes, two budgets or two measures for one thing leave the reader to guess which is meant, and a ' +
      'contract read two ways ends in a dispute. outcome-lint uses the first and reports the second.',
    evidence: [],
    examples: {
      fires: 'cohort neet {\n  size 450\n  size 500\n}\n',
      passes: 'cohort neet {\n  size 450\n}\n',
      fix: 'Keep the value you mean and delete the other line.',
    },
  },
  check: reportModelFindings('structure/duplicate-field'),
});
