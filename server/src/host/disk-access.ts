import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileAccess } from '../model/file-access';
import { decodeText } from './decode-text';

/**
 * `FileAccess` over the disk, for the CLI, the server and tests. Files are named by
 * absolute path. A `use` may only reach files inside one of `roots` (after following
 * symlinks): a spec from a tender pack must not read the rest of the machine.
 */
export class DiskAccess implements FileAccess {
  private readonly roots: string[];

  constructor(roots: readonly string[]) {
    this.roots = roots.map((root) => realOrSelf(path.resolve(root)));
  }

  resolve(from: string, target: string): { uri: string } | { refused: string } {
    if (path.isAbsolute(target) || /^[A-Za-z]:[\\/]/.test(target)) {
      return { refused: 'give the path relative to this file, not an absolute path' };
    }
    const resolved = path.resolve(path.dirname(from), target);
    const real = realOrSelf(resolved);
    if (!this.roots.some((root) => isInside(real, root))) {
      return { refused: 'it is outside the folder being linted, and outcome-lint only reads files inside it' };
    }
    return { uri: resolved };
  }

  read(file: string): string | { problem: string } | undefined {
    return readDecoded(file);
  }

  display(file: string): string {
    const root = this.roots.find((r) => isInside(realOrSelf(file), r));
    return root ? path.relative(root, realOrSelf(file)) || path.basename(file) : file;
  }
}

/**
 * A file's text as `decodeText` reads it (or why it cannot be read so), or undefined when
 * it cannot be read at all. `read` gets the bytes: from the disk, or from memory in tests.
 */
export function readDecoded(file: string, read: (file: string) => Buffer = fs.readFileSync): string | { problem: string } | undefined {
  let bytes: Buffer;
  try {
    bytes = read(file);
  } catch {
    return undefined;
  }
  return decodeText(bytes);
}

function realOrSelf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** Whether `file` is `root` or below it (paths as given: symlinks are not followed). */
export function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
