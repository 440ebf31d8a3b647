import { main } from './main';

/*
 * The bundled entry point, dist/cli.js (the `outcome-lint` bin). Whatever goes wrong
 * inside, the user sees one line and exit code 2, never a stack trace.
 */

// `outcome-lint … | head` closes the pipe early: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  internalError(error);
});

function internalError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`outcome-lint: internal error: ${message.split('\n')[0]} (please report it)\n`);
  process.exitCode = 2;
}

try {
  process.exitCode = main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdout: (text) => process.stdout.write(text),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
} catch (error) {
  internalError(error);
}
