import * as os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as fs from 'node:fs';
import { findSpecs, rootOf } from '../server/src/host/files';
import { Session } from '../server/src/lsp/session';

/*
 * The workspace scan: the walk of a tree of folders for `.outcome` files
 * (host/files.ts), as the CLI runs it (at once, `findSpecs`) and as the language server
 * does (`Session.scan`, a slice of folders at a time, answering messages between
 * slices). Prints the walk's time, and for the server's scan its time and the longest
 * the event loop waited meanwhile: how long a request could go unanswered.
 *
 * Run after a build: `npm run build && node out/bench/scan.bench.js [folder] [runs]`
 * (by default /usr/share, a tree of a few thousand folders on most Linux machines, and 9 runs).
 */

const folder = process.argv[2] ?? '/usr/share';
const runs = Number(process.argv[3] ?? 9);

function folderCount(top: string): number {
  return 1 + fs.readdirSync(top, { recursive: true, withFileTypes: true }).filter((e) => e.isDirectory()).length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function serverScan(): Promise<{ wall: number; longestWait: number }> {
  const session = new Session();
  session.project.setRoots([folder]);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  await session.scan();
  const wall = performance.now() - started;
  delay.disable();
  return { wall, longestWait: delay.max / 1e6 };
}

async function main(): Promise<void> {
  findSpecs(rootOf(folder)); // warm the file system's cache
  const walks: number[] = [];
  const scans: { wall: number; longestWait: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const found = findSpecs(rootOf(folder));
    walks.push(performance.now() - started);
    if (i === 0) console.log(`${folder}: ${folderCount(folder).toLocaleString('en-GB')} folders, ${found.files.length} .outcome files`);
    scans.push(await serverScan());
  }
  console.log(`node ${process.version}, ${process.platform} ${process.arch}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}; ${runs} runs each`);
  console.log(`the walk, at once (the CLI):                 median ${median(walks).toFixed(0)} ms (fastest ${Math.min(...walks).toFixed(0)})`);
  console.log(`the server's scan, a slice at a time:        median ${median(scans.map((s) => s.wall)).toFixed(0)} ms`);
  console.log(`  the longest the event loop waited:         median ${median(scans.map((s) => s.longestWait)).toFixed(0)} ms (worst ${Math.max(...scans.map((s) => s.longestWait)).toFixed(0)})`);
}

void main();
