import { lint, LintOptions } from '../lint';
import { FileAccess } from '../model/file-access';
import { HtmlOptions, renderHtml } from './html';
import { checkOptionsAgainstSpec, buildRiskReport } from './model';
import { readReportOptions, ReportOptionsInput } from './options';
import { RiskReport } from './types';

/*
 * The provider's risk report (docs/report.md). Pure core: text in, report out. The CLI
 * (`outcome-lint report`, cli/report-command.ts) and the editor's "Outcome: Show risk
 * report" webview both come through `riskReport`.
 */

export { buildRiskReport, checkOptionsAgainstSpec, FAMILY_TITLES, SENSITIVITY } from './model';
export { cashFlow } from './cashflow';
export type { FlowInput, FlowLine, FlowResult, MonthRow } from './cashflow';
export { renderHtml, STYLE } from './html';
export type { HtmlOptions } from './html';
export { renderMarkdown } from './markdown';
export { reportJson, moneyJson } from './json';
export { headline } from './sections';
export { readReportOptions, DEFAULT_OPTIONS } from './options';
export type { ReportOptions, ReportOptionsInput } from './options';
export { readSchedule } from './schedule';
export type * from './types';

/**
 * Lints `text` and builds its risk report under the assumptions given (as text, as a
 * user types them). `problems` lists assumptions that make no sense, one message each.
 */
export function riskReport(
  uri: string,
  text: string,
  access: FileAccess,
  input: ReportOptionsInput = {},
  display: string = access.display(uri),
  lintOptions: LintOptions = {},
): { report: RiskReport } | { problems: string[] } {
  const read = readReportOptions(input);
  if ('problems' in read) return read;
  const result = lint(uri, text, access, lintOptions);
  const problems = checkOptionsAgainstSpec(result, read.options);
  if (problems.length > 0) return { problems };
  return { report: buildRiskReport(result, display, read.options) };
}

/** The report as one self-contained HTML page (for a webview: pass the CSP nonce, if any). */
export function riskReportHtml(uri: string, text: string, access: FileAccess, input: ReportOptionsInput = {}, html: HtmlOptions = {}): { html: string } | { problems: string[] } {
  const built = riskReport(uri, text, access, input);
  return 'problems' in built ? built : { html: renderHtml(built.report, html) };
}
