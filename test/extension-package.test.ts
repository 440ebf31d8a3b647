import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../server/src/syntax/parse';
import { vscodeSnippets } from '../server/src/services/templates';
import { repoRoot } from './support/paths';

/*
 * The extension as VS Code sees it: the manifest's contributions point at files that
 * exist, the snippets are current and parse, and the .vsix holds only what the
 * installed extension uses, under 1 MB.
 */

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

describe('extension: manifest', () => {
  it('every file the manifest names exists', () => {
    const files = [
      manifest.main,
      manifest.contributes.languages[0].configuration,
      manifest.contributes.languages[0].icon.light,
      ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
      ...manifest.contributes.snippets.map((s: { path: string }) => s.path),
      ...manifest.contributes.jsonValidation.map((j: { url: string }) => j.url),
      ...manifest.contributes.walkthroughs[0].steps.map((s: { media: { markdown: string } }) => s.media.markdown),
    ];
    assert.deepEqual(files.filter((f: string) => !fs.existsSync(path.join(repoRoot, f))), []);
  });

  it('every command it contributes is registered by the client', () => {
    const client = fs.readFileSync(path.join(repoRoot, 'client/src/extension.ts'), 'utf8');
    for (const { command } of manifest.contributes.commands) assert.ok(client.includes(`'${command}'`), command);
  });

  it("the marketplace page's screenshots are files in the repository", () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'client/README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    assert.ok(images.length >= 3);
    for (const url of images) {
      const file = /^https:\/\/github\.com\/outcome-lint\/outcome-lint\/raw\/HEAD\/(.+)$/.exec(url)?.[1];
      assert.ok(file && fs.existsSync(path.join(repoRoot, file)), url);
    }
  });

  it('works in untrusted workspaces (nothing from a workspace is run), where the workspace cannot turn linting off, hide findings or lift the size limit', () => {
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.deepEqual([...untrusted.restrictedConfigurations].sort(), ['outcomeLint.enable', 'outcomeLint.maxFileSizeMB', 'outcomeLint.maxProblems']);
    for (const setting of untrusted.restrictedConfigurations) assert.ok(setting in manifest.contributes.configuration.properties, `${setting} is a setting`);
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, false);
  });

  it('grammar/snippets.json is generated from the server\'s snippets (npm run docs), and each parses', () => {
    const snippets = vscodeSnippets();
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(repoRoot, 'grammar/snippets.json'), 'utf8')), snippets);
    for (const [name, s] of Object.entries(snippets)) {
      // Put each placeholder's default (or first choice) in its place, as accepting it would.
      const text = s.body.join('\n').replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\\\$/g, '$');
      const errors = parse(text).diagnostics.filter((d) => d.code === 'syntax/parse');
      assert.deepEqual(errors.map((d) => d.message), [], name);
    }
  });
});

describe('extension: the .vsix', function () {
  this.timeout(120_000);
  let vsix: string;

  before(() => {
    vsix = path.join(repoRoot, 'outcome-lint.vsix');
    // `npm test` has just built; package those bundles, minified, as `npm run package` does.
    execFileSync('npm', ['run', '--silent', 'vsix'], { cwd: repoRoot, stdio: 'pipe' });
  });

  after(() => {
    // Packaging minified the bundles; rebuild them as the other tests expect.
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'pipe' });
  });

  it('holds only the bundles and assets: no node_modules, no sources, no tests, no maps', () => {
    const listing = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter((l) => l.startsWith('extension/'));
    const files = listing.map((l) => l.slice('extension/'.length)).filter((f) => f && !f.endsWith('/'));
    assert.deepEqual(files.filter((f) => /node_modules|\.ts$|\.map$|^test\/|^server\/|^client\/|^bench\//.test(f)), []);
    for (const needed of ['package.json', 'dist/client.js', 'dist/server.js', 'grammar/outcome.tmLanguage.json', 'schemas/outcomelintrc.schema.json', 'docs/rules/budget/exceeds.md']) {
      assert.ok(files.includes(needed), needed);
    }
  });

  it('is under 1 MB', () => {
    const size = fs.statSync(vsix).size;
    assert.ok(size <= 1024 * 1024, `${size} bytes`);
  });
});
