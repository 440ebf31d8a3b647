import * as fs from 'node:fs';
import * as path from 'node:path';
import { findSpecs, IGNORED_GLOBS, isSpecFile, readProblem, realOrSelf } from '../host/files';
import { displayPath } from './output';
import { UsageError } from './problems';
// `require`, not `import`: the bundler then takes tinyglobby's CommonJS build. Its ES
// module build (and fdir's) reads `import.meta.url`, which a CommonJS bundle lacks.
import tinyglobby = require('tinyglobby');

const { globSync, isDynamicPattern } = tinyglobby;

/*
 * Which files a run lints. Each argument is a file (linted whatever its name), a
 * folder (every `.outcome` file below it, found by the walk the language server uses
 * too, host/files.ts), or a glob such as `specs/**\/*.outcome` (its `.outcome`
 * matches, outside the same ignored folders), for shells that do not expand globs
 * themselves. Globs are matched with tinyglobby.
 */

export interface Discovered {
  /** Absolute paths, each file once (symbolic links followed), sorted. */
  readonly files: readonly string[];
  /**
   * The folders being checked, the project's roots: the current folder and each
   * argument's folder (a folder, a file's folder, a glob's fixed part). A `use` may reach
   * into them, and the search for a file's settings stops at the outermost that holds it.
   */
  readonly roots: readonly string[];
}

export function discover(args: readonly string[], cwd: string): Discovered {
  const given = args.length > 0 ? args : ['.'];
  const found: string[] = [];
  const roots = new Set<string>([cwd]);
  for (const arg of given) {
    const full = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(full, { throwIfNoEntry: false });
    } catch (error) {
      throw new UsageError(`cannot read ${arg}: ${readProblem(error)}`);
    }
    if (stat?.isDirectory()) {
      const { files, unreadable } = findSpecs(full);
      if (unreadable.length > 0) throw new UsageError(...unreadable.map((u) => `cannot read the folder ${displayPath(u, cwd)}: permission denied or gone`));
      if (files.length === 0) {
        throw new UsageError(args.length > 0 ? `no .outcome files in the folder ${arg}` : 'no .outcome files in the current folder (name files or folders to lint; see outcome-lint --help)');
      }
      roots.add(full);
      found.push(...files);
    } else if (stat && !stat.isFile()) {
      throw new UsageError(`cannot read ${arg}: it is not a regular file`);
    } else if (stat) {
      roots.add(path.dirname(full));
      found.push(full);
    } else if (isDynamicPattern(arg)) {
      const pattern = process.platform === 'win32' ? arg.replace(/\\/g, '/') : arg;
      const base = path.resolve(cwd, fixedPart(pattern));
      const files = globSync(pattern, { cwd, absolute: true, dot: true, ignore: [...IGNORED_GLOBS], expandDirectories: false }).filter(isSpecFile);
      if (files.length === 0) throw new UsageError(`no .outcome files match ${arg}`);
      roots.add(base);
      found.push(...files.map((f) => path.normalize(f)));
    } else {
      throw new UsageError(`cannot find ${arg}: there is no such file or folder`);
    }
  }
  return { files: uniqueByRealPath(found), roots: [...roots] };
}

/**
 * The one specification a command names (report, export, each side of diff), with the
 * project's roots for it, found as linting it would find them.
 */
export function discoverSpec(given: string, cwd: string): { file: string; roots: readonly string[] } {
  const { files, roots } = discover([given], cwd);
  if (files.length !== 1 || files[0] !== path.resolve(cwd, given)) throw new UsageError(`${given} is a folder: name one specification in it`);
  return { file: files[0], roots };
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
function uniqueByRealPath(found: readonly string[]): string[] {
  const depth = (file: string): number => file.split(path.sep).length;
  const ordered = [...new Set(found)].sort((a, b) => depth(a) - depth(b) || compare(a, b));
  const seen = new Set<string>();
  const files: string[] = [];
  for (const file of ordered) {
    const real = realOrSelf(file);
    if (seen.has(real)) continue;
    seen.add(real);
    files.push(file);
  }
  return files.sort(compare);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
