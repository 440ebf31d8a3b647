import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './paths';

/* The bundled `outcome-lint` (dist/cli.js) run as a user runs it, and the folders it is run on. */

export const CLI = path.join(repoRoot, 'dist', 'cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs dist/cli.js in `cwd`, with `input` on its standard input, colour left to the command line. */
export function runCli(args: readonly string[], cwd: string, input?: string | Buffer): CliRun {
  const env = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR']) delete env[name];
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, env, input, encoding: 'utf8' });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A new empty folder, its path with links followed (macOS's /tmp is a link). */
export function tempFolder(prefix: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

/** Writes a file below `root`, making its folders. */
export function writeIn(root: string, relative: string, content: string | Buffer): string {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** A run that could not start: exit code 2, nothing on standard output, one line on standard error, matching `pattern`. */
export function assertRefused(run: CliRun, pattern: RegExp): void {
  assert.equal(run.status, 2, `exit code (stderr: ${run.stderr})`);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^outcome-lint: [^\n]+\n$/);
  assert.match(run.stderr, pattern);
}
