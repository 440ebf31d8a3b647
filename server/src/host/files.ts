import * as fs from 'node:fs';
import * as path from 'node:path';

/*
 * The files of a folder that outcome-lint looks at: the one walk, with the one set of
 * folders it leaves out, for the CLI (a folder named on the command line) and the
 * language server (the workspace folders). They must agree on which files a
 * repository holds, and on what each is called.
 *
 * One file, one name: a file that links reach by several paths is named by its real
 * path, put under the root that holds it as that root was given (`nameIn`). The walk,
 * the CLI's arguments and `use` lines all name files so, so that a file has one id,
 * and one set of settings, however it is reached.
 */

/** Folders never walked into: installed packages, and the folders of tools (`.git`, `.vscode`…). */
export function isIgnoredFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** The same folders as glob patterns, for the CLI's globs. */
export const IGNORED_GLOBS: readonly string[] = ['**/node_modules/**', '**/.*/**'];

/** A specification, by its name. */
export function isSpecFile(name: string): boolean {
  return name.endsWith('.outcome');
}

/** A folder of a project: as it was given (absolute), and with its links followed. */
export interface Root {
  readonly given: string;
  readonly real: string;
}

export function rootOf(folder: string): Root {
  const given = path.resolve(folder);
  return { given, real: realOrSelf(given) };
}

/**
 * A file's one name, from its real path: the real path put under the outermost of
 * `roots` whose real path holds it, as that root was given (of two roots that are one
 * folder, the one given without a link). Where `alias` links to `team/deep`,
 * `alias/c.outcome` is `team/deep/c.outcome`, whichever path reached it. Undefined when
 * no root holds it.
 */
export function nameIn(real: string, roots: readonly Root[]): string | undefined {
  let holder: Root | undefined;
  for (const root of roots) if (isInside(real, root.real) && (!holder || outer(root, holder))) holder = root;
  return holder && path.join(holder.given, path.relative(holder.real, real));
}

function outer(a: Root, b: Root): boolean {
  return a.real.length < b.real.length || (a.real === b.real && a.given === a.real && b.given !== b.real);
}

/** What a walk found: real paths (name them with `nameIn`), in no particular order. */
export interface Found {
  /** Every `.outcome` file, once. */
  readonly files: string[];
  /** Folders that could not be read. */
  readonly unreadable: string[];
  /** Whether the ignores left out a spec or a folder (or the root itself). */
  readonly leftOut: boolean;
}

/** Whether the ignores (host/ignores.ts) leave out an entry, a file or a folder, by its real path. */
export type LeftOut = (entry: string, folder: boolean) => boolean;

/**
 * The walk: every `.outcome` file below `root`, leaving out ignored folders, one folder
 * read at a time. It yields after each folder (and every LINKS_BETWEEN_YIELDS links in
 * one), so that the language server can answer messages as it goes; `findSpecs` runs it
 * to the end at once.
 *
 * A symbolic link is followed only while its real path stays inside the root: a link to
 * a credentials file or to /dev/zero is not a spec of this folder. Real paths are looked
 * up (realpath, which costs a look at each folder of the path) only for the root and for
 * links to a folder or a spec: any other entry's real path is its folder's real path and
 * its name, and 1,460 links to manual pages in one folder are only looked at (stat). A
 * folder is walked once, however many links lead to it, and a link to a folder above
 * ends there. Folders that cannot be read are passed over and listed. Entries that
 * `leftOut` leaves out (the ignores) are passed over, a folder with all it holds.
 */
export function* walkSpecs(root: Root, leftOut: LeftOut = () => false): Generator<void, Found> {
  const files = new Set<string>();
  const unreadable: string[] = [];
  const walked = new Set<string>();
  let left = false;
  const folders = [root.real];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    if (walked.has(folder)) continue;
    walked.add(folder);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      unreadable.push(folder);
      continue;
    }
    let links = 0;
    for (const entry of entries) {
      let kind = kindOf(entry);
      let real: string | undefined;
      if (entry.isSymbolicLink()) {
        if (++links % LINKS_BETWEEN_YIELDS === 0) yield;
        kind = kindAt(path.join(folder, entry.name));
        real = takes(kind, entry.name) ? realInside(path.join(folder, entry.name), root.real) : undefined;
      } else if (takes(kind, entry.name)) {
        real = path.join(folder, entry.name);
      }
      if (real === undefined) continue;
      if (leftOut(real, kind === 'folder')) {
        left = true;
        continue;
      }
      if (kind === 'folder') folders.push(real);
      else files.add(real);
    }
    yield;
  }
  return { files: [...files], unreadable, leftOut: left };
}

/** Whether the walk takes an entry: a folder it does not leave out, or a spec. */
function takes(kind: Kind, name: string): boolean {
  return kind === 'folder' ? !isIgnoredFolder(name) : kind === 'file' && isSpecFile(name);
}

/** Links looked at (stat) between two yields of the walk: a few milliseconds' work. */
const LINKS_BETWEEN_YIELDS = 100;

/** The walk of one folder, to its end. */
export function findSpecs(root: Root, leftOut?: LeftOut): Found {
  return finish(walkSpecs(root, leftOut));
}

/** Runs a walk (or anything built on one) to its end, at once. */
export function finish<T>(walk: Generator<void, T>): T {
  for (;;) {
    const step = walk.next();
    if (step.done) return step.value;
  }
}

/** A regular file, a folder, or neither (nothing, a pipe, a device, a socket). */
type Kind = 'file' | 'folder' | undefined;

function kindOf(entry: fs.Dirent | fs.Stats | undefined): Kind {
  return entry?.isFile() ? 'file' : entry?.isDirectory() ? 'folder' : undefined;
}

/** What a path leads to, links followed. */
export function kindAt(file: string): Kind {
  try {
    return kindOf(fs.statSync(file, { throwIfNoEntry: false }));
  } catch {
    return undefined;
  }
}

/**
 * Where a path really leads, when that is inside `top`; undefined when it leaves it or
 * leads nowhere. The walk's rule for links, and the CLI's for what a glob matches.
 */
export function realInside(file: string, top: string): string | undefined {
  try {
    const real = fs.realpathSync(file);
    return isInside(real, top) ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A file larger than outcome-lint reads. A parse holds 75 to 100 times the size of the
 * file, so a file of tens of megabytes would take the memory of the machine and minutes;
 * a real specification is a few kilobytes.
 */
export class TooLargeError extends Error {
  /** Sizes in MB (2²⁰ bytes, as the settings count them): the file's rounded up to a tenth, so that one just over the limit is never shown as equal to it; the limit as set, to a hundredth. */
  constructor(size: number, maxBytes: number) {
    super(`is ${String(Math.ceil((size / 2 ** 20) * 10) / 10)} MB, more than the ${String(Math.round((maxBytes / 2 ** 20) * 100) / 100)} MB outcome-lint reads`);
  }
}

/**
 * A file's bytes; undefined when there is no such file; Node's error when it cannot be
 * read. Only a regular file of at most `maxBytes` is read: a folder, a FIFO or a device
 * is refused (code EISDIR or ENOTREGULAR), and a larger file with a TooLargeError,
 * before anything is read, as reading one could hang, never end, or fill the memory.
 */
export function readRegularFile(file: string, maxBytes = Infinity): Buffer | undefined {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return undefined;
  if (!stat.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: stat.isDirectory() ? 'EISDIR' : 'ENOTREGULAR' });
  if (stat.size > maxBytes) throw new TooLargeError(stat.size, maxBytes);
  return fs.readFileSync(file);
}

/** Node's error codes for a file that cannot be read, in words. */
export function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'it does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTREGULAR':
      return 'it is not a regular file (a pipe or a device?)';
    case 'ENOTDIR':
      return 'a part of its path is a file, not a folder';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    case 'ELOOP':
      return 'its symbolic links go round in a circle';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/**
 * The path with its symbolic links followed. For a path that does not exist (a `use` of
 * a missing file), its folder's real path and its name: the file would be there, so a
 * missing file in a linked folder is missing, not outside.
 */
export function realOrSelf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    const folder = path.dirname(file);
    return folder === file ? file : path.join(realOrSelf(folder), path.basename(file));
  }
}

/**
 * The top of the repository that holds a folder (the nearest folder with a `.git`, a
 * folder or a worktree's file), or the root of the file system when none does: where the
 * search for settings and `.gitignore` files stops, and what `extends` may reach.
 */
export function repositoryTop(folder: string): string {
  for (let current = folder; ; current = path.dirname(current)) {
    if (path.dirname(current) === current || fs.existsSync(path.join(current, '.git'))) return current;
  }
}

/**
 * Whether `file` is `folder` or below it, as paths (links are not followed here). A
 * name that only begins with two dots, such as `..notes`, is inside.
 */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
