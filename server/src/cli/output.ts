import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside, readProblem } from '../host/files';
import type { Io } from './io';
import { UsageError } from './problems';

/**
 * Writes a command's output: to standard output, or to the file named by `--output`
 * (or `--html`, `--markdown`…; `-` is standard output). A file that cannot be written
 * stops the run with one line saying why.
 */
export function writeOutput(io: Io, target: string | undefined, text: string): void {
  if (target === undefined || target === '-') {
    io.stdout(text);
    return;
  }
  try {
    fs.writeFileSync(path.resolve(io.cwd, target), text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : readProblem(error);
    throw new UsageError(`cannot write ${target}: ${reason}`);
  }
}

/** A path as shown in reports: relative to the current folder with `/`, or absolute when outside it. */
export function displayPath(file: string, cwd: string): string {
  if (file === cwd || !isInside(file, cwd)) return file;
  return path.relative(cwd, file).split(path.sep).join('/');
}
