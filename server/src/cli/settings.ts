import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { Config, Level, LEVELS, nearestRuleId, optionsFor } from '../config/config';
import { ConfigProblem } from '../host/config-files';
import { readProblem } from '../host/files';
import { Project } from '../host/project';
import { catalogue } from '../rules/catalogue';
import { UsageError } from './problems';

/*
 * The command line's part in the settings each file is linted with. The project
 * (host/project.ts) finds each file's `.outcomelintrc.json`, or takes `--config FILE`
 * for every file, and applies each `--rule id=severity`; here those options are read,
 * and every settings file a run needs is checked before any file is linted, so that a
 * mistake in one stops the run (exit code 2) before a partial report is written.
 */

export type Overrides = ReadonlyMap<string, Level>;

/** Reads `--rule id=severity` values; a UsageError for an unknown id or severity. */
export function readOverrides(values: readonly string[]): Overrides {
  const overrides = new Map<string, Level>();
  for (const value of values) {
    const at = value.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--rule needs a rule id and a severity, such as --rule monetisation/intangible-paid=off (found \`${value}\`)`);
    const id = value.slice(0, at).trim();
    const level = value.slice(at + 1).trim();
    if (!catalogue.byId(id)) throw new UsageError(`--rule ${value}: \`${id}\` is not a rule id${ruleHint(id)}`);
    if (!(LEVELS as readonly string[]).includes(level)) {
      throw new UsageError(`--rule ${value}: \`${level}\` is not a severity: use off, info, warning or error`);
    }
    overrides.set(id, level as Level);
  }
  return overrides;
}

function ruleHint(id: string): string {
  const near = nearestRuleId(id, [...catalogue.ids]);
  return near ? `; did you mean \`${near}\`?` : ' (outcome-lint --list-rules lists them)';
}

/**
 * `--config FILE`, as an absolute path, once it is known to be a file: a UsageError
 * otherwise, before anything is linted.
 */
export function configArgument(given: string, cwd: string): string {
  const full = path.resolve(cwd, given);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(full, { throwIfNoEntry: false });
  } catch (error) {
    throw new UsageError(`cannot read the config file ${given}: ${readProblem(error)}`);
  }
  if (!stat) throw new UsageError(`cannot read the config file ${given}: it does not exist`);
  if (stat.isDirectory()) throw new UsageError(`cannot read the config file ${given}: it is a folder, not a file`);
  return full;
}

/**
 * Every problem of the settings files that apply to `files`, one line each
 * (`invalid config at .outcomelintrc.json:3:5: …`): a UsageError, so that a mistake in
 * one stops the run before a partial report is written.
 */
export function checkSettings(project: Project, files: readonly string[], shown: (file: string) => string): void {
  const problems = new Map<string, ConfigProblem>();
  for (const file of files) for (const p of project.configProblems(file)) problems.set(p.message, p);
  if (problems.size === 0) return;
  throw new UsageError(
    ...[...problems.values()].map((p) => `invalid config at ${p.message.startsWith(p.file) ? `${shown(p.file)}${p.message.slice(p.file.length)}` : p.message}`),
  );
}

/**
 * A config in the form of `.outcomelintrc.json`, listing every rule with the severity
 * and options it would run with: what `--print-config` prints.
 */
export function describeConfig(config: Config): { rules: Record<string, unknown> } {
  const result: Record<string, unknown> = {};
  for (const rule of catalogue.all) {
    const setting = config.rules.get(rule.meta.id);
    const level = setting?.level ?? rule.meta.severity;
    if (rule.meta.options instanceof z.ZodObject) {
      result[rule.meta.id] = { severity: level, ...(optionsFor(rule, setting) as Record<string, unknown>) };
    } else {
      result[rule.meta.id] = level;
    }
  }
  return { rules: result };
}
