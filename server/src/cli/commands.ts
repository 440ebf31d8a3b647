import type { Io } from './io';

/*
 * The other commands of `outcome-lint`, each in its own module (not this one's):
 * `outcome-lint diff …`, `outcome-lint export …`, `outcome-lint format …` and
 * `outcome-lint report …`. The first argument names the command; anything else is
 * linting. (A folder called `diff`, `export`, `format` or `report` is linted as `./diff`
 * and so on.) Each module is loaded only when its command runs.
 */

type Command = (argv: readonly string[], io: Io) => number;

export const COMMANDS: ReadonlyMap<string, () => Command> = new Map<string, () => Command>([
  ['diff', () => (require('./diff-command') as typeof import('./diff-command')).runDiff],
  ['export', () => (require('./export-command') as typeof import('./export-command')).runExport],
  ['format', () => (require('./format-command') as typeof import('./format-command')).runFormat],
  ['report', () => (require('./report-command') as typeof import('./report-command')).runReport],
]);
