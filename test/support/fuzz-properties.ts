import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Diagnostic } from '../../server/src/base/diagnostic';
import { format, FormatResult } from '../../server/src/format/format';
import { parse } from '../../server/src/syntax/parse';
import { Span } from '../../server/src/base/span';
import { extremes, languagePieces, layoutMutation, randomText, sampleMutation } from './fuzz-inputs';
import { lintText, noFiles } from './lint';

/*
 * The properties that no input may break, shared by the property tests in npm test
 * (test/parse-fuzz.test.ts, test/format.test.ts) and the long run (npm run fuzz):
 *
 * - `parse` never throws, and every span it gives lies inside the text;
 * - `lint` never throws, no rule fails, every range of every finding (its span, its
 *   related places, its fixes' edits) lies inside the text, every fix has an edit, and
 *   linting the same text twice gives the same findings;
 * - `format` refuses a file with syntax errors; otherwise its output is idempotent,
 *   parses to the same tree (spans aside) with the same findings, and keeps every
 *   comment, in order.
 */

function assertInside(span: Span, text: string, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what} ${JSON.stringify(span)} is not whole numbers`);
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `${what} ${JSON.stringify(span)} outside a text of ${text.length}`);
}

/** Every span in a parse result: the diagnostics' and every AST node's. */
function spansOf(value: unknown, out: Span[] = []): Span[] {
  if (value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const v of value) spansOf(v, out);
    return out;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.start === 'number' && typeof record.end === 'number') out.push(record as unknown as Span);
  for (const v of Object.values(record)) spansOf(v, out);
  return out;
}

export function checkParse(text: string): void {
  const result = parse(text);
  for (const span of spansOf(result)) assertInside(span, text, 'span');
  for (const d of result.diagnostics as Diagnostic[]) {
    assert.ok(d.message.length > 0);
    assert.doesNotMatch(d.message, /Identifier|StringLit|NumberLit|Money|Percent|DateLit|LCurly|RCurly|EOF/, 'token class names must not reach users');
  }
  // The internal-error diagnostic of `parse` is a bug, not an answer.
  assert.ok(!result.diagnostics.some((d) => d.message.includes('internal error')), result.diagnostics[0]?.message);
}

const URI = 'file:///fuzz/spec.outcome';

export function checkLint(text: string): void {
  const first = lintText(URI, text, noFiles);
  for (const d of [...first.diagnostics, ...first.suppressed.map((s) => s.diagnostic)]) {
    assert.ok(d.message.length > 0, `${d.code} has no message`);
    // A rule that throws is caught by lintText() and reported as a finding asking for a bug report.
    assert.ok(!d.message.includes('please report it'), d.message);
    assertInside(d.span, text, `${d.code}'s span`);
    for (const r of d.related ?? []) if (r.uri === undefined || r.uri === URI) assertInside(r.span, text, `${d.code}'s related place`);
    for (const fix of d.fixes ?? []) {
      assert.ok(fix.edits.length > 0 && fix.edits.every((e) => e !== undefined), `${d.code}'s fix "${fix.title}" has an edit missing`);
      for (const edit of fix.edits) assertInside(edit.span, text, `${d.code}'s fix`);
    }
  }
  const second = lintText(URI, text, noFiles);
  assert.deepStrictEqual(second.diagnostics, first.diagnostics, 'linting the same text twice gave different findings');
  assert.deepStrictEqual(second.suppressed, first.suppressed, 'linting the same text twice suppressed different findings');
}

/** A value with every span replaced by a marker, so trees can be compared across layouts. */
function withoutSpans(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(withoutSpans);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 2 && typeof record.start === 'number' && typeof record.end === 'number') return 'span';
  return Object.fromEntries(keys.map((k) => [k, withoutSpans(record[k])]));
}

/** What a text means: its tree without spans, its comments, and its findings' words. */
function meaning(text: string): unknown {
  const { file, diagnostics } = parse(text);
  return {
    items: withoutSpans(file.items),
    comments: file.comments.map((c) => c.text.trimEnd()),
    diagnostics: diagnostics.map((d) => `${d.code}: ${d.message}`),
  };
}

/** The formatted text, failing when the formatter refuses. */
export function formatted(text: string): string {
  const result: FormatResult = format(text);
  if ('refused' in result) assert.fail(`refused: ${result.refused}`);
  return result.text;
}

/** Formats `text`, which must format, and checks the result: same meaning and comments, idempotent, no syntax error. */
export function assertFormatsWell(text: string, result: FormatResult = format(text)): string {
  if ('refused' in result) assert.fail(`refused: ${result.refused}`);
  const once = result.text;
  assert.deepStrictEqual(meaning(once), meaning(text), 'formatting changed the meaning or dropped a comment');
  assert.equal(formatted(once), once, 'formatting is not idempotent');
  assert.ok(!parse(once).diagnostics.some((d) => d.code === 'syntax/parse'), 'the formatted text has syntax errors');
  return once;
}

/** `format` formats well, or refuses a file with syntax errors; says which it did. */
export function checkFormat(text: string): 'formatted' | 'refused' {
  const hasSyntaxErrors = parse(text).diagnostics.some((d) => d.code === 'syntax/parse');
  const result = format(text);
  if (hasSyntaxErrors) {
    assert.ok('refused' in result, 'a file with syntax errors was formatted');
    return 'refused';
  }
  assertFormatsWell(text, result);
  return 'formatted';
}

/** A property: a check over one family of inputs. */
export interface FuzzProperty {
  readonly name: string;
  readonly inputs: fc.Arbitrary<string>;
  readonly check: (text: string) => unknown;
  /** Runs in npm test, by test/parse-fuzz.test.ts (0: another test runs it). */
  readonly testRuns: number;
  /** Share of a long run's inputs, relative to the other properties' (the costly ones get fewer). */
  readonly share: number;
}

// `share`s are per cent of a long run, set so that each property gets about its part of
// the time: a lint or a format costs many parses, and the extremes are long texts.
export const PROPERTIES: readonly FuzzProperty[] = [
  { name: 'parse: random strings of any characters', inputs: randomText, check: checkParse, testRuns: 2000, share: 30 },
  { name: 'parse: language-like pieces', inputs: languagePieces, check: checkParse, testRuns: 2000, share: 25 },
  { name: 'parse: mutations of the samples', inputs: sampleMutation, check: checkParse, testRuns: 1000, share: 10 },
  { name: 'parse: extremes', inputs: extremes, check: checkParse, testRuns: 50, share: 2 },
  { name: 'lint: random strings of any characters', inputs: randomText, check: checkLint, testRuns: 300, share: 15 },
  { name: 'lint: language-like pieces', inputs: languagePieces, check: checkLint, testRuns: 300, share: 10 },
  { name: 'lint: mutations of the samples', inputs: sampleMutation, check: checkLint, testRuns: 100, share: 4 },
  { name: 'lint: extremes', inputs: extremes, check: checkLint, testRuns: 30, share: 1 },
  // test/format.test.ts runs this one, and checks that enough of the mutations format.
  { name: 'format: layout mutations of the samples', inputs: layoutMutation, check: checkFormat, testRuns: 0, share: 2 },
  { name: 'format: extremes', inputs: extremes, check: checkFormat, testRuns: 30, share: 1 },
];
