import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Session } from '../server/src/lsp/session';
import { assertRefused, CliRun, runCli, tempFolder, writeIn } from './support/cli-process';
import { samplesDir } from './support/paths';

/*
 * Which settings a spec is linted with: the nearest .outcomelintrc.json from its folder up
 * to the top of its repository (or the root of the file system), whatever folder the
 * command runs in or the editor has open, with what it `extends` under it.
 */

/** Pays nothing up front (`perverse-incentive/no-upfront`, a warning) and has a management fee of 20% (`perverse-incentive/prime-top-slice` above 15). */
const SPEC = fs.readFileSync(path.join(samplesDir, 'reoffending.outcome'), 'utf8');

type Printed = { files: string[]; rules: Record<string, unknown> };

function printed(run: CliRun): Printed {
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as Printed;
}

function rulesFound(run: CliRun): string[] {
  assert.ok(run.status === 0 || run.status === 1, `exit code ${run.status} (stderr: ${run.stderr})`);
  return [...new Set((JSON.parse(run.stdout) as { files: { findings: { ruleId: string }[] }[] }).files.flatMap((f) => f.findings.map((x) => x.ruleId)))].sort();
}

describe('settings: the nearest file up to the top of the repository, and extends', function () {
  this.timeout(60_000);
  let top: string;
  let repo: string;
  beforeEach(() => {
    top = tempFolder('outcome-lint-lookup-');
    repo = path.join(top, 'repo');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
  });
  afterEach(() => fs.rmSync(top, { recursive: true, force: true }));

  it('gives a spec the same verdict from any folder, and reads nothing above the repository', () => {
    // Above the repository: never read (it would turn every rule off).
    writeIn(top, '.outcomelintrc.json', '{ "rules": { "perverse-incentive/creaming": "off" } }');
    writeIn(repo, '.outcomelintrc.json', '{ "rules": { "perverse-incentive/no-upfront": "off" } }');
    writeIn(repo, 'work/sub/x.outcome', SPEC);
    const fromWork = rulesFound(runCli(['--format', 'json', 'sub/x.outcome'], path.join(repo, 'work')));
    const fromSub = rulesFound(runCli(['--format', 'json', 'x.outcome'], path.join(repo, 'work', 'sub')));
    assert.deepEqual(fromSub, fromWork);
    assert.ok(!fromWork.includes('perverse-incentive/no-upfront'), 'the repository top settings apply');
    assert.ok(fromWork.includes('perverse-incentive/creaming'), 'the settings above the repository are not read');
    assert.deepEqual(printed(runCli(['--print-config', 'x.outcome'], path.join(repo, 'work', 'sub'))).files, [path.join(repo, '.outcomelintrc.json')], 'outside the current folder, by its absolute path');
    // The editor, with only work/sub open, finds the same file.
    const session = new Session();
    session.project.setRoots([path.join(repo, 'work', 'sub')]);
    assert.deepEqual(session.project.settingsFiles(path.join(repo, 'work', 'sub', 'x.outcome')), [path.join(repo, '.outcomelintrc.json')]);
  });

  it('extends a file by its relative path and a package by its name, each under the one that extends it', () => {
    writeIn(repo, 'node_modules/@acme/outcome-settings/package.json', '{ "name": "@acme/outcome-settings", "main": "base.json" }');
    writeIn(repo, 'node_modules/@acme/outcome-settings/base.json', '{ "rules": { "perverse-incentive/creaming": "off", "perverse-incentive/prime-top-slice": { "severity": "error", "maximumFee": 25 } } }');
    writeIn(repo, 'node_modules/@acme/outcome-settings/strict.json', '{ "rules": { "resilience/no-review": "error" } }');
    writeIn(repo, 'shared/team.json', '{ "extends": ["@acme/outcome-settings", "@acme/outcome-settings/strict.json"], "rules": { "perverse-incentive/no-upfront": "error" }, "ignores": ["drafts/"] }');
    writeIn(repo, 'specs/.outcomelintrc.json', '{ "extends": "../shared/team.json", "rules": { "perverse-incentive/prime-top-slice": "warning", "perverse-incentive/no-upfront": "info" } }');
    writeIn(repo, 'specs/x.outcome', SPEC);
    writeIn(repo, 'shared/drafts/y.outcome', SPEC);
    const config = printed(runCli(['--print-config', 'specs/x.outcome'], repo));
    assert.deepEqual(config.files, ['specs/.outcomelintrc.json', 'shared/team.json', 'node_modules/@acme/outcome-settings/base.json', 'node_modules/@acme/outcome-settings/strict.json']);
    assert.equal(config.rules['perverse-incentive/creaming'], 'off');
    assert.equal(config.rules['resilience/no-review'], 'error');
    assert.equal(config.rules['perverse-incentive/no-upfront'], 'info', 'the extending file wins');
    assert.deepEqual(config.rules['perverse-incentive/prime-top-slice'], { severity: 'warning', maximumFee: 25 }, 'a severity alone keeps the options under it');
    // The `ignores` of an extended file are relative to that file: shared/drafts/, not specs/drafts/.
    writeIn(repo, 'specs/drafts/z.outcome', SPEC);
    const session = new Session();
    session.project.setRoots([repo]);
    assert.equal(session.project.ignoredBy(path.join(repo, 'specs', 'drafts', 'z.outcome')), undefined);
    assert.deepEqual(session.project.settingsFiles(path.join(repo, 'specs', 'x.outcome')).map((f) => path.relative(repo, f)), config.files);
  });

  it('refuses an extends it cannot follow, at its place, and lints nothing', () => {
    writeIn(repo, 'x.outcome', SPEC);
    const refusedWith = (settings: string, pattern: RegExp): void => {
      writeIn(repo, '.outcomelintrc.json', settings);
      assertRefused(runCli([], repo), pattern);
    };
    refusedWith('{ "extends": "../../outside.json" }', /invalid config at \.outcomelintrc\.json:1:14: `extends` "\.\.\/\.\.\/outside\.json": it is outside .*, the top of the repository/);
    refusedWith('{ "extends": "./missing.json" }', /1:14: `extends` "\.\/missing\.json": there is no such file/);
    refusedWith('{ "extends": "./settings.js" }', /name a JSON settings file/);
    refusedWith('{ "extends": "@acme/nowhere" }', /there is no package @acme\/nowhere in a node_modules folder/);
    writeIn(repo, 'node_modules/code-settings/package.json', '{ "main": "index.js" }');
    refusedWith('{ "extends": "code-settings" }', /index\.js is not a JSON file: shared settings are data, never code/);
    // A mistake in the extended file is reported in that file, at its place.
    writeIn(repo, 'base.json', '{\n  "rules": { "nope": "off" }\n}');
    refusedWith('{ "extends": "./base.json" }', /invalid config at base\.json:2:14: `nope` is not a setting of `rules`/);
    // A circle.
    writeIn(repo, 'a.json', '{ "extends": "./b.json" }');
    writeIn(repo, 'b.json', '{ "extends": "./a.json" }');
    refusedWith('{ "extends": "./a.json" }', /invalid config at b\.json:1:14: `extends` "\.\/a\.json" goes round in a circle: a\.json → b\.json → a\.json/);
  });
});
