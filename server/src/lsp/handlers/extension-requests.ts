import { z } from 'zod';
import { checkReportInput, ReportOptionsInput, riskReportHtml } from '../../report/index';
import { paymentSummary } from '../../services/hover';
import { Session } from '../session';

/*
 * The VS Code extension's own requests: the status bar's summary, the rule list for
 * "Open rule documentation", and the risk report for its webview.
 */

export interface Summary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** "£1,410,000 of £2,000,000": the most the spec can pay against its budget. */
  readonly payment: string | undefined;
}

export function summary(session: Session, { uri }: { uri: string }): Summary | null {
  const doc = session.lint(session.id(uri));
  if (!doc) return null;
  const count = (severity: string): number => doc.result.diagnostics.filter((d) => d.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info'), payment: paymentSummary(doc.result) };
}

export function ruleList(session: Session): { id: string; summary: string }[] {
  return session.linter.rules.all.map((r) => ({ id: r.meta.id, summary: r.meta.summary }));
}

/**
 * The assumptions the webview's user has changed, as the CLI's options are given: text.
 * Checked here, at the edge, for their shape; their values are checked by the report.
 */
const reportInput = z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional();

/** The editor's command for a "change the …" link: a VS Code command id, nothing else. */
const commandId = z.string().regex(/^[A-Za-z][\w.]*$/).optional();

/**
 * The provider's risk report as one HTML page (no scripts, no network), for the webview;
 * linted with the file's settings, as the CLI's report is, under the assumptions the
 * user has changed (`options`), each with a link that runs the editor's `changeCommand`.
 */
export function riskReportPage(session: Session, { uri, options, changeCommand }: { uri: string; options?: unknown; changeCommand?: unknown }): string | null {
  const file = session.id(uri);
  if (session.text(file) === undefined) return null;
  if (session.tooLarge(file)) return cannotReport([`the file is larger than ${session.settings.maxFileSizeMB} MB, the most outcome-lint reads`]);
  const input = reportInput.safeParse(options);
  const command = commandId.safeParse(changeCommand);
  if (!input.success || !command.success) return cannotReport(['the assumptions sent by the editor are not a list of options']);
  const built = riskReportHtml(session.project, file, session.linter.rules, (input.data ?? {}) as ReportOptionsInput, command.data ? { changeCommand: command.data } : {});
  return 'html' in built ? built.html : cannotReport(built.problems);
}

/** What is wrong with the assumptions as the user would change them: one message each, none when they can be used. */
export function reportOptionProblems(session: Session, { uri, options }: { uri: string; options?: unknown }): string[] {
  const input = reportInput.safeParse(options);
  if (!input.success) return ['the assumptions sent by the editor are not a list of options'];
  const file = session.id(uri);
  if (session.text(file) === undefined) return [];
  const checked = checkReportInput(session.project, file, session.linter.rules, (input.data ?? {}) as ReportOptionsInput);
  return 'problems' in checked ? checked.problems : [];
}

function cannotReport(problems: readonly string[]): string {
  const escaped = problems.map((p) => p.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  return `<p>outcome-lint cannot report on this file yet:</p><ul>${escaped.map((p) => `<li>${p}</li>`).join('')}</ul>`;
}
