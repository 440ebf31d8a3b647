import { Bench } from 'tinybench';

/** Median and 95th percentile of each task's latency, in milliseconds. */
export interface Figure {
  readonly name: string;
  readonly median: number;
  readonly p95: number;
  readonly runs: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

export function figures(bench: Bench): Figure[] {
  return bench.tasks.flatMap((task) => {
    const result = task.result;
    if (result.state !== 'completed' || !result.latency.samples) return [];
    const samples = [...result.latency.samples];
    return [{ name: task.name, median: quantile(samples, 0.5), p95: quantile(samples, 0.95), runs: samples.length }];
  });
}

export function printFigures(list: readonly Figure[]): void {
  console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
  for (const f of list) {
    console.log(`${f.name}: median ${f.median.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms (${f.runs} runs)`);
  }
}
