import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Session } from '../server/src/lsp/session';
import { assertRefused, CliRun, runCli, tempFolder, writeIn } from './support/cli-process';
import { samplesDir } from './support/paths';

/*
 * What the ignores leave out (host/ignores.ts): `.gitignore` files, the `ignores` of
 * .outcomelintrc.json, `--ignore-pattern` and `!glob`, for every way of naming files, and
 * in the language server as on the command line. test/front-ends.test.ts runs both on
 * one tree and compares the files and their settings.
 */

const SPEC = fs.readFileSync(path.join(samplesDir, 'reoffending.outcome'), 'utf8');

function linted(run: CliRun): string[] {
  assert.ok(run.status === 0 || run.status === 1, `exit code ${run.status} (stderr: ${run.stderr})`);
  return (JSON.parse(run.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
}


describe('ignores', function () {
  this.timeout(60_000);
  let top: string;
  before(() => {
    top = tempFolder('outcome-lint-ignores-');
    fs.mkdirSync(path.join(top, '.git'));
    writeIn(top, '.gitignore', 'dist/\n');
    writeIn(top, 'a.outcome', SPEC);
    writeIn(top, 'dist/built.outcome', SPEC);
    writeIn(top, 'specs/b.outcome', SPEC);
    writeIn(top, 'specs/drafts/c.outcome', SPEC);
    writeIn(top, 'specs/old/d.outcome', SPEC);
  });
  after(() => fs.rmSync(top, { recursive: true, force: true }));

  const json = (...args: string[]): CliRun => runCli(['--format', 'json', ...args], top);

  it('.gitignore leaves files out unless --no-gitignore', () => {
    assert.deepEqual(linted(json()), ['a.outcome', 'specs/b.outcome', 'specs/drafts/c.outcome', 'specs/old/d.outcome']);
    assert.deepEqual(linted(json('--no-gitignore')), ['a.outcome', 'dist/built.outcome', 'specs/b.outcome', 'specs/drafts/c.outcome', 'specs/old/d.outcome']);
  });

  it('--ignore-pattern and !pattern leave out the same files, relative to the current folder', () => {
    const expected = ['a.outcome', 'specs/b.outcome', 'specs/old/d.outcome'];
    assert.deepEqual(linted(json('--ignore-pattern', 'specs/drafts/')), expected);
    assert.deepEqual(linted(json('.', '!specs/drafts/')), expected);
    assert.deepEqual(linted(json('!specs/drafts/')), expected, 'with only a !pattern, the current folder is linted');
    assert.deepEqual(linted(json('--ignore-pattern', 'drafts/', '--ignore-pattern', 'old')), ['a.outcome', 'specs/b.outcome']);
    // A later kind of pattern takes back what a .gitignore left out.
    assert.deepEqual(linted(json('--ignore-pattern', '!dist/')), ['a.outcome', 'dist/built.outcome', 'specs/b.outcome', 'specs/drafts/c.outcome', 'specs/old/d.outcome']);
  });

  it('leave out files named on the command line and matched by a glob, with a line saying why', () => {
    const named = json('a.outcome', 'dist/built.outcome');
    assert.deepEqual(linted(named), ['a.outcome']);
    assert.equal(named.stderr, 'outcome-lint: dist/built.outcome is ignored (by .gitignore), and not linted\n');
    assert.deepEqual(linted(json('**/*.outcome', '!specs/')), ['a.outcome']);
    const piped = runCli(['--format', 'json', '--stdin', '--stdin-filename', 'dist/x.outcome'], top, SPEC);
    assert.deepEqual(linted(piped), []);
    assert.equal(piped.status, 0);
    assert.match(piped.stderr, /dist\/x\.outcome is ignored \(by \.gitignore\)/);
  });

  it('the `ignores` of the settings apply where those settings do, relative to their file', () => {
    const dir = tempFolder('outcome-lint-ignores-settings-');
    try {
      writeIn(dir, '.outcomelintrc.json', '{ "ignores": ["drafts/", "*.old.outcome"] }');
      writeIn(dir, 'drafts/a.outcome', SPEC);
      writeIn(dir, 'b.old.outcome', SPEC);
      writeIn(dir, 'c.outcome', SPEC);
      writeIn(dir, 'team/.outcomelintrc.json', '{ "ignores": ["/only-here.outcome"] }');
      writeIn(dir, 'team/d.old.outcome', SPEC);
      writeIn(dir, 'team/only-here.outcome', SPEC);
      assert.deepEqual(linted(runCli(['--format', 'json'], dir)), ['c.outcome', 'team/d.old.outcome']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a folder or glob whose specs are all left out stops the run, saying so', () => {
    assertRefused(json('dist'), /no \.outcome files in the folder dist that the ignores leave in/);
    assertRefused(json('specs/drafts/*.outcome', '!specs/drafts/'), /no \.outcome files match specs\/drafts\/\*\.outcome that the ignores leave in/);
    assertRefused(json('--ignore-pattern', '../x'), /ignore pattern `\.\.\/x`: .*cannot reach above it/);
  });

  it('a mistake in `ignores` is reported at its place', () => {
    const dir = tempFolder('outcome-lint-ignores-bad-');
    try {
      writeIn(dir, '.outcomelintrc.json', '{\n  "ignores": ["ok/", "../up/"]\n}\n');
      writeIn(dir, 'a.outcome', SPEC);
      assertRefused(runCli([], dir), /invalid config at \.outcomelintrc\.json:2:22: `ignores\.1`: a pattern is relative to the folder of the settings file, and cannot reach above it/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the language server leaves out the same files, and finds them again when a .gitignore changes', async () => {
    const session = new Session();
    session.project.setRoots([top]);
    const files = async (): Promise<string[]> => (await session.scan()).map((f) => path.relative(top, f)).sort();
    assert.deepEqual(await files(), ['a.outcome', 'specs/b.outcome', 'specs/drafts/c.outcome', 'specs/old/d.outcome']);
    const ignored = path.join(top, 'dist', 'built.outcome');
    session.open(`file://${ignored}`, SPEC);
    assert.equal(session.lint(ignored), undefined, 'an ignored file is not linted, even when open');
    writeIn(top, 'specs/.gitignore', 'old/\n');
    try {
      session.settingsChanged();
      assert.deepEqual(await files(), ['a.outcome', 'specs/b.outcome', 'specs/drafts/c.outcome']);
      assert.ok(!session.isKnown(path.join(top, 'specs', 'old', 'd.outcome')));
    } finally {
      fs.rmSync(path.join(top, 'specs', '.gitignore'));
    }
  });
});
