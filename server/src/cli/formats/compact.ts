import { printable } from '../../base/text';
import { Report, summaryLine } from '../report';

/*
 * `--format compact`: one line a finding, the file first, as compilers print them:
 *
 *   samples/reoffending.outcome:24:3: warning: outcomes for `short-sentence` are paid … [perverse-incentive/creaming]
 *
 * Editors and CI logs that read compiler output pick these lines up; the extension's
 * `$outcome-lint` problem matcher reads exactly this (package.json). Related
 * locations follow the message in brackets; suppressed findings are left out; a last
 * line gives the summary. Text from a spec or a file name is shown with its control
 * characters escaped (base/text.ts), a line break as `\n`: one finding, one line.
 */

export function compact(report: Report): string {
  const out: string[] = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      if (f.suppressed) continue;
      const related = f.related.map((r) => ` (${printable(r.message)}: ${printable(r.path)}:${r.line}:${r.column})`).join('');
      out.push(`${printable(file.path)}:${f.line}:${f.column}: ${f.severity}: ${printable(f.message)}${related} [${f.ruleId}]`);
    }
  }
  out.push(`outcome-lint: ${summaryLine(report)}`);
  return `${out.join('\n')}\n`;
}
