import * as fs from 'node:fs';
import * as path from 'node:path';
import { realOrSelf } from '../host/files';

/*
 * Every file outcome-lint writes (a spec it fixes or formats, a report, a baseline) is
 * written whole or not at all: the text goes to a new file beside it, which then takes
 * its place in one rename, so a write that fails half way (a full disk, a killed run)
 * leaves the file as it was. A symbolic link is written through: the file it leads to
 * is replaced, in that file's folder, and the link stays a link.
 */

/** Writes `text` as the whole of `file`, keeping the mode of a file that exists; Node's error when it cannot. */
export function replaceFile(file: string, text: string): void {
  const target = realOrSelf(file);
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  // A pipe or a device (`--output /dev/stdout`) cannot be replaced, only written to.
  if (stat && !stat.isFile() && !stat.isDirectory()) {
    fs.writeFileSync(target, text);
    return;
  }
  const beside = path.join(path.dirname(target), `.${path.basename(target)}.outcome-lint-${process.pid}`);
  try {
    fs.writeFileSync(beside, text, stat ? { mode: stat.mode } : {});
    fs.renameSync(beside, target);
  } catch (error) {
    fs.rmSync(beside, { force: true });
    throw error;
  }
}
