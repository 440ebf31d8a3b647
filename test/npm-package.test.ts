import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync, SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalogue } from '../server/src/rules/catalogue';
import { tempFolder, writeIn } from './support/cli-process';
import { repoRoot, samplesDir } from './support/paths';

/*
 * The npm package as a user gets it: packed (`npm pack`) from what .npmignore lets in, with bundles built for shipping into a folder of its own, then
 * installed from the tarball into an empty project with no network (the registry set to
 * a port nothing listens on, `--offline`), and run there: `npx outcome-lint`, the API,
 * and its types.
 */

const MAX_INSTALLED_BYTES = 2_000_000;

/** npm with no registry to reach: anything it tried to fetch would fail. */
function npm(args: readonly string[], cwd: string, cache: string): SpawnSyncReturns<string> {
  const run = spawnSync('npm', [...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_registry: 'http://127.0.0.1:9/', npm_config_cache: cache, npm_config_update_notifier: 'false' },
  });
  if (run.error) throw run.error;
  return run;
}

function sizeOf(entry: string): number {
  const stat = fs.lstatSync(entry);
  return stat.isDirectory() ? fs.readdirSync(entry).reduce((sum, name) => sum + sizeOf(path.join(entry, name)), 0) : stat.size;
}

describe('the npm package, packed and installed offline', function () {
  this.timeout(300_000);
  let work: string;
  let project: string;
  let packed: string[];
  let cache: string;

  before(() => {
    work = tempFolder('outcome-lint-package-');
    cache = path.join(work, 'npm-cache');
    const stage = path.join(work, 'stage');
    // What npm would take from the repository; the bundles are built for shipping into the stage instead.
    const listing = npm(['pack', '--dry-run', '--json', '--ignore-scripts'], repoRoot, cache);
    assert.equal(listing.status, 0, listing.stderr);
    for (const { path: file } of (JSON.parse(listing.stdout) as { files: { path: string }[] }[])[0].files) {
      if (!file.startsWith('dist/')) writeIn(stage, file, fs.readFileSync(path.join(repoRoot, file)));
    }
    fs.copyFileSync(path.join(repoRoot, '.npmignore'), path.join(stage, '.npmignore'));
    execFileSync(process.execPath, ['esbuild.mjs', '--minify', '--outdir', path.join(stage, 'dist')], { cwd: repoRoot });
    const pack = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], stage, cache);
    assert.equal(pack.status, 0, pack.stderr);
    const [{ filename, files }] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    packed = files.map((f) => f.path).sort();

    project = path.join(work, 'project');
    writeIn(project, 'package.json', '{ "name": "a-tender-pack", "version": "1.0.0", "private": true }\n');
    fs.cpSync(samplesDir, path.join(project, 'samples'), { recursive: true });
    const install = npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(work, filename)], project, cache);
    assert.equal(install.status, 0, install.stderr);
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('holds the bundles, their types, the docs users read, the schema and the grammar: no sources, tests, source maps or metafiles', () => {
    for (const file of ['dist/cli.js', 'dist/api.d.ts', 'dist/json-shape.d.ts', 'docs/cli.md', 'docs/api.md', 'schemas/outcomelintrc.schema.json', 'grammar/outcome.tmLanguage.json', 'package.json', 'README.md', 'LICENSE']) {
      assert.ok(packed.includes(file), file);
    }
    // Every rule's page, for reading offline.
    for (const rule of catalogue.all) assert.ok(packed.includes(`docs/rules/${rule.meta.id}.md`), rule.meta.id);
    assert.deepEqual(packed.filter((f) => /\.(map|ts)$/.test(f) && !f.endsWith('.d.ts')), []);
    assert.deepEqual(packed.filter((f) => /meta\.json$|^(server|client|test|bench|scripts|out|samples)\//.test(f)), []);
    // The language server comes with the editor extension, or a checkout's build: not here.
    assert.deepEqual(packed.filter((f) => f.startsWith('dist/') && !['dist/cli.js', 'dist/api.d.ts', 'dist/json-shape.d.ts'].includes(f)), []);
  });

  it('installs with no dependencies, in under 2 MB', () => {
    const listed = npm(['ls', '--omit=dev', '--all', '--json'], project, cache);
    assert.equal(listed.status, 0, listed.stderr);
    const tree = JSON.parse(listed.stdout) as { dependencies: Record<string, { dependencies?: object }> };
    assert.deepEqual(Object.keys(tree.dependencies), ['outcome-lint']);
    assert.equal(tree.dependencies['outcome-lint'].dependencies, undefined, 'outcome-lint needs nothing else');
    const size = sizeOf(path.join(project, 'node_modules', 'outcome-lint'));
    assert.ok(size < MAX_INSTALLED_BYTES, `installed size ${size} bytes`);
  });

  it('runs as `npx outcome-lint samples/`', () => {
    const run = npm(['exec', '--offline', '--no', '--', 'outcome-lint', 'samples/'], project, cache);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^samples\/reoffending\.outcome$/m);
    // The same report, to the character, as the command built in this checkout gives.
    const built = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'samples/'], { cwd: project, encoding: 'utf8' });
    assert.match(run.stdout, /\d+ files checked: \d+ errors, \d+ warnings, \d+ infos\n$/);
    assert.equal(run.stdout, built.stdout);
  });

  it('is the API when required, with the same findings as the command', () => {
    const script = `
      const api = require('outcome-lint');
      const files = api.lintFiles(['samples']);
      const text = require('fs').readFileSync('samples/reoffending.outcome', 'utf8');
      const one = api.lint(text, { filePath: 'drafts/new.outcome' });
      let thrown = '';
      try { api.lintFiles(['nowhere']); } catch (e) { thrown = e.message; }
      const tooLarge = [];
      try { api.lint(' '.repeat(2 ** 20 + 1), { maxFileSizeMB: 1 }); } catch (e) { tooLarge.push(e.message); }
      try { api.lintFiles(['samples'], { maxFileSizeMB: 0 }); } catch (e) { tooLarge.push(e.message); }
      const within = api.lint(' '.repeat(2 ** 20 + 1), { maxFileSizeMB: 2 }).files.length;
      console.log(JSON.stringify({ summary: files.summary, one: one.files.map((f) => [f.path, f.findings.length]), rules: api.rules.length, title: api.configSchema.title, version: api.version, thrown, tooLarge, within }));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    const command = JSON.parse(npm(['exec', '--offline', '--no', '--', 'outcome-lint', '--format', 'json', 'samples'], project, cache).stdout) as { summary: unknown };
    assert.deepEqual(result.summary, command.summary);
    assert.deepEqual(result.one, [['drafts/new.outcome', 5]]);
    assert.equal(result.rules, catalogue.all.length);
    assert.equal(result.title, 'outcome-lint configuration (.outcomelintrc.json)');
    assert.equal(result.version, (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version);
    assert.equal(result.thrown, 'cannot find nowhere: there is no such file or folder');
    assert.deepEqual(result.tooLarge, [
      'the text is 1.1 MB, more than the 1 MB outcome-lint reads: raise the limit with maxFileSizeMB (at most 1024)',
      'maxFileSizeMB needs a size in MB from 1 to 1024, such as maxFileSizeMB: 50 (found `0`)',
    ]);
    assert.equal(result.within, 1, 'a text within maxFileSizeMB is linted');
  });

  it('has types that a TypeScript project checks its use of the API against', () => {
    writeIn(
      project,
      'check.ts',
      `import { lint, lintFiles, rules, configSchema, version, type JsonReport, type JsonFinding } from 'outcome-lint';
const report: JsonReport = lintFiles(['samples'], { ignorePatterns: ['drafts/'], rules: { 'perverse-incentive/creaming': 'off' } });
const first: JsonFinding | undefined = report.files[0]?.findings[0];
const line: number = first?.line ?? 0;
const errors: number = lint('', { filePath: 'x.outcome' }).summary.errors;
const ids: string[] = rules.map((r) => r.id);
export { line, errors, ids, configSchema, version };
`,
    );
    writeIn(project, 'wrong.ts', `import { lintFiles } from 'outcome-lint';\nexport const n: string = lintFiles(['samples'], { rules: { x: 'loud' } }).summary.errors;\n`);
    const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const options = ['--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16'];
    const good = spawnSync(process.execPath, [tsc, ...options, 'check.ts'], { cwd: project, encoding: 'utf8' });
    assert.equal(good.status, 0, good.stdout);
    const bad = spawnSync(process.execPath, [tsc, ...options, 'wrong.ts'], { cwd: project, encoding: 'utf8' });
    assert.notEqual(bad.status, 0, 'a wrong use is a type error');
    assert.match(bad.stdout, /wrong\.ts\(2,/);
  });
});
