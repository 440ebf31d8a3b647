import * as inspector from 'node:inspector';
import { forgetTexts } from '../../server/src/engine/kit/memo';

/*
 * The work a piece of code does, counted rather than timed: V8's precise block coverage
 * counts how many times each block of JavaScript runs (a loop's body once per turn), in
 * outcome-lint and in the libraries it calls (Chevrotain's parser), whatever else the
 * machine is doing. A step that is quadratic in its input shows as counts that grow a
 * hundredfold for a tenfold input. Work inside the engine's own natives (a sort, a
 * `String.prototype.indexOf`) is not counted; the blocks that call them are.
 */

const session = new inspector.Session();
session.connect();

function post<T>(method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
}

interface Coverage {
  result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
}

/** Blocks run by `run`, all told and by file (of this repository, or a package); texts remembered by the rules are forgotten first. */
export async function workOf(run: () => void): Promise<{ total: number; byFile: Map<string, number> }> {
  forgetTexts();
  await post('Profiler.enable');
  await post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  try {
    run();
    const { result } = await post<Coverage>('Profiler.takePreciseCoverage');
    const byFile = new Map<string, number>();
    let total = 0;
    for (const script of result) {
      const file = /\/(?:out|node_modules)\/(.*)$/.exec(script.url)?.[1];
      if (!file) continue;
      let count = 0;
      for (const fn of script.functions) for (const range of fn.ranges) count += range.count;
      byFile.set(file, (byFile.get(file) ?? 0) + count);
      total += count;
    }
    return { total, byFile };
  } finally {
    await post('Profiler.stopPreciseCoverage');
  }
}
