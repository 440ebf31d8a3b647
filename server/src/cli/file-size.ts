import { DEFAULT_MAX_FILE_SIZE_MB, MAX_FILE_SIZE_RANGE_MB } from '../host/project';
import { UsageError } from './problems';

/*
 * `--max-file-size MB`: the largest spec a command reads, for every command (lint,
 * report, export, diff, format), as the editor's `outcomeLint.maxFileSizeMB` is for the
 * language server. A larger file stops the run with one line naming its size and this
 * option, before it is read: a parse holds 75 to 100 times the size of the file.
 */

/** The option, for each command's `util.parseArgs` table. */
export const MAX_FILE_SIZE_OPTION = { 'max-file-size': { type: 'string' } } as const;

export const MAX_FILE_SIZE_EXAMPLE = '--max-file-size 50';

/** The limit in bytes; the default when not given; a UsageError for a value that is not a size in range. */
export function maxBytesOf(given: string | undefined): number {
  if (given === undefined) return DEFAULT_MAX_FILE_SIZE_MB * 2 ** 20;
  const { min, max } = MAX_FILE_SIZE_RANGE_MB;
  const mb = /^\d+(\.\d+)?$/.test(given.trim()) ? Number(given) : NaN;
  if (!(mb >= min && mb <= max)) {
    throw new UsageError(`--max-file-size needs a size in MB from ${min} to ${max}, such as ${MAX_FILE_SIZE_EXAMPLE} (found \`${given}\`)`);
  }
  return mb * 2 ** 20;
}
