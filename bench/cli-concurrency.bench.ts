import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateSpec } from './generate';
import { median, pair, wall } from './whole-process';

/*
 * `--concurrency`: the CLI on folders of generated specs with 2 threads (the main one
 * and a worker) against 1, whole processes alternated, the ratio of each pair; and,
 * from those figures, what 8 cores would give (a model: this machine has 2).
 *
 * The model: a run is its start-up S (the CLI on one spec) and its lint W (the run on
 * one thread, less S). A worker starts as the CLI does, in S, while the main thread
 * lints alone; after that n threads share what is left, each at a fraction e of one
 * thread's speed: T(n) = S + S + (W − S) / (n · e). The ideal is e = 1; the e measured
 * here is what the 2-thread run gives when solved for it.
 *
 * Run after a build: `npm run build && node out/bench/cli-concurrency.bench.js [runs]`.
 */

const runs = Number(process.argv[2] ?? 5);
const cli = path.join(process.cwd(), 'dist', 'cli.js');

/** Folders to lint: `files` specs of `lines` lines each. */
const SHAPES = [
  { files: 300, lines: 100 },
  { files: 1000, lines: 100 },
  { files: 3000, lines: 100 },
  { files: 20, lines: 10_000 },
] as const;

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-concurrency-'));
  try {
    console.log(`node ${process.version}, ${os.availableParallelism()} cores, load ${os.loadavg()[0]!.toFixed(1)}; median of ${runs} alternated pairs`);
    const one = path.join(dir, 'one.outcome');
    fs.writeFileSync(one, generateSpec(100));
    const start = median(Array.from({ length: runs }, () => wall(process.execPath, [cli, '--format', 'compact', one])));
    console.log(`start-up S (the CLI on one spec): ${(start * 1000).toFixed(0)} ms`);
    for (const shape of SHAPES) {
      const folder = path.join(dir, `${shape.files}x${shape.lines}`);
      fs.mkdirSync(folder);
      let characters = 0;
      for (let i = 0; i < shape.files; i++) {
        const text = `# spec ${i}\n${generateSpec(shape.lines)}`;
        characters += text.length;
        fs.writeFileSync(path.join(folder, `spec-${i}.outcome`), text);
      }
      const lint = (concurrency: string) => (): number => wall(process.execPath, [cli, '--concurrency', concurrency, '--format', 'compact', folder]);
      const two = pair(runs, lint('2'), lint('off'));
      const work = two.b - start;
      const efficiency = (work - start) / (2 * (two.a - 2 * start));
      const eight = (e: number): number => 2 * start + (work - start) / (8 * e);
      console.log(
        `${shape.files} specs of ${shape.lines} lines (${(characters / 2 ** 20).toFixed(1)} MB): 1 thread ${two.b.toFixed(2)} s, 2 threads ${two.a.toFixed(2)} s, ratio ${two.ratio.toFixed(2)} ×` +
          (work > start && two.a > 2 * start
            ? `; e = ${efficiency.toFixed(2)}; 8 cores, model: ${eight(1).toFixed(2)} s ideal (${(eight(1) / two.b).toFixed(2)} ×), ${eight(efficiency).toFixed(2)} s at this e (${(eight(efficiency) / two.b).toFixed(2)} ×)`
            : '; too little work for the model'),
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
