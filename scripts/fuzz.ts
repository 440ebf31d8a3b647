import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { FuzzProperty, PROPERTIES } from '../test/support/fuzz-properties';

/*
 * The long fuzz run: the properties of npm test's property tests
 * (test/support/fuzz-properties.ts) on many more inputs.
 *
 *   npm run fuzz -- --runs 1000000 [--seed S] [--property TEXT]… [--path P]
 *
 * --runs is the number of inputs in all, shared among the properties by their `share`
 * (the costly ones get fewer). --seed makes a run repeatable (by default it is drawn
 * at random, and printed). --property runs only the properties whose name contains
 * TEXT. A failure prints fast-check's counterexample with its seed and path, and the
 * command that replays it. The exit code is 1 when any property failed.
 */

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string' },
    property: { type: 'string', multiple: true },
    path: { type: 'string' },
  },
});

const total = Number(values.runs);
const seed = values.seed === undefined ? Math.floor(Math.random() * 0x7fffffff) : Number(values.seed);
if (!Number.isSafeInteger(total) || total < 1 || !Number.isSafeInteger(seed)) {
  console.error('fuzz: --runs and --seed take whole numbers, such as --runs 1000000 --seed 42');
  process.exit(2);
}
const chosen = PROPERTIES.filter((p) => values.property === undefined || values.property.some((text) => p.name.includes(text)));
if (chosen.length === 0) {
  console.error(`fuzz: no property's name contains ${values.property!.join(' or ')}; the properties are:\n${PROPERTIES.map((p) => `  ${p.name}`).join('\n')}`);
  process.exit(2);
}

const shares = chosen.reduce((sum, p) => sum + p.share, 0);
const PROGRESS_EVERY_MS = 30_000;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Runs one property; prints progress while it runs, and the failure if there is one. */
function run(property: FuzzProperty<unknown>, numRuns: number): { failed: boolean; runs: number; ms: number } {
  const start = Date.now();
  let done = 0;
  let reported = start;
  const details = fc.check(
    fc.property(property.inputs, (text) => {
      property.check(text);
      done++;
      const now = Date.now();
      if (now - reported >= PROGRESS_EVERY_MS) {
        reported = now;
        console.log(`  … ${done.toLocaleString('en-GB')} of ${numRuns.toLocaleString('en-GB')} inputs, ${seconds(now - start)}`);
      }
    }),
    { numRuns, seed, ...(values.path === undefined ? {} : { path: values.path }) },
  );
  const ms = Date.now() - start;
  if (details.failed) {
    console.log(fc.defaultReportMessage(details));
    const error = details.errorInstance;
    console.log(`  error: ${error instanceof Error ? error.message : String(error)}`);
    console.log(`  replay: node out/scripts/fuzz.js --property "${property.name}" --seed ${details.seed} --path "${details.counterexamplePath}" --runs 1`);
  }
  // On a failure fast-check stops at the failing input; numRuns counts up to it.
  return { failed: details.failed, runs: details.numRuns, ms };
}

console.log(`fuzz: ${total.toLocaleString('en-GB')} inputs over ${chosen.length} ${chosen.length === 1 ? 'property' : 'properties'}, seed ${seed}`);
const started = Date.now();
const results = chosen.map((property) => {
  const numRuns = Math.max(1, Math.round((total * property.share) / shares));
  console.log(`${property.name}: ${numRuns.toLocaleString('en-GB')} inputs`);
  const result = run(property, numRuns);
  console.log(`  ${result.failed ? 'FAILED' : 'passed'}: ${result.runs.toLocaleString('en-GB')} inputs in ${seconds(result.ms)}`);
  return { property, ...result };
});

const inputs = results.reduce((sum, r) => sum + r.runs, 0);
const failures = results.filter((r) => r.failed);
console.log('\nproperty | inputs | time');
for (const r of results) console.log(`${r.property.name} | ${r.runs.toLocaleString('en-GB')} | ${seconds(r.ms)}${r.failed ? ' | FAILED' : ''}`);
console.log(
  `\nfuzz: ${inputs.toLocaleString('en-GB')} inputs, ${failures.length} failed ${failures.length === 1 ? 'property' : 'properties'}, ` +
    `${seconds(Date.now() - started)}, seed ${seed}, Node ${process.version}`,
);
process.exit(failures.length > 0 ? 1 : 0);
