import { printable } from '../base/text';
import { plural } from '../base/wording';
import { format } from '../format/format';
import { catalogue } from '../rules/catalogue';
import { readSubcommandArgs } from './args';
import { discover } from './discover';
import type { Io } from './io';
import { displayPath } from './output';
import { runReportingUsage, UsageError } from './problems';
import { readSpec } from './read';
import { writeSpec } from './write-spec';

/*
 * `outcome-lint format [--check | --write] PATHS`: the editor's formatter on the command
 * line, the same layout (docs/language.md#formatting), for the same files the linter
 * finds. A file with a syntax error is not formatted: a layout built on half-understood
 * text could lose some of it.
 *
 * Exit codes: 0 every file is (or now is) in the layout; 1 with --check, a file is not;
 * 2 a file could not be formatted (a syntax error) or read or written, or a mistake in
 * the command.
 */

export const FORMAT_HELP = `Usage: outcome-lint format [--check | --write] [files, folders or globs...]

Puts specifications in the canonical layout, as the editor's "Format Document" does:
two spaces per block level, one field per line, comments kept where they were
(aligned comments stay aligned), values exactly as written.

  (no option)   print the one file named, formatted
  --check       name each file that is not in the layout; exit code 1 if one is not
  --write       write each file in the layout, in place
  --max-file-size MB
                read no spec larger than MB megabytes (default: 10)

A file with a syntax error is never formatted. Exit codes: 0 in the layout; 1 (with
--check) a file is not; 2 a file could not be formatted, read or written.
`;

export function runFormat(argv: readonly string[], io: Io): number {
  return runReportingUsage(io.stderr, () => run(argv, io));
}

function run(argv: readonly string[], io: Io): number {
  const read = readSubcommandArgs('format', argv, { check: { type: 'boolean' }, write: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, {});
  const v = read.values as { check?: boolean; write?: boolean; help?: boolean };
  if (v.help) {
    io.stdout(FORMAT_HELP);
    return 0;
  }
  if (v.check && v.write) throw new UsageError('format: give --check or --write, not both');
  const { files, project, ignored } = discover(read.positionals, io.cwd, { rules: catalogue, maxBytes: read.maxBytes });
  for (const line of ignored) io.stderr(`outcome-lint: ${line}`);
  const shown = (file: string): string => displayPath(file, io.cwd);
  if (!v.check && !v.write) {
    if (files.length !== 1) throw new UsageError(`format prints one file; found ${files.length}: use --check or --write for several`);
    const result = format(readSpec(project, files[0], shown(files[0])));
    if ('refused' in result) throw new UsageError(`cannot format ${shown(files[0])}: ${result.refused}`);
    io.stdout(result.text);
    return 0;
  }
  // Every file is read before any is written, as the linter does (the project keeps the
  // texts): one that cannot be read stops the run before some files are changed and not others.
  for (const file of files) readSpec(project, file, shown(file));
  let unformatted = 0;
  let refused = 0;
  let written = 0;
  for (const file of files) {
    const text = readSpec(project, file, shown(file));
    const result = format(text);
    if ('refused' in result) {
      io.stderr(`outcome-lint: cannot format ${shown(file)}: ${result.refused} (outcome-lint ${shown(file)} shows them)`);
      refused++;
    } else if (result.text !== text) {
      if (v.write) {
        writeSpec(file, shown(file), text, result.text);
        written++;
      } else {
        io.stdout(`${printable(shown(file))} is not in the layout: outcome-lint format --write ${printable(shown(file))}\n`);
        unformatted++;
      }
    }
  }
  if (v.write && written > 0) io.stderr(`outcome-lint: formatted ${plural(written, 'file')}`);
  return refused > 0 ? 2 : unformatted > 0 ? 1 : 0;
}
