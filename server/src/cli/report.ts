import { numberText, plural } from '../base/wording';
import { Diagnostic, Severity } from '../base/diagnostic';
import { LineIndex } from '../base/line-index';
import { Span } from '../base/span';
import { JsonSummary } from './formats/json-shape';

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

/** A fix or suggestion as an output shows it: what it does, and its edits with their places. */
export interface FindingEdit {
  readonly title: string;
  readonly edits: readonly (Region & { readonly text: string })[];
}

export interface Finding extends Region {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly related: readonly RelatedPlace[];
  /** Safe to apply in bulk (`--fix`). */
  readonly fixes: readonly FindingEdit[];
  /** Change what the spec says: for a person to choose. */
  readonly suggestions: readonly FindingEdit[];
  /**
   * Present when the finding is silenced: by a suppression comment (`comment`, with its
   * reason), or known from the `--baseline` file (`baseline`, with the entry's reason).
   */
  readonly suppressed?: { readonly reason: string; readonly by: 'comment' | 'baseline' };
}

export interface FileReport {
  readonly path: string;
  readonly file: string;
  /** Standing and suppressed findings, in text order. */
  readonly findings: readonly Finding[];
}

/** A run's counts: the summary of `--format json`. */
export type Summary = JsonSummary;

export interface Report {
  readonly files: readonly FileReport[];
  readonly summary: Summary;
  /** With `--quiet`: the warnings and infos left out of the report, which the summary line still mentions. */
  readonly notShown?: { readonly warnings: number; readonly infos: number };
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
  const edits = (list: Diagnostic['fixes']): FindingEdit[] =>
    (list ?? []).map((f) => ({ title: f.title, edits: f.edits.map((e) => ({ ...region(index, e.span), text: e.newText })) }));
  return all.map(({ d, reason }) => ({
    ruleId: d.code,
    severity: d.severity,
    message: d.message,
    ...region(index, d.span),
    related: (d.related ?? []).map((r) => relatedPlace(r.uri, r.span, r.message)),
    fixes: edits(d.fixes),
    suggestions: edits(d.suggestions),
    ...(reason !== undefined ? { suppressed: { reason, by: 'comment' as const } } : {}),
  }));
}

/** Counts standing findings (suppressed ones apart). */
export function summarise(files: readonly FileReport[]): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let suppressed = 0;
  let known = 0;
  for (const file of files) {
    for (const f of file.findings) {
      if (f.suppressed?.by === 'comment') suppressed++;
      else if (f.suppressed) known++;
      else if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
    }
  }
  return { files: files.length, errors, warnings, infos, suppressed, known };
}

/** `--quiet`: errors only. */
export function onlyErrors(report: Report): Report {
  const files = report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') }));
  return { files, summary: summarise(files), notShown: { warnings: report.summary.warnings, infos: report.summary.infos } };
}

/**
 * "7 files checked: 1 error, 4 warnings, 1 info (2 suppressed with a reason, 5 known from
 * the baseline)"; with `--quiet`, "7 files checked: 1 error (4 warnings, 1 info not shown: --quiet)".
 */
export function summaryLine(report: Report): string {
  const { summary, notShown } = report;
  const counts = notShown ? [plural(summary.errors, 'error')] : [plural(summary.errors, 'error'), plural(summary.warnings, 'warning'), plural(summary.infos, 'info', 'infos')];
  const problems = summary.errors + summary.warnings + summary.infos + (notShown ? notShown.warnings + notShown.infos : 0);
  const apart = [
    ...(notShown && notShown.warnings + notShown.infos > 0 ? [`${plural(notShown.warnings, 'warning')}, ${plural(notShown.infos, 'info', 'infos')} not shown: --quiet`] : []),
    ...(summary.suppressed > 0 ? [`${numberText(summary.suppressed)} suppressed with a reason`] : []),
    ...(summary.known > 0 ? [`${numberText(summary.known)} known from the baseline`] : []),
  ];
  return `${plural(summary.files, 'file')} checked: ${problems === 0 ? 'no problems found' : counts.join(', ')}${apart.length > 0 ? ` (${apart.join(', ')})` : ''}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
