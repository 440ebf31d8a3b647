import * as fs from 'node:fs';
import * as path from 'node:path';
import { findSpecs, IGNORED_GLOBS, isSpecFile, kindAt, nameIn, readProblem, realInside, realOrSelf, Root, rootOf } from '../host/files';
import { Project } from '../host/project';
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
  /** Each file once, by its id (host/project.ts), sorted. */
  readonly files: readonly string[];
  /**
   * The folders being checked, the project's roots: each argument's folder (a folder, a
   * file's own folder, a glob's fixed part). A `use` may reach into them, and no further.
   */
  readonly roots: readonly string[];
}

export function discover(args: readonly string[], cwd: string): Discovered {
  const given = args.length > 0 ? args : ['.'];
  /** Each file found: its real path, and the path it was given by (for a file named on the command line). */
  const found: { real: string; given?: string }[] = [];
  const roots: Root[] = [];
  for (const arg of given) {
    const full = path.resolve(cwd, arg);
    const stat = statOf(arg, full);
    if (stat?.isDirectory()) {
      const root = rootOf(full);
      const { files, unreadable } = findSpecs(root);
      if (unreadable.length > 0) {
        throw new UsageError(...unreadable.sort().map((u) => `cannot read the folder ${displayPath(nameIn(u, [root])!, cwd)}: permission denied or gone`));
      }
      if (files.length === 0) {
        throw new UsageError(args.length > 0 ? `no .outcome files in the folder ${arg}` : 'no .outcome files in the current folder (name files or folders to lint; see outcome-lint --help)');
      }
      roots.push(root);
      found.push(...files.map((real) => ({ real })));
    } else if (stat && !stat.isFile()) {
      throw new UsageError(`cannot read ${arg}: it is not a regular file`);
    } else if (stat) {
      roots.push(rootOf(path.dirname(full)));
      found.push({ real: realOrSelf(full), given: full });
    } else if (isDynamicPattern(arg)) {
      const pattern = process.platform === 'win32' ? arg.replace(/\\/g, '/') : arg;
      const root = rootOf(path.resolve(cwd, fixedPart(pattern)));
      // What the walk of the glob's folder would take: regular files, through links only while they stay inside.
      const files = globSync(pattern, { cwd, absolute: true, dot: true, ignore: [...IGNORED_GLOBS], expandDirectories: false })
        .filter(isSpecFile)
        .map((file) => realInside(path.normalize(file), root.real))
        .filter((real): real is string => real !== undefined && kindAt(real) === 'file');
      if (files.length === 0) throw new UsageError(`no .outcome files match ${arg}`);
      roots.push(root);
      found.push(...files.map((real) => ({ real })));
    } else {
      throw new UsageError(`cannot find ${arg}: there is no such file or folder`);
    }
  }
  // One name a file, however many arguments or links reach it (host/files.ts): a file
  // named on the command line whose link leads out of its folder keeps the name given.
  const names = new Set(found.map((f) => Project.id(nameIn(f.real, roots) ?? f.given ?? f.real)));
  return { files: [...names].sort(), roots: roots.map((r) => r.given) };
}

/**
 * `--stdin --stdin-filename PATH`: the file the text on standard input stands for, as a
 * file named on the command line would be found (its folder the root), though it need
 * not exist on disk.
 */
export function discoverStdin(given: string, cwd: string): Discovered {
  const full = path.resolve(cwd, given);
  if (statOf(given, full)?.isDirectory()) throw new UsageError(`--stdin-filename ${given} is a folder: name the file the text stands for`);
  const root = rootOf(path.dirname(full));
  return { files: [Project.id(nameIn(realOrSelf(full), [root]) ?? full)], roots: [root.given] };
}

/**
 * The one specification a command names (report, export, each side of diff), with the
 * project's roots for it, found as linting it would find them. A folder is refused before
 * anything in it is read.
 */
export function discoverSpec(given: string, cwd: string): { file: string; roots: readonly string[] } {
  if (statOf(given, path.resolve(cwd, given))?.isDirectory()) throw new UsageError(`${given} is a folder: name one specification in it`);
  const { files, roots } = discover([given], cwd);
  if (files.length !== 1) throw new UsageError(`${given} matches ${files.length} specifications: name one of them`);
  return { file: files[0], roots };
}

/** What an argument names; undefined when nothing is there; a UsageError when it cannot be looked at. */
function statOf(arg: string, full: string): fs.Stats | undefined {
  try {
    return fs.statSync(full, { throwIfNoEntry: false });
  } catch (error) {
    throw new UsageError(`cannot read ${arg}: ${readProblem(error)}`);
  }
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
