import { decodeText } from '../host/decode-text';
import { TooLargeError } from '../host/files';
import { MAX_FILE_SIZE_RANGE_MB, Project } from '../host/project';
import type { Io } from './io';
import { UsageError } from './problems';

/*
 * Reading a spec a command was asked about: the one reader of every command (lint,
 * report, export, diff), through the project. A file that cannot be read, or that is
 * not UTF-8 text, stops the run (exit code 2) with one line naming the file and, for
 * bad bytes, where they are: linting the rest would hide that a spec was never checked.
 */

/** What to do about a spec over the size limit. */
const RAISE_LIMIT = `raise the limit with --max-file-size MB (at most ${MAX_FILE_SIZE_RANGE_MB.max})`;

/** The spec's text, or a UsageError saying why it cannot be read. */
export function readSpec(project: Project, file: string, shown: string): string {
  const text = project.read(file);
  if (typeof text === 'string') return text;
  if (!text) throw new UsageError(`cannot read ${shown}: it does not exist`);
  throw new UsageError(`${shown} ${text.problem}${text.tooLarge ? `: ${RAISE_LIMIT}` : ''}`);
}

/** A UsageError when `size` bytes of `what` ("standard input") are more than `maxBytes`, as for a spec file. */
export function checkSize(what: string, size: number, maxBytes: number): void {
  if (size > maxBytes) throw new UsageError(`${what} ${new TooLargeError(size, maxBytes).message}: ${RAISE_LIMIT}`);
}

/** The text on standard input (`--stdin`), checked as a spec file's is: its size (at most `maxBytes`), then UTF-8. */
export function readStdin(io: Io, maxBytes: number): string {
  const bytes = io.stdin();
  checkSize('standard input', bytes.length, maxBytes);
  const text = decodeText(bytes);
  if (typeof text !== 'string') throw new UsageError(`standard input ${text.problem}`);
  return text;
}
