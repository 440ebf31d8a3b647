import { parseArgs, ParseArgsConfig } from 'node:util';
import { nearest } from '../base/did-you-mean';
import { reachesAbove } from '../config/config';
import { LIMIT_NAMES, MAX_FILE_SIZE_OPTION, maxBytesOf } from './file-size';
import type { Concurrency } from './lint-workers';
import { UsageError } from './problems';

/*
 * The command line, read with Node's own `util.parseArgs` (no dependency). It runs in
 * its lenient mode and this module checks the tokens itself, so that every mistake
 * gets one line in the user's terms ("--format needs a value, such as --format
 * sarif") rather than Node's wording.
 */

export const FORMATS = ['stylish', 'compact', 'json', 'sarif', 'github', 'junit', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];

/** One report of a run: `--format NAME`, to `--output` or standard output, or `--format NAME:FILE`, to FILE. */
export interface ReportOutput {
  readonly format: Format;
  readonly file: string | undefined;
}

export interface Options {
  readonly paths: readonly string[];
  /** `--ignore-pattern GLOB` and each `!GLOB` among the paths (without its `!`): `.gitignore` patterns, relative to the current folder. */
  readonly ignorePatterns: readonly string[];
  /** false with `--no-gitignore`: `.gitignore` files leave nothing out. */
  readonly gitignore: boolean;
  /** The reports to write, one a `--format` (stylish to standard output when none is given). */
  readonly reports: readonly ReportOutput[];
  /** `--output FILE`: where the report without a file of its own goes, instead of standard output. */
  readonly output: string | undefined;
  readonly config: string | undefined;
  /** `id=severity`, as given; checked against the rules by `overrides.ts`. */
  readonly rules: readonly string[];
  readonly printConfig: string | undefined;
  readonly listRules: boolean;
  readonly quiet: boolean;
  readonly maxWarnings: number | undefined;
  /** true / false when `--color` / `--no-color` is given; otherwise decided from the terminal. */
  readonly color: boolean | undefined;
  /** `--fix`: write the safe fixes, then report what remains. */
  readonly fix: boolean;
  /** `--fix-dry-run`: print what `--fix` would change, as a unified diff, and write nothing. */
  readonly fixDryRun: boolean;
  /** `--baseline FILE`: findings it lists are known, counted apart, and fail nothing. */
  readonly baseline: string | undefined;
  /** `--write-baseline`: write the run's findings into the `--baseline` file. */
  readonly writeBaseline: boolean;
  /** `--stdin-filename PATH` with `--stdin`: lint standard input as the file PATH would be (its settings, its `use` lines, its name). */
  readonly stdinFilename: string | undefined;
  /** `--cache`: reuse the findings of files unchanged since the last run (cli/cache.ts). */
  readonly cache: boolean;
  /** `--cache-location PATH`: the cache file, or a folder to keep `.outcomelintcache` in. */
  readonly cacheLocation: string | undefined;
  /** `--concurrency auto|off|N`: how many threads lint (cli/lint-workers.ts); `auto` unless given. */
  readonly concurrency: Concurrency;
  /** `--max-file-size MB`, in bytes: the largest spec read (cli/file-size.ts). */
  readonly maxBytes: number;
  readonly version: boolean;
  readonly help: boolean;
}

const SPEC = {
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  'print-config': { type: 'string' },
  'list-rules': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'boolean' },
  'ignore-pattern': { type: 'string', multiple: true },
  'no-gitignore': { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  ...MAX_FILE_SIZE_OPTION,
  concurrency: { type: 'string' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Name = keyof typeof SPEC;

/** An example value for each option that takes one, for "needs a value" messages. */
const EXAMPLES: Partial<Record<Name, string>> = {
  format: '--format sarif',
  output: '--output report.sarif',
  config: '--config .outcomelintrc.json',
  rule: '--rule monetisation/intangible-paid=off',
  'print-config': '--print-config specs/housing.outcome',
  'max-warnings': '--max-warnings 0',
  baseline: '--baseline outcome-lint-baseline.json',
  'stdin-filename': '--stdin-filename specs/housing.outcome',
  'ignore-pattern': "--ignore-pattern 'drafts/'",
  'cache-location': '--cache-location .cache/outcome-lint',
  'max-file-size': LIMIT_NAMES.cli.example,
  concurrency: '--concurrency off',
};

export function readArgs(argv: readonly string[]): Options {
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: SPEC,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const spelt = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!spelt.has(token.name)) spelt.set(token.name, token.rawName);
    const spec = (SPEC as Record<string, { type: 'string' | 'boolean' }>)[token.name];
    if (!spec) throw new UsageError(`unknown option ${token.rawName}${suggest(token.rawName)}`);
    if (spec.type === 'boolean' && token.value !== undefined) {
      throw new UsageError(`${token.rawName} takes no value (found ${token.rawName}=${token.value})`);
    }
    if (spec.type === 'string') {
      const missing = token.value === undefined || (!token.inlineValue && /^-[^\d]/.test(token.value));
      if (missing) {
        throw new UsageError(`${token.rawName} needs a value, such as ${EXAMPLES[token.name as Name] ?? `${token.rawName} VALUE`}`);
      }
    }
  }
  const v = values as Record<string, string | boolean | string[] | undefined>;
  const reports = readReports((v.format as string[] | undefined) ?? ['stylish'], v.output as string | undefined);
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    const text = v['max-warnings'] as string;
    if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings needs a whole number of 0 or more, such as --max-warnings 0 (found \`${text}\`)`);
    maxWarnings = Number(text);
  }
  if (v.color && v['no-color']) throw new UsageError('give --color or --no-color, not both');
  if (v.fix && v['fix-dry-run']) throw new UsageError('give --fix or --fix-dry-run, not both: --fix-dry-run shows what --fix would write');
  if (v['write-baseline'] && v.baseline === undefined) throw new UsageError('--write-baseline needs --baseline FILE, the file to write, such as --baseline outcome-lint-baseline.json');
  if (v.stdin && v['stdin-filename'] === undefined) {
    throw new UsageError('--stdin needs --stdin-filename PATH, the file the text stands for (its settings, the files its `use` lines reach, its name in the report), such as --stdin --stdin-filename specs/housing.outcome');
  }
  if (!v.stdin && v['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename names the text read with --stdin: give --stdin too, or name the file as a path');
  if (v['cache-location'] !== undefined && !v.cache) throw new UsageError('--cache-location names where --cache keeps its findings: give --cache too');
  checkTogether(v, positionals, spelt);
  // `!drafts/` among the paths is an ignore pattern, as --ignore-pattern drafts/ is (a file whose name starts with `!` is `./!name`).
  const negated = positionals.filter((p) => p.startsWith('!'));
  if (negated.includes('!')) throw new UsageError('`!` needs a pattern after it, such as \'!drafts/\'');
  const ignorePatterns = [...((v['ignore-pattern'] as string[] | undefined) ?? []), ...negated.map((p) => p.slice(1))];
  const above = ignorePatterns.find(reachesAbove);
  if (above !== undefined) throw new UsageError(`ignore pattern \`${above}\`: a pattern is relative to the current folder, and cannot reach above it with \`..\``);
  return {
    paths: positionals.filter((p) => !p.startsWith('!')),
    ignorePatterns,
    gitignore: v['no-gitignore'] !== true,
    reports,
    output: v.output as string | undefined,
    config: v.config as string | undefined,
    rules: (v.rule as string[] | undefined) ?? [],
    printConfig: v['print-config'] as string | undefined,
    listRules: v['list-rules'] === true,
    quiet: v.quiet === true,
    maxWarnings,
    color: v.color ? true : v['no-color'] ? false : undefined,
    fix: v.fix === true,
    fixDryRun: v['fix-dry-run'] === true,
    baseline: v.baseline as string | undefined,
    writeBaseline: v['write-baseline'] === true,
    stdinFilename: v['stdin-filename'] as string | undefined,
    cache: v.cache === true,
    cacheLocation: v['cache-location'] as string | undefined,
    maxBytes: maxBytesOf(v['max-file-size'] as string | undefined),
    concurrency: readConcurrency(v.concurrency as string | undefined),
    version: v.version === true,
    help: v.help === true,
  };
}

/**
 * Options that make a run do something other than lint and report, each with the
 * options it would leave unused (`paths`: the files named). Given together they are
 * refused, one line naming what to leave out, rather than ignored without a word.
 */
const INSTEAD: readonly { readonly option: Name; readonly does: string; readonly unused: readonly (Name | 'paths')[] }[] = [
  {
    option: 'list-rules',
    does: 'lists every rule with its default severity, and lints nothing',
    unused: ['print-config', 'config', 'rule', 'fix', 'fix-dry-run', 'baseline', 'write-baseline', 'quiet', 'max-warnings', 'cache', 'paths'],
  },
  {
    option: 'print-config',
    does: 'prints the settings for one file, and lints nothing',
    unused: ['format', 'fix', 'fix-dry-run', 'baseline', 'write-baseline', 'quiet', 'max-warnings', 'cache', 'paths'],
  },
  { option: 'fix-dry-run', does: 'prints what --fix would change, as a unified diff, instead of a report', unused: ['format', 'quiet', 'max-warnings', 'baseline', 'write-baseline', 'cache'] },
  { option: 'stdin', does: 'lints the text on standard input', unused: ['paths', 'fix', 'print-config', 'list-rules', 'cache'] },
  { option: 'write-baseline', does: 'writes the findings into the --baseline file instead of a report', unused: ['output', 'format', 'quiet', 'max-warnings'] },
];

/** `spelt`: each option given, as the user wrote it (`-f` or `--format`). */
function checkTogether(v: Record<string, unknown>, positionals: readonly string[], spelt: ReadonlyMap<string, string>): void {
  const given = (name: Name | 'paths'): boolean => (name === 'paths' ? positionals.length > 0 : v[name] !== undefined);
  const written = (name: Name): string => spelt.get(name) ?? `--${name}`;
  for (const mode of INSTEAD) {
    if (!given(mode.option)) continue;
    const unused = mode.unused.find(given);
    if (unused !== undefined) throw new UsageError(`${written(mode.option)} ${mode.does}: leave out ${unused === 'paths' ? 'the paths' : written(unused)}`);
  }
  // --list-rules prints a table, or JSON with --format json.
  const listed = (v.format as string[] | undefined) ?? [];
  const other = listed.find((f) => f !== 'stylish' && f !== 'json');
  if (given('list-rules') && (other !== undefined || listed.length > 1)) {
    throw new UsageError(`--list-rules prints a table, or JSON with --format json: leave out ${written('format')} ${other ?? listed[1]}`);
  }
}

/** `--concurrency`: `auto`, `off`, or a whole number of threads from 1 (the same as `off`) up. */
function readConcurrency(given: string | undefined): Concurrency {
  if (given === undefined || given === 'auto') return 'auto';
  if (given === 'off') return 'off';
  if (/^[1-9]\d{0,2}$/.test(given)) return Number(given);
  throw new UsageError(`--concurrency needs auto, off or a number of threads from 1 to 999, such as --concurrency 4 (found \`${given}\`)`);
}

/**
 * The reports a run writes, one a `--format`: `NAME` goes to `--output FILE` or standard
 * output, `NAME:FILE` to FILE. At most one report goes to each place.
 */
function readReports(formats: readonly string[], output: string | undefined): ReportOutput[] {
  const reports = formats.map((given): ReportOutput => {
    const colon = given.indexOf(':');
    const name = colon < 0 ? given : given.slice(0, colon);
    if (!(FORMATS as readonly string[]).includes(name)) {
      throw new UsageError(`unknown format \`${name}\`: use ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS[FORMATS.length - 1]}`);
    }
    const file = colon < 0 ? undefined : given.slice(colon + 1);
    if (file === '') throw new UsageError(`--format ${given} needs a file after the colon, such as --format ${name}:outcome-lint.${name === 'junit' ? 'xml' : name === 'gitlab' ? 'json' : name}`);
    return { format: name as Format, file };
  });
  const places = reports.map((r) => r.file ?? output ?? '-');
  const twice = places.find((place, i) => places.indexOf(place) !== i);
  if (twice !== undefined) {
    throw new UsageError(
      twice === '-'
        ? 'two reports would go to standard output: give each but one a file, such as --format sarif:outcome-lint.sarif'
        : `two reports would go to ${twice}: give each its own file`,
    );
  }
  if (output !== undefined && reports.every((r) => r.file !== undefined)) {
    throw new UsageError('--output names where the report of a --format without a file goes, and every --format here names its own: leave out --output');
  }
  return reports;
}

/** "; did you mean --format?" for a near miss of a long option, or the pointer to --help. */
function suggest(raw: string): string {
  const name = raw.replace(/^-+/, '').split('=')[0];
  if (raw.startsWith('--')) {
    const best = nearest(name, Object.keys(SPEC), { name: (known) => known, limit: (length) => Math.max(1, Math.floor(length / 3)) });
    if (best) return `; did you mean --${best.candidate}?`;
  }
  return ' (outcome-lint --help lists the options)';
}

/**
 * util.parseArgs's error, without Node's wording about `strict` or `args`: for the
 * subcommands, which use its strict mode. `examples` gives a value to show for an option
 * that was given none ("--cost needs a value, such as --cost £1.2m").
 */
function argumentProblem(error: unknown, examples: Readonly<Record<string, string>>): string {
  const full = error instanceof Error ? error.message : String(error);
  // `--cost -5` or `--html --json`: Node takes no value that starts with a dash unless given as `--cost=-5`.
  const dashed = /use '(--[\w-]+)=-XYZ'/.exec(full)?.[1];
  if (dashed !== undefined) return `${dashed} needs a value; write ${dashed}=VALUE for one that starts with -`;
  const message = full.split('\n')[0];
  // Node quotes the option first: `Unknown option '--x'`, `Option '-o, --output <value>' argument missing`.
  const quoted = /'([^']+)'/.exec(message)?.[1];
  const long = quoted === undefined ? undefined : /--[\w-]+/.exec(quoted)?.[0];
  if (quoted !== undefined && message.startsWith('Unknown option ')) return `unknown option ${quoted}`;
  if (long !== undefined && message.startsWith('Option ')) {
    if (message.endsWith("' argument missing")) {
      const example = examples[long.slice(2)];
      return `${long} needs a value${example ? `, such as ${example}` : ''}`;
    }
    if (message.endsWith("' does not take an argument")) return `${long} takes no value`;
  }
  const advice = message.indexOf('. To specify');
  return advice === -1 ? message : message.slice(0, advice);
}

/**
 * A subcommand's options and operands, read in `util.parseArgs`'s strict mode: a mistake
 * is one UsageError naming the command, such as "export: unknown option --xml
 * (outcome-lint export --help lists the options)". Every subcommand reads specs, so each
 * takes `--max-file-size` too: its limit comes back as `maxBytes`.
 */
export function readSubcommandArgs(
  command: string,
  argv: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
  examples: Readonly<Record<string, string>> = {},
): { values: Record<string, unknown>; positionals: string[]; maxBytes: number } {
  let read: { values: Record<string, unknown>; positionals: string[] };
  try {
    read = parseArgs({ args: [...argv], options: { ...options, ...MAX_FILE_SIZE_OPTION }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${argumentProblem(error, { ...examples, 'max-file-size': LIMIT_NAMES.cli.example })} (outcome-lint ${command} --help lists the options)`);
  }
  return { ...read, maxBytes: maxBytesOf(read.values['max-file-size'] as string | undefined) };
}
