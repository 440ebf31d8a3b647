import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { drawIcon, ICON_SIZE } from '../scripts/generate-icon';
import { parse } from '../server/src/syntax/parse';
import { vscodeSnippets } from '../server/src/services/templates';
import { repoRoot } from './support/paths';

/*
 * The extension as VS Code sees it: the manifest's contributions point at files that
 * exist, the snippets are current and parse, the Marketplace has what it shows (an
 * icon drawn from the language's, a banner, a changelog, the preview flag), and the
 * .vsix holds only what the installed extension uses, under 1 MB.
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

  it('has what the Marketplace shows: a 128 px PNG icon drawn from media/outcome.svg, a banner, a changelog, the preview flag', async function () {
    this.timeout(60_000);
    const icon = fs.readFileSync(path.join(repoRoot, manifest.icon));
    // A PNG's header, then its IHDR chunk: width and height, 4 bytes each, from byte 16.
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [ICON_SIZE, ICON_SIZE]);
    const drawn = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-icon-')), 'icon.png');
    try {
      await drawIcon(path.join(repoRoot, 'media/outcome.svg'), drawn);
      assert.ok(fs.readFileSync(drawn).equals(icon), 'media/icon.png is what npm run icon draws');
    } finally {
      fs.rmSync(path.dirname(drawn), { recursive: true, force: true });
    }
    assert.equal(manifest.preview, true);
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    assert.match(manifest.repository.url, /^https:\/\/github\.com\//);
    assert.match(fs.readFileSync(path.join(repoRoot, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## ${manifest.version.replace(/\./g, '\\.')}\\b`, 'm'));
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

  it('vsce ls lists what the installed extension uses, and nothing else', () => {
    const listed = execFileSync('npx', ['vsce', 'ls', '--no-dependencies', '--readme-path', 'client/README.md'], { cwd: repoRoot, encoding: 'utf8' }).trim().split('\n').sort();
    const needed = [/^package\.json$/, /^LICENSE$/, /^CHANGELOG\.md$/, /^client\/README\.md$/, /^dist\/(client|server)\.js$/, /^grammar\/[\w.-]+\.json$/, /^schemas\/outcomelintrc\.schema\.json$/, /^media\//, /^docs\/rules\/[\w-]+\/[\w-]+\.md$/];
    assert.deepEqual(listed.filter((f) => !needed.some((n) => n.test(f))), []);
    for (const file of ['CHANGELOG.md', manifest.icon, 'dist/client.js', 'dist/server.js']) assert.ok(listed.includes(file), file);
  });

  it('is under 1 MB', () => {
    const size = fs.statSync(vsix).size;
    assert.ok(size <= 1024 * 1024, `${size} bytes`);
  });
});
