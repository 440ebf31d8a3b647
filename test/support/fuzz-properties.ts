import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { Linter } from '../../server/src/engine/linter';
import { lint } from '../../server/src/engine/lint';
import { findSpecs, rootOf } from '../../server/src/host/files';
import { Project } from '../../server/src/host/project';
import { catalogue } from '../../server/src/rules/catalogue';
import { Diagnostic } from '../../server/src/base/diagnostic';
import { format, FormatResult } from '../../server/src/format/format';
import { parse } from '../../server/src/syntax/parse';
import { Span } from '../../server/src/base/span';
import { extremes, languagePieces, layoutMutation, randomText, samples, sampleMutation } from './fuzz-inputs';
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
 *   comment, in order;
 * - in a folder of pipes, devices, folders named like specs and links (out of the
 *   folder, round in a circle, to nothing), a spec's `use` of any of them ends, says why
 *   it cannot be read, and shows nothing from outside; the walk lists only the specs;
 * - typing, the lint the editor keeps up to date (incremental, linted after some of the
 *   keystrokes only, as a burst is) ends with the findings of a fresh lint of the text.
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

// ── a folder of traps ────────────────────────────────────────────────────────

const SECRET = 'the-secret-held-outside';

/** What each name in the folder of traps is; made once, on the first use. */
const TRAPS = {
  'shared.outcome': 'a spec',
  'inside-link.outcome': 'a link to a spec inside',
  'pipe.outcome': 'a named pipe',
  'zero.outcome': 'a link to /dev/zero',
  'leak.outcome': 'a link to a file outside the folder',
  'out/secret.outcome': 'a path through a link to a folder outside',
  'loop-a.outcome': 'a link in a circle',
  'dangling.outcome': 'a link to nothing',
  'dir.outcome': 'a folder',
  '../outside/secret.outcome': 'a path out of the folder',
} as const;
type Trap = keyof typeof TRAPS;

let trapFolder: string | undefined;
function trapsFolder(): string {
  if (trapFolder) return trapFolder;
  const top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-fuzz-traps-')));
  process.once('exit', () => fs.rmSync(top, { recursive: true, force: true }));
  const folder = path.join(top, 'specs');
  fs.mkdirSync(folder);
  fs.mkdirSync(path.join(top, 'outside'));
  fs.writeFileSync(path.join(top, 'outside', 'secret.outcome'), `cohort ${SECRET.replace(/-/g, '_')} "${SECRET}" {\n  size 1\n}\n`);
  fs.writeFileSync(path.join(folder, 'shared.outcome'), 'cohort neet "Young people" {\n  size 10\n}\n');
  fs.symlinkSync(path.join(folder, 'shared.outcome'), path.join(folder, 'inside-link.outcome'));
  execFileSync('mkfifo', [path.join(folder, 'pipe.outcome')]);
  fs.symlinkSync('/dev/zero', path.join(folder, 'zero.outcome'));
  fs.symlinkSync(path.join(top, 'outside', 'secret.outcome'), path.join(folder, 'leak.outcome'));
  fs.symlinkSync(path.join(top, 'outside'), path.join(folder, 'out'));
  fs.symlinkSync(path.join(folder, 'loop-b.outcome'), path.join(folder, 'loop-a.outcome'));
  fs.symlinkSync(path.join(folder, 'loop-a.outcome'), path.join(folder, 'loop-b.outcome'));
  fs.symlinkSync(path.join(folder, 'nothing.outcome'), path.join(folder, 'dangling.outcome'));
  fs.mkdirSync(path.join(folder, 'dir.outcome'));
  return (trapFolder = folder);
}

/** A spec that `use`s some of the traps, between pieces that reach other parts of the grammar. */
export const trapUses = fc
  .array(fc.oneof(fc.constantFrom(...(Object.keys(TRAPS) as Trap[])).map((t) => `use "${t}"`), fc.constantFrom('outcome o "O" {\n  for neet\n}', 'cohort c "C" {\n  size 1\n}', '')), { minLength: 1, maxLength: 8 })
  .map((lines) => lines.join('\n'));

export function checkTraps(text: string): void {
  const folder = trapsFolder();
  const file = path.join(folder, 'main.outcome');
  const project = new Project({ roots: [folder], rules: catalogue });
  project.setOpen(file, text);
  const result = lint(project, file, { rules: catalogue });
  for (const d of result.diagnostics) assert.ok(!d.message.includes(SECRET) && !d.message.includes('secret_held'), `${d.code} shows what is outside: ${d.message}`);
  const unresolved = result.diagnostics.filter((d) => d.code === 'structure/unresolved-use').map((d) => d.message);
  for (const trap of Object.keys(TRAPS) as Trap[]) {
    if (trap === 'shared.outcome' || trap === 'inside-link.outcome' || !text.includes(`use "${trap}"`)) continue;
    assert.ok(unresolved.some((m) => m.startsWith(`cannot use \`${trap}\``) || m.startsWith(`\`${trap}\` does not exist`)), `the use of ${TRAPS[trap]} is not reported: ${unresolved.join('; ')}`);
  }
  const listed = findSpecs(rootOf(folder)).files.map((f) => path.relative(folder, f)).sort();
  assert.deepEqual(listed, ['shared.outcome'], 'the walk lists only the specs inside');
}

// ── typing ───────────────────────────────────────────────────────────────────

/** A sample, then keystrokes: a character typed or deleted somewhere, each linted or not (a burst is linted once, at its end). */
export const typingBurst = fc.record({
  sample: fc.nat({ max: samples.length - 1 }),
  keys: fc.array(fc.record({ where: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), typed: fc.constantFrom('', 'x', ' ', '"', '{', '}', '\n', '9', '#', '£'), linted: fc.boolean() }), { minLength: 1, maxLength: 30 }),
});

export function checkTyping({ sample, keys }: { sample: number; keys: { where: number; typed: string; linted: boolean }[] }): void {
  const file = '/fuzz/typed.outcome';
  const project = new Project({ roots: [], rules: catalogue });
  const linter = new Linter(project, catalogue, () => true);
  let text = samples[sample].text;
  project.setOpen(file, text);
  linter.lint(file);
  for (const key of keys) {
    const at = Math.floor(key.where * text.length);
    text = key.typed === '' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + key.typed + text.slice(at);
    project.setOpen(file, text);
    linter.changed(file);
    if (key.linted) linter.lint(file);
  }
  const fresh = new Project({ roots: [], rules: catalogue });
  fresh.setOpen(file, text);
  const expected = lint(fresh, file, { rules: catalogue });
  assert.deepStrictEqual(linter.lint(file).diagnostics, expected.diagnostics, 'the lint kept up to date differs from a fresh one');
}

/** A property: a check over one family of inputs. */
export interface FuzzProperty<T = string> {
  readonly name: string;
  readonly inputs: fc.Arbitrary<T>;
  readonly check: (input: T) => unknown;
  /** Runs in npm test, by test/parse-fuzz.test.ts (0: another test runs it). */
  readonly testRuns: number;
  /** Share of a long run's inputs, relative to the other properties' (the costly ones get fewer). */
  readonly share: number;
}

// `share`s are per cent of a long run, set so that each property gets about its part of
// the time: a lint or a format costs many parses, and the extremes are long texts.
/** One property among the others, whatever its inputs are. */
function property<T>(p: FuzzProperty<T>): FuzzProperty<unknown> {
  return p as FuzzProperty<unknown>;
}

export const PROPERTIES: readonly FuzzProperty<unknown>[] = [
  property({ name: 'parse: random strings of any characters', inputs: randomText, check: checkParse, testRuns: 2000, share: 30 }),
  property({ name: 'parse: language-like pieces', inputs: languagePieces, check: checkParse, testRuns: 2000, share: 25 }),
  property({ name: 'parse: mutations of the samples', inputs: sampleMutation, check: checkParse, testRuns: 1000, share: 10 }),
  property({ name: 'parse: extremes', inputs: extremes, check: checkParse, testRuns: 50, share: 2 }),
  property({ name: 'lint: random strings of any characters', inputs: randomText, check: checkLint, testRuns: 300, share: 15 }),
  property({ name: 'lint: language-like pieces', inputs: languagePieces, check: checkLint, testRuns: 300, share: 10 }),
  property({ name: 'lint: mutations of the samples', inputs: sampleMutation, check: checkLint, testRuns: 100, share: 4 }),
  property({ name: 'lint: extremes', inputs: extremes, check: checkLint, testRuns: 30, share: 1 }),
  // test/format.test.ts runs this one, and checks that enough of the mutations format.
  property({ name: 'format: layout mutations of the samples', inputs: layoutMutation, check: checkFormat, testRuns: 0, share: 2 }),
  property({ name: 'format: extremes', inputs: extremes, check: checkFormat, testRuns: 30, share: 1 }),
  property({ name: 'project: uses of pipes, devices, folders and links', inputs: trapUses, check: checkTraps, testRuns: 100, share: 1 }),
  property({ name: 'lint: typing bursts, kept up to date as the editor does', inputs: typingBurst, check: checkTyping, testRuns: 100, share: 2 }),
];
