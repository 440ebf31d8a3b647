import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateSpec } from './generate';

/*
 * outcome-lint on a folder of 1,000 generated specs (about 100 lines each, the size of
 * the samples), against the floor: a bare node process that only reads those files.
 * Also timed, to show where the time goes: outcome-lint on one of the specs (mostly
 * starting up), and a bare node process that reads and parses every file (the parser
 * alone, from out/). With `--cache`: the first run (no cache file: every spec linted and
 * the cache written) and a second run over the unchanged files (every finding from the
 * cache), each against the floor. Wall times are the median and the fastest of several runs; CPU
 * times (Linux only) change less when other work shares the machine.
 *
 * Run after a build: `npm run build && node out/bench/cli.bench.js [runs]`.
 */

const FILES = 1000;
const LINES = 100;
const root = process.cwd();
const cli = path.join(root, 'dist', 'cli.js');
const runs = Number(process.argv[2] ?? 5);

/**
 * CPU time (user + system) used so far by this process's finished children, in ms, on
 * Linux (/proc/self/stat, in clock ticks of 10 ms); undefined elsewhere. Unlike wall
 * time, it hardly changes when other work shares the machine.
 */
function childrenCpu(): number | undefined {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(')').pop()!.trim().split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

interface Time {
  readonly wall: number;
  readonly cpu: number | undefined;
}

function time(args: readonly string[]): Time {
  const cpu = childrenCpu();
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  const after = childrenCpu();
  return { wall, cpu: cpu === undefined || after === undefined ? undefined : after - cpu };
}

interface Measure {
  readonly median: number;
  readonly fastest: number;
  readonly cpu: number | undefined;
}

/**
 * Median and fastest wall time of `runs` runs (after one to warm the file cache), and the
 * median CPU time; `before` runs before each, untimed.
 */
function measure(args: readonly string[], before: () => void = () => {}): Measure {
  before();
  time(args);
  const times = Array.from({ length: runs }, () => {
    before();
    return time(args);
  });
  const walls = times.map((t) => t.wall).sort((a, b) => a - b);
  const cpus = times.map((t) => t.cpu).filter((c): c is number => c !== undefined).sort((a, b) => a - b);
  return { median: walls[Math.floor(walls.length / 2)], fastest: walls[0], cpu: cpus.length > 0 ? cpus[Math.floor(cpus.length / 2)] : undefined };
}

const ms = (t: Measure): string => `${t.median.toFixed(0)} ms (fastest ${t.fastest.toFixed(0)}${t.cpu !== undefined ? `, CPU ${t.cpu.toFixed(0)}` : ''})`;

const READ_ALL = `
const fs = require('fs'), path = require('path');
const dir = process.argv[1];
for (const f of fs.readdirSync(dir, { recursive: true })) {
  if (String(f).endsWith('.outcome')) fs.readFileSync(path.join(dir, String(f)), 'utf8');
}`;

const PARSE_ALL = `
const fs = require('fs'), path = require('path');
const { parse } = require(${JSON.stringify(path.join(root, 'out/server/src/syntax/parse.js'))});
const dir = process.argv[1];
for (const f of fs.readdirSync(dir, { recursive: true })) {
  if (String(f).endsWith('.outcome')) parse(fs.readFileSync(path.join(dir, String(f)), 'utf8'));
}`;

function main(): void {
  if (!fs.existsSync(cli)) throw new Error('build first: npm run build');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-bench-'));
  try {
    const spec = generateSpec(LINES);
    for (let i = 0; i < FILES; i++) {
      const folder = path.join(dir, `area-${Math.floor(i / 50)}`);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, `spec-${i}.outcome`), `# spec ${i}\n${spec}`);
    }
    const bytes = fs.readdirSync(dir, { recursive: true }).reduce<number>((n, f) => n + (String(f).endsWith('.outcome') ? fs.statSync(path.join(dir, String(f))).size : 0), 0);
    const floor = measure(['-e', READ_ALL, dir]);
    const lint = measure([cli, dir]);
    const one = measure([cli, path.join(dir, 'area-0', 'spec-0.outcome')]);
    const parse = measure(['-e', PARSE_ALL, dir]);
    const cacheFile = path.join(os.tmpdir(), `outcome-lint-bench-${process.pid}.cache`);
    const cached = [cli, '--cache', '--cache-location', cacheFile, dir];
    const cold = measure(cached, () => fs.rmSync(cacheFile, { force: true }));
    const warm = measure(cached);
    const cacheBytes = fs.statSync(cacheFile).size;
    fs.rmSync(cacheFile, { force: true });
    console.log(`node ${process.version}, ${process.platform} ${process.arch}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}; ${runs} runs each`);
    console.log(`${FILES} specs of ${spec.split('\n').length} lines (${(bytes / 1e6).toFixed(1)} MB)`);
    console.log(`floor, a node process reading every file:    ${ms(floor)}`);
    console.log(`outcome-lint on the folder:                  ${ms(lint)}`);
    const cpuRatio = lint.cpu !== undefined && floor.cpu ? `, CPU time ${(lint.cpu / floor.cpu).toFixed(1)}` : '';
    console.log(`  ratio to the floor (target ≤ 5, issue 21):  ${(lint.median / floor.median).toFixed(1)} (fastest ${(lint.fastest / floor.fastest).toFixed(1)}${cpuRatio})`);
    console.log(`  outcome-lint on one of the specs:          ${ms(one)}`);
    console.log(`  a node process reading and parsing them:   ${ms(parse)}`);
    console.log(`  each further spec:                         ${((lint.median - one.median) / (FILES - 1)).toFixed(2)} ms`);
    const ratio = (t: Measure): string => `${(t.median / floor.median).toFixed(1)} × the floor (fastest ${(t.fastest / floor.fastest).toFixed(1)}${t.cpu !== undefined && floor.cpu ? `, CPU time ${(t.cpu / floor.cpu).toFixed(1)}` : ''})`;
    console.log(`--cache, first run (no cache file):          ${ms(cold)}: ${ratio(cold)}`);
    console.log(`--cache, second run, nothing changed:        ${ms(warm)}: ${ratio(warm)} (target ≤ 2)`);
    console.log(`  the cache file:                            ${(cacheBytes / 1e6).toFixed(1)} MB`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
