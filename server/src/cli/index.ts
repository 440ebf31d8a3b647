import { main } from './main';
import { runProcess } from './run';

/* The bundled entry point, dist/cli.js (the `outcome-lint` bin). */

runProcess((argv) =>
  main(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdout: (text) => process.stdout.write(text),
    stderr: (line) => process.stderr.write(`${line}\n`),
  }),
);
