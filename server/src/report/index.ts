import { lint, LintResult, RuleSet } from '../engine/lint';
import { Project } from '../engine/project';
import { HtmlOptions, renderHtml } from './html';
import { checkOptionsAgainstSpec, buildRiskReport } from './model';
import { readReportOptions, ReportOptions, ReportOptionsInput } from './options';
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
export { FLAG, OPTION_EXAMPLE, OPTION_WORDS } from './option-names';
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
  const checked = checkReportInput(project, file, rules, input);
  return 'problems' in checked ? checked : { report: buildRiskReport(checked.result, display, checked.options) };
}

/**
 * The assumptions as given, checked against each other and against the spec (an outcome
 * it does not pay for, money in another currency): the options and the lint, or one
 * message for each problem. An editor checks what is typed with this before using it.
 */
export function checkReportInput(project: Project, file: string, rules: RuleSet, input: ReportOptionsInput): { options: ReportOptions; result: LintResult } | { problems: string[] } {
  const read = readReportOptions(input);
  if ('problems' in read) return read;
  const result = lint(project, file, { rules });
  const problems = checkOptionsAgainstSpec(result, read.options);
  return problems.length > 0 ? { problems } : { options: read.options, result };
}

/** The report as one self-contained HTML page (for a webview: pass the CSP nonce, if any). */
export function riskReportHtml(project: Project, file: string, rules: RuleSet, input: ReportOptionsInput = {}, html: HtmlOptions = {}): { html: string } | { problems: string[] } {
  const built = riskReport(project, file, rules, input);
  return 'problems' in built ? built : { html: renderHtml(built.report, html) };
}
