import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CLI, runCli, tempFolder, writeIn } from './support/cli-process';
import { repoRoot, samplesDir } from './support/paths';

/*
 * What docs/ci.md offers, tried: the pre-commit hooks (.pre-commit-hooks.yaml) run as
 * pre-commit runs them, the GitHub Action (action.yml) and its script, the GitLab code
 * quality report, and the plain git hook. `outcome-lint` on the PATH is the built
 * dist/cli.js, as an installed package's bin is.
 */

const CLEAN = fs.readFileSync(path.join(repoRoot, 'test/fixtures-cli/clean/plan.outcome'), 'utf8');
const SHARED = fs.readFileSync(path.join(repoRoot, 'test/fixtures-cli/clean/shared.outcome'), 'utf8');
/** An error (a second `cap`), and warnings. */
const FAILING = fs.readFileSync(path.join(samplesDir, 'reoffending.outcome'), 'utf8').replace('upfront 0%', 'upfront 0%\n  cap £1');
const VERSION = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** A folder with an `outcome-lint` command in it, for PATH. */
function binFolder(dir: string): string {
  const bin = path.join(dir, 'bin');
  writeIn(bin, 'outcome-lint', `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  fs.chmodSync(path.join(bin, 'outcome-lint'), 0o755);
  return bin;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd, encoding: 'utf8' });
}

describe('CI and hooks, as docs/ci.md offers them', function () {
  this.timeout(120_000);
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dir = tempFolder('outcome-lint-ci-');
    env = { ...process.env, PATH: `${binFolder(dir)}${path.delimiter}${process.env.PATH ?? ''}` };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('pre-commit hooks', () => {
    type Hook = { id: string; entry: string; language: string; files: string; require_serial?: boolean; args?: string[] };
    const hooks = parseYaml(fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
    const hook = (id: string): Hook => {
      const found = hooks.find((h) => h.id === id);
      assert.ok(found, `hook ${id}`);
      return found;
    };

    /** As pre-commit runs a hook: the entry's words, its args, then the staged files its `files` pattern matches. */
    function runHook(id: string, staged: readonly string[]) {
      const { entry, files, args = [] } = hook(id);
      const matched = staged.filter((f) => new RegExp(files).test(f));
      const [command, ...words] = entry.split(/\s+/);
      return { matched, run: spawnSync(command, [...words, ...args, ...matched], { cwd: dir, env, encoding: 'utf8' }) };
    }

    it('are node hooks for .outcome files, run once for all of them', () => {
      assert.deepEqual(hooks.map((h) => h.id), ['outcome-lint', 'outcome-lint-format']);
      for (const h of hooks) {
        assert.equal(h.language, 'node');
        assert.equal(h.require_serial, true);
        assert.match(h.entry, /^outcome-lint\b/);
      }
    });

    it('outcome-lint stops a commit with errors and lets a clean one through', () => {
      writeIn(dir, 'specs/plan.outcome', CLEAN);
      writeIn(dir, 'specs/shared.outcome', SHARED);
      writeIn(dir, 'specs/bad.outcome', FAILING);
      writeIn(dir, 'notes.txt', 'not a spec');
      const clean = runHook('outcome-lint', ['specs/plan.outcome', 'specs/shared.outcome', 'notes.txt']);
      assert.deepEqual(clean.matched, ['specs/plan.outcome', 'specs/shared.outcome']);
      assert.equal(clean.run.status, 0, clean.run.stdout + clean.run.stderr);
      const failing = runHook('outcome-lint', ['specs/bad.outcome', 'specs/plan.outcome']);
      assert.equal(failing.run.status, 1);
      assert.match(failing.run.stdout, /^specs\/bad\.outcome$/m);
      assert.match(failing.run.stdout, /2 files checked: 1 error,/);
    });

    it('pre-commit itself installs both hooks from this repository and runs them on staged specs', function () {
      // pre-commit clones this repository, installs it with npm (building it) and packs it:
      // minutes, once. The commit it tries is this checkout's, with any uncommitted changes.
      this.timeout(900_000);
      const work = path.join(dir, 'specs-repo');
      writeIn(work, 'specs/plan.outcome', CLEAN);
      writeIn(work, 'specs/shared.outcome', SHARED);
      writeIn(work, 'specs/bad.outcome', FAILING);
      git(work, 'init', '-q');
      git(work, 'add', '.');
      // Its own outcome-lint, not the one this test puts on the PATH.
      const preCommitEnv = { ...process.env, PRE_COMMIT_HOME: path.join(dir, 'pre-commit-home') };
      const tryHook = (id: string, files: string[]) =>
        spawnSync('pre-commit', ['try-repo', repoRoot, id, '--files', ...files], { cwd: work, env: preCommitEnv, encoding: 'utf8' });
      const failing = tryHook('outcome-lint', ['specs/bad.outcome', 'specs/plan.outcome', 'specs/shared.outcome']);
      assert.equal(failing.status, 1, failing.stdout + failing.stderr);
      assert.match(failing.stdout, /^outcome-lint\.+Failed$/m);
      assert.match(failing.stdout, /^specs\/bad\.outcome$/m);
      assert.match(failing.stdout, /3 files checked: 1 error,/);
      const format = tryHook('outcome-lint-format', ['specs/plan.outcome']);
      assert.equal(format.status, 0, format.stdout + format.stderr);
      assert.match(format.stdout, /^outcome-lint format\.+Passed$/m);
    });

    it('outcome-lint-format stops a commit of a file out of the layout, and names it', () => {
      writeIn(dir, 'plan.outcome', CLEAN);
      writeIn(dir, 'messy.outcome', CLEAN.replace(/\n {2}/g, '\n        '));
      assert.equal(runHook('outcome-lint-format', ['plan.outcome']).run.status, 0);
      const messy = runHook('outcome-lint-format', ['plan.outcome', 'messy.outcome']);
      assert.equal(messy.run.status, 1);
      assert.equal(messy.run.stdout, 'messy.outcome is not in the layout: outcome-lint format --write messy.outcome\n');
    });
  });

  describe('the GitHub Action', () => {
    type Action = { inputs: Record<string, { default: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: { id: string; run: string; env: Record<string, string> }[] } };
    const action = parseYaml(fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as Action;
    const script = path.join(repoRoot, 'scripts', 'github-action.sh');

    /** The step as the runner runs it: its env from the inputs (defaults, then `with`), GITHUB_ACTION_PATH at the action's checkout. */
    function runAction(withInputs: Record<string, string>) {
      const step = action.runs.steps[0];
      const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, i]) => [name, withInputs[name] ?? i.default]));
      const stepEnv = Object.fromEntries(
        Object.entries(step.env).map(([name, value]) => {
          const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value)?.[1];
          assert.ok(input !== undefined && input in inputs, `${name} takes an input the action declares (${value})`);
          return [name, inputs[input]];
        }),
      );
      const output = path.join(dir, 'github-output');
      fs.writeFileSync(output, '');
      const run = spawnSync('bash', ['-c', step.run], { cwd: dir, encoding: 'utf8', env: { ...env, ...stepEnv, GITHUB_ACTION_PATH: repoRoot, GITHUB_OUTPUT: output } });
      return { run, outputs: fs.readFileSync(output, 'utf8') };
    }

    it('is a composite action whose one step runs its script', () => {
      assert.equal(action.runs.using, 'composite');
      assert.equal(action.runs.steps.length, 1);
      assert.ok(action.runs.steps[0].run.includes('$GITHUB_ACTION_PATH/scripts/github-action.sh'));
      assert.ok((fs.statSync(script).mode & 0o111) !== 0, 'the script is executable');
      assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'max-warnings', 'paths', 'sarif-file']);
      assert.equal(action.outputs['sarif-file'].value, '${{ steps.lint.outputs.sarif-file }}');
    });

    it('writes SARIF and annotations in one run, and fails on errors', () => {
      writeIn(dir, 'specs/bad.outcome', FAILING);
      writeIn(dir, 'specs/drafts/worse.outcome', FAILING);
      const { run, outputs } = runAction({ paths: 'specs !specs/drafts/' });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /^::error file=specs\/bad\.outcome,line=\d+/m);
      assert.doesNotMatch(run.stdout, /drafts/);
      const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'outcome-lint.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
      const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::'));
      assert.equal(sarif.runs[0].results.length, annotations.length);
      assert.equal(outputs, 'sarif-file=outcome-lint.sarif\n');
    });

    it('passes its inputs on: max-warnings, config, and the report file', () => {
      writeIn(dir, 'clean/plan.outcome', CLEAN);
      writeIn(dir, 'clean/shared.outcome', SHARED);
      writeIn(dir, 'warned/spec.outcome', fs.readFileSync(path.join(samplesDir, 'reoffending.outcome'), 'utf8'));
      assert.equal(runAction({ paths: 'warned' }).run.status, 0, 'warnings do not fail the step unless max-warnings is given');
      const strict = runAction({ paths: 'warned', 'max-warnings': '0', 'sarif-file': 'reports.sarif' });
      assert.equal(strict.run.status, 1);
      assert.match(strict.run.stderr, /warnings found, more than --max-warnings 0 allows/);
      assert.equal(strict.outputs, 'sarif-file=reports.sarif\n');
      writeIn(dir, 'strict.json', '{ "rules": { "perverse-incentive/no-upfront": "error" } }');
      assert.equal(runAction({ paths: 'warned', config: 'strict.json' }).run.status, 1);
    });

    it('names no report, and leaves none from before, when outcome-lint cannot run', () => {
      writeIn(dir, 'outcome-lint.sarif', '{ "from": "an earlier run" }');
      const { run, outputs } = runAction({ paths: 'nowhere' });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /cannot find nowhere/);
      assert.ok(!fs.existsSync(path.join(dir, 'outcome-lint.sarif')));
      assert.equal(outputs, '');
    });
  });

  describe('GitLab code quality', () => {
    type Issue = { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number; end: number } } };
    const issues = (): Issue[] => JSON.parse(fs.readFileSync(path.join(dir, 'gl.json'), 'utf8')) as Issue[];

    it('gives one issue a finding, with a fingerprint that stays when the finding moves', () => {
      writeIn(dir, 'spec.outcome', FAILING.replace('  referral provider', '  # outcome-lint-disable-next-line perverse-incentive/creaming -- capped by the panel\n  referral provider'));
      const run = runCli(['-f', 'gitlab:gl.json', '-f', 'json', 'spec.outcome'], dir);
      assert.equal(run.status, 1, run.stderr);
      const report = JSON.parse(run.stdout) as { files: { findings: { ruleId: string; line: number; suppressed?: object }[] }[] };
      const standing = report.files[0].findings.filter((f) => !f.suppressed);
      const before = issues();
      assert.deepEqual(before.map((i) => [i.check_name, i.location.lines.begin]), standing.map((f) => [f.ruleId, f.line]));
      assert.ok(report.files[0].findings.some((f) => f.suppressed), 'a suppressed finding is left out');
      for (const issue of before) {
        assert.equal(issue.location.path, 'spec.outcome');
        assert.ok(['critical', 'major', 'info'].includes(issue.severity), issue.severity);
        assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
      }
      assert.equal(new Set(before.map((i) => i.fingerprint)).size, before.length, 'fingerprints are unique');
      writeIn(dir, 'spec.outcome', `# a line added above\n${fs.readFileSync(path.join(dir, 'spec.outcome'), 'utf8')}`);
      runCli(['-f', 'gitlab:gl.json', 'spec.outcome'], dir);
      assert.deepEqual(issues().map((i) => [i.fingerprint, i.location.lines.begin - 1]), before.map((i) => [i.fingerprint, i.location.lines.begin]));
    });
  });

  describe('docs/ci.md', () => {
    const doc = fs.readFileSync(path.join(repoRoot, 'docs/ci.md'), 'utf8');
    const block = (after: string, language: string): string => {
      const start = doc.indexOf(after);
      assert.ok(start >= 0, after);
      const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(doc.slice(start));
      assert.ok(match, `a ${language} block after ${after}`);
      return match[1];
    };

    it('names the version of this package wherever it pins one', () => {
      const pinned = [...doc.matchAll(/outcome-lint(?:@v?|\/outcome-lint@v)(\d+\.\d+\.\d+)|rev: v(\d+\.\d+\.\d+)/g)].map((m) => m[1] ?? m[2]);
      assert.ok(pinned.length >= 4);
      assert.deepEqual([...new Set(pinned)], [VERSION]);
    });

    it('the GitLab job and the plain shell write the reports they name', () => {
      writeIn(dir, 'specs/bad.outcome', FAILING);
      const job = parseYaml(block('## GitLab CI', 'yaml')) as { 'outcome-lint': { script: string[]; artifacts: { reports: Record<string, string> } } };
      const shell = block('## A plain shell', 'sh').trim();
      for (const command of [...job['outcome-lint'].script, shell]) {
        // The published package is not reachable here: `outcome-lint` on the PATH stands for it.
        const run = spawnSync('sh', ['-c', command.replace(/^npx --yes outcome-lint@\S+/, 'outcome-lint')], { cwd: dir, env, encoding: 'utf8' });
        assert.equal(run.status, 1, `${command}: ${run.stderr}`);
        assert.match(run.stdout, /^specs\/bad\.outcome$/m, 'the stylish report in the log');
      }
      const reports = job['outcome-lint'].artifacts.reports;
      assert.ok(Array.isArray(JSON.parse(fs.readFileSync(path.join(dir, reports.codequality), 'utf8'))));
      assert.match(fs.readFileSync(path.join(dir, reports.junit), 'utf8'), /^<\?xml/);
    });

    it("the plain git hook lints the commit's specs and stops a commit with errors", () => {
      git(dir, 'init', '-q');
      // npx --no-install finds the command in node_modules/.bin, as after npm install --save-dev.
      writeIn(dir, 'node_modules/.bin/outcome-lint', fs.readFileSync(path.join(dir, 'bin', 'outcome-lint')));
      fs.chmodSync(path.join(dir, 'node_modules/.bin/outcome-lint'), 0o755);
      writeIn(dir, '.gitignore', 'node_modules/\nbin/\n');
      writeIn(dir, '.git/hooks/pre-commit', block('### A plain git hook', 'sh'));
      fs.chmodSync(path.join(dir, '.git/hooks/pre-commit'), 0o755);
      writeIn(dir, 'specs/plan.outcome', CLEAN);
      writeIn(dir, 'specs/shared.outcome', SHARED);
      git(dir, 'add', '.');
      git(dir, 'commit', '-q', '-m', 'clean');
      writeIn(dir, 'specs/bad.outcome', FAILING);
      git(dir, 'add', '.');
      const refused = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'bad'], { cwd: dir, env, encoding: 'utf8' });
      assert.notEqual(refused.status, 0, 'the commit is stopped');
      // git shows a hook's output on standard error.
      assert.match(refused.stderr, /^specs\/bad\.outcome$/m);
      assert.equal(git(dir, 'log', '--oneline').trim().split('\n').length, 1);
    });
  });
});
