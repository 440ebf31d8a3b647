import { toolVersion } from './about';
import { readArgs } from './args';
import { COMMANDS } from './commands';
import { helpText } from './help';
import { Io } from './io';
import { runReportingUsage } from './problems';

/*
 * `outcome-lint [options] [files, folders or globs…]`, and the other commands
 * (`diff`, `export`, `report`). See docs/cli.md.
 *
 * Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many
 * warnings, 2 the command could not run (usage, no files, I/O, invalid config), with
 * one line on stderr for each problem.
 *
 * This module stays light: the linter (lint-command.ts) and the other commands are
 * loaded only when a run needs them.
 */

/** The exit code; a promise of it when the run lints (on worker threads, it waits for them). */
export function main(argv: readonly string[], io: Io): number | Promise<number> {
  const command = argv.length > 0 ? COMMANDS.get(argv[0]) : undefined;
  if (command) return command()(argv.slice(1), io);
  return runReportingUsage(io.stderr, () => run(argv, io));
}

function run(argv: readonly string[], io: Io): number | Promise<number> {
  const options = readArgs(argv);
  if (options.help) {
    io.stdout(helpText(toolVersion()));
    return 0;
  }
  if (options.version) {
    io.stdout(`${toolVersion()}\n`);
    return 0;
  }
  // Required here, not imported: the bundle then initialises lint-command.ts, and with it
  // the whole linter, only for a run that needs it.
  const { runLint } = require('./lint-command') as typeof import('./lint-command');
  return runLint(options, io);
}
