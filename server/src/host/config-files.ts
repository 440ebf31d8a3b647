import * as fs from 'node:fs';
import * as path from 'node:path';
import { Config, ConfigError, parseConfig } from '../config/config';
import { RuleSet } from '../engine/lint';
import { decodeText } from './decode-text';
import { LineIndex, Position } from '../base/line-index';
import { isInside, readProblem, readRegularFile, TooLargeError } from './files';

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

/**
 * Reads and checks a config file (a regular file of at most `maxBytes`); problems come
 * back one line each, with a position.
 */
export function loadConfigFile(file: string, rules: RuleSet, maxBytes = Infinity): { config: Config } | { problems: ConfigProblem[] } {
  let text: string | { problem: string };
  try {
    const bytes = readRegularFile(file, maxBytes);
    text = bytes ? decodeText(bytes) : { problem: `cannot be read: ${readProblem({ code: 'ENOENT' })}` };
  } catch (error) {
    text = { problem: error instanceof TooLargeError ? error.message : `cannot be read: ${readProblem(error)}` };
  }
  if (typeof text !== 'string') return { problems: [{ file, message: `${file}: ${text.problem}` }] };
  const result = parseConfig(text, rules.all);
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
