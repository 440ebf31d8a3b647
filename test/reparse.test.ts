import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { generateSpec } from '../bench/generate';
import { parse, ParseResult } from '../server/src/syntax/parse';
import { reparse } from '../server/src/syntax/reparse';
import { samples } from './support/fuzz-inputs';

/*
 * `reparse` (the server's parse after a keystroke) must give exactly what `parse` gives
 * on the new text, whatever the edit: these tests type, delete and paste at random
 * places, one edit after another as an editor sends them, and compare the two.
 */

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

/** What people type, and what breaks a file: quotes, braces, comments, line breaks, keywords. */
const typed = fc.constantFrom('a', 'Z', '7', ' ', '\n', '"', '{', '}', '#', ',', '%', '£', '-', '_', '"""', 'é', 'size 12', 'cohort', ' for ', '}\n{', '# note\n');

const edits = fc.array(
  fc.record({ at: fc.nat({ max: 1_000_000 }), remove: fc.integer({ min: 0, max: 4 }), insert: fc.oneof(typed, fc.constant('')) }),
  { minLength: 1, maxLength: 12 },
);

/** Applies an edit; `at` wraps round the text, so any number is a place in it. */
function apply(text: string, edit: Edit): string {
  const at = edit.at % (text.length + 1);
  return text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
}

/** An object reached twice in a parse (which `reparse` would move twice), or undefined. */
function sharedObject(parsed: ParseResult): unknown {
  const seen = new Set<object>();
  const visit = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return undefined;
    if (seen.has(value)) return value;
    seen.add(value);
    for (const child of Object.values(value)) {
      const found = visit(child);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return visit(parsed);
}

/** Types the edits one by one, reparsing from the last result each time, and checks each against a fresh parse. */
function typeAndCompare(start: string, list: readonly Edit[]): void {
  let text = start;
  let parsed: ParseResult = parse(text);
  for (const edit of list) {
    const next = apply(text, edit);
    const again = reparse({ text, parsed }, next).parsed;
    const fresh = parse(next);
    assert.equal(sharedObject(fresh), undefined, 'a parse holds each object once');
    assert.deepStrictEqual(again, fresh, `after an edit at ${edit.at} of ${JSON.stringify(edit.insert)} (removing ${edit.remove})`);
    text = next;
    parsed = again;
  }
}

describe('reparse: the parse after an edit is the parse of the new text', () => {
  it('keeps the other items and parses only the edited one, for a keystroke inside a string', () => {
    const text = samples.find((s) => s.name === 'reoffending.outcome')!.text;
    const before = parse(text);
    const firstItems = [...before.file.items];
    const at = text.indexOf('"', text.indexOf('measure')) + 1;
    const next = `${text.slice(0, at)}x${text.slice(at)}`;
    const after = reparse({ text, parsed: before }, next).parsed;
    assert.deepStrictEqual(after, parse(next));
    const edited = after.file.items.findIndex((item) => item.span.start < at && at < item.span.end);
    assert.ok(edited > 0, 'the edit is inside an item after the first');
    assert.ok(after.file.items.slice(0, edited).every((item, i) => item === firstItems[i]), 'items before the edit are kept as they were');
    assert.equal(after.file.items[edited + 1], firstItems[edited + 1], 'items after it are the same objects, moved');
  });

  it('while a new field is typed letter by letter inside a block, through its syntax errors', () => {
    const text = samples.find((s) => s.name === 'homelessness.outcome')!.text;
    const at = text.indexOf('\n', text.indexOf('outcome ')) + 1;
    const typing = '  counterfactual "matched group, 2024"\n  size 12 ';
    let reusedThroughErrors = 0;
    let current = text;
    let parsed = parse(text);
    for (let i = 0; i < typing.length; i++) {
      const next = current.slice(0, at + i) + typing[i] + current.slice(at + i);
      const again = reparse({ text: current, parsed }, next).parsed;
      assert.deepStrictEqual(again, parse(next), `after typing ${JSON.stringify(typing.slice(0, i + 1))}`);
      const hadErrors = parsed.diagnostics.some((d) => d.code === 'syntax/parse');
      if (hadErrors && again.file.items[0] === parsed.file.items[0]) reusedThroughErrors++;
      current = next;
      parsed = again;
    }
    // Most keystrokes follow one that left an error in the field being typed.
    assert.ok(reusedThroughErrors > typing.length / 2, `only ${reusedThroughErrors} of ${typing.length} keystrokes kept the other items`);
  });

  it('an error reported on an item\'s first word that is the item before\'s, once found by the long run', () => {
    // The cohort is not closed: the error is reported on `outcome`, inside the outcome's span.
    const text = 'cohort a {\n  size 10\n\noutcome o "O" {\n  for a\n}\n';
    typeAndCompare(text, [{ at: text.indexOf('"O"') + 1, remove: 0, insert: 'a' }]);
  });

  it('on random edits to each sample', () => {
    for (const sample of samples) {
      fc.assert(fc.property(edits, (list) => typeAndCompare(sample.text, list)), { seed: 20261126, numRuns: 60 });
    }
  });

  it('on random edits to a generated spec of 300 lines', () => {
    const spec = generateSpec(300);
    fc.assert(fc.property(edits, (list) => typeAndCompare(spec, list)), { seed: 20261126, numRuns: 100 });
  });

  it('at item edges, across items, at the ends of the file, and after a syntax error', () => {
    const text = 'cohort a {\n  size 10\n}\n\noutcome o "O" {\n  for a\n}\n';
    // Offsets into the text as it is when each edit is made.
    const exact: [number, number, string][] = [
      [0, 0, 'x'], // before the first item
      [1, 1, ''], // its first word
      [9, 0, ' '], // inside `cohort a {`
      [20, 0, ' '], // just before the cohort's `}`
      [21, 0, ' '], // just after it
      [20, 3, ''], // across the end of the cohort
      [text.length - 2, 0, '\n'], // near the end of the file
      [12, 0, '{'], // an unclosed brace, then…
      [15, 0, 'z'], // …an edit in a file with a syntax error
    ];
    typeAndCompare(text, exact.map(([at, remove, insert]) => ({ at, remove, insert })));
  });
});
