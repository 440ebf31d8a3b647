import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertRefused, runCli, tempFolder } from './support/cli-process';
import { samplesDir } from './support/paths';

/*
 * Several reports from one run (`--format NAME:FILE`, repeated), each the same as the run
 * that asks for it alone; and the summary line under `--quiet`.
 */

describe('cli: several reports in one run', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = tempFolder('outcome-lint-outputs-');
    fs.cpSync(samplesDir, path.join(dir, 'samples'), { recursive: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes each report where it is asked for, as a run of that format alone would', () => {
    const run = runCli(['-f', 'sarif:out/lint.sarif', '--format', 'junit:out/lint.xml', '-f', 'compact', 'samples'], dir);
    assert.equal(run.status, 2, 'the folder out/ does not exist yet: refused');
    fs.mkdirSync(path.join(dir, 'out'));
    const all = runCli(['-f', 'sarif:out/lint.sarif', '--format', 'junit:out/lint.xml', '-f', 'compact', 'samples'], dir);
    assert.equal(all.status, 1, all.stderr);
    assert.equal(all.stderr, '');
    for (const [name, file] of [['sarif', 'lint.sarif'], ['junit', 'lint.xml']]) {
      const alone = runCli(['-f', name, 'samples'], dir);
      assert.equal(fs.readFileSync(path.join(dir, 'out', file), 'utf8'), alone.stdout, name);
    }
    assert.equal(all.stdout, runCli(['-f', 'compact', 'samples'], dir).stdout);
    // The report without a file goes to --output instead.
    const toFile = runCli(['-f', 'sarif:out/again.sarif', '-f', 'json', '-o', 'out/lint.json', 'samples'], dir);
    assert.equal(toFile.stdout, '');
    assert.equal(fs.readFileSync(path.join(dir, 'out', 'lint.json'), 'utf8'), runCli(['-f', 'json', 'samples'], dir).stdout);
  });

  it('refuses two reports to one place, with one line saying so', () => {
    assertRefused(runCli(['-f', 'json', '-f', 'stylish', 'samples'], dir), /two reports would go to standard output: give each but one a file/);
    assertRefused(runCli(['-f', 'json:r.txt', '-f', 'sarif:r.txt', 'samples'], dir), /two reports would go to r\.txt/);
    assertRefused(runCli(['-f', 'sarif:r.sarif', '-o', 'r.txt', 'samples'], dir), /leave out --output/);
    assertRefused(runCli(['-f', 'sarif:', 'samples'], dir), /--format sarif: needs a file after the colon, such as --format sarif:outcome-lint\.sarif/);
    assertRefused(runCli(['-f', 'xml:r.xml', 'samples'], dir), /unknown format `xml`/);
    assertRefused(runCli(['-f', 'sarif:samples/x.outcome', 'samples'], dir), /will not write the output to samples\/x\.outcome/);
  });

  it('with --quiet, the summary says what it leaves out, so that a run failing on --max-warnings never says "no problems found"', () => {
    const run = runCli(['-q', '--max-warnings', '0', 'samples/reoffending.outcome'], dir);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '1 file checked: 0 errors (5 warnings, 0 infos not shown: --quiet)\n');
    assert.equal(run.stderr, 'outcome-lint: 5 warnings found, more than --max-warnings 0 allows\n');
    assert.match(runCli(['-q', '-f', 'compact', 'samples/reoffending.outcome'], dir).stdout, /^outcome-lint: 1 file checked: 0 errors \(5 warnings, 0 infos not shown: --quiet\)\n$/);
  });
});
