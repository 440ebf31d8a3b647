import * as fs from 'node:fs';
import * as path from 'node:path';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * The `.outcome` files named by the command line: a file as given, a folder as every
 * `.outcome` file below it (not inside node_modules or .git), sorted for stable output.
 * Throws a one-line Error for a path that does not exist.
 */
export function discover(args: readonly string[]): string[] {
  const files = new Set<string>();
  for (const arg of args) {
    const full = path.resolve(arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      throw new Error(`no such file or folder: ${arg}`);
    }
    if (stat.isDirectory()) walk(full, files);
    else files.add(full);
  }
  return [...files].sort();
}

function walk(folder: string, files: Set<string>): void {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, files);
    } else if (entry.isFile() && entry.name.endsWith('.outcome')) {
      files.add(full);
    }
  }
}
