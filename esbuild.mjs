// The one bundler: dist/client.js (the VS Code extension), dist/server.js (the
// language server) and dist/cli.js (the outcome-lint command, and, when required, the
// programmatic API `require('outcome-lint')`, with its types in dist/*.d.ts).
// `--minify` builds what is shipped (the .vsix, the npm package): minified, no source maps;
// `--outdir DIR` writes it to DIR instead of dist/ (the package test builds one of its own).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import ts from 'typescript';

const minify = process.argv.includes('--minify');
const at = process.argv.indexOf('--outdir');
const outdir = at < 0 ? 'dist' : process.argv[at + 1];
const out = (name) => path.join(outdir, name);
await mkdir(outdir, { recursive: true });

/**
 * zod's locales, which `z.locales` lists, are two fifths of zod in a bundle (400 KB) and
 * never used: outcome-lint writes its own messages, and zod's English ones come from
 * zod's `en.js`, which this leaves alone.
 */
const noZodLocales = {
  name: 'no-zod-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'no-zod-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'no-zod-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/** The version written into the bundles, for links to its own documentation (rules/links.ts). */
const { version } = JSON.parse(await readFile('package.json', 'utf8'));

const common = {
  bundle: true,
  define: { OUTCOME_LINT_VERSION: JSON.stringify(version) },
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !minify,
  minify,
  logLevel: 'warning',
  // Prefer ES module builds: jsonc-parser's UMD build requires files at run time,
  // which a bundle cannot.
  mainFields: ['module', 'main'],
  plugins: [noZodLocales],
};

/**
 * Builds one bundle and writes esbuild's metafile beside it (`dist/server.meta.json`):
 * which module of the bundle imports what. test/bundle-imports.test.ts reads it; the
 * .vsix and the npm package leave it out (.vscodeignore, `files` in package.json).
 */
async function bundle(options) {
  const result = await esbuild.build({ ...common, ...options, metafile: true });
  await writeFile(options.outfile.replace(/\.js$/, '.meta.json'), JSON.stringify(result.metafile, null, 1));
}

/**
 * The API's type declarations: the API's module and the shape of its result
 * (json-shape.ts, which imports nothing), beside each other in dist/.
 */
async function declarations() {
  for (const [source, file] of [
    ['server/src/api/index.ts', 'api.d.ts'],
    ['server/src/cli/formats/json-shape.ts', 'json-shape.d.ts'],
  ]) {
    const { outputText, diagnostics } = ts.transpileDeclaration(await readFile(source, 'utf8'), { fileName: source });
    if (diagnostics.length > 0) throw new Error(`${source}: ${diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')).join('; ')}`);
    await writeFile(out(file), outputText.replaceAll("'../cli/formats/json-shape'", "'./json-shape'"));
  }
}

await Promise.all([
  bundle({ entryPoints: ['client/src/extension.ts'], outfile: out('client.js'), external: ['vscode'] }),
  bundle({ entryPoints: ['server/src/lsp/main.ts'], outfile: out('server.js') }),
  bundle({
    entryPoints: ['server/src/api/entry.ts'],
    outfile: out('cli.js'),
    banner: { js: '#!/usr/bin/env node' },
  }),
  declarations(),
]);
