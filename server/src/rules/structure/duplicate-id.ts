import { defineRule, reportModelFindings } from '../../engine/kit';

export const rule = defineRule({
  meta: {
    id: 'structure/duplicate-id',
    family: 'structure',
    severity: 'error',
    summary: 'Two cohorts, segments or outcomes seen together share an id.',
    rationale:
      'Outcomes and prices name cohorts and outcomes by id. When one id means two things, a price or a target ' +
      'may attach to the wrong group of people, and no one can tell which was meant.',
    evidence: [],
    examples: {
      fires: 'cohort neet { size 450 }\ncohort neet { size 120 }\n',
      passes: 'cohort neet { size 450 }\ncohort neet_north { size 120 }\n',
      fix: 'Rename one of them (and every `for` and `pay` line that means it).',
    },
  },
  check: reportModelFindings('structure/duplicate-id'),
});
