import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Severity } from '../base/diagnostic';

/*
 * Facts about outcome-lint itself. This module is loaded for every run, even
 * `--version`, so it imports nothing heavy.
 */

let version: string | undefined;

/**
 * outcome-lint's version, from its package.json: beside dist/ when bundled
 * (dist/cli.js), or higher up when run from out/ in development.
 */
export function toolVersion(): string {
  if (version !== undefined) return version;
  let folder = __dirname;
  for (;;) {
    const file = path.join(folder, 'package.json');
    try {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'outcome-lint' && pkg.version) return (version = pkg.version);
    } catch {
      // Not here: look higher.
    }
    const parent = path.dirname(folder);
    if (parent === folder) return (version = '0.0.0-unknown');
    folder = parent;
  }
}

/** SARIF's word for a severity. */
export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity;
}
