import { Diagnostic } from '../base/diagnostic';
import * as ast from '../syntax/ast';
import { LineIndex } from '../base/line-index';

/*
 * `# outcome-lint-disable-next-line <rule>[, <rule>…] -- <reason>` silences those
 * rules on the next line that is not blank or a comment. The reason is kept with the
 * finding (SARIF shows it). A suppression without a reason, or that silences nothing,
 * is itself a finding.
 */

const DIRECTIVE = /^\s*outcome-lint-disable-next-line\b(.*)$/;

export interface Suppression {
  readonly comment: ast.Comment;
  readonly rules: readonly string[];
  readonly reason: string | undefined;
  /** The line (0-based) it applies to. */
  readonly line: number;
}

export interface Suppressed {
  readonly diagnostic: Diagnostic;
  readonly reason: string;
}

export function readSuppressions(file: ast.FileNode, text: string, lines: LineIndex): Suppression[] {
  const result: Suppression[] = [];
  for (const comment of file.comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const [list, ...reasonParts] = match[1].split('--');
    const reason = reasonParts.join('--').trim();
    // `<…>` is the placeholder the editor's "disable for this line" action inserts: not a reason yet.
    const given = reason.length > 0 && !/^<[^>]*>$/.test(reason);
    result.push({
      comment,
      rules: list.split(/[\s,]+/).filter((r) => r.length > 0),
      reason: given ? reason : undefined,
      line: nextCodeLine(lines.position(comment.span.start).line, text, lines),
    });
  }
  return result;
}

function nextCodeLine(from: number, text: string, lines: LineIndex): number {
  for (let line = from + 1; line < lines.lineCount; line++) {
    const content = text.slice(lines.lineStart(line), lines.lineEnd(line)).trim();
    if (content.length > 0 && !content.startsWith('#')) return line;
  }
  return lines.lineCount;
}

/**
 * Splits findings into those that stand and those suppressed, and reports
 * suppressions that need a reason or silence nothing.
 */
export function applySuppressions(
  diagnostics: readonly Diagnostic[],
  suppressions: readonly Suppression[],
  lines: LineIndex,
  knownRules: ReadonlySet<string>,
): { kept: Diagnostic[]; suppressed: Suppressed[]; problems: Diagnostic[] } {
  const kept: Diagnostic[] = [];
  const suppressed: Suppressed[] = [];
  const used = new Set<string>();
  for (const d of diagnostics) {
    const line = lines.position(d.span.start).line;
    const by = suppressions.find((s) => s.line === line && s.rules.includes(d.code) && s.reason !== undefined);
    if (by) {
      suppressed.push({ diagnostic: d, reason: by.reason! });
      used.add(`${by.comment.span.start}:${d.code}`);
    } else {
      kept.push(d);
    }
  }
  const problems: Diagnostic[] = [];
  for (const s of suppressions) {
    if (s.reason === undefined) {
      problems.push({
        code: 'structure/unexplained-suppression',
        severity: 'warning',
        message: 'say why this finding is silenced: add ` -- ` and a reason after the rule id; the reason is kept in reports',
        span: s.comment.span,
      });
      continue;
    }
    if (s.rules.length === 0) {
      problems.push({ code: 'structure/unused-suppression', severity: 'warning', message: 'name the rule to silence after `outcome-lint-disable-next-line`', span: s.comment.span });
    }
    for (const rule of s.rules) {
      if (used.has(`${s.comment.span.start}:${rule}`)) continue;
      const message = knownRules.has(rule)
        ? `this silences nothing: \`${rule}\` finds nothing on the next line; remove the suppression`
        : `\`${rule}\` is not a rule id, so this silences nothing`;
      problems.push({ code: 'structure/unused-suppression', severity: 'warning', message, span: s.comment.span });
    }
  }
  return { kept, suppressed, problems };
}
