import { Project } from '../host/project';
import { catalogue } from '../rules/catalogue';
import { FileLinter } from './file-linter';
import { WorkerAnswer, WorkerData } from './lint-workers';
import { displayPath } from './output';

/*
 * A lint worker's whole life (lint-workers.ts): its own project, with the main thread's
 * settings, and the next file from the shared counter until none is left. Every file's
 * answer goes back on the port, its findings or the error that stopped its lint.
 */

export function serveLintJob(job: WorkerData): void {
  const project = new Project({ ...job.settings, rules: catalogue, roots: job.roots });
  const linter = new FileLinter(project, (file) => displayPath(file, job.cwd));
  const { counters, files, port } = job;
  for (let i = Atomics.add(counters, 0, 1); i < files.length; i = Atomics.add(counters, 0, 1)) {
    let answer: WorkerAnswer;
    try {
      answer = { index: i, linted: linter.lint(files[i]) };
    } catch (error) {
      answer = { index: i, failed: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(answer);
    Atomics.add(counters, 1, 1);
    Atomics.notify(counters, 1);
  }
  port.close();
}
