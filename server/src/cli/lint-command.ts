import * as path from 'node:path';
import { plural } from '../base/wording';
import { Project } from '../host/project';
import { catalogue } from '../rules/catalogue';
import { ruleDocUrl } from '../rules/links';
import { toolVersion } from './about';
import { Format, Options } from './args';
import { applyBaseline, readBaseline, writeBaseline } from './baseline';
import { cacheFile, LintCache } from './cache';
import { painter, Paint, useColour } from './colour';
import { discover, discoverStdin, ProjectSettings } from './discover';
import { fixFiles, showFixes } from './fix';
import { compact } from './formats/compact';
import { github } from './formats/github';
import { gitlab } from './formats/gitlab';
import { json } from './formats/json';
import { junit } from './formats/junit';
import { sarifText } from './formats/sarif';
import { stylish } from './formats/stylish';
import type { Io } from './io';
import { checkOutput, displayPath, writeOutput } from './output';
import { readSpec, readStdin } from './read';
import type { FileLinter, Linted } from './file-linter';
import { Concurrency, lintOnThreads, threadsFor, WorkerJob } from './lint-workers';
import { FileReport, Finding, onlyErrors, Report, summarise } from './report';
import { checkSettings, configArgument, describeConfig, readOverrides } from './settings';

/*
 * Linting, once the command line is read: `--list-rules`, `--print-config`, or a run
 * over files. Loaded by main.ts only when needed, so that `--help`, `--version` and
 * mistakes on the command line answer without loading the linter.
 */

export async function runLint(options: Options, io: Io): Promise<number> {
  const overrides = readOverrides(options.rules);
  /** Colours for a report written to `target` (undefined: standard output). */
  const paintFor = (target: string | undefined): Paint => painter(useColour(options.color, target !== undefined && target !== '-', io.env, io.stdoutIsTTY));
  const names = new Map<string, string>();
  const shown = (file: string): string => {
    let name = names.get(file);
    if (name === undefined) names.set(file, (name = displayPath(file, io.cwd)));
    return name;
  };

  if (options.listRules) {
    writeOutput(io, options.output, listRules(options.reports[0].format, paintFor(options.output)), []);
    return 0;
  }

  const configFile = options.config === undefined ? undefined : configArgument(options.config, io.cwd);
  // What a lint worker needs to make the same project (lint-workers.ts): all but the rules.
  const shared = { workingFolder: io.cwd, configFile, overrides, ignorePatterns: options.ignorePatterns, gitignore: options.gitignore, maxBytes: options.maxBytes };
  const settings: ProjectSettings = { ...shared, rules: catalogue };

  if (options.printConfig !== undefined) {
    const file = path.resolve(io.cwd, options.printConfig);
    const project = new Project({ ...settings, roots: [path.dirname(file)] });
    checkSettings(project, [file], shown);
    const described = { files: project.settingsFiles(file).map(shown), ...describeConfig(project.configFor(file)) };
    writeOutput(io, options.output, `${JSON.stringify(described, null, 2)}\n`, []);
    return 0;
  }

  const { files, project, ignored, roots } = options.stdinFilename === undefined ? discover(options.paths, io.cwd, settings) : discoverStdin(options.stdinFilename, io.cwd, settings);
  for (const line of ignored) io.stderr(`outcome-lint: ${line}`);
  // The text on standard input stands for the file named, as an editor's unsaved buffer does.
  if (options.stdinFilename !== undefined && files.length > 0) project.setOpen(files[0], readStdin(io, options.maxBytes));
  checkSettings(project, files, shown);
  for (const file of files) readSpec(project, file, shown(file));
  // Before --fix writes anything: an output that would replace a spec stops the run here.
  for (const target of [options.output, ...options.reports.map((r) => r.file)]) checkOutput(io.cwd, target, files);
  if (options.writeBaseline) checkOutput(io.cwd, options.baseline, files);
  // --cache: never for standard input, whose text is no file's (docs/cli.md).
  const cachePath = options.cache && options.stdinFilename === undefined ? cacheFile(io.cwd, options.cacheLocation) : undefined;
  if (cachePath !== undefined) checkOutput(io.cwd, cachePath, files);
  if (options.fixDryRun) {
    const patch = showFixes(project, files, shown);
    writeOutput(io, options.output, patch, files);
    return patch === '' ? 0 : 1;
  }
  if (options.fix) fixFiles(project, files, shown, io);

  const baseline = options.baseline === undefined ? undefined : path.resolve(io.cwd, options.baseline);
  const known = baseline ? readBaseline(baseline, options.baseline!, options.writeBaseline) : [];
  // Read after --fix has written: a file it changed is linted again, its text being new.
  const cache = cachePath === undefined ? undefined : new LintCache(cachePath, project, roots, io.cwd, options.maxBytes);
  const full = await lintSpread(files, project, shown, cache, { concurrency: options.concurrency, job: { settings: shared, roots, cwd: io.cwd } });
  const unsaved = cache?.save();
  if (unsaved !== undefined) io.stderr(`outcome-lint: cannot write the cache ${shown(cachePath!)}: ${unsaved}`);
  if (options.writeBaseline) {
    writeBaseline(io, full, known, baseline!, options.baseline!);
    return 0;
  }
  const checked = baseline ? applyBaseline(full, known, baseline) : full;
  const report = options.quiet ? onlyErrors(checked) : checked;
  for (const { format: name, file } of options.reports) {
    const target = file ?? options.output;
    writeOutput(io, target, format(name, report, paintFor(target), io.cwd), files);
  }

  const { errors, warnings } = checked.summary;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr(`outcome-lint: ${plural(warnings, 'warning')} found, more than --max-warnings ${options.maxWarnings} allows`);
    return 1;
  }
  return errors > 0 ? 1 : 0;
}

/** How `lintSpread` may spread the files over threads (lint-workers.ts). */
export interface Spread {
  readonly concurrency: Concurrency;
  readonly job: Omit<WorkerJob, 'files'>;
}

/**
 * Lints every file of the project on this thread, each read once: `use` reaches the
 * texts the project has read (and other files inside its roots), and one parse cache
 * serves the run. The files `reuse` (the cache) answers for are not linted.
 */
export function lintAll(files: readonly string[], project: Project, shown: (file: string) => string, reuse?: LintCache): Report {
  const run = splitByCache(files, shown, reuse);
  return run.report(run.pending.length > 0 ? linterFor(project, shown).lintEach(run.pending) : []);
}

/** `lintAll`, with the files the cache does not answer for spread over as many threads as their size calls for. */
export async function lintSpread(files: readonly string[], project: Project, shown: (file: string) => string, reuse: LintCache | undefined, spread: Spread): Promise<Report> {
  const run = splitByCache(files, shown, reuse);
  if (run.pending.length === 0) return run.report([]);
  const here = linterFor(project, shown);
  const threads = threadsFor(spread.concurrency, run.pending.length, charactersOf(project, run.pending));
  // The program this process runs (dist/cli.js), started again on each worker.
  const program = require.main?.filename;
  if (threads === 1 || program === undefined) return run.report(here.lintEach(run.pending));
  return run.report(await lintOnThreads({ ...spread.job, files: run.pending }, threads, here, program));
}

/**
 * The files the cache answers for, and those left to lint (`pending`); `report` puts
 * the two together, in the order of `files`, given the findings of `pending` in order,
 * and keeps those in the cache.
 */
function splitByCache(files: readonly string[], shown: (file: string) => string, reuse: LintCache | undefined): { pending: string[]; report: (linted: readonly Linted[]) => Report } {
  const kept = new Map<string, Finding[]>();
  for (const file of files) {
    const findings = reuse?.findings(file, shown);
    if (findings) kept.set(file, findings);
  }
  const pending = files.filter((file) => !kept.has(file));
  const report = (linted: readonly Linted[]): Report => {
    const lintedByFile = new Map(pending.map((file, i) => [file, linted[i]]));
    const reports = files.map((file): FileReport => {
      const findings = kept.get(file);
      if (findings) return { path: shown(file), file, findings };
      const { findings: found, usedFiles } = lintedByFile.get(file)!;
      reuse?.remember(file, usedFiles, found);
      return { path: shown(file), file, findings: found };
    });
    return { files: reports, summary: summarise(reports) };
  };
  return { pending, report };
}

/** A linter for this thread. Required, not imported: a run whose every file comes from the cache never loads the linter. */
function linterFor(project: Project, shown: (file: string) => string): FileLinter {
  const { FileLinter: Linter } = require('./file-linter') as typeof import('./file-linter');
  return new Linter(project, shown);
}

/** The characters of the files' texts, as read: the work to spread. */
function charactersOf(project: Project, files: readonly string[]): number {
  let size = 0;
  for (const file of files) {
    const text = project.read(file);
    if (typeof text === 'string') size += text.length;
  }
  return size;
}

function format(name: Format, report: Report, paint: Paint, cwd: string): string {
  switch (name) {
    case 'stylish':
      return stylish(report, paint);
    case 'compact':
      return compact(report);
    case 'json':
      return json(report, toolVersion(), ruleDocUrl);
    case 'sarif':
      return sarifText(report, catalogue.all, toolVersion(), cwd);
    case 'github':
      return github(report);
    case 'junit':
      return junit(report);
    case 'gitlab':
      return gitlab(report);
  }
}

/** Every rule: what `--list-rules --format json` prints, and the API's `rules`. */
export function ruleList(): { id: string; severity: 'error' | 'warning' | 'info'; summary: string; helpUri: string }[] {
  return catalogue.all.map((r) => ({ id: r.meta.id, severity: r.meta.severity, summary: r.meta.summary, helpUri: ruleDocUrl(r.meta.id) }));
}

/** `--list-rules`: a table, or with `--format json` an array of { id, severity, summary, helpUri }. */
function listRules(name: Format, paint: Paint): string {
  if (name === 'json') return `${JSON.stringify(ruleList(), null, 2)}\n`;
  const width = Math.max(...catalogue.all.map((r) => r.meta.id.length));
  const lines = catalogue.all.map((r) => `${r.meta.id.padEnd(width)}  ${paint(r.meta.severity === 'error' ? 'red' : r.meta.severity === 'warning' ? 'yellow' : 'cyan', r.meta.severity.padEnd(8))}  ${r.meta.summary}`);
  return `${[paint('bold', `${'rule'.padEnd(width)}  severity  summary`), ...lines].join('\n')}\n`;
}
