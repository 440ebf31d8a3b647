import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileLinter, Linted } from '../server/src/cli/file-linter';
import { AUTO_CHARACTERS_PER_THREAD, lintOnThreads, threadsFor, WorkerJob } from '../server/src/cli/lint-workers';
import { displayPath } from '../server/src/cli/output';
import { Project } from '../server/src/host/project';
import { catalogue } from '../server/src/rules/catalogue';
import { assertRefused, CLI, CliRun, runCli, tempFolder } from './support/cli-process';
import { repoRoot, samplesDir } from './support/paths';

/*
 * `--concurrency`: files linted on worker threads give the report the main thread alone
 * gives, and `auto` starts workers only where they pay (cli/lint-workers.ts).
 */

describe('cli: linting on worker threads (--concurrency)', () => {
  it('the samples and the fixtures, on 3 threads: the report of one thread, byte for byte', () => {
    const dir = tempFolder('outcome-lint-concurrency-');
    try {
      const lint = (concurrency: string): { run: CliRun; report: string } => {
        const report = path.join(dir, `${concurrency}.json`);
        const run = runCli(['--concurrency', concurrency, '--format', 'json', '--output', report, 'samples', 'test/fixtures'], repoRoot);
        return { run, report: fs.readFileSync(report, 'utf8') };
      };
      const one = lint('off');
      const three = lint('3');
      assert.ok((JSON.parse(one.report) as { files: unknown[] }).files.length > 100, 'many files, so that the workers take some');
      assert.equal(three.report, one.report);
      assert.deepEqual(three.run, one.run);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a worker lints the files it takes as the main thread would, with places in other files named from the current folder', async () => {
    const settings = { workingFolder: repoRoot, ignorePatterns: [], gitignore: true };
    // The samples, and fixtures whose findings name places in files they `use`.
    const fixtures = path.join(repoRoot, 'test', 'fixtures');
    const roots = [samplesDir, fixtures];
    const inFolder = (folder: string): string[] => fs.readdirSync(folder).filter((f) => f.endsWith('.outcome')).map((f) => path.join(folder, f));
    const files = [samplesDir, path.join(fixtures, 'model'), path.join(fixtures, 'rules', 'perverse-incentive', 'parking')].flatMap(inFolder).sort();
    const shown = (file: string): string => displayPath(file, repoRoot);
    const alone = new FileLinter(new Project({ ...settings, rules: catalogue, roots }), shown);
    const expected = files.map((file) => alone.lint(file));
    assert.ok(expected.some((l, i) => l.findings.some((f) => f.related.some((r) => r.file !== files[i]))), 'some finding names a place in another file');

    // The main thread here is slow (0.3 s a file), so that the worker, once started, takes most of them.
    const main = new FileLinter(new Project({ ...settings, rules: catalogue, roots }), shown);
    let lintedHere = 0;
    const slow = {
      lint(file: string): Linted {
        lintedHere++;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
        return main.lint(file);
      },
    };
    const job: WorkerJob = { settings, roots, cwd: repoRoot, files };
    const linted = await lintOnThreads(job, 2, slow, CLI);
    assert.ok(lintedHere < files.length, `the worker linted ${files.length - lintedHere} of ${files.length} files`);
    assert.deepEqual(linted, expected);
  });

  describe('a worker that fails', () => {
    let dir: string;
    before(() => (dir = tempFolder('outcome-lint-workers-')));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** A worker program that takes one file as a lint worker does, then does `then` (in the worker's scope: `index`, `parentPort`). */
    const workerProgram = (name: string, then: string): string => {
      const file = path.join(dir, name);
      const modules = path.join(repoRoot, 'out', 'server', 'src', 'cli', 'lint-workers.js');
      fs.writeFileSync(
        file,
        `const { workerData, parentPort } = require('node:worker_threads');\nconst { nextFile } = require(${JSON.stringify(modules)});\nconst index = nextFile(workerData.counters, workerData.files.length, workerData.slot);\n${then}\n`,
      );
      return file;
    };
    const files = ['a', 'b', 'c', 'd'].map((n) => `/specs/${n}.outcome`);
    const job: WorkerJob = { settings: { ignorePatterns: [], gitignore: true }, roots: ['/specs'], cwd: '/', files };
    /** The main thread's linter: slow, so that the worker takes a file; each file's "findings" name it. */
    const here = (lintedHere: string[]) => ({
      lint(file: string): Linted {
        lintedHere.push(file);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
        return { findings: [], usedFiles: [file] };
      },
    });

    it('dies holding a file (out of memory, say): the main thread lints that file too, and the run ends', async () => {
      const lintedHere: string[] = [];
      const held = path.join(dir, 'held');
      const linted = await lintOnThreads(job, 2, here(lintedHere), workerProgram('dies.js', `require('node:fs').writeFileSync(${JSON.stringify(held)}, String(index));\nprocess.exit(1);`));
      assert.ok(Number(fs.readFileSync(held, 'utf8')) < files.length, 'the worker took a file before it died');
      assert.deepEqual(linted.map((l) => l.usedFiles[0]), files);
      assert.deepEqual([...lintedHere].sort(), files, 'every file, the one the worker held included, linted here');
    });

    it('cannot lint a file: the main thread lints it, so that its error is the run\'s', async () => {
      const lintedHere: string[] = [];
      const linted = await lintOnThreads(job, 2, here(lintedHere), workerProgram('fails.js', "parentPort.postMessage({ index, failed: 'broken' });"));
      assert.deepEqual(linted.map((l) => l.usedFiles[0]), files);
      assert.equal(lintedHere.length, files.length);
      const failing = { lint: (): Linted => { throw new Error('the main thread fails too'); } };
      await assert.rejects(lintOnThreads(job, 2, failing, workerProgram('fails-again.js', "parentPort.postMessage({ index, failed: 'broken' });")), /the main thread fails too/);
    });

    it('answers for its file: the main thread takes that answer and lints the rest', async () => {
      const lintedHere: string[] = [];
      const answer = "parentPort.postMessage({ index, linted: { findings: [], usedFiles: ['from the worker'] } });";
      const linted = await lintOnThreads(job, 2, here(lintedHere), workerProgram('answers.js', answer));
      const fromWorker = linted.filter((l) => l.usedFiles[0] === 'from the worker');
      assert.equal(fromWorker.length, 1, 'one file answered by the worker');
      assert.equal(lintedHere.length, files.length - 1);
    });
  });

  it('auto: no worker below 4 cores whatever the work; above, one thread for each megabyte of text, up to half the cores and the files', () => {
    const MB = AUTO_CHARACTERS_PER_THREAD;
    assert.equal(threadsFor('auto', 10_000, 100 * MB, 2), 1);
    assert.equal(threadsFor('auto', 10_000, 100 * MB, 3), 1);
    assert.equal(threadsFor('auto', 10_000, 100 * MB, 4), 2);
    assert.equal(threadsFor('auto', 10_000, 0.9 * MB, 8), 1);
    assert.equal(threadsFor('auto', 10_000, 3.5 * MB, 8), 3);
    assert.equal(threadsFor('auto', 10_000, 100 * MB, 8), 4);
    assert.equal(threadsFor('auto', 2, 100 * MB, 16), 2);
    assert.equal(threadsFor('off', 10_000, 100 * MB, 8), 1);
    assert.equal(threadsFor(4, 10_000, 1, 2), 4, 'a number given is taken, whatever the cores');
    assert.equal(threadsFor(4, 1, 1, 2), 1, 'never more threads than files');
  });

  it('a value that is not auto, off or a number: one line saying what it takes', () => {
    for (const value of ['0', 'all', '-2', '2.5']) {
      assertRefused(runCli([`--concurrency=${value}`, 'samples'], repoRoot), new RegExp(`--concurrency needs auto, off or a number of threads from 1 to 999, such as --concurrency 4 \\(found \`${value.replace('.', '\\.')}\`\\)$`, 'm'));
    }
  });
});
