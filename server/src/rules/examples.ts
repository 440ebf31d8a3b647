import { FileAccess } from '../model/file-access';

/*
 * The small workspace every rule example is linted in: a shared file that examples may
 * `use`, and nothing else. Examples are checked by a test and shown in the rule docs.
 */

const FILES: Readonly<Record<string, string>> = {
  'shared.outcome':
    'cohort neet "Young people not in education, employment or training" {\n' +
    '  eligibility { age 16 to 24 resident in "Northshire" }\n' +
    '  size 450\n' +
    '  referral by "Northshire Careers Service"\n' +
    '}\n',
};

export const EXAMPLE_URI = 'example.outcome';

export const exampleAccess: FileAccess = {
  resolve: (_from, target) => ({ uri: target }),
  read: (uri) => FILES[uri],
  display: (uri) => uri,
};
