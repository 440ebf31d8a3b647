import { lint, LintResult } from '../engine/lint';
import { projectOf } from '../engine/project';
import { catalogue } from './catalogue';

/*
 * The small workspace every rule example is linted in: a shared file that examples may
 * `use`, and nothing else. Examples are checked by a test and shown in the rule docs.
 */

const SHARED: Readonly<Record<string, string>> = {
  'shared.outcome':
    'cohort neet "Young people not in education, employment or training" {\n' +
    '  eligibility { age 16 to 24 resident in "Northshire" }\n' +
    '  size 450\n' +
    '  referral by "Northshire Careers Service"\n' +
    '}\n',
};

const EXAMPLE = 'example.outcome';

/** The lint of an example spec, with every rule of the catalogue at its defaults. */
export function lintExample(text: string): LintResult {
  const files: Readonly<Record<string, string>> = { ...SHARED, [EXAMPLE]: text };
  const project = projectOf({ resolve: (_from, target) => ({ uri: target }), read: (uri) => files[uri], display: (uri) => uri });
  return lint(project, EXAMPLE, { rules: catalogue });
}
