import { Diagnostic } from '../../server/src/base/diagnostic';
import { LineIndex } from '../../server/src/base/line-index';

/*
 * Caret annotations: expectations written in the language's own comments.
 *
 *   pay 3200 for job
 *   #   ^^^^ error[syntax/parse]: expected a currency amount after `pay`, …
 *
 * A caret line points at the nearest line above it that is not an annotation. Carets
 * mark the columns of the finding on that line; a run of carets that touches the `#`
 * starts at the `#` column instead (so `#^^^` marks columns 1-3, for findings at the
 * start of a line). A trailing `+` says the finding goes on past the end of that line. The
 * message after `: ` is compared exactly.
 */

const ANNOTATION = /^(\s*)#(\s*)(\^+)(\+?)\s+(error|warning|info)\[([\w/-]+)\](?::\s?(.*))?$/;

export interface Expectation {
  /** 0-based line of the text the annotation points at. */
  readonly line: number;
  readonly startColumn: number;
  readonly endColumn: number;
  readonly continues: boolean;
  readonly severity: string;
  readonly code: string;
  readonly message: string | undefined;
}

export function isAnnotation(line: string): boolean {
  return ANNOTATION.test(line);
}

export function readExpectations(text: string): Expectation[] {
  const lines = text.split(/\r\n|\r|\n/);
  const result: Expectation[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const match = ANNOTATION.exec(line);
    if (!match) {
      target = index;
      return;
    }
    if (target < 0) throw new Error(`annotation on line ${index + 1} has no line above it to point at`);
    const [, indent, gap, carets, plus, severity, code, message] = match;
    const startColumn = gap.length === 0 ? indent.length : indent.length + 1 + gap.length;
    const endColumn = startColumn + carets.length;
    result.push({ line: target, startColumn, endColumn, continues: plus === '+', severity, code, message });
  });
  return result;
}

/** A finding written the way an annotation would describe it, for comparison. */
export function describeActual(index: LineIndex, d: Diagnostic): Expectation {
  const start = index.position(d.span.start);
  const end = index.position(d.span.end);
  const continues = end.line > start.line;
  const endColumn = continues ? index.lineEnd(start.line) - index.lineStart(start.line) : end.character;
  return { line: start.line, startColumn: start.character, endColumn, continues, severity: d.severity, code: d.code, message: d.message };
}

export function formatExpectation(e: Expectation, withMessage = true): string {
  const where = `line ${e.line + 1}, columns ${e.startColumn + 1}-${e.endColumn}${e.continues ? '+' : ''}`;
  return `${where} ${e.severity}[${e.code}]${withMessage && e.message !== undefined ? `: ${e.message}` : ''}`;
}
