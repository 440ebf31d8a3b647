import * as path from 'node:path';
import { isInside, isSpecFile, readProblem, realOrSelf } from '../host/files';
import type { Io } from './io';
import { UsageError } from './problems';
import { replaceFile } from './replace-file';

/**
 * Writes a command's output: to standard output, or to the file named by `--output`
 * (or `--html`, `--markdown`, `--baseline`…; `-` is standard output), whole or not at
 * all. `specs` are the specifications the command reads, which the output must not
 * replace (`checkOutput`). A file that cannot be written stops the run with one line
 * saying why.
 */
export function writeOutput(io: Io, target: string | undefined, text: string, specs: readonly string[]): void {
  if (target === undefined || target === '-') {
    io.stdout(text);
    return;
  }
  checkOutput(io.cwd, target, specs);
  try {
    replaceFile(path.resolve(io.cwd, target), text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : readProblem(error);
    throw new UsageError(`cannot write ${target}: ${reason}`);
  }
}

/**
 * Refuses an output file that is one of `specs` (through any link), or that is named
 * like a specification: one slip in a command line (`report b.outcome --markdown
 * b.outcome`) would otherwise replace a contract with a report.
 */
export function checkOutput(cwd: string, target: string | undefined, specs: readonly string[]): void {
  if (target === undefined || target === '-') return;
  const real = realOrSelf(path.resolve(cwd, target));
  if (specs.some((spec) => realOrSelf(spec) === real)) {
    throw new UsageError(`will not write the output to ${target}: it is a specification this command reads; name another file`);
  }
  if (isSpecFile(real) || isSpecFile(target)) {
    throw new UsageError(`will not write the output to ${target}: a name ending in .outcome is a specification's; name another file`);
  }
}

/** A path as shown in reports: relative to the current folder with `/`, or absolute when outside it. */
export function displayPath(file: string, cwd: string): string {
  if (file === cwd || !isInside(file, cwd)) return file;
  return path.relative(cwd, file).split(path.sep).join('/');
}
