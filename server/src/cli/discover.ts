import * as fs from 'node:fs';
import * as path from 'node:path';
import { ioProblem, UsageError } from './problems';
// `require`, not `import`: the bundler then takes tinyglobby's CommonJS build. Its ES
// module build (and fdir's) reads `import.meta.url`, which a CommonJS bundle lacks.
import tinyglobby = require('tinyglobby');

const { globSync, isDynamicPattern } = tinyglobby;

/*
 * Which files a run lints. Each argument is a file (linted whatever its name), a
 * folder (every `.outcome` file below it, not inside node_modules or .git), or a glob
 * such as `specs/**\/*.outcome` (its `.outcome` matches), for shells that do not
 * expand globs themselves. Globs are matched with tinyglobby.
 */

const IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface Discovered {
  /** Absolute paths, each file once (symbolic links followed), sorted. */
  readonly files: readonly string[];
  /** For each file, the folder its argument names: a folder, a file's folder, a glob's fixed part. */
  readonly baseOf: ReadonlyMap<string, string>;
  /** Folders a `use` may reach into: the current folder and each argument's folder. */
  readonly roots: readonly string[];
}

export function discover(args: readonly string[], cwd: string): Discovered {
  const given = args.length > 0 ? args : ['.'];
  const found: { file: string; base: string }[] = [];
  const roots = new Set<string>([cwd]);
  for (const arg of given) {
    const full = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(full, { throwIfNoEntry: false });
    } catch (error) {
      throw new UsageError(`cannot read ${arg}: ${ioProblem(error)}`);
    }
    if (stat?.isDirectory()) {
      const files = globSync('**/*.outcome', { cwd: full, absolute: true, dot: true, ignore: IGNORED });
      if (files.length === 0) {
        throw new UsageError(args.length > 0 ? `no .outcome files in the folder ${arg}` : 'no .outcome files in the current folder (name files or folders to lint; see outcome-lint --help)');
      }
      roots.add(full);
      for (const file of files) found.push({ file: path.normalize(file), base: full });
    } else if (stat && !stat.isFile()) {
      throw new UsageError(`cannot read ${arg}: it is not a regular file`);
    } else if (stat) {
      roots.add(path.dirname(full));
      found.push({ file: full, base: path.dirname(full) });
    } else if (isDynamicPattern(arg)) {
      const pattern = process.platform === 'win32' ? arg.replace(/\\/g, '/') : arg;
      const base = path.resolve(cwd, fixedPart(pattern));
      const files = globSync(pattern, { cwd, absolute: true, dot: true, ignore: IGNORED, expandDirectories: false }).filter((f) =>
        f.endsWith('.outcome'),
      );
      if (files.length === 0) throw new UsageError(`no .outcome files match ${arg}`);
      roots.add(base);
      for (const file of files) found.push({ file: path.normalize(file), base });
    } else {
      throw new UsageError(`cannot find ${arg}: there is no such file or folder`);
    }
  }
  return { ...uniqueByRealPath(found), roots: [...roots] };
}

/** The folders of a glob before its first segment with a wildcard: `specs/**\/*.outcome` → `specs`. */
function fixedPart(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isDynamicPattern(segment)) break;
    fixed.push(segment);
  }
  if (fixed.length === 1 && fixed[0] === '') return '/';
  return fixed.length > 0 ? fixed.join('/') : '.';
}

/**
 * Each file once, however many arguments or links reach it. The shortest path that
 * reaches a file names it (a link's target is usually nearer the top than the link).
 */
function uniqueByRealPath(found: readonly { file: string; base: string }[]): { files: string[]; baseOf: Map<string, string> } {
  const depth = (file: string): number => file.split(path.sep).length;
  const ordered = [...found].sort((a, b) => depth(a.file) - depth(b.file) || compare(a.file, b.file));
  const seen = new Set<string>();
  const baseOf = new Map<string, string>();
  for (const { file, base } of ordered) {
    if (baseOf.has(file)) continue;
    let real = file;
    try {
      real = fs.realpathSync.native(file);
    } catch {
      // Reading it will report the problem.
    }
    if (seen.has(real)) continue;
    seen.add(real);
    baseOf.set(file, base);
  }
  return { files: [...baseOf.keys()].sort(compare), baseOf };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
