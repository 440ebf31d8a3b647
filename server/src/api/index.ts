import * as path from 'node:path';
import { toolVersion } from '../cli/about';
import { discover, discoverStdin, Discovered, ProjectSettings } from '../cli/discover';
import { toJson } from '../cli/formats/json';
import type { JsonReport } from '../cli/formats/json-shape';
import { lintAll, ruleList } from '../cli/lint-command';
import { displayPath } from '../cli/output';
import { UsageError } from '../cli/problems';
import { LIMIT_NAMES, maxBytesOf } from '../cli/file-size';
import { checkSize, readSpec } from '../cli/read';
import { checkSettings, configArgument, readOverrides } from '../cli/settings';
import { configJsonSchema } from '../config/json-schema';
import { catalogue } from '../rules/catalogue';
import { ruleDocUrl } from '../rules/links';

export type { JsonEdit, JsonFinding, JsonPlace, JsonRelated, JsonReport, JsonSummary } from '../cli/formats/json-shape';

/*
 * The programmatic API, `require('outcome-lint')` (in dist/cli.js, see entry.ts; its
 * types in dist/api.d.ts): the command line's lint as functions. Files, roots, settings and
 * ignores come from the same place as the CLI's (cli/discover.ts, host/project.ts), and
 * the result is the object `--format json` prints (docs/cli.md#json). What would stop
 * the command (exit code 2) throws an Error whose message is the command's lines.
 * See docs/api.md.
 */

export interface LintOptions {
  /** The folder relative paths are taken from, and the report's paths relative to; the current folder unless given. */
  readonly cwd?: string;
  /** A settings file for every spec instead of the nearest `.outcomelintrc.json`, as `--config`. */
  readonly configFile?: string;
  /** Severities over the settings, as `--rule`: `{ "monetisation/intangible-paid": "off" }`. */
  readonly rules?: Readonly<Record<string, 'off' | 'info' | 'warning' | 'error'>>;
  /** `.gitignore` patterns relative to `cwd` whose files are left out, as `--ignore-pattern`. */
  readonly ignorePatterns?: readonly string[];
  /** false to read no `.gitignore`, as `--no-gitignore`. */
  readonly gitignore?: boolean;
  /** The largest spec read, in MB (2²⁰ bytes; 10 unless given, at most 1024), as `--max-file-size`; for `lint`, the text's size in UTF-8. */
  readonly maxFileSizeMB?: number;
}

export interface TextOptions extends LintOptions {
  /** The file the text stands for (its settings, the files its `use` lines reach, its name), as `--stdin-filename`; `text.outcome` in `cwd` unless given. */
  readonly filePath?: string;
}

/** A rule, as `outcome-lint --list-rules --format json` lists it. */
export interface RuleInfo {
  readonly id: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly summary: string;
  readonly helpUri: string;
}

/** Lints `text` as the spec at `options.filePath` (which need not exist), as `outcome-lint --stdin --stdin-filename` does. */
export function lint(text: string, options: TextOptions = {}): JsonReport {
  return run(options, (cwd, settings) => {
    checkSize('the text', Buffer.byteLength(text, 'utf8'), settings.maxBytes!, LIMIT_NAMES.api);
    const found = discoverStdin(options.filePath ?? 'text.outcome', cwd, settings);
    if (found.files.length > 0) found.project.setOpen(found.files[0], text);
    return found;
  });
}

/** Lints the specs that `paths` (files, folders or globs, as on the command line; the current folder when empty) name. */
export function lintFiles(paths: readonly string[], options: LintOptions = {}): JsonReport {
  return run(options, (cwd, settings) => discover(paths, cwd, settings));
}

/** Every rule, with its default severity. */
export const rules: readonly RuleInfo[] = ruleList();

/** The JSON Schema of `.outcomelintrc.json` (also in the package as schemas/outcomelintrc.schema.json). */
export const configSchema: Readonly<Record<string, unknown>> = configJsonSchema(catalogue.all);

/** The version of outcome-lint. */
export const version: string = toolVersion();

function run(options: LintOptions, find: (cwd: string, settings: ProjectSettings) => Discovered): JsonReport {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const shown = (file: string): string => displayPath(file, cwd);
  try {
    const { files, project } = find(cwd, {
      workingFolder: cwd,
      rules: catalogue,
      configFile: options.configFile === undefined ? undefined : configArgument(options.configFile, cwd),
      overrides: readOverrides(Object.entries(options.rules ?? {}).map(([id, level]) => `${id}=${level}`)),
      ignorePatterns: options.ignorePatterns ?? [],
      gitignore: options.gitignore ?? true,
      maxBytes: maxBytesOf(options.maxFileSizeMB === undefined ? undefined : String(options.maxFileSizeMB), LIMIT_NAMES.api),
    });
    checkSettings(project, files, shown);
    for (const file of files) readSpec(project, file, shown(file), LIMIT_NAMES.api);
    return toJson(lintAll(files, project, shown), version, ruleDocUrl);
  } catch (error) {
    if (error instanceof UsageError) throw new Error(error.lines.join('\n'));
    throw error;
  }
}
