import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LspServer } from './lsp-latency.bench';

/*
 * Cold start: from spawning the bundled server (`node dist/server.js --stdio`) to the
 * first diagnostics for a sample opened right after `initialize`, as an editor does when
 * a user opens a spec. Each run is a new process. Also times a bare `node -e 0` as the
 * floor every Node program pays.
 *
 *   node out/bench/cold-start.bench.js [runs]       (default 15)
 */

const SAMPLE = 'reoffending.outcome';

async function once(folder: string): Promise<{ initialized: number; diagnostics: number }> {
  const started = performance.now();
  const server = new LspServer([path.join(process.cwd(), 'dist', 'server.js'), '--stdio'], () => ({}));
  await server.initialize(folder);
  const initialized = performance.now() - started;
  const uri = pathToFileURL(path.join(folder, SAMPLE)).toString();
  const first = server.next((p) => p.uri === uri);
  await server.open(uri, 'outcome', fs.readFileSync(path.join(folder, SAMPLE), 'utf8'));
  const diagnostics = (await first).at - started;
  await server.stop();
  return { initialized, diagnostics };
}

async function bareNode(): Promise<number> {
  const { spawn } = await import('node:child_process');
  const started = performance.now();
  await new Promise((resolve) => spawn(process.execPath, ['-e', '0']).on('exit', resolve));
  return performance.now() - started;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 15);
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-cold-'));
  fs.cpSync(path.join(process.cwd(), 'samples'), folder, { recursive: true });
  const initialized: number[] = [];
  const diagnostics: number[] = [];
  const floor: number[] = [];
  await once(folder); // warms the file system cache; not counted
  for (let i = 0; i < runs; i++) {
    const r = await once(folder);
    initialized.push(r.initialized);
    diagnostics.push(r.diagnostics);
    floor.push(await bareNode());
  }
  fs.rmSync(folder, { recursive: true, force: true });
  const line = (name: string, xs: number[]): void => console.log(`${name}: median ${median(xs).toFixed(0)} ms, p95 ${p95(xs).toFixed(0)} ms (${xs.length} runs)`);
  line('spawn → initialize answered', initialized);
  line(`spawn → first diagnostics for ${SAMPLE}`, diagnostics);
  line('bare node -e 0 (the floor)', floor);
}

void main();
