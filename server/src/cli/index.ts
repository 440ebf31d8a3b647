import * as fs from 'node:fs';
import { printable } from '../base/text';
import { main } from './main';
import { runProcess } from './run';

/* The command, run as a process: the `outcome-lint` bin (dist/cli.js, through api/entry.ts). */

runProcess((argv) =>
  main(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdin: () => fs.readFileSync(0),
    stdout: (text) => process.stdout.write(text),
    // A line on standard error may name a spec's path or quote its text: its control
    // characters are shown escaped, for a terminal to print and not obey.
    stderr: (line) => process.stderr.write(`${printable(line)}\n`),
  }),
);
