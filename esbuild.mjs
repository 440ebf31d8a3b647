// The one bundler: dist/client.js (the VS Code extension), dist/server.js (the
// language server) and dist/cli.js (the outcome-lint command).
import { writeFile } from 'node:fs/promises';
import * as esbuild from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !process.argv.includes('--minify'),
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  // Prefer ES module builds: jsonc-parser's UMD build requires files at run time,
  // which a bundle cannot.
  mainFields: ['module', 'main'],
};

/**
 * Builds one bundle and writes esbuild's metafile beside it (`dist/server.meta.json`):
 * which module of the bundle imports what. test/bundle-imports.test.ts reads it; the
 * .vsix leaves it out (.vscodeignore lists what goes in).
 */
async function bundle(options) {
  const result = await esbuild.build({ ...common, ...options, metafile: true });
  await writeFile(options.outfile.replace(/\.js$/, '.meta.json'), JSON.stringify(result.metafile, null, 1));
}

await Promise.all([
  bundle({ entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  bundle({ entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  bundle({
    entryPoints: ['server/src/cli/index.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
