import * as fs from 'node:fs';
import * as path from 'node:path';
import { finish, IGNORED_GLOBS, isSpecFile, kindAt, nameIn, readProblem, realInside, realOrSelf, Root, rootOf } from '../host/files';
import { Project, ProjectOptions } from '../host/project';
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
  /** The project of the run, made with these roots. */
  readonly project: Project;
  /** Files named on the command line that the ignores leave out, each with why ("… is ignored (by .gitignore)"). */
  readonly ignored: readonly string[];
}

/** What the project is made with, besides its roots. */
export type ProjectSettings = Omit<ProjectOptions, 'roots'>;

/** One argument, once looked at: a folder to walk, a file, or a glob's matches (the roots are known before anything is walked). */
type Argument = { arg: string; root: Root } & ({ kind: 'folder' } | { kind: 'file'; full: string } | { kind: 'glob'; pattern: string });

export function discover(args: readonly string[], cwd: string, settings: ProjectSettings): Discovered {
  const given = args.length > 0 ? args : ['.'];
  const looked = given.map((arg) => lookAt(arg, cwd));
  const roots = looked.map((a) => a.root);
  const project = new Project({ ...settings, roots: roots.map((r) => r.given) });
  const shown = (real: string): string => displayPath(nameIn(real, roots) ?? real, cwd);
  /** Each file found: its real path, and the path it was given by (for a file named on the command line). */
  const found: { real: string; given?: string }[] = [];
  const ignored: string[] = [];
  for (const a of looked) {
    if (a.kind === 'folder') {
      const { files, unreadable, leftOut } = finish(project.walkFolder(a.root));
      if (unreadable.length > 0) throw new UsageError(...unreadable.sort().map((u) => `cannot read the folder ${shown(u)}: permission denied or gone`));
      if (files.length === 0) {
        const none = args.length > 0 ? `no .outcome files in the folder ${a.arg}` : 'no .outcome files in the current folder';
        throw new UsageError(leftOut ? `${none} that the ignores leave in${IGNORES_HINT}` : args.length > 0 ? none : `${none} (name files or folders to lint; see outcome-lint --help)`);
      }
      found.push(...files.map((real) => ({ real })));
    } else if (a.kind === 'file') {
      const real = realOrSelf(a.full);
      const by = project.ignoredBy(real);
      if (by === undefined) found.push({ real, given: a.full });
      else ignored.push(`${a.arg} is ignored (by ${by === '--ignore-pattern' ? by : shown(by)}), and not linted`);
    } else {
      // What the walk of the glob's folder would take: regular files, through links only while they stay inside.
      const matches = globSync(a.pattern, { cwd, absolute: true, dot: true, ignore: [...IGNORED_GLOBS], expandDirectories: false })
        .filter(isSpecFile)
        .map((file) => realInside(path.normalize(file), a.root.real))
        .filter((real): real is string => real !== undefined && kindAt(real) === 'file');
      const files = matches.filter((real) => project.ignoredBy(real) === undefined);
      if (files.length === 0) throw new UsageError(`no .outcome files match ${a.arg}${matches.length > 0 ? ` that the ignores leave in${IGNORES_HINT}` : ''}`);
      found.push(...files.map((real) => ({ real })));
    }
  }
  // One name a file, however many arguments or links reach it (host/files.ts): a file
  // named on the command line whose link leads out of its folder keeps the name given.
  const names = new Set(found.map((f) => Project.id(nameIn(f.real, roots) ?? f.given ?? f.real)));
  return { files: [...names].sort(), roots: roots.map((r) => r.given), project, ignored };
}

const IGNORES_HINT = ' (.gitignore files, the `ignores` of .outcomelintrc.json, --ignore-pattern; --no-gitignore reads no .gitignore)';

function lookAt(arg: string, cwd: string): Argument {
  const full = path.resolve(cwd, arg);
  const stat = statOf(arg, full);
  if (stat?.isDirectory()) return { arg, kind: 'folder', root: rootOf(full) };
  if (stat && !stat.isFile()) throw new UsageError(`cannot read ${arg}: it is not a regular file`);
  if (stat) return { arg, kind: 'file', full, root: rootOf(path.dirname(full)) };
  if (isDynamicPattern(arg)) {
    const pattern = process.platform === 'win32' ? arg.replace(/\\/g, '/') : arg;
    return { arg, kind: 'glob', pattern, root: rootOf(path.resolve(cwd, fixedPart(pattern))) };
  }
  throw new UsageError(`cannot find ${arg}: there is no such file or folder`);
}

/**
 * `--stdin --stdin-filename PATH`: the file the text on standard input stands for, as a
 * file named on the command line would be found (its folder the root), though it need
 * not exist on disk.
 */
export function discoverStdin(given: string, cwd: string, settings: ProjectSettings): Discovered {
  const full = path.resolve(cwd, given);
  if (statOf(given, full)?.isDirectory()) throw new UsageError(`--stdin-filename ${given} is a folder: name the file the text stands for`);
  const root = rootOf(path.dirname(full));
  const project = new Project({ ...settings, roots: [root.given] });
  const file = Project.id(nameIn(realOrSelf(full), [root]) ?? full);
  const by = project.ignoredBy(file);
  if (by === undefined) return { files: [file], roots: [root.given], project, ignored: [] };
  return { files: [], roots: [root.given], project, ignored: [`${given} is ignored (by ${by === '--ignore-pattern' ? by : displayPath(by, cwd)}), and not linted`] };
}

/**
 * The one specification a command names (report, export, each side of diff), with the
 * project's roots for it, found as linting it would find them. A folder is refused before
 * anything in it is read.
 */
export function discoverSpec(given: string, cwd: string, settings: ProjectSettings): { file: string; roots: readonly string[]; project: Project } {
  if (statOf(given, path.resolve(cwd, given))?.isDirectory()) throw new UsageError(`${given} is a folder: name one specification in it`);
  const { files, roots, project, ignored } = discover([given], cwd, settings);
  if (ignored.length > 0) throw new UsageError(ignored[0].replace(/, and not linted$/, ': name a file the ignores leave in'));
  if (files.length !== 1) throw new UsageError(`${given} matches ${files.length} specifications: name one of them`);
  return { file: files[0], roots, project };
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
