import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiskAccess, isInside, readDecoded } from '../host/disk-access';
import { FileAccess } from '../model/file-access';
import { renderHtml, renderMarkdown, reportJson, riskReport } from '../report/index';
import { monthText } from '../report/format';
import { formatMoney } from '../base/wording';
import { readSubcommandArgs } from './args';
import type { CommandIo } from './commands';
import { ioProblem, runReportingUsage, UsageError } from './problems';
import { readSpec } from './read';

/*
 * `outcome-lint report SPEC [--html FILE | --markdown FILE | --json] [assumptions…]`:
 * the provider's risk report of one spec (docs/report.md).
 *
 * Exit codes: 0 the report was made (whatever the spec's findings), 2 it could not be
 * (usage, an assumption that makes no sense, a file that cannot be read or written),
 * with one line on stderr for each problem.
 */

/** The files the command reads and writes, by absolute path: the disk, or memory in tests. */
export interface ReportFiles {
  /** A file's bytes; throws Node's error when it cannot be read. */
  readonly read: (file: string) => Buffer;
  readonly write: (file: string, text: string) => void;
}

const onDisk: ReportFiles = {
  read: (file) => fs.readFileSync(file),
  write: (file, text) => fs.writeFileSync(file, text),
};

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

/** A value to show for each option that takes one, when it is given none. */
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

/** Runs `outcome-lint report …` with the arguments after `report`; returns the exit code. */
export function runReport(argv: readonly string[], io: CommandIo, files: ReportFiles = onDisk): number {
  return runReportingUsage(io.err, () => run(argv, io, files));
}

function run(argv: readonly string[], io: CommandIo, files: ReportFiles): number {
  const { values, positionals } = readSubcommandArgs('report', argv, OPTIONS, EXAMPLES);
  const v = values as { html?: string; markdown?: string; json?: boolean; help?: boolean; cost?: string; start?: string; term?: string; window?: string; upfront?: string; 'success-rate'?: string[] };
  if (v.help) {
    io.out(REPORT_HELP);
    return 0;
  }
  const formats = [v.html !== undefined && '--html', v.markdown !== undefined && '--markdown', v.json && '--json'].filter(Boolean);
  if (formats.length > 1) throw new UsageError(`report: give one of ${formats.join(', ')}: the report has one output`);
  if (positionals.length === 0) throw new UsageError('report needs the specification to report on, such as outcome-lint report specs/youth.outcome');
  if (positionals.length > 1) throw new UsageError(`report reports on one specification at a time; found ${positionals.length}: ${positionals.join(', ')}`);

  const shown = positionals[0];
  const file = path.resolve(io.cwd, shown);
  const text = readSpec(file, shown, files.read);
  const root = isInside(file, io.cwd) ? io.cwd : path.dirname(file);
  const built = riskReport(file, text, useAccess(files, io.cwd, root), {
    ...(v['success-rate'] ? { successRate: v['success-rate'] } : {}),
    ...(v.cost !== undefined ? { cost: v.cost } : {}),
    ...(v.start !== undefined ? { start: v.start } : {}),
    ...(v.term !== undefined ? { term: v.term } : {}),
    ...(v.window !== undefined ? { window: v.window } : {}),
    ...(v.upfront !== undefined ? { upfront: v.upfront } : {}),
  }, path.relative(io.cwd, file) || shown);
  if ('problems' in built) throw new UsageError(...built.problems.map((p) => `report: ${p}`));
  const report = built.report;
  const [output, target] = v.html !== undefined ? [renderHtml(report), v.html] : v.markdown !== undefined ? [renderMarkdown(report), v.markdown] : v.json ? [reportJson(report), '-'] : [renderMarkdown(report), '-'];
  if (target === '-') {
    io.out(output);
    return 0;
  }
  try {
    files.write(path.resolve(io.cwd, target), output);
  } catch (error) {
    throw new UsageError(`cannot write ${target}: ${ioProblem(error)}`);
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

/**
 * `use` lines read through `files`, allowed only where the linter's own DiskAccess allows
 * them, and decoded as it decodes them: a used file that is not UTF-8 text makes the
 * `use` unresolved, saying why.
 */
function useAccess(files: ReportFiles, cwd: string, root: string): FileAccess {
  // Its rule: a relative path, inside `root` once symlinks are followed.
  const disk = new DiskAccess([root]);
  return {
    resolve: (from, target) => disk.resolve(from, target),
    read: (file) => readDecoded(file, files.read),
    display: (file) => path.relative(cwd, file) || path.basename(file),
  };
}
