import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generateSpec } from './generate';
import { LspServer } from './lsp-latency.bench';

/*
 * Peak memory (resident set) of:
 *
 * - the language server (dist/server.js over stdio) with 1,000 documents open: a temp
 *   workspace of 1,000 generated specs of 100 to 300 lines, every one opened with
 *   didOpen, until diagnostics for version 1 of each have arrived. The figure is the
 *   server process's VmHWM (peak resident set) from /proc/<pid>/status;
 * - the CLI (dist/cli.js) on one generated spec of 100,000 lines: "Maximum resident
 *   set size" from `/usr/bin/time -v`, or, where that is missing, getrusage's maxrss
 *   printed by a preloaded script when the process exits.
 *
 * Run after a build: `npm run build && node out/bench/lsp-memory.bench.js`.
 */

const ROOT = path.resolve(__dirname, '../..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const DOCUMENTS = 1000;
const CLI_LINES = 100_000;
const MiB = 1024; // kB in a MiB

async function server(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-lsp-memory-'));
  const docs: { uri: string; text: string }[] = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const lines = 100 + ((i * 37) % 201); // 100 to 300
    const dir = path.join(folder, `area-${Math.floor(i / 50)}`);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `spec-${i}.outcome`);
    const text = `# spec ${i}\n${generateSpec(lines)}`;
    fs.writeFileSync(file, text);
    docs.push({ uri: pathToFileURL(file).toString(), text });
  }
  const totalLines = docs.reduce((n, d) => n + d.text.split('\n').length, 0);
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  const lsp = new LspServer([SERVER, '--stdio'], () => ({ enable: true, maxProblems: 1000, inlayHints: true, maxFileSizeMB: 10 }));
  try {
    const started = performance.now();
    await lsp.initialize(folder);
    const idle = lsp.memory();
    const pending = new Set(docs.map((d) => d.uri));
    const all = lsp.next((p) => {
      if (p.version === 1) pending.delete(p.uri);
      return pending.size === 0;
    }, 600_000);
    for (const d of docs) await lsp.open(d.uri, 'outcome', d.text);
    await all;
    const opened = performance.now() - started;
    const after = lsp.memory();
    console.log(`${DOCUMENTS} documents, ${totalLines.toLocaleString('en-GB')} lines, ${(bytes / 1024 / 1024).toFixed(1)} MiB; all diagnostics in ${(opened / 1000).toFixed(1)} s`);
    console.log(`server RSS after initialize: ${(idle.rssKb / MiB).toFixed(0)} MiB`);
    console.log(
      `server peak RSS (VmHWM) with ${DOCUMENTS} documents open: ${(after.peakKb / MiB).toFixed(0)} MiB (RSS now ${(after.rssKb / MiB).toFixed(0)} MiB); ` +
        `target ≤ 300 MB: ${after.peakKb / MiB <= 300 ? 'met' : `MISSED by ${(after.peakKb / MiB - 300).toFixed(0)} MiB`}`,
    );
  } finally {
    await lsp.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The CLI's peak RSS in kB, and how it was measured. */
function cliPeak(file: string): { kb: number; how: string; ms: number; status: number | null } {
  const started = performance.now();
  if (fs.existsSync('/usr/bin/time')) {
    const result = spawnSync('/usr/bin/time', ['-v', process.execPath, CLI, file], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const ms = performance.now() - started;
    const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1]);
    const status = Number(/Exit status: (\d+)/.exec(result.stderr)?.[1] ?? NaN);
    if (Number.isFinite(kb)) return { kb, how: '/usr/bin/time -v', ms, status };
  }
  const hook = path.join(path.dirname(file), 'maxrss.js');
  fs.writeFileSync(hook, `process.on('exit', () => require('fs').writeSync(2, '\\nmaxrss ' + process.resourceUsage().maxRSS + '\\n'));\n`);
  const result = spawnSync(process.execPath, ['--require', hook, CLI, file], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { kb: Number(/maxrss (\d+)/.exec(result.stderr)?.[1]), how: 'getrusage maxrss at exit', ms: performance.now() - started, status: result.status };
}

function cli(): void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-cli-memory-'));
  try {
    const file = path.join(folder, 'large.outcome');
    const text = generateSpec(CLI_LINES);
    fs.writeFileSync(file, text);
    const { kb, how, ms, status } = cliPeak(file);
    console.log(
      `CLI on one spec of ${text.split('\n').length.toLocaleString('en-GB')} lines (${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MiB): ` +
        `peak RSS ${(kb / MiB).toFixed(0)} MiB (${how}; ${(ms / 1000).toFixed(1)} s, exit ${status})`,
    );
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(SERVER) || !fs.existsSync(CLI)) throw new Error('build first: npm run build');
  console.log(`node ${process.version}, ${process.platform} ${process.arch}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const only = process.argv[2];
  if (only === undefined || only === 'server') await server();
  if (only === undefined || only === 'cli') cli();
  // Also the floor: a bare node process.
  const floor = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300)']);
  await new Promise((r) => setTimeout(r, 150));
  const status = fs.readFileSync(`/proc/${floor.pid}/status`, 'utf8');
  console.log(`for scale, a bare node process: ${(Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1]) / MiB).toFixed(0)} MiB`);
  await new Promise((r) => floor.once('exit', r));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
