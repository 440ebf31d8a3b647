import { printable } from '../base/text';
import { formatMoney } from '../base/wording';
import { monthText } from '../report/format';
import { FLAG, OPTION_EXAMPLE, renderHtml, renderMarkdown, reportJson, riskReport } from '../report/index';
import { catalogue } from '../rules/catalogue';
import { readSubcommandArgs } from './args';
import { discoverSpec } from './discover';
import type { Io } from './io';
import { displayPath, writeOutput } from './output';
import { runReportingUsage, UsageError } from './problems';
import { readSpec } from './read';

/*
 * `outcome-lint report SPEC [--html FILE | --markdown FILE | --json] [assumptions…]`:
 * the provider's risk report of one spec (docs/report.md).
 *
 * Exit codes: 0 the report was made (whatever the spec's findings), 2 it could not be
 * (usage, an assumption that makes no sense, a file that cannot be read or written),
 * with one line on stderr for each problem.
 */

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
  draws: { type: 'string' },
  seed: { type: 'string' },
  'rate-spread': { type: 'string' },
  referrals: { type: 'string' },
  'referral-spread': { type: 'string' },
  delay: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A value to show for each option that takes one, when it is given none. */
const EXAMPLES: Readonly<Record<string, string>> = {
  html: '--html report.html',
  markdown: '--markdown report.md',
  // Each assumption's example is the report's own (OPTION_EXAMPLE), under its flag.
  ...Object.fromEntries(Object.entries(FLAG).map(([key, flag]) => [flag.slice(2), `${flag} ${OPTION_EXAMPLE[key as keyof typeof FLAG]}`])),
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

The simulation (each draw: success rates, referrals, payment delay):
  --draws N                 how many draws (default: 10,000)
  --seed N                  the generator's seed: the same seed, the same figures (default: 1)
  --rate-spread POINTS      standard deviation of each success rate (default: 10%)
  --referrals SHARE         mean share of planned referrals that arrive (default: 90%)
  --referral-spread POINTS  its standard deviation (default: 10%)
  --delay DURATION          the most months a payment is late (default: 2 months)

  --max-file-size MB        read no spec larger than MB megabytes (default: 10)

Exit codes: 0 report made, 2 it could not be made.
`;

/** Runs `outcome-lint report …` with the arguments after `report`; returns the exit code. */
export function runReport(argv: readonly string[], io: Io): number {
  return runReportingUsage(io.stderr, () => run(argv, io));
}

function run(argv: readonly string[], io: Io): number {
  const { values, positionals, maxBytes } = readSubcommandArgs('report', argv, OPTIONS, EXAMPLES);
  const v = values as { html?: string; markdown?: string; json?: boolean; help?: boolean; 'success-rate'?: string[] } & Record<string, string | undefined>;
  if (v.help) {
    io.stdout(REPORT_HELP);
    return 0;
  }
  const formats = [v.html !== undefined && '--html', v.markdown !== undefined && '--markdown', v.json && '--json'].filter(Boolean);
  if (formats.length > 1) throw new UsageError(`report: give one of ${formats.join(', ')}: the report has one output`);
  if (positionals.length === 0) throw new UsageError('report needs the specification to report on, such as outcome-lint report specs/youth.outcome');
  if (positionals.length > 1) throw new UsageError(`report reports on one specification at a time; found ${positionals.length}: ${positionals.join(', ')}`);

  const shown = positionals[0];
  const { file, project } = discoverSpec(shown, io.cwd, { workingFolder: io.cwd, rules: catalogue, maxBytes });
  readSpec(project, file, shown);
  const built = riskReport(project, file, catalogue, {
    ...(v['success-rate'] ? { successRate: v['success-rate'] } : {}),
    // Every other assumption is one string, under the option's own name (FLAG: `rateSpread` is --rate-spread).
    ...Object.fromEntries(
      Object.entries(FLAG).flatMap(([key, flag]) => {
        const given = key === 'successRate' ? undefined : v[flag.slice(2)];
        return given === undefined ? [] : [[key, given]];
      }),
    ),
  }, displayPath(file, io.cwd));
  if ('problems' in built) throw new UsageError(...built.problems.map((p) => `report: ${p}`));
  const report = built.report;
  const [output, target] = v.html !== undefined ? [renderHtml(report), v.html] : v.markdown !== undefined ? [renderMarkdown(report), v.markdown] : v.json ? [reportJson(report), '-'] : [renderMarkdown(report), '-'];
  writeOutput(io, target, output, [file]);
  if (target === '-') return 0;
  const cash = report.cashFlow;
  const peak = cash?.planning.flow;
  io.stdout(
    `Wrote the risk report of ${printable(report.file)} to ${printable(target)}` +
      (cash && peak
        ? peak.peakMonth !== undefined
          ? `: peak working capital ${formatMoney(peak.peak, report.currency)} in ${monthText(cash, peak.peakMonth)}.\n`
          : ': the provider needs no working capital at the planning rates.\n'
        : '.\n'),
  );
  return 0;
}
