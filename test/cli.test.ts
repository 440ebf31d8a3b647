import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync, SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as sarif from 'sarif';
import { generateSpec } from '../bench/generate';
import type { JsonFinding, JsonReport } from '../server/src/cli/formats/json-shape';
import { catalogue } from '../server/src/rules/catalogue';
import { repoRoot } from './support/paths';
import { sarifValidator } from './support/sarif';

/*
 * The `outcome-lint` command as users run it: the bundled dist/cli.js (built by
 * `npm test` first) in a child process, on the fixtures in test/fixtures-cli/ and on
 * folders made in a temporary directory. Exit codes, stdout and stderr are checked
 * for every format and every way the command can refuse to run.
 */

const CLI = path.join(repoRoot, 'dist', 'cli.js');
const FIXTURES = 'test/fixtures-cli';
const VERSION = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const runs = new Map<string, Run>();

/**
 * Runs outcome-lint. A run in the repository with no options is remembered, since the
 * same fixtures are read in several formats: each run starts a node process.
 */
function cli(args: readonly string[], options: SpawnSyncOptions & { env?: NodeJS.ProcessEnv } = {}): Run {
  const key = Object.keys(options).length === 0 && !args.some((a) => a === '-o' || a.startsWith('--output')) ? args.join('\0') : undefined;
  const known = key === undefined ? undefined : runs.get(key);
  if (known) return known;
  const run = spawn(args, options);
  if (key !== undefined) runs.set(key, run);
  return run;
}

function spawn(args: readonly string[], options: SpawnSyncOptions & { env?: NodeJS.ProcessEnv }): Run {
  const env = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR']) delete env[name];
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    ...options,
    env: { ...env, ...options.env },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A run that could not start: exit code 2, nothing on stdout, one line on stderr. */
function refused(run: Run, pattern: RegExp): void {
  assert.equal(run.status, 2, `exit code (stderr: ${run.stderr})`);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^outcome-lint: [^\n]+\n$/, 'one line on stderr');
  assert.match(run.stderr, pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
}


function lintJson(args: readonly string[], options: SpawnSyncOptions = {}): { run: Run; report: JsonReport } {
  const run = cli(['--format', 'json', ...args], options);
  assert.notEqual(run.status, 2, run.stderr);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

function findingsOf(report: JsonReport, file: string): JsonFinding[] {
  const found = report.files.find((f) => f.path === file);
  assert.ok(found, `${file} is in the report`);
  return found.findings;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-cli-'));
}

function write(root: string, relative: string, content: string | Buffer): string {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

const CLEAN_COHORT = `cohort panel "People the referral panel accepts" {
  eligibility {
    age 18 to 64
    resident in "Kingsford"
    criterion "accepted by the Kingsford multi-agency referral panel"
  }
  size 30
  referral by "Kingsford multi-agency referral panel"
}
`;

const ANSI = /\u001b\[\d+m/;

describe('cli: outcome-lint', function () {
  // Each test starts outcome-lint a few times; a loaded machine needs more than the default.
  this.timeout(120_000);

  before(() => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is built (npm test builds it first)');
  });

  it("prints what the README's quick start shows for `npm start` (outcome-lint samples/)", () => {
    const run = cli(['samples/']);
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const shown = /## Quick start[\s\S]*?\n```\n(samples\/[\s\S]*?)```/.exec(readme)![1].split('\n').filter((line) => line !== '' && line.trim() !== '…');
    const printed = run.stdout.split('\n');
    assert.deepEqual(shown.filter((line) => !printed.includes(line)), [], 'lines the README shows that the command does not print');
    assert.equal(shown[shown.length - 1], printed.filter((line) => line !== '').pop(), 'the summary line');
  });

  describe('help, version and rules', () => {
    it('--help explains usage, formats, severities and exit codes', () => {
      for (const flag of ['--help', '-h']) {
        const run = cli([flag]);
        assert.equal(run.status, 0);
        assert.equal(run.stderr, '');
        for (const words of ['Usage:', 'outcome-lint [options]', 'stylish', 'compact', 'json', 'sarif', 'github', 'junit', 'Exit codes:', '--max-warnings', 'outcome-lint-disable-next-line']) {
          assert.ok(run.stdout.includes(words), `help mentions ${words}`);
        }
      }
    });

    it('--help lists each option under the heading of what it does', () => {
      const sections = new Map(
        cli(['--help'])
          .stdout.split('\n\n')
          .map((block) => [block.split('\n')[0], block] as const),
      );
      const fixing = sections.get('Fixing:') ?? '';
      assert.match(fixing, /--fix-dry-run/);
      assert.doesNotMatch(fixing, /--print-config|--list-rules/);
      assert.match(sections.get('Instead of linting:') ?? '', /--print-config FILE[\s\S]*--list-rules/);
    });

    it('--version prints the package version', () => {
      for (const flag of ['--version', '-v']) {
        const run = cli([flag]);
        assert.equal(run.status, 0);
        assert.equal(run.stdout, `${VERSION}\n`);
      }
    });

    it('passes diff, export and report to those commands', () => {
      for (const command of ['diff', 'export', 'report']) {
        const run = cli([command, '--help']);
        assert.equal(run.status, 0, run.stderr);
        assert.match(run.stdout, new RegExp(`^Usage: outcome-lint ${command} `));
      }
      assert.match(cli(['--help']).stdout, /outcome-lint diff OLD NEW/);
    });

    it('--list-rules lists every rule with its severity and summary, as a table or JSON', () => {
      const table = cli(['--list-rules']);
      assert.equal(table.status, 0);
      const lines = table.stdout.trimEnd().split('\n');
      assert.equal(lines.length, catalogue.all.length + 1);
      for (const rule of catalogue.all) {
        const line = lines.find((l) => l.startsWith(`${rule.meta.id} `));
        assert.ok(line, rule.meta.id);
        assert.match(line, new RegExp(`\\s${rule.meta.severity}\\s+${escape(rule.meta.summary)}$`));
      }
      const json = cli(['--list-rules', '--format', 'json']);
      assert.equal(json.status, 0);
      assert.deepEqual(
        (JSON.parse(json.stdout) as { id: string; severity: string; summary: string }[]).map((r) => [r.id, r.severity, r.summary]),
        catalogue.all.map((r) => [r.meta.id, r.meta.severity, r.meta.summary]),
      );
    });
  });

  describe('stylish (the default)', () => {
    it('reports a clean folder with exit code 0, and a `use` of a neighbour resolves', () => {
      const run = cli([`${FIXTURES}/clean`]);
      assert.equal(run.status, 0, run.stdout);
      assert.equal(run.stdout, '2 files checked: no problems found\n');
      assert.equal(run.stderr, '');
      // One file named on its own still reaches the file it uses beside it.
      const alone = cli([`${FIXTURES}/clean/plan.outcome`]);
      assert.equal(alone.status, 0, alone.stdout);
      assert.equal(alone.stdout, '1 file checked: no problems found\n');
    });

    it('groups findings by file, with line:column, severity, message, rule and related places; exit code 1 on errors', () => {
      const run = cli([`${FIXTURES}/mixed`]);
      assert.equal(run.status, 1);
      assert.equal(run.stderr, '');
      assert.doesNotMatch(run.stdout, ANSI, 'plain when not a terminal');
      const out = run.stdout;
      assert.match(out, /^test\/fixtures-cli\/mixed\/broken\.outcome\n {2}1:5 {2}error {4}`missing\.outcome` does not exist .* {2}structure\/unresolved-use\n/m);
      assert.match(out, /^ {2}8:8 {2}error {4}`1,20` has a thousands separator .* {2}syntax\/parse$/m);
      assert.match(out, /^ {2}3:8 {2}error {4}`sleepers` is already defined .* {2}structure\/duplicate-id\n +↳ test\/fixtures-cli\/mixed\/shared\.outcome:1:8 the other `sleepers`$/m);
      assert.doesNotMatch(out, /suppressed\.outcome/, 'a suppressed finding is only counted');
      assert.doesNotMatch(out, /shared\.outcome\n/, 'files without findings get no heading');
      assert.match(out, /\n5 files checked: \d+ errors?, \d+ warnings?, \d+ infos? \(1 suppressed with a reason\)\n$/);
    });

    it('colours with --color or FORCE_COLOR, and never with NO_COLOR or --no-color', () => {
      assert.match(cli([`${FIXTURES}/mixed`, '--color']).stdout, ANSI);
      assert.match(cli([`${FIXTURES}/mixed`], { env: { FORCE_COLOR: '1' } }).stdout, ANSI);
      assert.doesNotMatch(cli([`${FIXTURES}/mixed`], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, ANSI);
      assert.doesNotMatch(cli([`${FIXTURES}/mixed`, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout, ANSI);
    });
  });

  describe('json', () => {
    it('has the documented shape', () => {
      const { run, report } = lintJson([`${FIXTURES}/mixed`]);
      assert.equal(run.status, 1);
      assert.equal(run.stderr, '');
      assert.deepEqual(Object.keys(report), ['formatVersion', 'tool', 'files', 'summary']);
      assert.equal(report.formatVersion, 1);
      assert.deepEqual(report.tool, { name: 'outcome-lint', version: VERSION });
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['broken', 'duplicate', 'shared', 'suppressed', 'unicode'].map((n) => `${FIXTURES}/mixed/${n}.outcome`),
      );
      let errors = 0;
      let warnings = 0;
      let infos = 0;
      let suppressed = 0;
      for (const file of report.files) {
        for (const f of file.findings) {
          const required = ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'helpUri'];
          assert.deepEqual(Object.keys(f).slice(0, required.length), required);
          assert.ok(Object.keys(f).every((k) => [...required, 'related', 'fixes', 'suggestions', 'suppressed'].includes(k)), Object.keys(f).join());
          assert.ok(['error', 'warning', 'info'].includes(f.severity));
          assert.ok(f.line >= 1 && f.column >= 1 && (f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column)));
          assert.ok(catalogue.all.some((r) => r.meta.id === f.ruleId), f.ruleId);
          assert.equal(f.helpUri, `https://github.com/outcome-lint/outcome-lint/blob/v${VERSION}/docs/rules/${f.ruleId}.md`);
          if (f.suppressed) suppressed++;
          else if (f.severity === 'error') errors++;
          else if (f.severity === 'warning') warnings++;
          else infos++;
        }
      }
      assert.deepEqual(report.summary, { files: 5, errors, warnings, infos, suppressed, known: 0 });
      assert.equal(suppressed, 1);
    });

    it('gives exact places, related places in other files, and suppression reasons', () => {
      const { report } = lintJson([`${FIXTURES}/mixed`]);
      const broken = findingsOf(report, `${FIXTURES}/mixed/broken.outcome`);
      assert.deepEqual(
        broken.map((f) => [f.ruleId, f.severity, f.line, f.column, f.endLine, f.endColumn]),
        [
          ['structure/unresolved-use', 'error', 1, 5, 1, 22],
          ['syntax/parse', 'error', 8, 8, 8, 12],
        ],
      );
      const [duplicate] = findingsOf(report, `${FIXTURES}/mixed/duplicate.outcome`).filter((f) => f.ruleId === 'structure/duplicate-id');
      assert.deepEqual(duplicate.related, [
        { path: `${FIXTURES}/mixed/shared.outcome`, line: 1, column: 8, endLine: 1, endColumn: 16, message: 'the other `sleepers`' },
      ]);
      const [silenced] = findingsOf(report, `${FIXTURES}/mixed/suppressed.outcome`).filter((f) => f.suppressed);
      assert.equal(silenced.ruleId, 'target-group/vague-eligibility');
      assert.deepEqual(silenced.suppressed, { reason: 'the referral panel decides, as agreed with the commissioner', by: 'comment' });
    });

    it('counts columns in UTF-16 code units, as editors and SARIF do', () => {
      const text = fs.readFileSync(path.join(repoRoot, FIXTURES, 'mixed/unicode.outcome'), 'utf8');
      const { report } = lintJson([`${FIXTURES}/mixed/unicode.outcome`]);
      const [parse] = findingsOf(report, `${FIXTURES}/mixed/unicode.outcome`).filter((f) => f.ruleId === 'syntax/parse');
      assert.equal(parse.column, text.indexOf('1,20') + 1);
      assert.equal(parse.endColumn, text.indexOf('1,20') + 5);
      assert.ok(parse.column > [...text.slice(0, text.indexOf('1,20'))].length + 1, 'more than the code points before it');
    });

    it('--quiet keeps errors only', () => {
      const { report } = lintJson([`${FIXTURES}/mixed`, '--quiet']);
      const all = report.files.flatMap((f) => f.findings);
      assert.ok(all.length > 0);
      assert.ok(all.every((f) => f.severity === 'error'));
      assert.equal(report.summary.warnings, 0);
    });
  });

  describe('sarif', () => {
    const validate = sarifValidator();

    it('validates against the SARIF 2.1.0 JSON schema', () => {
      for (const target of [`${FIXTURES}/mixed`, `${FIXTURES}/clean`, 'samples']) {
        const run = cli([target, '--format', 'sarif']);
        assert.notEqual(run.status, 2, run.stderr);
        const log = JSON.parse(run.stdout) as sarif.Log;
        assert.ok(validate(log), `${target}: ${JSON.stringify(validate.errors, null, 2)}`);
      }
      // The validator does reject what is not SARIF.
      const broken = JSON.parse(cli([`${FIXTURES}/mixed`, '--format', 'sarif']).stdout) as Record<string, unknown>;
      delete broken.version;
      assert.equal(validate(broken), false);
    });

    it('describes the tool and every rule, and marks levels, places and suppressions', () => {
      const run = cli([`${FIXTURES}/mixed`, '-f', 'sarif']);
      assert.equal(run.status, 1);
      const log = JSON.parse(run.stdout) as sarif.Log;
      assert.equal(log.version, '2.1.0');
      const [only] = log.runs;
      assert.equal(only.tool.driver.name, 'outcome-lint');
      assert.equal(only.tool.driver.version, VERSION);
      assert.equal(only.columnKind, 'utf16CodeUnits');
      assert.deepEqual(
        only.tool.driver.rules?.map((r) => r.id),
        catalogue.all.map((r) => r.meta.id),
      );
      for (const r of only.tool.driver.rules ?? []) {
        assert.ok(r.shortDescription?.text && r.fullDescription?.text && r.help?.text, r.id);
        assert.equal(r.helpUri, `https://github.com/outcome-lint/outcome-lint/blob/v${VERSION}/docs/rules/${r.id}.md`);
      }
      assert.equal(only.originalUriBaseIds?.['%SRCROOT%']?.uri, `${new URL(`file://${repoRoot}/`).href}`);
      const results = only.results ?? [];
      const parse = results.find((r) => r.ruleId === 'syntax/parse' && r.locations?.[0].physicalLocation?.artifactLocation?.uri?.endsWith('broken.outcome'));
      assert.ok(parse);
      assert.equal(parse.level, 'error');
      assert.deepEqual(parse.locations?.[0].physicalLocation, {
        artifactLocation: { uri: `${FIXTURES}/mixed/broken.outcome`, uriBaseId: '%SRCROOT%' },
        region: { startLine: 8, startColumn: 8, endLine: 8, endColumn: 12 },
      });
      assert.equal(only.tool.driver.rules?.[parse.ruleIndex!].id, 'syntax/parse');
      const silenced = results.filter((r) => r.suppressions);
      assert.deepEqual(
        silenced.map((r) => [r.ruleId, r.suppressions]),
        [['target-group/vague-eligibility', [{ kind: 'inSource', justification: 'the referral panel decides, as agreed with the commissioner' }]]],
      );
      const duplicate = results.find((r) => r.ruleId === 'structure/duplicate-id');
      assert.equal(duplicate?.relatedLocations?.[0].physicalLocation?.artifactLocation?.uri, `${FIXTURES}/mixed/shared.outcome`);
      assert.ok(results.every((r) => ['error', 'warning', 'note'].includes(r.level ?? '')));
    });

    it('maps info to note', () => {
      const dir = tempDir();
      try {
        // A spec block and nothing else: the resilience rules have infos to report.
        write(dir, 'a.outcome', 'spec "A" {\n  commissioner "Kingsford City Council"\n  term 1 year from 2027-04-01\n  budget £10k\n  service level needed\n}\n');
        const json = lintJson(['a.outcome'], { cwd: dir }).report;
        const log = JSON.parse(cli(['a.outcome', '-f', 'sarif'], { cwd: dir }).stdout) as sarif.Log;
        const infos = json.files[0].findings.filter((f) => f.severity === 'info').length;
        assert.ok(infos > 0, 'the spec has info findings');
        assert.equal(log.runs[0].results?.filter((r) => r.level === 'note').length, infos);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('agrees with --format json on every finding', () => {
      for (const target of [`${FIXTURES}/mixed`, 'samples']) {
        const { report } = lintJson([target]);
        const log = JSON.parse(cli([target, '--format', 'sarif']).stdout) as sarif.Log;
        const level = { error: 'error', warning: 'warning', info: 'note' } as const;
        const fromJson = report.files.flatMap((file) =>
          file.findings.map((f) =>
            JSON.stringify([file.path, f.ruleId, level[f.severity], f.message, f.line, f.column, f.endLine, f.endColumn, f.suppressed?.reason ?? null, (f.related ?? []).map((r) => [r.path, r.line, r.column, r.message])]),
          ),
        );
        const fromSarif = (log.runs[0].results ?? []).map((r) => {
          const place = r.locations![0].physicalLocation!;
          const region = place.region!;
          const related = (r.relatedLocations ?? []).map((l) => [
            decodeURI(l.physicalLocation!.artifactLocation!.uri!),
            l.physicalLocation!.region!.startLine,
            l.physicalLocation!.region!.startColumn,
            l.message?.text,
          ]);
          return JSON.stringify([
            decodeURI(place.artifactLocation!.uri!),
            r.ruleId,
            r.level,
            r.message.text,
            region.startLine,
            region.startColumn,
            region.endLine,
            region.endColumn,
            r.suppressions?.[0].justification ?? null,
            related,
          ]);
        });
        assert.ok(fromJson.length > 0);
        assert.deepEqual(fromSarif, fromJson);
      }
    });
  });

  type Standing = JsonFinding & { file: string };
  const relatedText = (f: Standing): string => (f.related ?? []).map((r) => ` (${r.message}: ${r.path}:${r.line}:${r.column})`).join('');

  /** A one-line-a-finding format: each standing (not suppressed) finding as `line(f)`, then the summary. */
  function checkOneLineEach(format: string, line: (f: Standing) => string): void {
    const run = cli([`${FIXTURES}/mixed`, '--format', format]);
    assert.equal(run.status, 1);
    const lines = run.stdout.trimEnd().split('\n');
    const { report } = lintJson([`${FIXTURES}/mixed`]);
    const standing = report.files.flatMap((f) => f.findings.filter((x) => !x.suppressed).map((x) => ({ file: f.path, ...x })));
    assert.equal(lines.length, standing.length + 1);
    standing.forEach((f, i) => assert.equal(lines[i], line(f)));
    assert.match(lines[lines.length - 1]!, /^outcome-lint: 5 files checked: /);
  }

  describe('github', () => {
    it('writes one workflow command a standing finding, escaped, then the summary', () => {
      checkOneLineEach('github', (f) => {
        const command = { error: 'error', warning: 'warning', info: 'notice' }[f.severity];
        return `::${command} file=${f.file},line=${f.line},endLine=${f.endLine},col=${f.column},endColumn=${f.endColumn},title=${f.ruleId}::${f.message}${relatedText(f)}`;
      });
      // Messages with % are escaped (reoffending.outcome says `upfront 0%`).
      const percent = cli(['samples/reoffending.outcome', '-f', 'github']).stdout;
      assert.match(percent, /%25/);
      assert.doesNotMatch(percent, /%(?!25|0A|0D|3A|2C)/);
    });
  });

  describe('compact', () => {
    it('writes one line a standing finding, file first, then the summary', () => {
      checkOneLineEach('compact', (f) => `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message}${relatedText(f)} [${f.ruleId}]`);
    });

    it("the extension's problem matcher reads every finding from it, with the right line, column, severity and rule", () => {
      const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
      const [matcher] = manifest.contributes.problemMatchers;
      assert.equal(matcher.name, 'outcome-lint');
      // VS Code reads task output line by line with this one pattern.
      const pattern = new RegExp(matcher.pattern.regexp);
      const read = cli([`${FIXTURES}/mixed`, '--format', 'compact'])
        .stdout.split('\n')
        .flatMap((line) => {
          const m = pattern.exec(line);
          const g = matcher.pattern;
          return m ? [`${m[g.file]}:${m[g.line]}:${m[g.column]} ${m[g.severity]} ${m[g.code]}`] : [];
        });
      const { report } = lintJson([`${FIXTURES}/mixed`]);
      const standing = report.files.flatMap((f) => f.findings.filter((x) => !x.suppressed).map((x) => `${f.path}:${x.line}:${x.column} ${x.severity} ${x.ruleId}`));
      assert.deepEqual(read, standing);
    });
  });

  describe('control characters from a spec or a file name', () => {
    /** Control characters other than a line break, and the colour codes that outcome-lint writes itself. */
    const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
    const COLOURS = /\u001b\[\d+m/g;
    // A `use` path that would set the terminal's title and clear its screen.
    const CRAFTED = '\u001b]0;pwned\u0007\u001b[2J\tx.outcome';
    const SHOWN = '\\x1b]0;pwned\\x07\\x1b[2J\\tx.outcome';
    let dir: string;
    before(() => {
      dir = tempDir();
      write(dir, 'a.outcome', `use "${CRAFTED}"\n${CLEAN_COHORT}`);
      write(dir, 'b\u001b[2J.outcome', Buffer.concat([Buffer.from('cohort b {\n  size '), Buffer.from([0xa3]), Buffer.from('\n}\n')]));
      write(dir, 'c\u001b[2J.outcome', 'cohort c {size 3}\n');
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('are shown escaped in stylish (its own colours kept), compact and github', () => {
      for (const args of [['--color'], ['-f', 'compact'], ['-f', 'github']]) {
        const run = cli(['a.outcome', ...args], { cwd: dir });
        assert.equal(run.status, 1, run.stderr);
        assert.ok(run.stdout.includes(`\`${SHOWN}\` does not exist`), run.stdout);
        assert.doesNotMatch(run.stdout.replace(COLOURS, ''), CONTROL, args.join(' '));
      }
      assert.match(cli(['a.outcome', '--color'], { cwd: dir }).stdout, ANSI);
    });

    it('are shown escaped in what format --check and report say on standard output', () => {
      const check = cli(['format', '--check', 'c\u001b[2J.outcome'], { cwd: dir });
      assert.deepEqual([check.status, check.stdout], [1, 'c\\x1b[2J.outcome is not in the layout: outcome-lint format --write c\\x1b[2J.outcome\n']);
      const report = cli(['report', 'c\u001b[2J.outcome', '--markdown', 'report.md'], { cwd: dir });
      assert.equal(report.status, 0, report.stderr);
      assert.match(report.stdout, /^Wrote the risk report of c\\x1b\[2J\.outcome to report\.md/);
    });

    it('are shown escaped on standard error', () => {
      refused(cli(['.'], { cwd: dir }), /^outcome-lint: b\\x1b\[2J\.outcome is not UTF-8 text: the byte 0xA3 at line 2, column 8 /);
    });
  });

  describe('junit', () => {
    it('writes a test suite a file and a test case a finding', () => {
      const run = cli([`${FIXTURES}/mixed`, '--format', 'junit']);
      assert.equal(run.status, 1);
      const xml = run.stdout;
      const { report } = lintJson([`${FIXTURES}/mixed`]);
      assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="outcome-lint" /);
      assert.equal((xml.match(/<testsuite /g) ?? []).length, report.files.length);
      const cases = report.files.reduce((n, f) => n + Math.max(1, f.findings.length), 0);
      assert.equal((xml.match(/<testcase /g) ?? []).length, cases);
      assert.match(xml, new RegExp(`<testsuites name="outcome-lint" tests="${cases}" failures="${report.summary.errors + report.summary.warnings}" errors="0">`));
      assert.equal((xml.match(/<failure /g) ?? []).length, report.summary.errors + report.summary.warnings);
      assert.match(xml, /<skipped message="suppressed: the referral panel decides, as agreed with the commissioner" \/>/);
      assert.match(xml, /<testcase classname="test\/fixtures-cli\/mixed\/shared\.outcome" name="no problems found" \/>/);
      assert.match(xml, /<failure type="syntax\/parse" message="`1,20` has a thousands separator/);
      // Well formed enough: every tag closed, no raw & or < in text.
      assert.equal((xml.match(/<testsuite /g) ?? []).length, (xml.match(/<\/testsuite>/g) ?? []).length);
      assert.doesNotMatch(xml.replace(/<[^>]*>/g, ''), /[<>]|&(?!amp;|lt;|gt;|quot;|#10;)/);
    });
  });

  describe('options', () => {
    it('--output writes the report to a file and nothing to stdout', () => {
      const dir = tempDir();
      try {
        for (const format of ['stylish', 'compact', 'json', 'sarif', 'github', 'junit']) {
          const file = path.join(dir, `report.${format}`);
          const run = cli([`${FIXTURES}/mixed`, '--format', format, '--output', file]);
          assert.equal(run.status, 1);
          assert.equal(run.stdout, '');
          assert.equal(fs.readFileSync(file, 'utf8'), cli([`${FIXTURES}/mixed`, '--format', format]).stdout);
        }
        // A report to a file is plain, even when colour is forced for the terminal.
        const file = path.join(dir, 'forced.txt');
        cli([`${FIXTURES}/mixed`, '-o', file], { env: { FORCE_COLOR: '1' } });
        assert.doesNotMatch(fs.readFileSync(file, 'utf8'), ANSI);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('--max-warnings fails a run with more warnings than it allows', () => {
      const target = `${FIXTURES}/mixed/unicode.outcome`;
      const { report } = lintJson([target, '--rule', 'syntax/parse=off']);
      const warnings = report.summary.warnings;
      assert.ok(warnings > 0);
      assert.equal(cli([target, '--rule', 'syntax/parse=off']).status, 0);
      assert.equal(cli([target, '--rule', 'syntax/parse=off', '--max-warnings', String(warnings)]).status, 0);
      const over = cli([target, '--rule', 'syntax/parse=off', '--max-warnings', String(warnings - 1)]);
      assert.equal(over.status, 1);
      assert.match(over.stderr, new RegExp(`^outcome-lint: ${warnings} warnings? found, more than --max-warnings ${warnings - 1} allows\\n$`));
      // --quiet hides warnings but they still count.
      assert.equal(cli([target, '--rule', 'syntax/parse=off', '--quiet', '--max-warnings', '0']).status, 1);
    });

    it('uses the nearest .outcomelintrc.json, --config instead of it, and --rule over both', () => {
      const target = `${FIXTURES}/config/sub/panel.outcome`;
      const rule = 'target-group/vague-eligibility';
      assert.deepEqual(findingsOf(lintJson([`${FIXTURES}/config`]).report, target), []);
      // The same file elsewhere, without the config, is reported.
      const elsewhere = findingsOf(lintJson([`${FIXTURES}/mixed/suppressed.outcome`]).report, `${FIXTURES}/mixed/suppressed.outcome`);
      assert.ok(elsewhere.some((f) => f.ruleId === rule));
      const unicode = `${FIXTURES}/mixed/unicode.outcome`;
      assert.ok(findingsOf(lintJson([unicode]).report, unicode).some((f) => f.ruleId === rule));
      assert.ok(!findingsOf(lintJson([unicode, '--config', `${FIXTURES}/config/.outcomelintrc.json`]).report, unicode).some((f) => f.ruleId === rule));
      const raised = lintJson([target, '--rule', `${rule}=error`]);
      assert.equal(raised.run.status, 1);
      assert.deepEqual(
        findingsOf(raised.report, target).map((f) => [f.ruleId, f.severity]),
        [[rule, 'error']],
      );
    });

    it('--print-config prints the settings for a file', () => {
      const target = `${FIXTURES}/config/sub/panel.outcome`;
      const run = cli(['--print-config', target]);
      assert.equal(run.status, 0, run.stderr);
      const config = JSON.parse(run.stdout) as { files: string[]; rules: Record<string, unknown> };
      assert.deepEqual(config.files, [`${FIXTURES}/config/.outcomelintrc.json`], 'the settings file used');
      assert.deepEqual(Object.keys(config.rules), catalogue.all.map((r) => r.meta.id));
      // A rule with options is written { "severity": …, options… }, any other as its severity.
      const severity = (setting: unknown): unknown => (typeof setting === 'string' ? setting : (setting as { severity: string }).severity);
      assert.equal(severity(config.rules['target-group/vague-eligibility']), 'off');
      for (const rule of catalogue.all) {
        if (rule.meta.id !== 'target-group/vague-eligibility') assert.equal(severity(config.rules[rule.meta.id]), rule.meta.severity, rule.meta.id);
        assert.equal(typeof config.rules[rule.meta.id] === 'string', !rule.meta.options, rule.meta.id);
      }
      const withRule = JSON.parse(cli(['--print-config', target, '--rule', 'syntax/parse=warning']).stdout) as { rules: Record<string, unknown> };
      assert.equal(severity(withRule.rules['syntax/parse']), 'warning');
    });

    it('lints the files a glob matches, when the shell leaves it to outcome-lint', () => {
      const { report } = lintJson([`${FIXTURES}/mixed/*.outcome`, `${FIXTURES}/clean/**/*.outcome`]);
      assert.equal(report.summary.files, 7);
    });
  });

  describe('finding files', () => {
    let dir: string;
    before(() => {
      dir = tempDir();
      write(dir, 'a.outcome', CLEAN_COHORT);
      write(dir, 'deep/down/b.outcome', CLEAN_COHORT);
      write(dir, '.hidden/c.outcome', CLEAN_COHORT);
      write(dir, 'notes.txt', 'not a spec');
      write(dir, 'node_modules/pkg/broken.outcome', 'cohort {{{');
      write(dir, 'deep/node_modules/broken.outcome', 'cohort {{{');
      write(dir, '.git/broken.outcome', 'cohort {{{');
      write(dir, 'other.spec', CLEAN_COHORT);
      write(dir, 'empty/README.md', 'nothing here');
      fs.symlinkSync(path.join(dir, 'a.outcome'), path.join(dir, 'deep/link.outcome'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('a folder means every .outcome file below it, skipping node_modules and hidden folders (.git, .vscode…) as the language server does, each file once', () => {
      const { run, report } = lintJson(['.'], { cwd: dir });
      assert.equal(run.status, 0, run.stdout);
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['a.outcome', 'deep/down/b.outcome'],
      );
      // No paths: the current folder.
      assert.deepEqual(lintJson([], { cwd: dir }).report.files.map((f) => f.path), ['a.outcome', 'deep/down/b.outcome']);
    });

    it('a file named on the command line is linted whatever its name or folder, once', () => {
      const { report } = lintJson(['other.spec', 'a.outcome', './a.outcome', '.hidden/c.outcome', '.'], { cwd: dir });
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['.hidden/c.outcome', 'a.outcome', 'deep/down/b.outcome', 'other.spec'],
      );
    });

    it('a used file that is not UTF-8 text leaves its `use` unresolved, saying where the bad byte is', () => {
      const own = tempDir();
      try {
        write(own, 'main.outcome', `use "shared.outcome"\n${CLEAN_COHORT}`);
        write(own, 'shared.outcome', Buffer.concat([Buffer.from('cohort other {\n  size 4 # '), Buffer.from([0xa3]), Buffer.from('\n}\n')]));
        const { run, report } = lintJson(['main.outcome'], { cwd: own });
        assert.equal(run.status, 1);
        const unresolved = findingsOf(report, 'main.outcome').filter((f) => f.ruleId === 'structure/unresolved-use');
        assert.deepEqual(unresolved.map((f) => f.message), [
          'cannot use `shared.outcome`: shared.outcome is not UTF-8 text: the byte 0xA3 at line 2, column 12 is not valid UTF-8; save the file as UTF-8',
        ]);
      } finally {
        fs.rmSync(own, { recursive: true, force: true });
      }
    });

    it('names files outside the current folder by their absolute path', () => {
      const { report } = lintJson([path.join(dir, 'a.outcome')]);
      assert.deepEqual(report.files.map((f) => f.path), [path.join(dir, 'a.outcome')]);
      const log = JSON.parse(cli([path.join(dir, 'a.outcome'), '-f', 'sarif', '--rule', 'target-group/vague-eligibility=error']).stdout) as sarif.Log;
      assert.ok(sarifValidator()(log));
    });
  });

  describe('refusing to run: exit code 2 and one line', () => {
    it('for mistakes on the command line', () => {
      refused(cli(['--bogus']), /^outcome-lint: unknown option --bogus \(outcome-lint --help lists the options\)$/m);
      refused(cli(['--fromat', 'json']), /unknown option --fromat; did you mean --format\?/);
      refused(cli(['-z']), /unknown option -z/);
      refused(cli(['--format']), /--format needs a value, such as --format sarif/);
      refused(cli(['--format', '--quiet']), /--format needs a value/);
      refused(cli(['--format', 'xml']), /unknown format `xml`: use stylish, compact, json, sarif, github, junit or gitlab/);
      refused(cli(['--quiet=yes']), /--quiet takes no value/);
      refused(cli(['--max-warnings', 'lots']), /--max-warnings needs a whole number of 0 or more/);
      refused(cli(['--max-warnings', '-1']), /--max-warnings needs a whole number of 0 or more, .*\(found `-1`\)/);
      refused(cli(['--rule', 'nope/nothing=off']), /--rule nope\/nothing=off: `nope\/nothing` is not a rule id/);
      refused(cli(['--rule', 'perverse-incentive/creming=off']), /did you mean `perverse-incentive\/creaming`\?/);
      refused(cli(['--rule', 'syntax/parse=loud']), /`loud` is not a severity: use off, info, warning or error/);
      refused(cli(['--rule', 'syntax/parse']), /--rule needs a rule id and a severity/);
      refused(cli(['--color', '--no-color']), /--color or --no-color, not both/);
    });

    it('for options the run would not use, naming the one to leave out', () => {
      const cases: [string[], string][] = [
        [['--fix-dry-run', '--format', 'json', 'samples'], '--fix-dry-run prints what --fix would change, as a unified diff, instead of a report: leave out --format'],
        [['--fix-dry-run', '-f', 'sarif', 'samples'], '--fix-dry-run prints what --fix would change, as a unified diff, instead of a report: leave out -f'],
        [['--fix-dry-run', '--quiet', 'samples'], '--fix-dry-run prints what --fix would change, as a unified diff, instead of a report: leave out --quiet'],
        [['--fix-dry-run', '--baseline', 'b.json', '--write-baseline', 'samples'], '--fix-dry-run prints what --fix would change, as a unified diff, instead of a report: leave out --baseline'],
        [['--list-rules', '--fix'], '--list-rules lists every rule with its default severity, and lints nothing: leave out --fix'],
        [['--list-rules', '--fix-dry-run'], '--list-rules lists every rule with its default severity, and lints nothing: leave out --fix-dry-run'],
        [['--list-rules', '--print-config', 'samples/reoffending.outcome'], '--list-rules lists every rule with its default severity, and lints nothing: leave out --print-config'],
        [['--list-rules', '--rule', 'syntax/parse=off'], '--list-rules lists every rule with its default severity, and lints nothing: leave out --rule'],
        [['--list-rules', 'samples'], '--list-rules lists every rule with its default severity, and lints nothing: leave out the paths'],
        [['--list-rules', '--format', 'sarif'], '--list-rules prints a table, or JSON with --format json: leave out --format sarif'],
        [['--print-config', 'samples/reoffending.outcome', '--fix'], '--print-config prints the settings for one file, and lints nothing: leave out --fix'],
        [['--print-config', 'samples/reoffending.outcome', '--fix-dry-run'], '--print-config prints the settings for one file, and lints nothing: leave out --fix-dry-run'],
        [['--print-config', 'samples/reoffending.outcome', '--format', 'sarif'], '--print-config prints the settings for one file, and lints nothing: leave out --format'],
        [['--print-config', 'samples/reoffending.outcome', 'samples'], '--print-config prints the settings for one file, and lints nothing: leave out the paths'],
        [['--baseline', 'b.json', '--write-baseline', '--output', 'lint.txt', 'samples'], '--write-baseline writes the findings into the --baseline file instead of a report: leave out --output'],
        [['--baseline', 'b.json', '--write-baseline', '--max-warnings', '0', 'samples'], '--write-baseline writes the findings into the --baseline file instead of a report: leave out --max-warnings'],
      ];
      for (const [args, message] of cases) refused(cli(args), new RegExp(`^outcome-lint: ${escape(message)}\n$`));
    });

    it('when no files match', () => {
      refused(cli(['does-not-exist']), /^outcome-lint: cannot find does-not-exist: there is no such file or folder$/m);
      refused(cli(['does-not-exist/**/*.outcome']), /no \.outcome files match does-not-exist\/\*\*\/\*\.outcome/);
      refused(cli(['samples/*.nothing']), /no \.outcome files match samples\/\*\.nothing/);
      const dir = tempDir();
      try {
        refused(cli(['.'], { cwd: dir }), /no \.outcome files in the folder \./);
        refused(cli([], { cwd: dir }), /no \.outcome files in the current folder/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('for a file that cannot be read, or is not UTF-8 text', () => {
      const dir = tempDir();
      try {
        write(dir, 'ok.outcome', CLEAN_COHORT);
        write(dir, 'binary/ok.outcome', CLEAN_COHORT);
        write(dir, 'binary/binary.outcome', Buffer.from([0x63, 0x6f, 0x0a, 0x00, 0x01, 0x02]));
        refused(cli(['binary'], { cwd: dir }), /^outcome-lint: binary\/binary\.outcome is not a text file \(it has a NUL byte at line 2, column 1\)/);
        // £ saved as Windows-1252 (0xA3), as old editors do.
        write(dir, 'latin1.outcome', Buffer.concat([Buffer.from('cohort a {\n  budget '), Buffer.from([0xa3]), Buffer.from('10\n}\n')]));
        refused(cli(['latin1.outcome'], { cwd: dir }), /^outcome-lint: latin1\.outcome is not UTF-8 text: the byte 0xA3 at line 2, column 10 is not valid UTF-8; save the file as UTF-8$/m);
        write(dir, 'utf16.outcome', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('cohort a {}', 'utf16le')]));
        refused(cli(['utf16.outcome'], { cwd: dir }), /utf16\.outcome is saved as UTF-16: save it as UTF-8/);
        refused(cli(['ok.outcome/x.outcome'], { cwd: dir }), /cannot read ok\.outcome\/x\.outcome: a part of its path is a file, not a folder/);
        // Unreadable: as root, run as `nobody`, for whom the file is mode 000.
        const secret = write(dir, 'unreadable/secret.outcome', CLEAN_COHORT);
        write(dir, 'unreadable/ok.outcome', CLEAN_COHORT);
        fs.chmodSync(secret, 0o000);
        fs.chmodSync(dir, 0o755);
        // Root reads any file, so as root the run is made as `nobody`, with a copy of the
        // bundle (it needs nothing else) where `nobody` can read it.
        const root = process.getuid?.() === 0;
        const script = root ? path.join(dir, 'cli.js') : CLI;
        if (root) fs.copyFileSync(CLI, script);
        const unreadable = (target: string): Run => {
          const result = spawnSync(process.execPath, [script, target], { cwd: dir, encoding: 'utf8', ...(root ? { uid: 65534, gid: 65534 } : {}) });
          return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
        };
        refused(unreadable('unreadable/secret.outcome'), /^outcome-lint: unreadable\/secret\.outcome cannot be read: permission denied$/m);
        refused(unreadable('unreadable'), /^outcome-lint: unreadable\/secret\.outcome cannot be read: permission denied$/m);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('for an invalid or missing config, with its position', () => {
      const run = cli([`${FIXTURES}/bad-config`]);
      refused(run, /^outcome-lint: invalid config at test\/fixtures-cli\/bad-config\/\.outcomelintrc\.json:3:5: `target-group\/vague` is not a setting of `rules`/);
      refused(cli(['samples', '--config', `${FIXTURES}/bad-config/.outcomelintrc.json`]), /invalid config at test\/fixtures-cli\/bad-config\/\.outcomelintrc\.json:3:5:/);
      refused(cli(['samples', '--config', 'nowhere.json']), /^outcome-lint: cannot read the config file nowhere\.json: it does not exist$/m);
      refused(cli(['samples', '--config', 'samples']), /cannot read the config file samples: it is a folder, not a file/);
      refused(cli(['--print-config', `${FIXTURES}/bad-config/panel.outcome`]), /invalid config at .*:3:5:/);
    });

    it('for a settings file nested thousands deep, with where', () => {
      const dir = tempDir();
      try {
        write(dir, 'deep/a.outcome', CLEAN_COHORT);
        write(dir, 'deep/.outcomelintrc.json', `{ "rules": ${'['.repeat(10_000)}${']'.repeat(10_000)} }`);
        refused(cli(['deep'], { cwd: dir }), /^outcome-lint: invalid config at deep\/\.outcomelintrc\.json:1:75: this is nested more than 64 deep: a settings file needs no more than four levels of `\{` and `\[`$/m);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('for a spec larger than outcome-lint reads, before reading it', () => {
      const dir = tempDir();
      try {
        // Just over the 10 MB limit; a parse holds 75 to 100 times the size of the file.
        fs.writeFileSync(path.join(dir, 'huge.outcome'), Buffer.alloc(10 * 2 ** 20 + 1, ' '));
        refused(cli(['huge.outcome'], { cwd: dir }), /^outcome-lint: huge\.outcome is 10\.1 MB, more than the 10 MB outcome-lint reads: raise the limit with --max-file-size MB \(at most 1024\)$/m);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    describe('--max-file-size MB: the limit, for every command', () => {
      let dir: string;
      before(() => {
        dir = tempDir();
        // 1.5 MB of a spec: over a limit of 1 MB, under one of 2.
        const spec = `${CLEAN_COHORT}${' '.repeat(1.5 * 2 ** 20)}\n`;
        write(dir, 'big.outcome', spec);
        write(dir, 'other.outcome', CLEAN_COHORT);
      });
      after(() => fs.rmSync(dir, { recursive: true, force: true }));
      const overOne = /^outcome-lint: big\.outcome is 1\.6 MB, more than the 1 MB outcome-lint reads: raise the limit with --max-file-size MB \(at most 1024\)$/m;

      it('a spec over it stops the run, before it is read, whichever command reads it', () => {
        refused(cli(['--max-file-size', '1', 'big.outcome'], { cwd: dir }), overOne);
        refused(cli(['report', '--max-file-size', '1', 'big.outcome'], { cwd: dir }), overOne);
        refused(cli(['export', '--indigo', '--max-file-size=1', 'big.outcome'], { cwd: dir }), overOne);
        refused(cli(['diff', '--max-file-size', '1', 'other.outcome', 'big.outcome'], { cwd: dir }), overOne);
        refused(cli(['format', '--max-file-size', '1', '--check', 'big.outcome'], { cwd: dir }), overOne);
        const piped = cli(['--max-file-size', '1', '--stdin', '--stdin-filename', 'big.outcome'], { cwd: dir, input: fs.readFileSync(path.join(dir, 'big.outcome')) });
        refused(piped, /^outcome-lint: standard input is 1\.6 MB, more than the 1 MB outcome-lint reads: raise the limit with --max-file-size MB/m);
      });

      it('a spec under it is read as any other', () => {
        const linted = cli(['--max-file-size', '2', '--format', 'json', 'big.outcome'], { cwd: dir });
        assert.equal(linted.status, 0, linted.stderr);
        assert.deepEqual((JSON.parse(linted.stdout) as JsonReport).files.map((f) => f.path), ['big.outcome']);
        const reported = cli(['report', '--max-file-size', '2', 'big.outcome'], { cwd: dir });
        assert.equal(reported.status, 0, reported.stderr);
        assert.match(reported.stdout, /^# Provider’s risk report: big\.outcome$/m);
        const formatted = cli(['format', '--max-file-size', '2', '--check', 'big.outcome'], { cwd: dir });
        assert.equal(formatted.status, 1, 'read, and found out of the layout (its trailing spaces)');
      });

      it('a value that is not a size in range: one line saying what it takes', () => {
        for (const value of ['0', '2000', 'ten', '-1']) {
          refused(cli([`--max-file-size=${value}`, 'other.outcome'], { cwd: dir }), new RegExp(`^outcome-lint: --max-file-size needs a size in MB from 1 to 1024, such as --max-file-size 50 \\(found \`${value}\`\\)$`, 'm'));
        }
        refused(cli(['report', 'other.outcome', '--max-file-size'], { cwd: dir }), /^outcome-lint: report: --max-file-size needs a value, such as --max-file-size 50/m);
      });
    });

    it('for a 50 MB spec in a process held to 1 GB of heap: one line, and no running out of memory', () => {
      const dir = tempDir();
      try {
        fs.writeFileSync(path.join(dir, 'huge.outcome'), Buffer.alloc(50 * 2 ** 20, 'cohort c { size 1 }\n'));
        const run = spawnSync(process.execPath, ['--max-old-space-size=1024', CLI, 'huge.outcome'], { cwd: dir, encoding: 'utf8' });
        assert.equal(run.status, 2, run.stderr);
        assert.equal(run.stderr, 'outcome-lint: huge.outcome is 50 MB, more than the 10 MB outcome-lint reads: raise the limit with --max-file-size MB (at most 1024)\n');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    describe('for a pipe or a device: a line saying so, never a hang', () => {
      let dir: string;
      before(() => {
        dir = tempDir();
        write(dir, 'specs/main.outcome', `use "pipe.outcome"\n${CLEAN_COHORT}`);
        execFileSync('mkfifo', [path.join(dir, 'specs', 'pipe.outcome')]);
        execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
        write(dir, 'configured/a.outcome', CLEAN_COHORT);
        execFileSync('mkfifo', [path.join(dir, 'configured', '.outcomelintrc.json')]);
      });
      after(() => fs.rmSync(dir, { recursive: true, force: true }));

      // A run that hangs is stopped, and fails on its exit code.
      const run = (args: string[]): Run => cli(args, { cwd: dir, timeout: 30_000 });

      it('named as an argument, to any command: exit code 2', () => {
        const notRegular = /^outcome-lint: cannot read specs\/pipe\.outcome: it is not a regular file$/m;
        refused(run(['specs/pipe.outcome']), notRegular);
        refused(run(['report', 'specs/pipe.outcome']), notRegular);
        refused(run(['export', '--indigo', 'specs/pipe.outcome']), notRegular);
        refused(run(['diff', 'specs/main.outcome', 'specs/pipe.outcome']), notRegular);
        refused(run(['report', '/dev/zero']), /^outcome-lint: cannot read \/dev\/zero: it is not a regular file$/m);
        refused(run(['specs/main.outcome', '--config', 'pipe.json']), /^outcome-lint: invalid config at pipe\.json: cannot be read: it is not a regular file \(a pipe or a device\?\)$/m);
      });

      it('as the settings file of a folder: exit code 2', () => {
        refused(run(['configured']), /^outcome-lint: invalid config at configured\/\.outcomelintrc\.json: cannot be read: it is not a regular file \(a pipe or a device\?\)$/m);
      });

      it('in a folder linted, or used by a spec: the pipe is not linted, and its `use` is unresolved', () => {
        const { run: linted, report } = lintJson(['specs'], { cwd: dir, timeout: 30_000 });
        assert.equal(linted.status, 1);
        assert.deepEqual(report.files.map((f) => f.path), ['specs/main.outcome']);
        assert.deepEqual(findingsOf(report, 'specs/main.outcome').filter((f) => f.ruleId === 'structure/unresolved-use').map((f) => f.message), [
          'cannot use `pipe.outcome`: specs/pipe.outcome cannot be read: it is not a regular file (a pipe or a device?)',
        ]);
      });
    });

    it('for a report that cannot be written', () => {
      refused(cli(['samples', '--output', 'no/such/folder/report.sarif']), /^outcome-lint: cannot write no\/such\/folder\/report\.sarif: its folder does not exist$/m);
    });

    it('for an internal error: one line asking for a report, never a stack trace', () => {
      // The process runner of dist/cli.js, around a command that fails as a bug would.
      const result = spawnSync(process.execPath, [path.join(repoRoot, 'out/test/support/crashing-cli.js')], { encoding: 'utf8' });
      refused({ status: result.status, stdout: result.stdout, stderr: result.stderr }, /^outcome-lint: internal error: a bug \(please report it\)$/m);
      assert.doesNotMatch(result.stderr, /must not be shown/);
    });
  });

  describe('scale', () => {
    it('lints a folder of 1,000 generated specs in one run', function () {
      this.timeout(180_000);
      const dir = tempDir();
      try {
        const spec = generateSpec(100);
        for (let i = 0; i < 1000; i++) {
          const area = `area-${Math.floor(i / 50)}`;
          // Every spec uses a shared file in its folder, as real tender packs do.
          write(dir, `${area}/spec-${i}.outcome`, `use "shared.outcome"\n${spec}`);
          if (i % 50 === 0) write(dir, `${area}/shared.outcome`, CLEAN_COHORT.replace('panel', `panel_${area.replace('-', '_')}`));
        }
        const started = process.hrtime.bigint();
        const { run, report } = lintJson([dir]);
        const lintMs = Number(process.hrtime.bigint() - started) / 1e6;
        assert.ok(run.status === 0 || run.status === 1, run.stderr);
        assert.equal(run.stderr, '');
        assert.equal(report.summary.files, 1020);
        const all = report.files.flatMap((f) => f.findings);
        assert.deepEqual(all.filter((f) => ['syntax/parse', 'structure/unresolved-use', 'structure/duplicate-id'].includes(f.ruleId)), []);
        assert.ok(all.length > 0, 'generated specs carry known flaws');
        const floorMs = readFloor(dir);
        console.log(`      1,020 files: outcome-lint ${lintMs.toFixed(0)} ms, reading them in a bare node process ${floorMs.toFixed(0)} ms (ratio ${(lintMs / floorMs).toFixed(1)})`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

/** Time for a node process that only reads every file under `dir`: the floor. */
function readFloor(dir: string): number {
  const script = `const fs=require('fs'),path=require('path');for(const f of fs.readdirSync(process.argv[1],{recursive:true})){if(String(f).endsWith('.outcome'))fs.readFileSync(path.join(process.argv[1],String(f)),'utf8')}`;
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-e', script, dir], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
