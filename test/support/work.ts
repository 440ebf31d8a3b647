import * as inspector from 'node:inspector';

/*
 * The work a piece of code does, counted rather than timed: V8's precise block coverage
 * counts how many times each block of JavaScript runs (a loop's body once per turn), in
 * outcome-lint and in the libraries it calls (Chevrotain's parser), whatever else the
 * machine is doing. A step that is quadratic in its input shows as counts that grow a
 * hundredfold for a tenfold input. Work inside the engine's own natives (a sort, a
 * `String.prototype.indexOf`) is not counted; the blocks that call them are.
 *
 * V8 puts the counters into a function's code when it compiles it, and only while
 * coverage is on: so counting starts as soon as this module is loaded, and it must be
 * loaded before the code it counts (the first import of the program that counts). And
 * optimised code counts nothing: run that program with `--no-opt --no-maglev
 * --no-sparkplug`.
 */

const session = new inspector.Session();
session.connect();

interface Coverage {
  result: { url: string; functions: { ranges: { count: number }[] }[] }[];
}

/** The inspector of this thread answers at once, in the call. */
function post<T>(method: string, params?: object): T {
  let answer: { error: Error | null; result: T } | undefined;
  session.post(method, params, (error, result) => (answer = { error, result: result as T }));
  if (!answer) throw new Error(`the inspector did not answer ${method} at once`);
  if (answer.error) throw answer.error;
  return answer.result;
}

post('Profiler.enable');
post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });

/** Blocks run by `run`, all told and by file (of this repository, or a package). */
export function workOf(run: () => void): { total: number; byFile: Map<string, number> } {
  post('Profiler.takePreciseCoverage'); // taking the counts sets them back to zero
  run();
  const { result } = post<Coverage>('Profiler.takePreciseCoverage');
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
}
