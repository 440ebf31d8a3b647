import { printable } from '../../base/text';
import { Paint } from '../colour';
import { Finding, Report, summaryLine } from '../report';

/*
 * The default format, for people: findings grouped under each file's name, one a
 * line with its `line:column`, severity, message and rule id; related places
 * indented below; then one summary line. Suppressed findings are only counted. Text
 * from a spec or a file name is shown with its control characters escaped
 * (base/text.ts); the colours are outcome-lint's own.
 *
 *   samples/reoffending.outcome
 *     24:3  warning  `short-sentence` is paid per success but …  perverse-incentive/creaming
 *
 *   7 files checked: 1 error, 4 warnings, 1 info
 */

const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

export function stylish(report: Report, paint: Paint): string {
  const out: string[] = [];
  for (const file of report.files) {
    const shown = file.findings.filter((f) => !f.suppressed);
    if (shown.length === 0) continue;
    const positions = shown.map((f) => `${f.line}:${f.column}`);
    const width = Math.max(...positions.map((p) => p.length));
    out.push(paint('underline', printable(file.path)));
    shown.forEach((f, i) => {
      out.push(`  ${paint('dim', positions[i].padEnd(width))}  ${severity(f, paint)}  ${printable(f.message)}  ${paint('dim', f.ruleId)}`);
      for (const r of f.related) {
        const where = r.path === file.path ? `${r.line}:${r.column}` : `${printable(r.path)}:${r.line}:${r.column}`;
        out.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  ${paint('dim', `↳ ${where}`)} ${printable(r.message)}`);
      }
    });
    out.push('');
  }
  const { summary } = report;
  const line = summaryLine(report);
  const warnings = summary.warnings + (report.notShown?.warnings ?? 0);
  out.push(summary.errors > 0 ? paint(['bold', 'red'], line) : warnings > 0 ? paint(['bold', 'yellow'], line) : paint(['bold', 'green'], line));
  return `${out.join('\n')}\n`;
}

function severity(f: Finding, paint: Paint): string {
  return paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(7));
}
