import { defineRule, reportModelFindings } from '../../engine/kit';

export const rule = defineRule({
  meta: {
    id: 'structure/unresolved-use',
    family: 'structure',
    severity: 'error',
    summary: 'A `use` names a file that does not exist, is not UTF-8 text, is outside the folder, or leads round in a circle.',
    rationale:
      'A spec that relies on shared cohort definitions must be able to find them; otherwise every outcome for ' +
      'those cohorts is for no one the reader can see. A `use` may only reach files inside the folder being ' +
      'linted, so a spec from a tender pack cannot read the rest of a computer.',
    evidence: [],
    examples: {
      fires: 'use "cohorts-2027.outcome"\noutcome job { for neet }\n',
      passes: 'use "shared.outcome"\noutcome job { for neet }\n',
      fix: 'Correct the file name (it is relative to this file), save the shared file as UTF-8, move it into the folder, or break the circle.',
    },
  },
  check: reportModelFindings('structure/unresolved-use'),
});
