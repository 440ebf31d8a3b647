import * as fs from 'node:fs';
import * as path from 'node:path';
import { Project } from '../server/src/host/project';
import { riskReport } from '../server/src/report/index';
import { catalogue } from '../server/src/rules/catalogue';

/*
 * The risk report's time on every sample: with the simulation's default 10,000 draws,
 * and with 100 (about the report without it), in one process, after a warm-up. Each run
 * uses its own seed, so that no run reuses the last one's draws (the report keeps the
 * last simulation for edits that do not change it). This is the time the editor's
 * webview waits after an edit that changes a figure. Run with `npm run bench:report`;
 * figures go in docs/performance.md.
 */

const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  const samples = path.join(process.cwd(), 'samples');
  const project = new Project({ roots: [samples], rules: catalogue });
  const files = [
    ...fs.readdirSync(samples).filter((f) => f.endsWith('.outcome')),
    ...fs.readdirSync(path.join(samples, 'deals')).filter((f) => f.endsWith('.outcome')).map((f) => path.join('deals', f)),
  ];
  let seed = 1;
  const time = (file: string, draws: string): number => {
    const started = process.hrtime.bigint();
    const built = riskReport(project, path.join(samples, file), catalogue, { draws, seed: String(seed++) });
    if ('problems' in built) throw new Error(built.problems.join('; '));
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  console.log(`node ${process.version}, ${process.platform} ${process.arch}; median of ${RUNS} runs after one warm-up`);
  console.log('| sample | lines | report, 10,000 draws | report, 100 draws |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const file of files) {
    const lines = fs.readFileSync(path.join(samples, file), 'utf8').split('\n').length;
    time(file, '10000');
    const full = median(Array.from({ length: RUNS }, () => time(file, '10000')));
    const few = median(Array.from({ length: RUNS }, () => time(file, '100')));
    console.log(`| ${file} | ${lines} | ${full.toFixed(0)} ms | ${few.toFixed(0)} ms |`);
  }
}

main();
