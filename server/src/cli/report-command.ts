import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DiskAccess } from '../host/disk-access';
import { FileAccess } from '../model/file-access';
import { renderHtml, renderMarkdown, reportJson, riskReport } from '../report/index';
import { monthText } from '../report/format';
import { formatMoney } from '../model/money';

/*
 * `outcome-lint report SPEC [--html FILE | --markdown FILE | --json] [assumptions…]`:
 * the provider's risk report of one spec (docs/report.md). The CLI hands this module
 * the arguments after `report`; it reads its own options, so that the dispatcher has
 * nothing to know about them.
 *
 * Exit codes: 0 the report was made (whatever the spec's findings), 2 it could not be
 * (usage, an assumption that makes no sense, a file that cannot be read or written),
 * with one line on `err` for each problem.
 */

export interface ReportIo {
  /** The folder paths are relative to. */
  readonly cwd: string;
  /** Writes text as it is. */
  out(text: string): void;
  /** Writes one line (without its newline). */
  err(line: string): void;
  /** A file's text (UTF-8); throws when it cannot be read. */
  readFile(file: string): string;
  writeFile(file: string, text: string): void;
}

const OPTIONS = {
  html: { type: 'string' },
  markdown: { type: 'string' },
  json: { type: 'boolean' },
  'success-rate': { type: 'string', multiple: true },
  cost: { type: 'string' },
  start: { type: 'string' },
  term: { type: 'string' },
  window: { type: 'string' },
  upfront: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const EXAMPLES: Readonly<Record<string, string>> = {
  html: '--html report.html',
  markdown: '--markdown report.md',
  'success-rate': '--success-rate 60%',
  cost: '--cost £1.2m',
  start: '--start 2027-04-01',
  term: '--term 3 years',
  window: '--window 12 months',
  upfront: '--upfront additional',
};

export const REPORT_HELP = `Usage: outcome-lint report SPEC [--html FILE | --markdown FILE | --json] [assumptions]

The provider's risk report of one specification: the most it can pay, the share at
risk, a month-by-month cash flow, the peak working capital and a sensitivity table.
Without --html, --markdown or --json it prints Markdown. FILE may be - for the output.

Assumptions (each is printed with the result; see docs/report.md):
  --success-rate RATE       every paid outcome succeeds at RATE (default: its target)
  --success-rate ID=RATE    outcome ID succeeds at RATE (repeatable)
  --cost MONEY|PERCENT      total delivery cost, such as £1.2m, or 110% of the
                            break-even cost (default: break even at the planning rates)
  --start DATE              the contract starts on DATE (default: the term's from date)
  --term DURATION           the contract runs for DURATION (default: the spec's term)
  --window DURATION         window of outcomes that have none (default: 12 months)
  --upfront advance|additional
                            the upfront share is an advance recovered from outcome
                            payments (default), or paid on top of them

Exit codes: 0 report made, 2 it could not be made.
`;

class Usage extends Error {}

/** Runs `outcome-lint report …` with the arguments after `report`; returns the exit code. */
export function runReport(argv: readonly string[], io: ReportIo): number {
  try {
    return run(argv, io);
  } catch (error) {
    if (!(error instanceof Usage)) throw error;
    io.err(`outcome-lint report: ${error.message}`);
    return 2;
  }
}

function run(argv: readonly string[], io: ReportIo): number {
  const { values, positionals, tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = (OPTIONS as Record<string, { type: string }>)[token.name];
    if (!spec) throw new Usage(`unknown option ${token.rawName}; see outcome-lint report --help`);
    if (spec.type === 'boolean' && token.value !== undefined) throw new Usage(`${token.rawName} takes no value`);
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && /^--?[a-z]/i.test(token.value)))) {
      throw new Usage(`${token.rawName} needs a value, such as ${EXAMPLES[token.name]}`);
    }
  }
  const v = values as { html?: string; markdown?: string; json?: boolean; help?: boolean; cost?: string; start?: string; term?: string; window?: string; upfront?: string; 'success-rate'?: string[] };
  if (v.help) {
    io.out(REPORT_HELP);
    return 0;
  }
  const formats = [v.html !== undefined && '--html', v.markdown !== undefined && '--markdown', v.json && '--json'].filter(Boolean);
  if (formats.length > 1) throw new Usage(`give one of ${formats.join(', ')}: the report has one output`);
  if (positionals.length === 0) throw new Usage('name the spec to report on, such as outcome-lint report specs/youth.outcome');
  if (positionals.length > 1) throw new Usage(`one spec at a time: found ${positionals.length} (${positionals.join(', ')})`);

  const shown = positionals[0];
  const file = path.resolve(io.cwd, shown);
  let text: string;
  try {
    text = io.readFile(file).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new Usage(`cannot read ${shown}: ${problem(error)}`);
  }
  const root = isInside(file, io.cwd) ? io.cwd : path.dirname(file);
  const built = riskReport(file, text, ioAccess(io, root), {
    ...(v['success-rate'] ? { successRate: v['success-rate'] } : {}),
    ...(v.cost !== undefined ? { cost: v.cost } : {}),
    ...(v.start !== undefined ? { start: v.start } : {}),
    ...(v.term !== undefined ? { term: v.term } : {}),
    ...(v.window !== undefined ? { window: v.window } : {}),
    ...(v.upfront !== undefined ? { upfront: v.upfront } : {}),
  }, path.relative(io.cwd, file) || shown);
  if ('problems' in built) {
    for (const p of built.problems) io.err(`outcome-lint report: ${p}`);
    return 2;
  }
  const report = built.report;
  const [output, target] = v.html !== undefined ? [renderHtml(report), v.html] : v.markdown !== undefined ? [renderMarkdown(report), v.markdown] : v.json ? [reportJson(report), '-'] : [renderMarkdown(report), '-'];
  if (target === '-') {
    io.out(output);
    return 0;
  }
  try {
    io.writeFile(path.resolve(io.cwd, target), output);
  } catch (error) {
    throw new Usage(`cannot write ${target}: ${problem(error)}`);
  }
  const cash = report.cashFlow;
  const peak = cash?.planning.flow;
  io.out(
    `Wrote the risk report of ${report.file} to ${target}` +
      (cash && peak
        ? peak.peakMonth !== undefined
          ? `: peak working capital ${formatMoney(peak.peak, report.currency)} in ${monthText(cash, peak.peakMonth)}.\n`
          : ': the provider needs no working capital at the planning rates.\n'
        : '.\n'),
  );
  return 0;
}

/** `use` lines read through the same io, and allowed only where the linter's own DiskAccess allows them. */
function ioAccess(io: ReportIo, root: string): FileAccess {
  // Its rule: a relative path, inside `root` once symlinks are followed.
  const disk = new DiskAccess([root]);
  return {
    resolve: (from, target) => disk.resolve(from, target),
    read(file) {
      try {
        return io.readFile(file).replace(/^\uFEFF/, '');
      } catch {
        return undefined;
      }
    },
    display: (file) => path.relative(io.cwd, file) || path.basename(file),
  };
}

function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function problem(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}
