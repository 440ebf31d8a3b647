import * as path from 'node:path';
import { DiskAccess, readText } from '../host/disk-access';
import { lint } from '../lint';
import { ParseCache } from '../model/model';
import { LineIndex } from '../syntax/line-index';
import { discover } from './discover';

/*
 * `outcome-lint [files or folders…]`: lints specs and prints one line a finding.
 * Exit codes: 0 no errors, 1 errors found, 2 the command could not run.
 */

const USAGE = `Usage: outcome-lint [files or folders…]

Checks outcome specifications (.outcome files) for designs known to fail, and
prints each finding with its place: file:line:column.

A folder means every .outcome file inside it. With no arguments, the current
folder is checked.

Exit codes: 0 no errors, 1 errors found, 2 the command could not run.`;

export function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(USAGE);
    return 0;
  }
  const unknown = argv.find((a) => a.startsWith('-'));
  if (unknown) {
    err(`outcome-lint: unknown option ${unknown} (see outcome-lint --help)`);
    return 2;
  }
  let files: string[];
  try {
    files = discover(argv.length > 0 ? argv : ['.']);
  } catch (e) {
    err(`outcome-lint: ${(e as Error).message}`);
    return 2;
  }
  if (files.length === 0) {
    err('outcome-lint: no .outcome files found');
    return 2;
  }
  const roots = argv.length > 0 ? argv.map((a) => path.resolve(a)).map((a) => (files.includes(a) ? path.dirname(a) : a)) : [process.cwd()];
  const access = new DiskAccess(roots);
  const cache: ParseCache = new Map();
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readText(file);
    } catch (e) {
      err(`outcome-lint: cannot read ${path.relative(process.cwd(), file)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      return 2;
    }
    const { diagnostics } = lint(file, text, access, { cache });
    const index = new LineIndex(text);
    const shown = path.relative(process.cwd(), file) || file;
    for (const d of diagnostics) {
      const { line, column } = index.lineColumn(d.span.start);
      out(`${shown}:${line}:${column}: ${d.severity} ${d.message} [${d.code}]`);
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
  }
  out(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return errors > 0 ? 1 : 0;
}
