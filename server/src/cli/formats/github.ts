import { printable } from '../../base/text';
import { Report, summaryLine } from '../report';

/*
 * `--format github`: GitHub Actions workflow commands, one a finding, which GitHub
 * shows as annotations on the pull request's changed lines:
 *
 *   ::warning file=samples/reoffending.outcome,line=24,endLine=24,col=3,endColumn=17,title=perverse-incentive/creaming::`short-sentence` is paid …
 *
 * error → `::error`, warning → `::warning`, info → `::notice`. Suppressed findings are
 * left out. A last plain line, the summary, shows in the job's log, which obeys terminal
 * escapes: text from a spec or a file name is shown with its control characters
 * escaped (base/text.ts).
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function github(report: Report): string {
  const out: string[] = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      if (f.suppressed) continue;
      const properties = [
        `file=${property(file.path)}`,
        `line=${f.line}`,
        `endLine=${f.endLine}`,
        `col=${f.column}`,
        `endColumn=${f.endColumn}`,
        `title=${property(f.ruleId)}`,
      ];
      const related = f.related.map((r) => ` (${r.message}: ${r.path}:${r.line}:${r.column})`).join('');
      out.push(`::${COMMAND[f.severity]} ${properties.join(',')}::${data(f.message + related)}`);
    }
  }
  out.push(`outcome-lint: ${summaryLine(report)}`);
  return `${out.join('\n')}\n`;
}

/** Escapes a command's message. */
function data(text: string): string {
  return printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a command's property value. */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
