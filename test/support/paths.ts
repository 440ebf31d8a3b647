import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The repository's root: where `npm test` runs mocha. Tests read samples, fixtures
 * and docs from there, wherever their compiled files are.
 */
export const repoRoot = process.cwd();

if (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).name !== 'outcome-lint') {
  throw new Error('run the tests from the repository root (npm test)');
}

/** The bundled sample specifications. */
export const samplesDir = path.join(repoRoot, 'samples');

/** A sample's or fixture's text without its byte order mark, as outcome-lint reads it. */
export function readText(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}
