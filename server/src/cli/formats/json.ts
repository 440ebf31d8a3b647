import { FindingEdit, Report } from '../report';
import { JsonEdit, JsonReport } from './json-shape';

/*
 * `--format json`: the documented, stable shape (docs/cli.md). Fields are only ever
 * added; a change to an existing field raises `formatVersion`.
 */

export const JSON_FORMAT_VERSION = 1;

export function toJson(report: Report, version: string, helpUri: (id: string) => string): JsonReport {
  return {
    formatVersion: JSON_FORMAT_VERSION,
    tool: { name: 'outcome-lint', version },
    files: report.files.map((file) => ({
      path: file.path,
      findings: file.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        helpUri: helpUri(f.ruleId),
        ...(f.related.length > 0
          ? {
              related: f.related.map((r) => ({
                path: r.path,
                line: r.line,
                column: r.column,
                endLine: r.endLine,
                endColumn: r.endColumn,
                message: r.message,
              })),
            }
          : {}),
        ...(f.fixes.length > 0 ? { fixes: f.fixes.map(jsonEdit) } : {}),
        ...(f.suggestions.length > 0 ? { suggestions: f.suggestions.map(jsonEdit) } : {}),
        ...(f.suppressed ? { suppressed: { reason: f.suppressed.reason, by: f.suppressed.by } } : {}),
      })),
    })),
    summary: report.summary,
  };
}

function jsonEdit(e: FindingEdit): JsonEdit {
  return { title: e.title, edits: e.edits.map((x) => ({ line: x.line, column: x.column, endLine: x.endLine, endColumn: x.endColumn, text: x.text })) };
}

export function json(report: Report, version: string, helpUri: (id: string) => string): string {
  return `${JSON.stringify(toJson(report, version, helpUri), null, 2)}\n`;
}
