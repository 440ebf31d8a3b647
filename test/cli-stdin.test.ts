import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertRefused, CliRun, runCli, tempFolder, writeIn } from './support/cli-process';
import { samplesDir } from './support/paths';

/*
 * `outcome-lint --stdin --stdin-filename PATH`: a pre-commit hook piping what is staged,
 * or an editor piping its buffer. The name decides the settings, what `use` lines reach
 * and the name in the report; the text is what is linted, whatever is on disk.
 */

const sample = (name: string): string => fs.readFileSync(path.join(samplesDir, name), 'utf8');

interface JsonReport {
  files: { path: string; findings: { ruleId: string; line: number; message: string }[] }[];
}

function report(run: CliRun): JsonReport {
  assert.ok(run.status === 0 || run.status === 1, `exit code ${run.status} (stderr: ${run.stderr})`);
  return JSON.parse(run.stdout) as JsonReport;
}


describe('cli: --stdin', function () {
  this.timeout(60_000);
  let top: string;
  before(() => {
    top = tempFolder('outcome-lint-stdin-');
    writeIn(top, 'specs/.outcomelintrc.json', '{ "rules": { "perverse-incentive/no-upfront": "off" } }');
    writeIn(top, 'specs/shared-cohorts.outcome', sample('shared-cohorts.outcome'));
    writeIn(top, 'specs/homelessness.outcome', sample('homelessness.outcome'));
  });
  after(() => fs.rmSync(top, { recursive: true, force: true }));

  it('reports what the file on disk would give, under its name, with its settings and its `use` lines', () => {
    const text = sample('homelessness.outcome');
    const piped = report(runCli(['--format', 'json', '--stdin', '--stdin-filename', 'specs/homelessness.outcome'], top, text));
    const onDisk = report(runCli(['--format', 'json', 'specs/homelessness.outcome'], top));
    assert.deepEqual(piped, onDisk);
    assert.deepEqual(piped.files.map((f) => f.path), ['specs/homelessness.outcome']);
    assert.ok(!piped.files[0].findings.some((f) => f.ruleId === 'structure/unresolved-use'), 'the used file is read from beside the name');
  });

  it('lints the text piped in, not the file on disk, and needs no file there', () => {
    const text = sample('reoffending.outcome');
    const staged = report(runCli(['--format', 'json', '--stdin', '--stdin-filename', 'specs/homelessness.outcome'], top, text));
    const reoffending = report(runCli(['--format', 'json', '--stdin', '--stdin-filename', 'specs/not-yet-saved.outcome'], top, text));
    assert.deepEqual(reoffending.files.map((f) => f.path), ['specs/not-yet-saved.outcome']);
    const what = (r: JsonReport) => r.files[0].findings.map((f) => `${f.line} ${f.ruleId} ${f.message}`);
    assert.deepEqual(what(staged), what(reoffending));
    assert.ok(what(staged).length > 0);
    // The settings of specs/ apply: the rule they turn off finds nothing.
    assert.ok(!staged.files[0].findings.some((f) => f.ruleId === 'perverse-incentive/no-upfront'));
    const elsewhere = report(runCli(['--format', 'json', '--stdin', '--stdin-filename', 'other/reoffending.outcome'], top, text));
    assert.ok(elsewhere.files[0].findings.some((f) => f.ruleId === 'perverse-incentive/no-upfront'), 'outside specs/, the rule runs');
  });

  it('shows what --fix would change in the text, as a diff of the file named', () => {
    const run = runCli(['--fix-dry-run', '--stdin', '--stdin-filename', 'specs/x.outcome'], top, sample('reoffending.outcome').replace('cohort short-sentence', 'Cohort short-sentence'));
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^--- a\/specs\/x\.outcome\n\+\+\+ b\/specs\/x\.outcome\n/);
    assert.match(run.stdout, /^-Cohort short-sentence/m);
    assert.match(run.stdout, /^\+cohort short-sentence/m);
  });

  it('is refused, with one line saying why, when it cannot stand for a file', () => {
    assertRefused(runCli(['--stdin'], top, ''), /--stdin needs --stdin-filename PATH/);
    assertRefused(runCli(['--stdin-filename', 'a.outcome'], top, ''), /give --stdin too/);
    assertRefused(runCli(['--stdin', '--stdin-filename', 'a.outcome', 'specs'], top, ''), /--stdin lints the text on standard input: leave out the paths/);
    assertRefused(runCli(['--stdin', '--stdin-filename', 'a.outcome', '--fix'], top, ''), /leave out --fix/);
    assertRefused(runCli(['--stdin', '--stdin-filename', 'specs'], top, ''), /--stdin-filename specs is a folder/);
    assertRefused(runCli(['--stdin', '--stdin-filename', 'a.outcome'], top, Buffer.from([0x63, 0xa3, 0x0a])), /standard input is not UTF-8 text: the byte 0xA3 at line 1, column 2/);
  });
});
