import { decodeText } from '../host/decode-text';
import { TooLargeError } from '../host/files';
import { DEFAULT_MAX_FILE_SIZE_MB, Project } from '../host/project';
import type { Io } from './io';
import { UsageError } from './problems';

/*
 * Reading a spec a command was asked about: the one reader of every command (lint,
 * report, export, diff), through the project. A file that cannot be read, or that is
 * not UTF-8 text, stops the run (exit code 2) with one line naming the file and, for
 * bad bytes, where they are: linting the rest would hide that a spec was never checked.
 */

/** The spec's text, or a UsageError saying why it cannot be read. */
export function readSpec(project: Project, file: string, shown: string): string {
  const text = project.read(file);
  if (typeof text === 'string') return text;
  throw new UsageError(text ? `${shown} ${text.problem}` : `cannot read ${shown}: it does not exist`);
}

/** The text on standard input (`--stdin`), checked as a spec file's is: its size, then UTF-8. */
export function readStdin(io: Io): string {
  const bytes = io.stdin();
  const maxBytes = DEFAULT_MAX_FILE_SIZE_MB * 2 ** 20;
  if (bytes.length > maxBytes) throw new UsageError(`standard input ${new TooLargeError(bytes.length, maxBytes).message}`);
  const text = decodeText(bytes);
  if (typeof text !== 'string') throw new UsageError(`standard input ${text.problem}`);
  return text;
}
