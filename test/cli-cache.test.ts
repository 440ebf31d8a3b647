import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertRefused, CliRun, runCli, tempFolder, writeIn } from './support/cli-process';
import { repoRoot, samplesDir } from './support/paths';

/*
 * `outcome-lint --cache`: a second run over unchanged files prints what a fresh run
 * prints, in every format, and lints none of them again. What the cache file says of
 * its last run (`lastRun`: files linted, files reused) shows the reuse without timing
 * anything, and a finding altered in the cache file and printed as altered shows that
 * it came from there. A run that reuses every entry leaves the file untouched. Whatever decides a file's findings changing (the file, a file it
 * `use`s, a file it tried to use appearing, its settings, the version) lints it again.
 */

interface Cache {
  kind: string;
  version: string;
  lastRun: { linted: number; reused: number };
  files: Record<string, { findings: { ruleId: string; message: string }[] }>;
}

/** A spec with a capitalised keyword and a misspelt id (safe fixes), and no upfront share (a suggestion). */
const FLAWED = `spec "Kingsford tenancy sustainment" {
  term 2 years from 2027-04-01
  budget £300,000
}

Cohort tenants "Council tenants with rent arrears" {
  eligibility {
    resident in "Kingsford"
    criterion "rent arrears over £500 on the rent account"
  }
  size 200
  referral by "Housing officers"
}

outcome sustained "Tenancy sustained" {
  for tenants
  measure "tenancy in place 12 months after referral"
  evidence "rent account records held by the council"
}

payment {
  model results
  upfront 0%
  pay £1,200 for Sustained per participant
  cap £240,000
}
`;

/** Every report a run can write, one a file, with stylish on standard output. */
const FORMATS = ['json', 'sarif', 'compact', 'github', 'junit', 'gitlab'];
const everyFormat = (): string[] => [...FORMATS.flatMap((f) => ['-f', `${f}:out/${f}.txt`]), '-f', 'stylish', '--no-color'];

describe('cli: --cache', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = tempFolder('outcome-lint-cache-');
    fs.mkdirSync(path.join(dir, 'specs'));
    for (const name of fs.readdirSync(samplesDir).filter((n) => n.endsWith('.outcome'))) fs.copyFileSync(path.join(samplesDir, name), path.join(dir, 'specs', name));
    // A finding with a related place in another file: an id defined in a used file too.
    for (const name of ['duplicate.outcome', 'shared.outcome']) fs.copyFileSync(path.join(repoRoot, 'test/fixtures-cli/mixed', name), path.join(dir, 'specs', name));
    writeIn(dir, 'specs/flawed.outcome', FLAWED);
    writeIn(dir, 'specs/broken.outcome', 'use "later.outcome"\n');
    fs.mkdirSync(path.join(dir, 'out'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const specs = (): number => fs.readdirSync(path.join(dir, 'specs')).length;
  const cacheAt = (file = '.outcomelintcache'): Cache => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Cache;
  /** The cache file as it is now; `check` fails if a run since has written it (its bytes or its time of change). */
  const unchanged = (file: string): { check: (why: string) => void } => {
    const full = path.join(dir, file);
    const bytes = fs.readFileSync(full);
    const changed = fs.statSync(full, { bigint: true }).mtimeNs;
    return {
      check: (why) => {
        assert.deepEqual(fs.readFileSync(full), bytes, why);
        assert.equal(fs.statSync(full, { bigint: true }).mtimeNs, changed, why);
      },
    };
  };
  const lint = (args: readonly string[]): CliRun => {
    const run = runCli([...args, 'specs'], dir);
    assert.ok(run.status === 0 || run.status === 1, `exit code ${run.status} (stderr: ${run.stderr})`);
    return run;
  };
  /** A run's every report: standard output and each report file. */
  const reports = (run: CliRun): Record<string, string> => ({
    stdout: run.stdout,
    stderr: run.stderr,
    status: String(run.status),
    ...Object.fromEntries(FORMATS.map((f) => [f, fs.readFileSync(path.join(dir, 'out', `${f}.txt`), 'utf8')])),
  });
  const fresh = (args: readonly string[] = []): Record<string, string> => reports(lint([...args, ...everyFormat()]));
  const cached = (args: readonly string[] = []): Record<string, string> => reports(lint(['--cache', ...args, ...everyFormat()]));

  it('a second run reuses every finding and prints exactly what a fresh run prints, in every format', () => {
    const first = cached();
    assert.deepEqual(cacheAt().lastRun, { linted: specs(), reused: 0 });
    const written = unchanged('.outcomelintcache');
    const second = cached();
    written.check('every finding came from the cache, so the cache was not written again');
    assert.deepEqual(second, first);
    assert.deepEqual(second, fresh());
    // The findings carry what the formats print of them: related places (in other files too), safe fixes and suggestions.
    const json = JSON.parse(second.json) as { files: { path: string; findings: { related?: { path: string }[]; fixes?: unknown[]; suggestions?: unknown[] }[] }[] };
    const findings = json.files.flatMap((f) => f.findings);
    assert.ok(findings.some((f) => f.related?.some((r) => r.path === 'specs/shared.outcome')));
    assert.ok(findings.some((f) => (f.fixes ?? []).length > 0));
    assert.ok(findings.some((f) => (f.suggestions ?? []).length > 0));
  });

  it('prints the findings the cache holds, not a new lint of the file', () => {
    lint(['--cache']);
    const cache = cacheAt();
    const file = path.join(dir, 'specs', 'flawed.outcome');
    cache.files[file].findings[0].message = 'a finding only the cache knows';
    fs.writeFileSync(path.join(dir, '.outcomelintcache'), JSON.stringify(cache));
    assert.match(lint(['--cache']).stdout, /a finding only the cache knows/);
  });

  it('lints again a file that changed, the files that use one that changed, and a file whose missing `use` appears', () => {
    lint(['--cache']);
    fs.appendFileSync(path.join(dir, 'specs', 'shared-cohorts.outcome'), '\n# a comment changes the text\n');
    assert.deepEqual(cached(), fresh());
    // shared-cohorts.outcome and the two samples that use it.
    assert.deepEqual(cacheAt().lastRun, { linted: 3, reused: specs() - 3 });

    assert.match(lint(['--cache']).stdout, /`later\.outcome` does not exist/);
    writeIn(dir, 'specs/later.outcome', 'cohort later "Later" {\n  size 10\n}\n');
    const after = cached();
    assert.doesNotMatch(after.stdout, /`later\.outcome` does not exist/);
    assert.deepEqual(after, fresh());
    assert.deepEqual(cacheAt().lastRun, { linted: 2, reused: specs() - 2 });
  });

  it('lints every file again when the settings or the version change', () => {
    lint(['--cache']);
    writeIn(dir, 'specs/.outcomelintrc.json', '{ "rules": { "perverse-incentive/no-upfront": "off" } }');
    assert.deepEqual(cached(), fresh());
    assert.deepEqual(cacheAt().lastRun, { linted: specs() - 1, reused: 0 });

    const rule = ['--rule', 'perverse-incentive/no-upfront=error'];
    assert.deepEqual(cached(rule), fresh(rule));
    assert.equal(cacheAt().lastRun.linted, specs() - 1);

    // A finding on a used file too large to read names the limit.
    const limit = ['--rule', 'perverse-incentive/no-upfront=error', '--max-file-size', '2'];
    assert.deepEqual(cached(limit), fresh(limit));
    assert.equal(cacheAt().lastRun.linted, specs() - 1);

    const cache = cacheAt();
    cache.version = '0.0.1';
    fs.writeFileSync(path.join(dir, '.outcomelintcache'), JSON.stringify(cache));
    assert.deepEqual(cached(rule), fresh(rule));
    assert.equal(cacheAt().lastRun.linted, specs() - 1);
  });

  it('ignores a cache that is corrupt, of another shape or unreadable, and writes it again', () => {
    const expected = fresh();
    for (const text of ['{"kind": "outcome-lint cache", "files": ', '{"files": {"x": 1}}', '[]', '\u0000\u0001', '']) {
      fs.writeFileSync(path.join(dir, '.outcomelintcache'), text);
      assert.deepEqual(cached(), expected);
      assert.deepEqual(cacheAt().lastRun, { linted: specs(), reused: 0 });
    }
    if (process.getuid?.() !== 0) {
      fs.chmodSync(path.join(dir, '.outcomelintcache'), 0o000);
      assert.deepEqual({ ...cached(), stderr: '' }, { ...expected, stderr: '' });
    }
  });

  it('keeps the cache where --cache-location says: a file, or a folder', () => {
    lint(['--cache', '--cache-location', 'tmp/lint.cache']);
    assert.equal(cacheAt('tmp/lint.cache').lastRun.linted, specs());
    const written = unchanged('tmp/lint.cache');
    lint(['--cache', '--cache-location', 'tmp/lint.cache']);
    written.check('read from tmp/lint.cache, so nothing to write');
    fs.mkdirSync(path.join(dir, 'caches'));
    lint(['--cache', '--cache-location', 'caches']);
    assert.equal(cacheAt('caches/.outcomelintcache').lastRun.linted, specs());
    assert.equal(fs.existsSync(path.join(dir, '.outcomelintcache')), false);
    assertRefused(runCli(['--cache-location', 'x', 'specs'], dir), /--cache-location names where --cache keeps its findings: give --cache too/);
    assertRefused(runCli(['--cache', '--cache-location', 'specs/flawed.outcome', 'specs'], dir), /will not write the output to .*flawed\.outcome/);
    assertRefused(runCli(['--cache', '--stdin', '--stdin-filename', 'specs/flawed.outcome'], dir, FLAWED), /--stdin lints the text on standard input: leave out --cache/);
  });

  it('drops a deleted file from the cache, and keeps the files of folders not linted in the run', () => {
    writeIn(dir, 'other/one.outcome', FLAWED);
    runCli(['--cache', 'specs', 'other'], dir);
    fs.rmSync(path.join(dir, 'specs', 'flawed.outcome'));
    lint(['--cache']);
    const files = Object.keys(cacheAt().files);
    assert.ok(!files.includes(path.join(dir, 'specs', 'flawed.outcome')));
    assert.ok(files.includes(path.join(dir, 'other', 'one.outcome')));
    assert.equal(files.length, specs() + 1);
  });

  it('--fix writes the fixes and reports, from the cache, only what the files written no longer change', () => {
    lint(['--cache']);
    const fixed = lint(['--cache', '--fix', ...everyFormat()]);
    assert.match(fixed.stderr, /applied 2 fixes in 1 file/);
    // The file --fix wrote is linted again; the others come from the cache.
    assert.deepEqual(cacheAt().lastRun, { linted: 1, reused: specs() - 1 });
    assert.deepEqual({ ...reports(fixed), stderr: '' }, { ...fresh(), stderr: '' });
  });

  it('--baseline applies to findings from the cache as to fresh ones', () => {
    lint(['--baseline', 'baseline.json', '--write-baseline', '--cache']);
    writeIn(dir, 'specs/new.outcome', FLAWED);
    const args = ['--baseline', 'baseline.json'];
    assert.deepEqual(cached(args), fresh(args));
    assert.deepEqual(cacheAt().lastRun, { linted: 1, reused: specs() - 1 });
    assert.match(cached(args).stdout, /known from the baseline/);
  });
});
