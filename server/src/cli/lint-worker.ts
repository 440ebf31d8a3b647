import { parentPort } from 'node:worker_threads';
import { Project } from '../host/project';
import { catalogue } from '../rules/catalogue';
import { FileLinter } from './file-linter';
import { nextFile, WorkerAnswer, WorkerData } from './lint-workers';
import { displayPath } from './output';

/*
 * A lint worker's whole life (lint-workers.ts): its own project, with the main thread's
 * settings, and the next file from the shared counter until none is left. Every file's
 * answer goes back to the main thread, its findings or the error that stopped its lint.
 */

export function serveLintJob(job: WorkerData): void {
  const project = new Project({ ...job.settings, rules: catalogue, roots: job.roots });
  const linter = new FileLinter(project, (file) => displayPath(file, job.cwd));
  const { counters, files, slot } = job;
  for (let i = nextFile(counters, files.length, slot); i < files.length; i = nextFile(counters, files.length, slot)) {
    let answer: WorkerAnswer;
    try {
      answer = { index: i, linted: linter.lint(files[i]) };
    } catch (error) {
      answer = { index: i, failed: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(answer);
  }
}
