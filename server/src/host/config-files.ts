import * as fs from 'node:fs';
import * as path from 'node:path';
import { Config, ConfigError, defaultConfig, parseConfig } from '../config/config';
import { rules } from '../rules/index';
import { LineIndex, Position } from '../base/line-index';
import { isInside } from './disk-access';

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

/** Reads and checks a config file; problems come back one line each, with a position. */
export function loadConfigFile(file: string): { config: Config } | { problems: ConfigProblem[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    return { problems: [{ file, message: `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})` }] };
  }
  const result = parseConfig(text, rules);
  if ('config' in result) return result;
  const index = new LineIndex(text);
  return { problems: result.errors.map((e: ConfigError) => positioned(file, index, e)) };
}

function positioned(file: string, index: LineIndex, error: ConfigError): ConfigProblem {
  const { line, column } = index.lineColumn(error.span.start);
  return {
    file,
    message: `${file}:${line}:${column}: ${error.message}`,
    at: { start: index.position(error.span.start), end: index.position(error.span.end), message: error.message },
  };
}

/** Configs by folder, so that a run over many files reads each config once. */
export class ConfigFinder {
  private readonly byFolder = new Map<string, { config: Config } | { problems: ConfigProblem[] }>();

  constructor(private readonly root: string) {}

  forFile(file: string): { config: Config } | { problems: ConfigProblem[] } {
    const folder = path.dirname(path.resolve(file));
    let found = this.byFolder.get(folder);
    if (!found) {
      const configFile = findConfigFile(folder, this.root);
      found = configFile ? loadConfigFile(configFile) : { config: defaultConfig };
      this.byFolder.set(folder, found);
    }
    return found;
  }
}
