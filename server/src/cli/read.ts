import { decodeText } from '../host/decode-text';
import { TooLargeError } from '../host/files';
import { Project } from '../host/project';
import { LIMIT_NAMES, LimitName, raiseLimit } from './file-size';
import type { Io } from './io';
import { UsageError } from './problems';

/*
 * Reading a spec a command was asked about: the one reader of every command (lint,
 * report, export, diff), through the project. A file that cannot be read, or that is
 * not UTF-8 text, stops the run (exit code 2) with one line naming the file and, for
 * bad bytes, where they are: linting the rest would hide that a spec was never checked.
 */

/** The spec's text, or a UsageError saying why it cannot be read (`limit`: how the front end names the size limit). */
export function readSpec(project: Project, file: string, shown: string, limit: LimitName = LIMIT_NAMES.cli): string {
  const text = project.read(file);
  if (typeof text === 'string') return text;
  if (!text) throw new UsageError(`cannot read ${shown}: it does not exist`);
  throw new UsageError(`${shown} ${text.problem}${text.tooLarge ? `: ${raiseLimit(limit)}` : ''}`);
}

/** A UsageError when `size` bytes of `what` ("standard input") are more than `maxBytes`, as for a spec file. */
export function checkSize(what: string, size: number, maxBytes: number, limit: LimitName = LIMIT_NAMES.cli): void {
  if (size > maxBytes) throw new UsageError(`${what} ${new TooLargeError(size, maxBytes).message}: ${raiseLimit(limit)}`);
}

/** The text on standard input (`--stdin`), checked as a spec file's is: its size (at most `maxBytes`), then UTF-8. */
export function readStdin(io: Io, maxBytes: number): string {
  const bytes = io.stdin();
  checkSize('standard input', bytes.length, maxBytes);
  const text = decodeText(bytes);
  if (typeof text !== 'string') throw new UsageError(`standard input ${text.problem}`);
  return text;
}
