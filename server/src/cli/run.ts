import { printable } from '../base/text';

/*
 * Running a command line as a process: whatever goes wrong inside, the user sees one
 * line and exit code 2, never a stack trace.
 */

/** Runs `main` on the process's arguments and sets the exit code from it, once it has one. */
export function runProcess(main: (argv: readonly string[]) => number | Promise<number>): void {
  // `outcome-lint … | head` closes the pipe early: stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    internalError(error);
  });
  try {
    const code = main(process.argv.slice(2));
    if (typeof code === 'number') process.exitCode = code;
    else code.then((c) => (process.exitCode = c), internalError);
  } catch (error) {
    internalError(error);
  }
}

function internalError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`outcome-lint: internal error: ${printable(message.split('\n')[0])} (please report it)\n`);
  process.exitCode = 2;
}
