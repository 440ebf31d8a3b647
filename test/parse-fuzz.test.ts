import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { Diagnostic } from '../server/src/diagnostic';
import { KEYWORDS } from '../server/src/syntax/keywords';
import { parse } from '../server/src/syntax/parse';
import { Span } from '../server/src/syntax/span';
import { repoRoot } from './support/paths';

/*
 * `parse` must never throw and every span it gives must lie inside the text, for
 * any string. fast-check generates the inputs (and shrinks a failure to the smallest
 * input that shows it); the seed is fixed so that a run is repeatable.
 */

const root = repoRoot;
const samples = fs
  .readdirSync(path.join(root, 'samples'))
  .filter((f) => f.endsWith('.outcome'))
  .map((f) => fs.readFileSync(path.join(root, 'samples', f), 'utf8'));

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

function checkParse(text: string): void {
  const result = parse(text);
  for (const span of spansOf(result)) {
    assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `span ${JSON.stringify(span)} is not whole numbers`);
    assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `span ${JSON.stringify(span)} outside a text of ${text.length}`);
  }
  for (const d of result.diagnostics as Diagnostic[]) {
    assert.ok(d.message.length > 0);
    assert.doesNotMatch(d.message, /Identifier|StringLit|NumberLit|Money|Percent|DateLit|LCurly|RCurly|EOF/, 'token class names must not reach users');
  }
  // The internal-error diagnostic of `parse` is a bug, not an answer.
  assert.ok(!result.diagnostics.some((d) => d.message.includes('internal error')), result.diagnostics[0]?.message);
}

/** Pieces that look like the language, so random text gets deep into the grammar. */
const piece = fc.oneof(
  fc.constantFrom(...KEYWORDS),
  fc.constantFrom('{', '}', ',', '"', '"""', '#', '\n', '\r\n', ' ', '£', '%', '\\', '“'),
  fc.constantFrom('"text"', '£3,200', '£1.8m', '20%', '7.5%', '2027-04-01', '2027-02-30', '450', '1,2', '26 weeks', 'neet', 'Cohort'),
  fc.string({ maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 3 }),
);

const mutation = fc.record({
  sample: fc.nat({ max: samples.length - 1 }),
  edits: fc.array(
    fc.record({
      kind: fc.constantFrom('delete', 'duplicate', 'swap', 'truncate', 'insert'),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.nat({ max: 40 }),
      text: piece,
    }),
    { minLength: 1, maxLength: 5 },
  ),
});

function mutate(text: string, edits: { kind: string; at: number; length: number; text: string }[]): string {
  let result = text;
  for (const edit of edits) {
    const at = Math.floor(edit.at * result.length);
    const end = Math.min(result.length, at + edit.length);
    switch (edit.kind) {
      case 'delete':
        result = result.slice(0, at) + result.slice(end);
        break;
      case 'duplicate':
        result = result.slice(0, end) + result.slice(at, end) + result.slice(end);
        break;
      case 'swap': {
        const other = Math.floor(((edit.at * 7919) % 1) * result.length);
        const [a, b] = at < other ? [at, other] : [other, at];
        result = result.slice(0, a) + result.slice(b, b + edit.length) + result.slice(a + edit.length, b) + result.slice(a, a + edit.length) + result.slice(b + edit.length);
        break;
      }
      case 'truncate':
        result = result.slice(0, at);
        break;
      default:
        result = result.slice(0, at) + edit.text + result.slice(at);
    }
  }
  return result;
}

describe('parse never throws, and every span is inside the text', () => {
  it('on 2,000 random strings of any characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), checkParse), { numRuns: 2000, seed: 20261126 });
  });

  it('on 2,000 random sequences of language-like pieces', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => checkParse(pieces.join(' '))), { numRuns: 2000, seed: 20261127 });
  });

  it('on 1,000 mutations of the samples', () => {
    fc.assert(fc.property(mutation, ({ sample, edits }) => checkParse(mutate(samples[sample], edits))), { numRuns: 1000, seed: 20261128 });
  });
});
