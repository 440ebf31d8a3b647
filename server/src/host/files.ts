import * as fs from 'node:fs';
import * as path from 'node:path';

/*
 * The files of a folder that outcome-lint looks at: the one walk, with the one set of
 * folders it leaves out, for the CLI (a folder named on the command line) and the
 * language server (the workspace folders). They must agree on which files a
 * repository holds.
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

/**
 * Every `.outcome` file below `folder` (absolute paths, sorted), leaving out ignored
 * folders. A symbolic link is followed only while its real path stays inside `folder`:
 * a link to a credentials file or to /dev/zero is not a spec of this folder. A file
 * that links reach by several paths is found once, by the first path in name order.
 * Folders that cannot be read are passed over and named in `unreadable`.
 */
export function findSpecs(folder: string): { files: string[]; unreadable: string[] } {
  const top = realOrSelf(folder);
  const files: string[] = [];
  const unreadable: string[] = [];
  const seen = new Set<string>();
  const once = (file: string): boolean => {
    const real = realOrSelf(file);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  };
  const walk = (dir: string): void => {
    if (!once(dir)) return; // a folder already walked, through a link
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      unreadable.push(dir);
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let kind: 'file' | 'folder' | undefined = entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : undefined;
      if (entry.isSymbolicLink()) kind = linkKind(full, top);
      if (kind === 'folder' && !isIgnoredFolder(entry.name)) walk(full);
      else if (kind === 'file' && isSpecFile(entry.name) && once(full)) files.push(full);
    }
  };
  walk(folder);
  return { files: files.sort(), unreadable };
}

/** What a link leads to, when its real path is inside `top`; undefined for a link that leaves it, or leads nowhere. */
function linkKind(link: string, top: string): 'file' | 'folder' | undefined {
  try {
    const real = fs.realpathSync(link);
    if (!isInside(real, top)) return undefined;
    const stat = fs.statSync(real);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A file's bytes; undefined when there is no such file; Node's error when it cannot be
 * read. Only a regular file is read: a folder, a FIFO or a device is refused (code
 * EISDIR or ENOTREGULAR) before anything is read, as reading one could hang or never end.
 */
export function readRegularFile(file: string): Buffer | undefined {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return undefined;
  if (!stat.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: stat.isDirectory() ? 'EISDIR' : 'ENOTREGULAR' });
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

/** The path with its symbolic links followed, or as given when it does not exist. */
export function realOrSelf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
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
