import { spawnSync } from 'node:child_process';

/*
 * Timing whole processes, as CI runs them: two commands alternated (A B A B …) so that
 * a change in the machine's speed falls on both, and the ratio of each pair.
 */

/** Wall time of one run, in seconds; an error if it exits other than 0 or 1 (findings). */
export function wall(command: string, args: readonly string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')}: exit ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The two commands alternated `runs` times after one warm-up each: medians of each and of the ratio A/B. */
export function pair(runs: number, a: () => number, b: () => number): { a: number; b: number; ratio: number } {
  a();
  b();
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ta = a();
    const tb = b();
    as.push(ta);
    bs.push(tb);
    ratios.push(ta / tb);
  }
  return { a: median(as), b: median(bs), ratio: median(ratios) };
}
