import * as fs from 'node:fs';
import { printable } from '../base/text';
import { lintWorkerData } from './lint-workers';
import { main } from './main';
import { runProcess } from './run';

/*
 * The command, run as a process: the `outcome-lint` bin (dist/cli.js, through
 * api/entry.ts). Started again as a lint worker (lint-workers.ts), the same program
 * lints the files its job gives it instead.
 */

const job = lintWorkerData();
if (job) (require('./lint-worker') as typeof import('./lint-worker')).serveLintJob(job);
else runProcess((argv) =>
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
