import { plural } from '../base/wording';
import { Diagnostic, Severity } from '../base/diagnostic';
import { LineIndex } from '../base/line-index';
import { Span } from '../base/span';

/*
 * A run's findings with their places worked out: what every output format prints.
 * Lines and columns are 1-based; columns count UTF-16 code units (as editors, LSP and
 * SARIF's `utf16CodeUnits` do). An end is exclusive: `endColumn` is the column just
 * after the last character, as in SARIF.
 */

export interface Region {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface RelatedPlace extends Region {
  /** The file, as shown: relative to the current folder when inside it. */
  readonly path: string;
  /** The absolute path, for URIs. */
  readonly file: string;
  readonly message: string;
}

export interface Finding extends Region {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly related: readonly RelatedPlace[];
  /** Present when a suppression comment silenced it; the comment's reason. */
  readonly suppressed?: { readonly reason: string };
}

export interface FileReport {
  readonly path: string;
  readonly file: string;
  /** Standing and suppressed findings, in text order. */
  readonly findings: readonly Finding[];
}

export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly suppressed: number;
}

export interface Report {
  readonly files: readonly FileReport[];
  readonly summary: Summary;
}

export function region(index: LineIndex, span: Span): Region {
  const start = index.lineColumn(span.start);
  const end = index.lineColumn(span.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The findings of one file: `standing` and `suppressed` merged in text order. */
export function fileFindings(
  diagnostics: readonly Diagnostic[],
  suppressed: readonly { diagnostic: Diagnostic; reason: string }[],
  index: LineIndex,
  relatedPlace: (uri: string | undefined, span: Span, message: string) => RelatedPlace,
): Finding[] {
  const all = [
    ...diagnostics.map((d) => ({ d, reason: undefined as string | undefined })),
    ...suppressed.map((s) => ({ d: s.diagnostic, reason: s.reason as string | undefined })),
  ];
  all.sort((a, b) => a.d.span.start - b.d.span.start || a.d.span.end - b.d.span.end || compare(a.d.code, b.d.code));
  return all.map(({ d, reason }) => ({
    ruleId: d.code,
    severity: d.severity,
    message: d.message,
    ...region(index, d.span),
    related: (d.related ?? []).map((r) => relatedPlace(r.uri, r.span, r.message)),
    ...(reason !== undefined ? { suppressed: { reason } } : {}),
  }));
}

/** Counts standing findings (suppressed ones apart). */
export function summarise(files: readonly FileReport[]): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let suppressed = 0;
  for (const file of files) {
    for (const f of file.findings) {
      if (f.suppressed) suppressed++;
      else if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
    }
  }
  return { files: files.length, errors, warnings, infos, suppressed };
}

/** `--quiet`: errors only. */
export function onlyErrors(report: Report): Report {
  const files = report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') }));
  return { files, summary: summarise(files) };
}

/** "7 files checked: 1 error, 4 warnings, 1 info (2 suppressed)". */
export function summaryLine(summary: Summary): string {
  const counts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning'), plural(summary.infos, 'info', 'infos')];
  const problems = summary.errors + summary.warnings + summary.infos;
  const suppressed = summary.suppressed > 0 ? ` (${summary.suppressed} suppressed with a reason)` : '';
  return `${plural(summary.files, 'file')} checked: ${problems === 0 ? 'no problems found' : counts.join(', ')}${suppressed}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
