import * as fs from 'node:fs';
import * as path from 'node:path';
import { Config, ConfigError, parseConfig, RuleSetting, settingsOver } from '../config/config';
import { RuleSet } from '../engine/lint';
import { decodeText } from './decode-text';
import { LineIndex, Position } from '../base/line-index';
import { isInside, kindAt, readProblem, readRegularFile, realOrSelf, TooLargeError } from './files';
import { PatternSet } from './ignores';

export const CONFIG_FILE = '.outcomelintrc.json';

/**
 * The config that applies to files in `folder`: the nearest `.outcomelintrc.json` in
 * it or a folder above, up to and including `root`. Undefined when there is none.
 */
export function findConfigFile(folder: string, root: string): string | undefined {
  let current = path.resolve(folder);
  const top = path.resolve(root);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(current);
    if (current === top || parent === current || !isInside(parent, top)) return undefined;
    current = parent;
  }
}

export interface ConfigProblem {
  readonly file: string;
  /** One line: where and what, `.outcomelintrc.json:3:5: … `. */
  readonly message: string;
  /** Where in the file and what, for an editor to mark; absent when the file cannot be read. */
  readonly at?: { readonly start: Position; readonly end: Position; readonly message: string };
}

/** A settings file read, with what it `extends` under it. */
export interface LoadedSettings {
  readonly config: Config;
  /** The settings files used: this one first, then those it extends (depth first). */
  readonly files: readonly string[];
  /** Their `ignores`, each relative to its own file's folder, the deepest `extends` first. */
  readonly ignores: readonly PatternSet[];
}

/**
 * Reads and checks a config file (a regular file of at most `maxBytes`), and the files
 * it `extends`, which apply under it; problems come back one line each, with a
 * position. `extends` reaches only inside `boundary` (the top of the repository).
 */
export function loadConfigFile(file: string, rules: RuleSet, maxBytes = Infinity, boundary = path.dirname(file), chain: readonly string[] = []): LoadedSettings | { problems: ConfigProblem[] } {
  let text: string | { problem: string };
  try {
    const bytes = readRegularFile(file, maxBytes);
    text = bytes ? decodeText(bytes) : { problem: `cannot be read: ${readProblem({ code: 'ENOENT' })}` };
  } catch (error) {
    text = { problem: error instanceof TooLargeError ? error.message : `cannot be read: ${readProblem(error)}` };
  }
  if (typeof text !== 'string') return { problems: [{ file, message: `${file}: ${text.problem}` }] };
  const result = parseConfig(text, rules.all);
  const index = new LineIndex(text);
  if ('errors' in result) return { problems: result.errors.map((e: ConfigError) => positioned(file, index, e)) };
  const problems: ConfigProblem[] = [];
  const under: LoadedSettings[] = [];
  const real = realOrSelf(file);
  for (const { name, span } of result.extends) {
    const found = resolveExtends(name, path.dirname(real), boundary);
    const circle = 'file' in found ? [...chain, real].indexOf(realOrSelf(found.file)) : -1;
    if ('problem' in found) problems.push(positioned(file, index, { message: `\`extends\` ${JSON.stringify(name)}: ${found.problem}`, span }));
    else if (circle >= 0) problems.push(positioned(file, index, { message: `\`extends\` ${JSON.stringify(name)} goes round in a circle: ${[...chain, real].slice(circle).concat(realOrSelf(found.file)).map((f) => path.basename(f)).join(' → ')}`, span }));
    else {
      const loaded = loadConfigFile(found.file, rules, maxBytes, boundary, [...chain, real]);
      if ('problems' in loaded) problems.push(...loaded.problems);
      else under.push(loaded);
    }
  }
  if (problems.length > 0) return { problems };
  let ruleSettings = new Map<string, RuleSetting>();
  for (const settings of under) ruleSettings = settingsOver(ruleSettings, settings.config.rules);
  const own = result.config.ignores;
  return {
    config: { rules: settingsOver(ruleSettings, result.config.rules), ignores: own },
    files: [file, ...under.flatMap((u) => u.files)],
    ignores: [...under.flatMap((u) => u.ignores), ...(own.length > 0 ? [{ base: path.dirname(real), source: file, patterns: own }] : [])],
  };
}

/** A package name, with a path inside the package: `@acme/settings`, `acme-settings/strict.json`. */
const PACKAGE = /^((?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*)(\/.+)?$/i;

/**
 * The file an `extends` names: a path relative to the settings file's folder (`./` or
 * `../` first), or a package in a `node_modules` folder from that folder up to
 * `boundary` (its `main`, or the file named after its name). Either must be a JSON file
 * inside `boundary`, links followed.
 */
function resolveExtends(name: string, folder: string, boundary: string): { file: string } | { problem: string } {
  const top = realOrSelf(boundary);
  const inside = (file: string): boolean => isInside(realOrSelf(file), top);
  if (/^\.\.?([\\/]|$)/.test(name)) {
    const file = path.resolve(folder, name);
    if (!inside(file)) return { problem: `it is outside ${top}, the top of the repository, and settings are read only from inside it` };
    if (!file.endsWith('.json')) return { problem: 'name a JSON settings file, ending in .json' };
    return kindAt(file) === 'file' ? { file } : { problem: 'there is no such file' };
  }
  const parts = PACKAGE.exec(name);
  if (!parts || path.isAbsolute(name)) return { problem: 'give a path relative to this file, starting with ./ or ../, or the name of a package in a node_modules folder' };
  const [, pkg, sub] = parts;
  for (let current = folder; isInside(current, top); current = path.dirname(current)) {
    const root = path.join(current, 'node_modules', pkg);
    if (kindAt(root) === 'folder') {
      const main = sub === undefined ? packageMain(root) : { file: sub.slice(1) };
      if ('problem' in main) return main;
      const file = path.resolve(root, main.file);
      if (!isInside(realOrSelf(file), realOrSelf(root)) || !inside(file)) return { problem: `${main.file} is outside the package` };
      if (!file.endsWith('.json')) return { problem: `${main.file} is not a JSON file: shared settings are data, never code` };
      return kindAt(file) === 'file' ? { file } : { problem: `the package has no ${main.file}` };
    }
    if (path.dirname(current) === current) break;
  }
  return { problem: `there is no package ${pkg} in a node_modules folder from here up to the top of the repository (npm install --save-dev ${pkg})` };
}

/** The file a package's package.json names as its `main`. */
function packageMain(root: string): { file: string } | { problem: string } {
  let main: unknown;
  try {
    const bytes = readRegularFile(path.join(root, 'package.json'), 2 ** 20);
    main = bytes && (JSON.parse(Buffer.from(bytes).toString('utf8')) as { main?: unknown }).main;
  } catch {
    main = undefined;
  }
  return typeof main === 'string' ? { file: main } : { problem: 'its package.json names no main file: name the file, such as package-name/settings.json' };
}

function positioned(file: string, index: LineIndex, error: ConfigError): ConfigProblem {
  const { line, column } = index.lineColumn(error.span.start);
  return {
    file,
    message: `${file}:${line}:${column}: ${error.message}`,
    at: { start: index.position(error.span.start), end: index.position(error.span.end), message: error.message },
  };
}
