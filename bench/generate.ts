import { Project, projectOf } from '../server/src/engine/project';

/*
 * Realistic specs of any length, for benchmarks: one spec block, then groups of a
 * cohort (with a segment), two outcomes and their prices, requirements and standards,
 * and one payment block holding every price. Some groups carry known flaws (provider
 * referral, a flat price over a segment, an intangible paid outcome) so that rules
 * have findings to report.
 */

function group(i: number): { body: string[]; pays: string[] } {
  const flawed = i % 3 === 0;
  const body = [
    `# Group ${i}: area ${i} of the county`,
    `cohort area${i} "Residents of area ${i} out of work for six months or more" {`,
    '  eligibility {',
    '    age 18 to 64',
    `    resident in "Area ${i}"`,
    '    criterion "claiming Universal Credit in the intensive work search group"',
    '  }',
    `  size ${100 + (i % 50)}`,
    flawed ? '  referral provider' : '  referral by "Jobcentre Plus work coaches", "GP surgeries"',
    `  segment area${i}_health "People with a long-term health condition" {`,
    '    criterion "fit note in the last 12 months"',
    `    size ${20 + (i % 10)}`,
    '  }',
    '  exclude "people already on the Work and Health Programme"',
    '}',
    '',
    `outcome job${i} "Sustained employment" {`,
    `  for area${i}`,
    '  measure "26 weeks in paid work of 16 or more hours a week"',
    '  evidence "HMRC Real Time Information payroll data"',
    '  baseline 12% source "DWP benefit statistics 2025"',
    '  target 30% by 2030-03-31',
    '  counterfactual "matched comparison group from neighbouring areas"',
    '  kind tangible',
    '  value £9,500 source "unit cost database: fiscal cost of a claimant per year"',
    '  window 30 weeks',
    '}',
    '',
    `outcome confidence${i} "Improved confidence" {`,
    `  for area${i}`,
    '  measure "self-reported confidence"',
    flawed ? '  kind intangible' : '  kind tangible',
    '  evidence "provider survey"',
    '  baseline 40%',
    '}',
    '',
    `requirement "The provider must offer ${i % 7 + 2} weekly group sessions in area ${i}"`,
    `standard "Data Protection Act 2018 duties for area ${i}"`,
    '',
  ];
  const pays = [
    `  pay £3,200 for job${i} per participant`,
    flawed ? `  pay £150 for confidence${i} per participant` : `  pay £4,800 for job${i} per participant in area${i}_health`,
  ];
  return { body, pays };
}

/** A spec of about `lines` lines (never fewer). */
export function generateSpec(lines: number): string {
  const head = [
    '# Generated for benchmarks: a county-wide employment support specification',
    'spec "Generated employment support" {',
    '  commissioner "Benchmark County Council"',
    '  term 4 years from 2027-04-01',
    '  budget £25,000,000',
    '  service level needed',
    '}',
    '',
  ];
  const tail = [
    '',
    'contingency {',
    '  step in "Council employment service"',
    '  notice 3 months',
    '  warning signs "fewer than 60% of expected starts in two consecutive quarters"',
    '  reserve £250k',
    '}',
    'review every 6 months with "residents\' panel"',
    'involve "residents\' panel co-designs the service"',
    'monitor "age, ethnicity, disability and health condition of every participant"',
  ];
  const body: string[] = [];
  const pays: string[] = [];
  const perGroup = group(0).body.length + group(0).pays.length;
  const groups = Math.max(1, Math.ceil((lines - head.length - tail.length - 6) / perGroup));
  for (let i = 0; i < groups; i++) {
    const g = group(i);
    body.push(...g.body);
    pays.push(...g.pays);
  }
  const payment = ['payment {', '  model results', '  upfront 20%', ...pays, '  cap £20m', '  schedule "quarterly in arrears"', '}'];
  return [...head, ...body, ...payment, ...tail, ''].join('\n');
}

/** A project of one file, the spec, that uses no other: what a benchmark lints. */
export function alone(text: string): Project {
  return projectOf({ resolve: () => ({ refused: 'the benchmark has one file' }), read: () => text, display: (file) => file });
}
