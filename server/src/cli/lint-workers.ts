import * as os from 'node:os';
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker, workerData } from 'node:worker_threads';
import type { ProjectSettings } from './discover';
import type { FileLinter, Linted } from './file-linter';

/*
 * Linting on worker threads (`--concurrency`). Each worker is the same program
 * (dist/cli.js) started again with `workerData` that marks it (cli/index.ts then runs
 * lint-worker.ts instead of the command). Every thread, the main one included, takes
 * the next file to lint from one counter in shared memory, so that a thread still
 * starting takes nothing while the others work, and a run whose files are done before
 * a worker is ready never waits for it. Workers send each file's findings back on a
 * message port; the main thread waits for them with `Atomics.wait`, so the command
 * stays synchronous from start to exit code.
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
  readonly port: MessagePort;
  /** [0]: the index of the next file to lint; [1]: how many findings the workers have sent. */
  readonly counters: Int32Array;
}

/** A worker's answer for one file: its findings, or the error that stopped its lint. */
export type WorkerAnswer = { readonly index: number } & ({ readonly linted: Linted } | { readonly failed: string });

/** The job this thread was started for, when it is a lint worker. */
export function lintWorkerData(): WorkerData | undefined {
  const data = workerData as Partial<WorkerData> | null;
  return data?.[WORKER_MARK] === true ? (data as WorkerData) : undefined;
}

/**
 * Lints `job.files` on `threads` threads, this one and `threads - 1` workers running
 * `program`. A file a worker could not lint is linted again here, so that its error is
 * the run's, as without workers.
 */
export function lintOnThreads(job: WorkerJob, threads: number, here: Pick<FileLinter, 'lint'>, program: string): Linted[] {
  const counters = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  for (let i = 1; i < threads; i++) {
    const { port1, port2 } = new MessageChannel();
    const data: WorkerData = { ...job, [WORKER_MARK]: true, port: port2, counters };
    workers.push(new Worker(program, { workerData: data, transferList: [port2] }));
    ports.push(port1);
  }
  const results: (Linted | undefined)[] = new Array(job.files.length);
  let done = 0;
  const take = (answer: WorkerAnswer): void => {
    results[answer.index] = 'failed' in answer ? here.lint(job.files[answer.index]) : answer.linted;
    done++;
  };
  const drain = (): void => {
    for (const port of ports) for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) take(m.message as WorkerAnswer);
  };
  try {
    for (let i = Atomics.add(counters, 0, 1); i < job.files.length; i = Atomics.add(counters, 0, 1)) {
      results[i] = here.lint(job.files[i]);
      done++;
      drain();
    }
    while (done < job.files.length) {
      const sent = Atomics.load(counters, 1);
      drain();
      if (done < job.files.length) Atomics.wait(counters, 1, sent);
    }
  } finally {
    // A worker still starting has taken nothing: it is not waited for.
    for (const worker of workers) {
      worker.unref();
      void worker.terminate();
    }
  }
  return results as Linted[];
}
