import { DEFAULT_MAX_FILE_SIZE_MB, MAX_FILE_SIZE_RANGE_MB } from '../host/project';
import { UsageError } from './problems';

/*
 * `--max-file-size MB`: the largest spec a command reads, for every command (lint,
 * report, export, diff, format), as the editor's `outcomeLint.maxFileSizeMB` is for the
 * language server and `maxFileSizeMB` for the API. A larger file stops the run with one
 * line naming its size and how to raise the limit: a parse holds 75 to 100 times the
 * size of the file.
 */

/** The option, for each command's `util.parseArgs` table. */
export const MAX_FILE_SIZE_OPTION = { 'max-file-size': { type: 'string' } } as const;

/** How a front end names the limit in its messages: the command line's option, or the API's. */
export const LIMIT_NAMES = {
  cli: { name: '--max-file-size', example: '--max-file-size 50', raise: '--max-file-size MB' },
  api: { name: 'maxFileSizeMB', example: 'maxFileSizeMB: 50', raise: 'maxFileSizeMB' },
} as const;
export type LimitName = (typeof LIMIT_NAMES)[keyof typeof LIMIT_NAMES];

/** The limit in bytes; the default when not given; a UsageError for a value that is not a size in range. */
export function maxBytesOf(given: string | undefined, limit: LimitName = LIMIT_NAMES.cli): number {
  if (given === undefined) return DEFAULT_MAX_FILE_SIZE_MB * 2 ** 20;
  const { min, max } = MAX_FILE_SIZE_RANGE_MB;
  const mb = /^\d+(\.\d+)?$/.test(given.trim()) ? Number(given) : NaN;
  if (!(mb >= min && mb <= max)) throw new UsageError(`${limit.name} needs a size in MB from ${min} to ${max}, such as ${limit.example} (found \`${given}\`)`);
  return mb * 2 ** 20;
}

/** What to do about a spec over the limit. */
export function raiseLimit(limit: LimitName = LIMIT_NAMES.cli): string {
  return `raise the limit with ${limit.raise} (at most ${MAX_FILE_SIZE_RANGE_MB.max})`;
}
