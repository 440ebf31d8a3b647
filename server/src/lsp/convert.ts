import { Diagnostic as LspDiagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver/node';
import { Diagnostic, Severity } from '../base/diagnostic';
import { LineIndex } from '../base/line-index';
import { Span } from '../base/span';

/* The one place that turns core values into LSP ones. */

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toRange(index: LineIndex, span: Span): Range {
  return { start: index.position(span.start), end: index.position(span.end) };
}

export function toLspDiagnostic(index: LineIndex, d: Diagnostic): LspDiagnostic {
  return {
    range: toRange(index, d.span),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'outcome-lint',
    message: d.message,
  };
}
