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
  const nextCode = nextCodeLines(text, lines);
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
      line: nextCode(lines.position(comment.span.start).line),
    });
  }
  return result;
}

/**
 * The first line after a given one that is not blank or a comment. Worked out for every
 * line at once, from the end of the file backwards, when the first directive asks: a
 * thousand directives one after another cost one pass, not one pass each.
 */
function nextCodeLines(text: string, lines: LineIndex): (line: number) => number {
  const isCode = (line: number): boolean => {
    const content = text.slice(lines.lineStart(line), lines.lineEnd(line)).trim();
    return content.length > 0 && !content.startsWith('#');
  };
  let next: Int32Array | undefined;
  return (line) => {
    if (!next) {
      // next[l]: the first code line after line l, or the line count when there is none.
      next = new Int32Array(lines.lineCount + 1).fill(lines.lineCount);
      for (let l = lines.lineCount - 2; l >= 0; l--) next[l] = isCode(l + 1) ? l + 1 : next[l + 1];
    }
    return next[line];
  };
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
