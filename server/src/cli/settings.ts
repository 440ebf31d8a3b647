import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { Config, Level, LEVELS, nearestRuleId, optionsFor, RuleSetting } from '../config/config';
import { ConfigFinder, ConfigProblem, loadConfigFile } from '../host/config-files';
import { rules, ruleById } from '../rules/index';
import { ioProblem, UsageError } from './problems';

/*
 * The settings each file is linted with:
 *
 * 1. the nearest `.outcomelintrc.json` in the file's folder or a folder above it, up to
 *    the current folder (or, for a file outside it, up to the folder named on the
 *    command line); or, with `--config FILE`, that file instead, for every file;
 * 2. then each `--rule id=severity`, which changes the severity and keeps the options.
 *
 * Every config a run needs is read and checked before any file is linted, so that a
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
    if (!ruleById(id)) throw new UsageError(`--rule ${value}: \`${id}\` is not a rule id${ruleHint(id)}`);
    if (!(LEVELS as readonly string[]).includes(level)) {
      throw new UsageError(`--rule ${value}: \`${level}\` is not a severity: use off, info, warning or error`);
    }
    overrides.set(id, level as Level);
  }
  return overrides;
}

function ruleHint(id: string): string {
  const near = nearestRuleId(id, rules.map((r) => r.meta.id));
  return near ? `; did you mean \`${near}\`?` : ' (outcome-lint --list-rules lists them)';
}

export class Settings {
  private readonly finders = new Map<string, ConfigFinder>();
  private readonly fixed: Config | undefined;
  private readonly overridden = new WeakMap<Config, Config>();

  /**
   * @param configFile `--config`, as given (relative to `cwd`).
   * @throws UsageError when `configFile` cannot be read or is invalid.
   */
  constructor(
    private readonly cwd: string,
    configFile: string | undefined,
    private readonly overrides: Overrides,
    private readonly shown: (file: string) => string,
  ) {
    if (configFile !== undefined) {
      const full = path.resolve(cwd, configFile);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(full);
      } catch (error) {
        throw new UsageError(`cannot read the config file ${configFile}: ${ioProblem(error)}`);
      }
      if (stat.isDirectory()) throw new UsageError(`cannot read the config file ${configFile}: it is a folder, not a file`);
      const loaded = loadConfigFile(full);
      if ('problems' in loaded) throw this.invalid(loaded.problems);
      this.fixed = loaded.config;
    }
  }

  /**
   * The config for a file. `base` is the folder its command-line argument named:
   * the search for `.outcomelintrc.json` stops at the current folder when the file is
   * inside it, and at `base` otherwise.
   */
  forFile(file: string, base: string): { config: Config } | { problems: ConfigProblem[] } {
    const found = this.fixed ? { config: this.fixed } : this.finder(inside(file, this.cwd) ? this.cwd : base).forFile(file);
    if ('problems' in found) return found;
    return { config: this.withOverrides(found.config) };
  }

  /** Configs of many files; a UsageError listing every invalid config among them. */
  forFiles(files: readonly string[], baseOf: ReadonlyMap<string, string>): Map<string, Config> {
    const configs = new Map<string, Config>();
    const problems = new Map<string, ConfigProblem>();
    for (const file of files) {
      const found = this.forFile(file, baseOf.get(file) ?? path.dirname(file));
      if ('problems' in found) for (const p of found.problems) problems.set(p.message, p);
      else configs.set(file, found.config);
    }
    if (problems.size > 0) throw this.invalid([...problems.values()]);
    return configs;
  }

  private finder(root: string): ConfigFinder {
    let finder = this.finders.get(root);
    if (!finder) this.finders.set(root, (finder = new ConfigFinder(root)));
    return finder;
  }

  private withOverrides(config: Config): Config {
    if (this.overrides.size === 0) return config;
    let result = this.overridden.get(config);
    if (!result) {
      const map = new Map<string, RuleSetting>(config.rules);
      for (const [id, level] of this.overrides) map.set(id, { level, options: config.rules.get(id)?.options });
      result = { rules: map };
      this.overridden.set(config, result);
    }
    return result;
  }

  /** One line a problem: `invalid config at .outcomelintrc.json:3:5: …`. */
  private invalid(problems: readonly ConfigProblem[]): UsageError {
    return new UsageError(
      ...problems.map((p) => {
        const message = p.message.startsWith(p.file) ? `${this.shown(p.file)}${p.message.slice(p.file.length)}` : p.message;
        return `invalid config at ${message}`;
      }),
    );
  }
}

/**
 * A config in the form of `.outcomelintrc.json`, listing every rule with the severity
 * and options it would run with: what `--print-config` prints.
 */
export function describeConfig(config: Config): { rules: Record<string, unknown> } {
  const result: Record<string, unknown> = {};
  for (const rule of rules) {
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

function inside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
