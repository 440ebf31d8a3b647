import { lint, RuleSet } from '../engine/lint';
import { Project } from '../engine/project';
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
export { readReportOptions, DEFAULT_OPTIONS, FLAG } from './options';
export type { ReportOptions, ReportOptionsInput } from './options';
export { readSchedule } from './schedule';
export type * from './types';

/**
 * Lints a file of a project (with the settings the project gives it) and builds its risk
 * report under the assumptions given (as text, as a user types them). `problems` lists
 * assumptions that make no sense, one message each.
 */
export function riskReport(
  project: Project,
  file: string,
  rules: RuleSet,
  input: ReportOptionsInput = {},
  display: string = project.display(file),
): { report: RiskReport } | { problems: string[] } {
  const read = readReportOptions(input);
  if ('problems' in read) return read;
  const result = lint(project, file, { rules });
  const problems = checkOptionsAgainstSpec(result, read.options);
  if (problems.length > 0) return { problems };
  return { report: buildRiskReport(result, display, read.options) };
}

/** The report as one self-contained HTML page (for a webview: pass the CSP nonce, if any). */
export function riskReportHtml(project: Project, file: string, rules: RuleSet, input: ReportOptionsInput = {}, html: HtmlOptions = {}): { html: string } | { problems: string[] } {
  const built = riskReport(project, file, rules, input);
  return 'problems' in built ? built : { html: renderHtml(built.report, html) };
}
