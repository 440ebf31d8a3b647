import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UsageError } from '../server/src/cli/problems';
import { writeSpec } from '../server/src/cli/write-spec';
import { repoRoot } from './support/paths';
import { sarifValidator } from './support/sarif';

/*
 * What the CLI changes in a spec, on temporary copies: `--fix` (the safe fixes only,
 * comments, line breaks and byte order mark kept, a file changed meanwhile or that
 * cannot be written left whole, a symbolic link written through), `--fix-dry-run`,
 * `format --check/--write`, outputs that never replace a spec and are written whole,
 * and `--baseline` for adopting outcome-lint on specs already signed off.
 */

const CLI = path.join(repoRoot, 'dist/cli.js');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(args: readonly string[], cwd: string, as?: { uid: number; gid: number }): Run {
  const result = spawnSync(process.execPath, [as ? path.join(cwd, '..', 'cli.js') : CLI, ...args], { cwd, encoding: 'utf8', ...(as ?? {}) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A spec with a capitalised keyword and a misspelt id (safe fixes), and no upfront share (a suggestion), with CRLF line breaks. */
const FLAWED = [
  'spec "Kingsford tenancy sustainment" {',
  '  term 2 years from 2027-04-01',
  '  budget £300,000',
  '}',
  '',
  'Cohort tenants "Council tenants with rent arrears" {  # the Kingsford pilot',
  '  eligibility {',
  '    resident in "Kingsford"',
  '    criterion "rent arrears over £500 on the rent account"',
  '  }',
  '  size 200',
  '  referral by "Housing officers"',
  '}',
  '',
  'outcome sustained "Tenancy sustained" {',
  '  for tenants',
  '  measure "tenancy in place 12 months after referral"',
  '  evidence "rent account records held by the council"',
  '}',
  '',
  'payment {',
  '  model results',
  '  upfront 0%                    # the investor funds delivery',
  '  pay £1,200 for Sustained per participant',
  '  cap £240,000',
  '}',
  '',
].join('\r\n');

const FIXED = FLAWED.replace('Cohort tenants', 'cohort tenants').replace('for Sustained', 'for sustained');

describe('the CLI changes specs with care', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-fix-')));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string | Buffer): string => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };

  describe('--fix', () => {
    it('applies the safe fixes, keeps CRLF and comments, applies no suggestion, and reports what remains', () => {
      const file = write('tenancy.outcome', FLAWED);
      const result = run(['--fix', '--format', 'json', 'tenancy.outcome'], dir);
      assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
      assert.match(result.stderr, /^outcome-lint: applied 2 fixes in 1 file; suggestions are left for you to choose\n$/);
      const report = JSON.parse(result.stdout) as { files: { findings: { ruleId: string; suggestions?: { title: string }[] }[] }[] };
      const rules = report.files[0].findings.map((f) => f.ruleId);
      assert.ok(!rules.includes('syntax/parse') && !rules.includes('structure/undefined-outcome'), rules.join(' '));
      // The suggestion is still there, for a person: `upfront 0%` is as written.
      const upfront = report.files[0].findings.find((f) => f.ruleId === 'perverse-incentive/no-upfront');
      assert.deepEqual(upfront?.suggestions?.map((s) => s.title), ['Pay 20% up front']);
      assert.match(fs.readFileSync(file, 'utf8'), /upfront 0% {20}# the investor funds delivery/);
    });

    it('never points a line at another definition: `housed_12m` is a near miss of `housed_6m`, offered as a suggestion', () => {
      const text = FIXED.replace('outcome sustained', 'outcome housed_6m').replace('for sustained', 'for housed_12m');
      const file = write('housing.outcome', text);
      const result = run(['--fix', '--format', 'json', 'housing.outcome'], dir);
      assert.equal(fs.readFileSync(file, 'utf8'), text, 'the pay line still names housed_12m');
      const report = JSON.parse(result.stdout) as { files: { findings: { ruleId: string; fixes?: unknown[]; suggestions?: { title: string }[] }[] }[] };
      const undefinedOutcome = report.files[0].findings.find((f) => f.ruleId === 'structure/undefined-outcome');
      assert.equal(undefinedOutcome?.fixes, undefined);
      assert.deepEqual(undefinedOutcome?.suggestions?.map((s) => s.title), ['Change to `housed_6m`']);
    });

    it('keeps a byte order mark, and leaves a file with nothing to fix as it was', () => {
      const marked = write('marked.outcome', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FLAWED)]));
      const clean = write('clean.outcome', FIXED);
      const cleanTime = fs.statSync(clean).mtimeMs;
      run(['--fix', '.'], dir);
      const bytes = fs.readFileSync(marked);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.equal(bytes.subarray(3).toString('utf8'), FIXED);
      assert.equal(fs.statSync(clean).mtimeMs, cleanTime, 'not written');
    });

    it('leaves a file it cannot write as it was, and exits 2', () => {
      const own = path.join(dir, 'specs');
      fs.mkdirSync(own);
      const file = path.join(own, 'tenancy.outcome');
      fs.writeFileSync(file, FLAWED);
      // Root writes anything, so as root the CLI runs as `nobody` (with a copy of the
      // bundle where `nobody` can read it); anyone else finds the file and its folder read-only.
      const root = process.getuid?.() === 0;
      if (root) {
        fs.copyFileSync(CLI, path.join(dir, 'cli.js'));
        fs.chmodSync(dir, 0o755);
      } else {
        fs.chmodSync(file, 0o444);
      }
      fs.chmodSync(own, 0o555);
      try {
        const result = run(['--fix', 'tenancy.outcome'], own, root ? { uid: 65534, gid: 65534 } : undefined);
        assert.equal(result.status, 2, result.stderr);
        assert.match(result.stderr, /^outcome-lint: cannot write tenancy\.outcome: permission denied; it is unchanged\n$/);
        assert.equal(fs.readFileSync(file, 'utf8'), FLAWED);
      } finally {
        fs.chmodSync(own, 0o755);
      }
    });

    it('writes through a symbolic link: the file it leads to is fixed, and the link stays a link', () => {
      const real = write('store/real.outcome', FLAWED);
      fs.symlinkSync(path.join('store', 'real.outcome'), path.join(dir, 'current.outcome'));
      const result = run(['--fix', 'current.outcome'], dir);
      assert.match(result.stderr, /^outcome-lint: applied 2 fixes in 1 file/);
      assert.ok(fs.lstatSync(path.join(dir, 'current.outcome')).isSymbolicLink(), 'still a link');
      assert.equal(fs.readlinkSync(path.join(dir, 'current.outcome')), path.join('store', 'real.outcome'));
      assert.equal(fs.readFileSync(real, 'utf8'), FIXED);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'store')), ['real.outcome'], 'no file left beside it');
    });

    it('does not write a file that changed since it was read', () => {
      const file = write('edited.outcome', FLAWED);
      fs.writeFileSync(file, `${FLAWED}# saved in the editor meanwhile\r\n`);
      assert.throws(() => writeSpec(file, 'edited.outcome', FLAWED, FIXED), (e: unknown) => e instanceof UsageError && /edited\.outcome changed while outcome-lint was working on it/.test(e.message));
      assert.equal(fs.readFileSync(file, 'utf8'), `${FLAWED}# saved in the editor meanwhile\r\n`);
    });
  });

  describe('--fix-dry-run', () => {
    it('prints what --fix would change as a unified diff, writes nothing, and exits 1', () => {
      const file = write('tenancy.outcome', FLAWED);
      const result = run(['--fix-dry-run', '.'], dir);
      assert.equal(result.status, 1);
      assert.equal(fs.readFileSync(file, 'utf8'), FLAWED);
      assert.match(result.stdout, /^--- a\/tenancy\.outcome\n\+\+\+ b\/tenancy\.outcome\n@@ /);
      assert.match(result.stdout, /^-Cohort tenants/m);
      assert.match(result.stdout, /^\+cohort tenants/m);
      assert.match(result.stdout, /^\+ {2}pay £1,200 for sustained per participant/m);
      assert.doesNotMatch(result.stdout, /upfront 20%/);
    });

    it('writes the diff to --output, and no spec', () => {
      const file = write('tenancy.outcome', FLAWED);
      const result = run(['--fix-dry-run', '--output', 'fixes.diff', '.'], dir);
      assert.deepEqual([result.status, result.stdout, result.stderr], [1, '', '']);
      assert.equal(fs.readFileSync(file, 'utf8'), FLAWED);
      assert.match(fs.readFileSync(path.join(dir, 'fixes.diff'), 'utf8'), /^--- a\/tenancy\.outcome\n\+\+\+ b\/tenancy\.outcome\n@@ [\s\S]*^\+cohort tenants/m);
    });

    it('prints nothing and exits 0 when there is nothing to fix', () => {
      write('clean.outcome', FIXED);
      assert.deepEqual(run(['--fix-dry-run', '.'], dir), { status: 0, stdout: '', stderr: '' });
    });
  });

  describe('format', () => {
    const MESSY = 'cohort c {size 3   # how many\r\n}\r\noutcome o "O" { for c }\r\n';
    const TIDY = 'cohort c {\r\n  size 3  # how many\r\n}\r\n\r\noutcome o "O" {\r\n  for c\r\n}\r\n';

    it('--check names each file not in the layout and exits 1; --write puts it there, keeping CRLF and a byte order mark', () => {
      write('messy.outcome', MESSY);
      const marked = write('marked.outcome', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MESSY)]));
      write('tidy.outcome', TIDY);
      const check = run(['format', '--check', '.'], dir);
      assert.deepEqual([check.status, check.stdout], [
        1,
        'marked.outcome is not in the layout: outcome-lint format --write marked.outcome\nmessy.outcome is not in the layout: outcome-lint format --write messy.outcome\n',
      ]);
      const written = run(['format', '--write', '.'], dir);
      assert.deepEqual([written.status, written.stderr], [0, 'outcome-lint: formatted 2 files\n']);
      assert.equal(fs.readFileSync(path.join(dir, 'messy.outcome'), 'utf8'), TIDY);
      assert.equal(fs.readFileSync(marked, 'utf8'), `\uFEFF${TIDY}`);
      assert.deepEqual(run(['format', '--check', '.'], dir), { status: 0, stdout: '', stderr: '' });
    });

    it('prints one file formatted, as the editor would format it', () => {
      write('messy.outcome', MESSY);
      assert.deepEqual(run(['format', 'messy.outcome'], dir), { status: 0, stdout: TIDY, stderr: '' });
    });

    it('--write writes through a symbolic link, which stays a link', () => {
      const real = write('store/messy.outcome', MESSY);
      fs.symlinkSync(path.join(dir, 'store', 'messy.outcome'), path.join(dir, 'messy.outcome'));
      assert.deepEqual(run(['format', '--write', 'messy.outcome'], dir), { status: 0, stdout: '', stderr: 'outcome-lint: formatted 1 file\n' });
      assert.ok(fs.lstatSync(path.join(dir, 'messy.outcome')).isSymbolicLink(), 'still a link');
      assert.equal(fs.readFileSync(real, 'utf8'), TIDY);
    });

    it('--write reads every file before it writes one: a file it cannot read stops the run with every file as it was', () => {
      write('a.outcome', MESSY);
      write('b.outcome', Buffer.concat([Buffer.from('cohort b {\n  size 3 # '), Buffer.from([0xa3]), Buffer.from('\n}\n')]));
      write('c.outcome', MESSY);
      const result = run(['format', '--write', '.'], dir);
      assert.deepEqual([result.status, result.stderr], [2, 'outcome-lint: b.outcome is not UTF-8 text: the byte 0xA3 at line 2, column 12 is not valid UTF-8; save the file as UTF-8\n']);
      assert.equal(fs.readFileSync(path.join(dir, 'a.outcome'), 'utf8'), MESSY);
      assert.equal(fs.readFileSync(path.join(dir, 'c.outcome'), 'utf8'), MESSY);
    });

    it('never formats a file with a syntax error: exit 2, the file as it was', () => {
      const broken = write('broken.outcome', 'cohort c { size }\n');
      const result = run(['format', '--write', '.'], dir);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^outcome-lint: cannot format broken\.outcome: fix the syntax errors first/);
      assert.equal(fs.readFileSync(broken, 'utf8'), 'cohort c { size }\n');
    });
  });

  describe('outputs', () => {
    /** Exit code 2, one line on standard error, nothing on standard output. */
    const refusedWith = (result: Run, message: string): void => {
      assert.deepEqual([result.status, result.stderr, result.stdout], [2, `outcome-lint: ${message}\n`, '']);
    };

    it('never replace a specification the command reads, through any path or link, nor any .outcome file', () => {
      const spec = write('b.outcome', FLAWED);
      write('old.outcome', FLAWED);
      fs.symlinkSync('b.outcome', path.join(dir, 'report.md'));
      const reads = (target: string): string => `will not write the output to ${target}: it is a specification this command reads; name another file`;
      const named = (target: string): string => `will not write the output to ${target}: a name ending in .outcome is a specification's; name another file`;
      refusedWith(run(['report', 'b.outcome', '--markdown', 'b.outcome'], dir), reads('b.outcome'));
      refusedWith(run(['report', 'b.outcome', '--html', './b.outcome'], dir), reads('./b.outcome'));
      refusedWith(run(['report', 'b.outcome', '--markdown', 'report.md'], dir), reads('report.md'));
      refusedWith(run(['b.outcome', '--output', 'b.outcome'], dir), reads('b.outcome'));
      refusedWith(run(['b.outcome', '--baseline', 'b.outcome', '--write-baseline'], dir), reads('b.outcome'));
      refusedWith(run(['export', '--indigo', 'b.outcome', '-o', 'b.outcome'], dir), reads('b.outcome'));
      refusedWith(run(['diff', 'old.outcome', 'b.outcome', '--output', 'old.outcome'], dir), reads('old.outcome'));
      refusedWith(run(['b.outcome', '--output', 'lint.outcome'], dir), named('lint.outcome'));
      refusedWith(run(['--list-rules', '--output', 'rules.outcome'], dir), named('rules.outcome'));
      // Refused before --fix writes anything.
      refusedWith(run(['--fix', 'b.outcome', '--output', 'b.outcome'], dir), reads('b.outcome'));
      assert.equal(fs.readFileSync(spec, 'utf8'), FLAWED);
      assert.ok(!fs.existsSync(path.join(dir, 'lint.outcome')) && !fs.existsSync(path.join(dir, 'rules.outcome')));
      assert.ok(fs.lstatSync(path.join(dir, 'report.md')).isSymbolicLink());
    });

    it('are written whole or not at all: a write that fails half way leaves the earlier output as it was', () => {
      write('tenancy.outcome', FLAWED);
      const earlier = write('report.md', '# The report of last week\n');
      // A limit of 512 bytes a file for the run (ulimit -f counts blocks of 512 bytes): the report is longer.
      const result = spawnSync('sh', ['-c', `ulimit -f 1; exec "${process.execPath}" "${CLI}" report tenancy.outcome --markdown report.md`], { cwd: dir, encoding: 'utf8' });
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /^outcome-lint: cannot write report\.md: /);
      assert.equal(fs.readFileSync(earlier, 'utf8'), '# The report of last week\n');
      assert.deepEqual(fs.readdirSync(dir).sort(), ['report.md', 'tenancy.outcome'], 'no file left beside it');
    });
  });

  describe('--baseline', () => {
    it('counts known findings apart, matched by text not line, keeps their reasons, and fails only on new ones', () => {
      const file = write('specs/tenancy.outcome', FIXED);
      const first = run(['--baseline', 'baseline.json', '--write-baseline', 'specs'], dir);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stderr, /^outcome-lint: wrote \d+ known findings to baseline\.json\n$/);
      const baseline = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8')) as { findings: { file: string; rule: string; reason: string }[] };
      assert.ok(baseline.findings.every((f) => f.file === 'specs/tenancy.outcome'));
      // A reviewer gives the real reason for one.
      const upfront = baseline.findings.find((f) => f.rule === 'perverse-incentive/no-upfront')!;
      upfront.reason = 'signed off: the investor funds delivery';
      fs.writeFileSync(path.join(dir, 'baseline.json'), JSON.stringify(baseline));

      // Lines added above every finding: still known.
      fs.writeFileSync(file, `# Reviewed in January.\r\n# Owner: housing commissioning.\r\n${FIXED}`);
      const known = run(['--baseline', 'baseline.json', '--format', 'json', 'specs'], dir);
      assert.equal(known.status, 0, known.stdout);
      const report = JSON.parse(known.stdout) as { files: { findings: { ruleId: string; suppressed?: { reason: string; by: string } }[] }[]; summary: { known: number; warnings: number } };
      assert.equal(report.summary.warnings, 0);
      assert.equal(report.summary.known, baseline.findings.length);
      assert.deepEqual(report.files[0].findings.find((f) => f.ruleId === 'perverse-incentive/no-upfront')?.suppressed, { reason: 'signed off: the investor funds delivery', by: 'baseline' });
      assert.match(run(['--baseline', 'baseline.json', 'specs'], dir).stdout, /known from the baseline/);

      // A new finding fails the run, and is the only one shown.
      fs.writeFileSync(file, `${FIXED}requirement "The provider must run 12 weekly group sessions"\r\n`);
      const fresh = run(['--baseline', 'baseline.json', '--format', 'compact', 'specs'], dir);
      assert.equal(fresh.status, 0, 'a warning fails nothing without --max-warnings');
      assert.deepEqual(fresh.stdout.split('\n').filter((l) => l.includes('.outcome:')).map((l) => /\[(.*)\]$/.exec(l)?.[1]), ['over-prescription/method']);
      assert.equal(run(['--baseline', 'baseline.json', '--max-warnings', '0', 'specs'], dir).status, 1);

      // Written again: the reason given is kept, the new finding gets a date to replace.
      run(['--baseline', 'baseline.json', '--write-baseline', 'specs'], dir);
      const again = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8')) as { findings: { rule: string; reason: string }[] };
      assert.equal(again.findings.find((f) => f.rule === 'perverse-incentive/no-upfront')?.reason, 'signed off: the investor funds delivery');
      assert.match(again.findings.find((f) => f.rule === 'over-prescription/method')!.reason, /^known when the baseline was written on \d{4}-\d\d-\d\d/);
    });

    it('written for some files, keeps the entries, with their reasons, of the files not linted in that run', () => {
      write('specs/one.outcome', FIXED);
      write('specs/two.outcome', FIXED);
      assert.equal(run(['--baseline', 'baseline.json', '--write-baseline', 'specs'], dir).status, 0);
      type Baseline = { findings: { file: string; rule: string; message: string; reason: string }[] };
      const all = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8')) as Baseline;
      const two = all.findings.filter((f) => f.file === 'specs/two.outcome');
      assert.ok(two.length > 0);
      two[0].reason = 'signed off with the council in March';
      fs.writeFileSync(path.join(dir, 'baseline.json'), JSON.stringify(all));

      const one = run(['--baseline', 'baseline.json', '--write-baseline', 'specs/one.outcome'], dir);
      assert.equal(one.status, 0, one.stderr);
      assert.equal(one.stderr, `outcome-lint: wrote ${all.findings.length} known findings to baseline.json (${two.length} entries of files not linted in this run kept as they were)\n`);
      const again = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8')) as Baseline;
      assert.deepEqual(again.findings, all.findings);
      // Still known: the run over both files finds nothing new.
      const both = run(['--baseline', 'baseline.json', '--max-warnings', '0', 'specs'], dir);
      assert.equal(both.status, 0, both.stdout);
    });

    it('says what is wrong with a baseline that is not one, and exits 2', () => {
      write('a.outcome', FIXED);
      write('bad.json', '{ "findings": [ { "file": "a.outcome", "rule": "x/y", "message": "m" } ] }');
      const result = run(['--baseline', 'bad.json', '.'], dir);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^outcome-lint: invalid baseline bad\.json: `findings\.0\.reason`: /);
      assert.match(run(['--baseline', 'missing.json', '.'], dir).stderr, /cannot read the baseline missing\.json: it does not exist \(write it with --write-baseline\)/);
    });
  });

  it('shows fixes and suggestions in JSON and SARIF (valid against the schema), a suggestion marked as such', () => {
    write('tenancy.outcome', FLAWED);
    const json = JSON.parse(run(['--format', 'json', '.'], dir).stdout) as { files: { findings: { ruleId: string; fixes?: unknown[]; suggestions?: unknown[] }[] }[] };
    const byRule = new Map(json.files[0].findings.map((f) => [f.ruleId, f]));
    assert.deepEqual(byRule.get('structure/undefined-outcome')?.fixes, [
      { title: 'Change to `sustained`', edits: [{ line: 24, column: 18, endLine: 24, endColumn: 27, text: 'sustained' }] },
    ]);
    assert.equal(byRule.get('perverse-incentive/no-upfront')?.fixes, undefined);
    const sarif = JSON.parse(run(['--format', 'sarif', '.'], dir).stdout) as { runs: { results: { ruleId: string; fixes?: { description: { text: string }; properties: { safe: boolean } }[] }[] }[] };
    const validate = sarifValidator();
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
    const results = new Map(sarif.runs[0].results.map((r) => [r.ruleId, r]));
    assert.equal(results.get('structure/undefined-outcome')?.fixes?.[0].properties.safe, true);
    const suggestion = results.get('perverse-incentive/no-upfront')?.fixes?.[0];
    assert.equal(suggestion?.properties.safe, false);
    assert.match(suggestion!.description.text, /a suggestion: it changes what the spec says/);
  });
});
