import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { runReport } from '../server/src/cli/report-command';
import { describeConfig } from '../server/src/cli/settings';
import { Project } from '../server/src/host/project';
import { Session } from '../server/src/lsp/session';
import { commandIo } from './support/command-io';
import { LspClient } from './support/lsp-client';
import { repoRoot } from './support/paths';

/*
 * Every front end (the CLI's lint, report, export and diff, and the language server)
 * gets its files, roots and settings from one place, the project (host/project.ts).
 * Where two disagreed, a user met the bug: the report ignored the settings, the server
 * held one file under two spellings of its URI, and the CLI and the editor saw
 * different files in one repository. These run the front ends side by side.
 */

const CLI = path.join(repoRoot, 'dist/cli.js');

/** A sample that pays nothing up front (`perverse-incentive/no-upfront`) and uses no other file. */
const SPEC = fs.readFileSync(path.join(repoRoot, 'samples/reoffending.outcome'), 'utf8');

const NO_UPFRONT_OFF = '{ "rules": { "perverse-incentive/no-upfront": "off" } }';

function write(dir: string, file: string, text: string): string {
  const full = path.join(dir, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  return full;
}

function tempDir(name = 'outcome-lint-front-ends-'): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), name)));
}

function cli(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('front ends: files, roots and settings from one place', function () {
  this.timeout(60_000);

  describe('the CLI and the language server on one tree', () => {
    let top: string;
    let root: string;
    before(() => {
      top = tempDir();
      root = path.join(top, 'specs');
      // The top of a repository: .gitignore files are read from here down.
      fs.mkdirSync(path.join(root, '.git'), { recursive: true });
      write(root, '.gitignore', 'out/\n*.draft.outcome\n');
      write(root, '.outcomelintrc.json', '{ "rules": { "perverse-incentive/no-upfront": "off" }, "ignores": ["archive/"] }');
      write(root, 'a.outcome', SPEC);
      write(root, 'y.draft.outcome', SPEC);
      write(root, 'archive/g.outcome', SPEC);
      // A deeper .gitignore takes a file back; the team's settings, nearest for team/, have no `ignores`.
      write(root, 'team/.gitignore', '!keep.draft.outcome\n');
      write(root, 'team/keep.draft.outcome', SPEC);
      write(root, 'team/x.draft.outcome', SPEC);
      write(root, 'team/archive/h.outcome', SPEC);
      write(root, 'team/.outcomelintrc.json', '{ "rules": { "resilience/no-review": "off", "target-group/no-size": "error" } }');
      write(root, 'team/b.outcome', SPEC);
      write(root, 'team/deep/c.outcome', SPEC);
      write(root, 'node_modules/pkg/d.outcome', SPEC);
      write(root, '.hidden/e.outcome', SPEC);
      write(root, 'out/f.outcome', SPEC);
      write(top, 'outside/secret.outcome', SPEC);
      // A link that stays inside (its files are found once, by where they are) and one that leaves (never followed).
      fs.symlinkSync(path.join(root, 'team', 'deep'), path.join(root, 'alias'));
      fs.symlinkSync(path.join(top, 'outside'), path.join(root, 'leak'));
      fs.symlinkSync(path.join(top, 'outside', 'secret.outcome'), path.join(root, 'leak.outcome'));
    });
    after(() => fs.rmSync(top, { recursive: true, force: true }));

    it('find the same files', async () => {
      const run = cli(['--format', 'json', '.'], root);
      const fromCli = (JSON.parse(run.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
      const session = new Session();
      session.project.setRoots([root]);
      const fromServer = (await session.scan()).map((f) => path.relative(root, f));
      assert.deepEqual(fromServer, fromCli);
      assert.deepEqual(fromCli, ['a.outcome', 'team/archive/h.outcome', 'team/b.outcome', 'team/deep/c.outcome', 'team/keep.draft.outcome']);
      // Named on the command line both ways, it is still one file, named by where it is.
      const both = cli(['--format', 'json', 'alias/c.outcome', 'team/deep/c.outcome'], root);
      assert.deepEqual((JSON.parse(both.stdout) as { files: { path: string }[] }).files.map((f) => f.path), ['team/deep/c.outcome']);
    });

    it('give each file the same settings', async () => {
      const session = new Session();
      session.project.setRoots([root]);
      for (const file of await session.scan()) {
        const run = cli(['--print-config', file], root);
        assert.equal(run.status, 0, run.stderr);
        const files = session.project.settingsFiles(file).map((f) => path.relative(root, f));
        assert.deepEqual(JSON.parse(run.stdout), { files, ...describeConfig(session.project.configFor(file)) }, path.relative(root, file));
      }
      const levels = (file: string): unknown[] => {
        const rules = describeConfig(session.project.configFor(path.join(root, file))).rules;
        return [rules['perverse-incentive/no-upfront'], rules['resilience/no-review'], rules['target-group/no-size']];
      };
      // The nearest settings file wins, whole: the team's does not take the top one's in.
      assert.deepEqual(levels('a.outcome'), ['off', 'info', 'info']);
      assert.deepEqual(levels('team/deep/c.outcome'), ['warning', 'off', 'error']);
      // Reached through the link `alias`, as an editor may open it, it is in team/deep, with the team's settings.
      assert.deepEqual(levels('alias/c.outcome'), ['warning', 'off', 'error']);
      for (const named of ['alias/c.outcome', path.join(root, 'alias', 'c.outcome')]) {
        const run = cli(['--print-config', named], root);
        assert.equal(run.status, 0, run.stderr);
        assert.equal((JSON.parse(run.stdout) as { rules: Record<string, unknown> }).rules['resilience/no-review'], 'off', named);
      }
    });
  });

  describe('the CLI: the folders a run reads, and where the search for settings stops', () => {
    let top: string;
    let work: string;
    before(() => {
      top = tempDir();
      work = path.join(top, 'work');
      write(top, '.outcomelintrc.json', NO_UPFRONT_OFF);
      write(work, 'spec.outcome', SPEC);
      write(work, 'private.outcome', 'cohort confidential_panel "Confidential panel" {\n  size 12\n}\n');
      write(top, 'pack/evil.outcome', 'use "../work/private.outcome"\n\noutcome o "Settled" {\n  for confidential_panl\n}\n');
    });
    after(() => fs.rmSync(top, { recursive: true, force: true }));

    type Report = { files: { path: string; findings: { ruleId: string; message: string }[] }[] };
    const findings = (args: string[], file: string): { ruleId: string; message: string }[] => {
      const run = cli(['--format', 'json', ...args], work);
      assert.notEqual(run.status, 2, run.stderr);
      const found = (JSON.parse(run.stdout) as Report).files.find((f) => f.path === file);
      assert.ok(found, `${file} is linted`);
      return found.findings;
    };

    it('a spec outside the current folder cannot use a file in it, nor learn its ids from a did-you-mean', () => {
      const evil = findings(['../pack/evil.outcome'], path.join(top, 'pack', 'evil.outcome'));
      assert.deepEqual(evil.filter((f) => f.ruleId === 'structure/unresolved-use').map((f) => f.message), [
        'cannot use `../work/private.outcome`: it is outside the folder being linted, and outcome-lint only reads files inside it',
      ]);
      assert.deepEqual(evil.filter((f) => f.message.includes('confidential_panel')), []);
    });

    it("a spec's settings do not depend on where the command runs or the other paths named", () => {
      const alone = findings(['spec.outcome'], 'spec.outcome');
      assert.ok(!alone.some((f) => f.ruleId === 'perverse-incentive/no-upfront'), 'the settings file above the current folder is read');
      assert.deepEqual(findings(['spec.outcome', '..'], 'spec.outcome'), alone);
    });
  });

  describe('the risk report is linted with the settings of its spec', () => {
    let dir: string;
    beforeEach(() => {
      dir = tempDir();
      write(dir, 'spec.outcome', SPEC);
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const reportedRules = (): string[] => {
      const io = commandIo(dir);
      assert.equal(runReport(['spec.outcome', '--json'], io), 0, io.err.join('\n'));
      const report = JSON.parse(io.out) as { findings: { rules: { id: string }[] }[] };
      return report.findings.flatMap((g) => g.rules.map((r) => r.id));
    };

    it('in the CLI: a rule turned off is not in the report', () => {
      assert.ok(reportedRules().includes('perverse-incentive/no-upfront'));
      write(dir, '.outcomelintrc.json', NO_UPFRONT_OFF);
      assert.ok(!reportedRules().includes('perverse-incentive/no-upfront'));
    });

    it("in the editor's webview: a rule turned off is not in the report", async () => {
      const page = async (): Promise<string> => {
        const client = new LspClient({}, { inProcess: true });
        try {
          await client.initialize(dir);
          const uri = LspClient.uri(path.join(dir, 'spec.outcome'));
          await client.open(uri, SPEC);
          return (await client.connection.sendRequest('outcome-lint/report', { uri })) as string;
        } finally {
          await client.stop();
        }
      };
      assert.match(await page(), /perverse-incentive\/no-upfront/);
      write(dir, '.outcomelintrc.json', NO_UPFRONT_OFF);
      assert.doesNotMatch(await page(), /perverse-incentive\/no-upfront/);
    });
  });

  describe('a file is one file, whatever the spelling of its URI', () => {
    it('as the editor, the disk and another editor spell it', () => {
      const spellings = [
        'file:///work/Tender%20(v2)/spec.outcome',
        'file:///work/Tender%20%28v2%29/spec.outcome',
        URI.file('/work/Tender (v2)/spec.outcome').toString(),
        '/work/Tender (v2)/spec.outcome',
      ];
      assert.deepEqual(new Set(spellings.map(Project.id)), new Set(['/work/Tender (v2)/spec.outcome']));
      // Folders `..`, `.` and `//` in a URI are normalised as in a path.
      const roundabout = ['file:///work/../work/x.outcome', 'file:///work//x.outcome', 'file:///work/./x.outcome', '/work/../work/x.outcome', '/work//x.outcome'];
      assert.deepEqual(new Set(roundabout.map(Project.id)), new Set(['/work/x.outcome']));
      // A relative path names no file (relative to what?): a mistake in the caller, not a file at the top of the disk.
      assert.throws(() => Project.id('samples/a.outcome'), /needs an absolute path or a URI, not "samples\/a\.outcome"/);
      // Windows: a drive letter in either case, the colon written or encoded.
      const windows = ['file:///C:/Tender%20(v2)/spec.outcome', 'file:///c%3A/Tender%20%28v2%29/spec.outcome', 'file:///c:/Tender%20(v2)/spec.outcome'];
      assert.equal(new Set(windows.map(Project.id)).size, 1);
      assert.equal(Project.id('untitled:Untitled-1'), 'untitled:Untitled-1');
    });

    it('in a folder named "Tender (v2)", "Lint workspace" publishes the unsaved text\'s findings, under the editor\'s spelling only', async () => {
      const top = tempDir();
      const dir = path.join(top, 'Tender (v2)');
      const file = write(dir, 'spec.outcome', SPEC);
      const client = new LspClient({}, { inProcess: true });
      try {
        await client.initialize(dir);
        // VS Code encodes the parentheses; the disk scan's own URIs would not.
        const editors = URI.file(file).toString();
        assert.match(editors, /%28v2%29/);
        const unsaved = SPEC.replace(/^\s*cap .*\n/m, '');
        await client.open(editors, unsaved);
        const first = await client.diagnostics(editors);
        assert.ok(first.some((d) => d.code === 'budget/no-cap'), 'the unsaved edit has no cap');
        assert.equal(await client.connection.sendRequest('outcome-lint/lintWorkspace'), 1);
        const last = await client.diagnostics(editors, (p) => p.diagnostics.length > 0);
        assert.ok(last.some((d) => d.code === 'budget/no-cap'), 'still the unsaved text');
        const spelledOtherwise = [LspClient.uri(file), 'file://' + file].filter((u) => u !== editors);
        for (const other of spelledOtherwise) assert.deepEqual(client.publishes(other), [], `nothing published as ${other}`);
      } finally {
        await client.stop();
        fs.rmSync(top, { recursive: true, force: true });
      }
    });
  });
});
