import * as os from 'node:os';
import { Worker, workerData } from 'node:worker_threads';
import type { ProjectSettings } from './discover';
import type { FileLinter, Linted } from './file-linter';

/*
 * Linting on worker threads (`--concurrency`). Each worker is the same program
 * (dist/cli.js) started again with `workerData` that marks it (cli/index.ts then runs
 * lint-worker.ts instead of the command). Every thread, the main one included, takes
 * the next file to lint from one counter in shared memory, so that a thread still
 * starting takes nothing while the others work, and a run whose files are done before
 * a worker is ready never waits for it. Workers send each file's findings back as a
 * message; the main thread gives way to the event loop after each of its own files, so
 * that it hears them, and hears a worker that died.
 *
 * A worker that dies (out of memory on a huge spec, say) leaves the file it held in
 * its slot of the shared memory: that file is linted again on the main thread, so the
 * run ends as it would without workers (with its findings, or with that thread's
 * error), never waiting for an answer that cannot come.
 *
 * A worker starts as the CLI does (a quarter to two fifths of a second here), so it
 * pays only when its share of the work is longer than that; and on a machine of 2
 * cores it never pays: one thread's lint already keeps 1.3 of them busy (V8 collects
 * garbage and compiles on threads of its own), and two threads, or two processes, lint
 * 1,000 specs no faster than one (docs/performance.md, "Worker threads"). So `auto`
 * starts workers only on 4 cores or more, one thread per megabyte of text to lint, and
 * no more threads than half the cores, leaving the rest to V8's own threads.
 */

/** `--concurrency`: `auto` (decided from the work and the cores), `off` (the main thread only), or a number of threads in all. */
export type Concurrency = 'auto' | 'off' | number;

/** The fewest cores on which `auto` starts a worker. */
export const AUTO_MIN_CORES = 4;

/**
 * The characters of spec text each thread takes under `auto`: about 0.6 s of lint on
 * one thread here, more than a worker's start-up of 0.3 to 0.4 s
 * (bench/cli-concurrency.bench.ts).
 */
export const AUTO_CHARACTERS_PER_THREAD = 2 ** 20;

/** How many threads lint `characters` of text in `files`, the main one included (1: no worker is started). */
export function threadsFor(concurrency: Concurrency, files: number, characters: number, cores: number = os.availableParallelism()): number {
  if (concurrency === 'off') return 1;
  if (concurrency === 'auto' && cores < AUTO_MIN_CORES) return 1;
  const wanted = concurrency === 'auto' ? Math.min(Math.floor(cores / 2), Math.floor(characters / AUTO_CHARACTERS_PER_THREAD)) : concurrency;
  return Math.max(1, Math.min(wanted, files));
}

/** What a worker needs to lint as the main thread does: the project's settings (less the rules, which it has) and the files. */
export interface WorkerJob {
  readonly settings: Omit<ProjectSettings, 'rules' | 'source'>;
  readonly roots: readonly string[];
  /** The current folder, for the paths shown. */
  readonly cwd: string;
  readonly files: readonly string[];
}

/** The marker in `workerData` of a lint worker, and what else it is given. */
export const WORKER_MARK = 'outcomeLintWorker';
export interface WorkerData extends WorkerJob {
  readonly [WORKER_MARK]: true;
  /**
   * [0]: the index of the next file to lint; [slot]: the index of the file this worker
   * is taking or linting (-1 before its first).
   */
  readonly counters: Int32Array;
  readonly slot: number;
}

/** A worker's answer for one file: its findings, or the error that stopped its lint. */
export type WorkerAnswer = { readonly index: number } & ({ readonly linted: Linted } | { readonly failed: string });

/** The job this thread was started for, when it is a lint worker. */
export function lintWorkerData(): WorkerData | undefined {
  const data = workerData as Partial<WorkerData> | null;
  return data?.[WORKER_MARK] === true ? (data as WorkerData) : undefined;
}

/**
 * The index of the next file for a thread to lint, taken from `counters[0]`; `files`
 * when none is left. With a `slot`, the index is written there before it is taken, so
 * that if the thread dies, the file it may hold is known.
 */
export function nextFile(counters: Int32Array, files: number, slot?: number): number {
  for (;;) {
    const next = Atomics.load(counters, 0);
    if (next >= files) return files;
    if (slot !== undefined) Atomics.store(counters, slot, next);
    if (Atomics.compareExchange(counters, 0, next, next + 1) === next) return next;
  }
}

/**
 * Lints `job.files` on `threads` threads, this one and `threads - 1` workers running
 * `program`. A file a worker could not lint, or held when it died, is linted again
 * here, so that its error is the run's, as without workers.
 */
export async function lintOnThreads(job: WorkerJob, threads: number, here: Pick<FileLinter, 'lint'>, program: string): Promise<Linted[]> {
  const files = job.files.length;
  const counters = new Int32Array(new SharedArrayBuffer(threads * Int32Array.BYTES_PER_ELEMENT)).fill(-1);
  counters[0] = 0;
  const results: (Linted | undefined)[] = new Array(files);
  let done = 0;
  let failure: { error: unknown } | undefined;
  let succeed = (): void => {};
  let fail = (_error: unknown): void => {};
  const finished = new Promise<void>((resolve, reject) => ((succeed = resolve), (fail = reject)));
  // Awaited below; until then a failure must not count as unhandled.
  finished.catch(() => {});
  /**
   * The first answer for a file counts: a file linted again after a worker died may
   * also have been answered by it. An error linting here fails the run, as without workers.
   */
  const settle = (index: number, lint: () => Linted): void => {
    if (results[index] !== undefined || failure) return;
    try {
      results[index] = lint();
    } catch (error) {
      failure = { error };
      fail(error);
      return;
    }
    if (++done === files) succeed();
  };
  const workers: Worker[] = [];
  try {
    for (let slot = 1; slot < threads; slot++) {
      const data: WorkerData = { ...job, [WORKER_MARK]: true, counters, slot };
      const worker = new Worker(program, { workerData: data });
      worker.on('message', (answer: WorkerAnswer) => settle(answer.index, () => ('failed' in answer ? here.lint(job.files[answer.index]) : answer.linted)));
      // Its exit says what it left undone.
      worker.on('error', () => {});
      worker.on('exit', () => {
        const held = Atomics.load(counters, slot);
        if (held >= 0 && held < files) settle(held, () => here.lint(job.files[held]));
      });
      workers.push(worker);
    }
    for (let i = nextFile(counters, files); i < files && !failure; i = nextFile(counters, files)) {
      settle(i, () => here.lint(job.files[i]));
      await new Promise(setImmediate);
    }
    if (done < files || failure) await finished;
  } finally {
    // A worker still starting has taken nothing: it is not waited for.
    for (const worker of workers) {
      worker.unref();
      void worker.terminate();
    }
  }
  return results as Linted[];
}
