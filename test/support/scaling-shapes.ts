// First: counting starts when it is loaded, and counts only code compiled after (./work.ts).
import { workOf } from './work';
import { alone, generateSpec } from '../../bench/generate';
import { lint } from '../../server/src/engine/lint';
import { Project, projectOf } from '../../server/src/engine/project';
import { Session } from '../../server/src/lsp/session';
import { workspaceSymbols } from '../../server/src/lsp/handlers/symbols';
import { FileAccess } from '../../server/src/model/file-access';
import { riskReport } from '../../server/src/report';
import { catalogue } from '../../server/src/rules/catalogue';
import { forgetTexts } from '../../server/src/engine/kit/memo';

/*
 * The shapes of input the scaling test (test/scaling.test.ts) counts the work of: each
 * one that was once quadratic, or worse, or that the performance targets name. Run as a
 * program (by the test, with V8's optimising compilers off, so that every block run is
 * counted: optimised code counts none), it prints, for each shape, the work of the
 * smallest input, of size n and of size 10 n, as JSON.
 */

export interface Shape {
  readonly name: string;
  /** The input of size n, and what to run on it. */
  readonly make: (n: number) => () => unknown;
  /** The smaller size; the larger is ten times it. */
  readonly n: number;
}

const lintOf = (text: string) => () => lint(alone(text), 'spec.outcome', { rules: catalogue });
const repeat = (n: number, line: (i: number) => string): string => Array.from({ length: n }, (_, i) => line(i)).join('\n');

/** A chain of n files, each using the next; the last defines cohort `deep`. */
function useChain(n: number): Project {
  const files = new Map<string, string>([['spec.outcome', 'use "f1.outcome"\noutcome o "O" {\n  for deep\n}\n']]);
  for (let i = 1; i < n; i++) files.set(`f${i}.outcome`, `use "f${i + 1}.outcome"\ncohort c${i} "C" {\n  size 1\n}\n`);
  files.set(`f${n}.outcome`, 'cohort deep "Deep" {\n  size 3\n}\n');
  const access: FileAccess = { resolve: (_from, target) => ({ uri: target }), read: (uri) => files.get(uri), display: (uri) => uri };
  return projectOf(access);
}

export const SHAPES: Shape[] = [
  { name: 'a realistic spec (generated, n × 100 lines)', n: 10, make: (n) => lintOf(generateSpec(n * 100)) },
  { name: 'outcomes for an undefined cohort', n: 200, make: (n) => lintOf(repeat(n, (i) => `outcome o${i} "Outcome ${i}" {\n  for missing_cohort\n}`)) },
  { name: 'the same id defined again and again', n: 200, make: (n) => lintOf(repeat(n, () => 'cohort c "C" {\n  size 1\n}')) },
  {
    name: 'requirement lines',
    n: 100,
    make: (n) => lintOf(repeat(n, (i) => `requirement "The provider must run 12 weekly group sessions and visit each family fortnightly (${i})"`)),
  },
  {
    name: 'one payment block of pay lines',
    n: 100,
    make: (n) => lintOf(`outcome job "Job" {\n  for people\n}\ncohort people "P" {\n  size 100\n}\npayment {\n  model results\n${repeat(n, () => '  pay £100 for job per participant')}\n}\n`),
  },
  {
    name: 'suppression comments, one after another',
    n: 100,
    make: (n) => lintOf(`${repeat(n, () => '# outcome-lint-disable-next-line target-group/no-size -- counted elsewhere')}\ncohort c "C" {\n  referral by "GPs"\n}\n`),
  },
  {
    name: 'one long requirement line (activities and frequencies)',
    n: 100,
    make: (n) => lintOf(`requirement "The provider must ${repeat(n, () => 'run weekly sessions and monthly visits').split('\n').join(' and ')}"\n`),
  },
  {
    name: 'one long exclude line and evidence line (the provider, choosing and records, again and again)',
    n: 100,
    make: (n) =>
      lintOf(
        `cohort c "C" {\n  size 10\n  referral self\n  exclude "${repeat(n, () => 'the provider reviews each case, later assessed by the council, its key worker records').split('\n').join(' and ')}"\n}\n` +
          `outcome o "O" {\n  for c\n  measure "in work for 26 weeks"\n  evidence "${repeat(n, () => 'the key worker records Star readings and HMRC data').split('\n').join(' and ')}"\n}\n` +
          `payment {\n  model results\n  pay £100 for o per participant\n}\n` +
          `requirement "${repeat(n, () => 'the council is responsible for reviewing the provider referrals and may not').split('\n').join(' and ')}"\n`,
      ),
  },
  { name: 'braces nested deep, none closed', n: 100, make: (n) => lintOf(`outcome o {\n${repeat(n, () => '  for c {')}\n`) },
  { name: 'closing braces with nothing open', n: 100, make: (n) => lintOf(`cohort a "A" {\n  size 1\n}\n${repeat(n, () => '}')}\n`) },
  {
    name: 'a long id and a reference one letter off',
    n: 1_000,
    make: (n) => lintOf(`cohort ${'a'.repeat(n)} "Long" {\n  size 1\n}\noutcome o "O" {\n  for ${'a'.repeat(n - 1)}b\n}\n`),
  },
  {
    // "Did you mean" is worked out for 200 distinct ids at most (engine/kit/ids.ts), each
    // against every cohort of about its length: past 200, linear in the cohorts.
    name: 'cohorts and as many misspelt references',
    n: 300,
    make: (n) => lintOf(`${repeat(n, (i) => `cohort cohort_${i} "C" {\n  size 1\n}`)}\n${repeat(n, (i) => `outcome o${i} "O" {\n  for cohrot_${i}\n}`)}`),
  },
  { name: 'a chain of used files', n: 100, make: (n) => () => lint(useChain(n), 'spec.outcome', { rules: catalogue }) },
  {
    name: "the risk report's model: pay lines over many outcomes",
    n: 50,
    make: (n) => {
      const text = `spec "S" {\n  commissioner "C"\n  term 2 years from 2027-04-01\n  budget £10m\n}\ncohort people "P" {\n  size 100\n}\n${repeat(n, (i) => `outcome o${i} "O" {\n  for people\n}`)}\npayment {\n  model results\n${repeat(n, (i) => `  pay £100 for o${i} per participant`)}\n}\n`;
      return () => riskReport(alone(text), 'spec.outcome', catalogue);
    },
  },
  {
    name: 'workspace symbols of a big spec in the server',
    n: 10,
    make: (n) => {
      const session = new Session();
      session.open('file:///w/spec.outcome', generateSpec(n * 100));
      return () => workspaceSymbols(session, { query: '' });
    },
  },
];

export interface Measured {
  readonly name: string;
  /** Blocks run for the input of size 1, n and 10 n, all told and by file. */
  readonly floor: Work;
  readonly small: Work;
  readonly large: Work;
}
type Work = { total: number; byFile: Record<string, number> };

function measure(shape: Shape): Measured {
  const work = (n: number): Work => {
    const run = shape.make(n);
    forgetTexts(); // what the rules remember of texts seen in an earlier run would make this one cheaper
    const counted = workOf(run);
    return { total: counted.total, byFile: Object.fromEntries(counted.byFile) };
  };
  shape.make(1)(); // the first run builds what every run shares (the lexer, word lists)
  return { name: shape.name, floor: work(1), small: work(shape.n), large: work(shape.n * 10) };
}

if (require.main === module) {
  process.stdout.write(JSON.stringify(SHAPES.map(measure)));
}
