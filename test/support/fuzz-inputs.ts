import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { groupThousands } from '../../server/src/base/wording';
import { KEYWORDS } from '../../server/src/syntax/keywords';
import { tokenize } from '../../server/src/syntax/tokens';
import { samplesDir } from './paths';

/*
 * The inputs of the property tests (test/parse-fuzz.test.ts, test/format.test.ts) and
 * of the long run (scripts/fuzz.ts): random text, language-like pieces, mutations of
 * the samples, and extremes (huge numbers, deep nesting, 100,000-character strings and
 * lines, control characters, lone surrogates, mixed line endings).
 */

export const samples: readonly { name: string; text: string }[] = fs
  .readdirSync(samplesDir)
  .filter((f) => f.endsWith('.outcome'))
  .sort()
  .map((name) => ({ name, text: fs.readFileSync(path.join(samplesDir, name), 'utf8') }));

const sampleIndex = fc.nat({ max: samples.length - 1 });
/** A place in a text, as a fraction of its length (so it fits whatever the text became). */
const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

function offset(fraction: number, text: string): number {
  return Math.floor(fraction * text.length);
}

/** Any string at all: every code point, lone surrogates included. */
export const randomText = fc.string({ unit: 'binary', maxLength: 200 });

/** Pieces that look like the language, so random text gets deep into the grammar. */
export const piece = fc.oneof(
  fc.constantFrom(...KEYWORDS),
  fc.constantFrom('{', '}', ',', '"', '"""', '#', '\n', '\r\n', ' ', '£', '%', '\\', '“'),
  fc.constantFrom('"text"', '£3,200', '£1.8m', '20%', '7.5%', '2027-04-01', '2027-02-30', '450', '1,2', '26 weeks', 'neet', 'Cohort'),
  fc.string({ maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 3 }),
);

export const languagePieces = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(' '));

// ── mutations of the samples: tokens deleted, duplicated, swapped, inserted; truncation ──

interface Edit {
  readonly kind: string;
  readonly at: number;
  readonly length: number;
  readonly text: string;
}

function mutate(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const edit of edits) {
    const start = offset(edit.at, result);
    const end = Math.min(result.length, start + edit.length);
    switch (edit.kind) {
      case 'delete':
        result = result.slice(0, start) + result.slice(end);
        break;
      case 'duplicate':
        result = result.slice(0, end) + result.slice(start, end) + result.slice(end);
        break;
      case 'swap': {
        const other = Math.floor(((edit.at * 7919) % 1) * result.length);
        const [a, b] = start < other ? [start, other] : [other, start];
        const n = edit.length;
        result = result.slice(0, a) + result.slice(b, b + n) + result.slice(a + n, b) + result.slice(a, a + n) + result.slice(b + n);
        break;
      }
      case 'truncate':
        result = result.slice(0, start);
        break;
      default:
        result = result.slice(0, start) + edit.text + result.slice(start);
    }
  }
  return result;
}

export const sampleMutation = fc
  .record({
    sample: sampleIndex,
    edits: fc.array(
      fc.record({ kind: fc.constantFrom('delete', 'duplicate', 'swap', 'truncate', 'insert'), at, length: fc.nat({ max: 40 }), text: piece }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map(({ sample, edits }) => mutate(samples[sample].text, edits));

// ── mutations that keep the samples' syntax more often: layout, renames, whole lines ──

/** Whitespace a writer might put between two tokens (comments included). */
const layout = fc.constantFrom(' ', '\t', '\n', '\r\n', '\n\n\n', '  \n\t ', '', ' # note\n', '\n# own line\n');

interface LayoutEdit {
  readonly kind: string;
  readonly at: number;
  readonly other: number;
  readonly layout: string;
  readonly keyword: string;
}

function relayout(text: string, edits: readonly LayoutEdit[]): string {
  let result = text;
  for (const edit of edits) {
    if (edit.kind === 'rename') {
      // Respell an id, everywhere, as a keyword: `cohort review`, `for self`.
      const ids = tokenize(result).tokens.filter((t) => t.tokenType.name === 'Identifier');
      if (ids.length === 0) continue;
      const old = ids[Math.floor(edit.at * ids.length)].image;
      for (const id of ids.filter((t) => t.image === old).reverse()) {
        result = result.slice(0, id.startOffset) + edit.keyword + result.slice(id.startOffset + id.image.length);
      }
      continue;
    }
    if (edit.kind === 'gap') {
      // Replace the whitespace between two tokens.
      const tokens = tokenize(result).tokens;
      if (tokens.length < 2) continue;
      const i = Math.floor(edit.at * (tokens.length - 1));
      const end = tokens[i].startOffset + tokens[i].image.length;
      const next = tokens[i + 1].startOffset;
      if (result.slice(end, next).includes('#')) continue;
      result = result.slice(0, end) + edit.layout + result.slice(next);
      continue;
    }
    const lines = result.split('\n');
    const i = Math.floor(edit.at * lines.length);
    const j = Math.floor(edit.other * lines.length);
    if (edit.kind === 'delete-line') lines.splice(i, 1);
    else if (edit.kind === 'duplicate-line') lines.splice(i, 0, lines[i]);
    else if (edit.kind === 'swap-lines') [lines[i], lines[j]] = [lines[j], lines[i]];
    else if (i + 1 < lines.length) lines.splice(i, 2, `${lines[i]} ${lines[i + 1]}`);
    result = lines.join('\n');
  }
  return result;
}

export const layoutMutation = fc
  .record({
    sample: sampleIndex,
    edits: fc.array(
      fc.record({
        kind: fc.constantFrom('gap', 'gap', 'gap', 'rename', 'delete-line', 'duplicate-line', 'swap-lines', 'join-lines'),
        at,
        other: at,
        layout,
        keyword: fc.constantFrom('review', 'for', 'self', 'measure', 'size', 'cohort', 'in', 'value', 'standard'),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map(({ sample, edits }) => relayout(samples[sample].text, edits));

// ── extremes ──

/** `text` with `insert` put at `fraction` of its length. */
function insertAt(text: string, fraction: number, insert: string): string {
  const i = offset(fraction, text);
  return text.slice(0, i) + insert + text.slice(i);
}

/** A whole number of `min` to `max` digits. */
const digits = (min: number, max: number) =>
  fc.tuple(fc.constantFrom(...'123456789'), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min - 1, maxLength: max - 1 })).map(([first, rest]) => first + rest);

/** A number of the samples' (size, price, share, date…) made huge, in the same notation. */
export const hugeNumber = fc
  .record({ sample: sampleIndex, which: at, digits: fc.oneof({ arbitrary: digits(16, 60), weight: 4 }, { arbitrary: digits(61, 5_000), weight: 1 }), grouped: fc.boolean() })
  .map(({ sample, which, digits: n, grouped }) => {
    const text = samples[sample].text;
    const numbers = tokenize(text).tokens.filter((t) => ['NumberLit', 'Money', 'Percent', 'DateLit'].includes(t.tokenType.name));
    const token = numbers[Math.floor(which * numbers.length)];
    const huge = grouped ? groupThousands(n) : n;
    const image = token.tokenType.name === 'DateLit' ? `${huge}-01-01` : token.image.replace(/\d[\d,]*(\.\d+)?/, huge);
    return text.slice(0, token.startOffset) + image + text.slice(token.startOffset + token.image.length);
  });

/** Deep nesting: `{` thousands deep, and blocks inside blocks where the grammar has none. */
export const deepNesting = fc
  .record({ depth: fc.integer({ min: 1, max: 5_000 }), shallow: fc.integer({ min: 1, max: 40 }), closed: fc.boolean(), kind: fc.nat({ max: 2 }) })
  .map(({ depth, shallow, closed, kind }) => {
    if (kind === 0) return '{'.repeat(depth) + (closed ? '}'.repeat(depth) : '');
    // Each misplaced block is one recovered syntax error, so these stay shallower.
    const open = kind === 1 ? 'eligibility { ' : 'segment s { size 1 ';
    return `cohort a { ${open.repeat(shallow)}${closed ? '}'.repeat(shallow + 1) : ''}`;
  });

/**
 * `for c {` again and again inside an outcome, never closed, and the like: each a syntax
 * error mended inside the block, one inside another (these once overflowed the parser's
 * stack, and once cost a scan to the end of the file each).
 */
export const deepFieldBlocks = fc
  .record({ depth: fc.integer({ min: 1, max: 2_000 }), line: fc.constantFrom('for c {', 'measure {', 'size {', 'segment s {', 'pay £1 for o {'), block: fc.constantFrom('outcome o {', 'cohort c {', 'payment {') })
  .map(({ depth, line, block }) => `${block}\n${`  ${line}\n`.repeat(depth)}`);

/**
 * Ids near one another: a long id (up to 30,000 letters) and a reference one or two edits
 * off it, or many cohorts and as many misspelt references ("did you mean" once
 * computed an unbounded edit distance, and compared every reference with every id).
 */
export const nearMissIds = fc
  .record({ length: fc.integer({ min: 1, max: 30_000 }), edits: fc.array(fc.record({ where: at, letter: fc.constantFrom('a', 'b', 'z', '_', '9') }), { minLength: 1, maxLength: 2 }), many: fc.integer({ min: 0, max: 300 }) })
  .map(({ length, edits, many }) => {
    const id = `c${'a'.repeat(length)}`;
    const near = edits.reduce((s, e) => {
      const i = 1 + offset(e.where, s.slice(1));
      return s.slice(0, i) + e.letter + s.slice(i + 1);
    }, id);
    const cohorts = Array.from({ length: many }, (_, i) => `cohort cohort_${i} "C" {\n  size 1\n}\n`).join('');
    const typos = Array.from({ length: many }, (_, i) => `outcome o${i} "O" {\n  for cohrot_${i}\n}\n`).join('');
    return `cohort ${id} "Long" {\n  size 1\n}\noutcome long "O" {\n  for ${near}\n}\n${cohorts}${typos}`;
  });

/** A text 100,000 characters long inside a string, a comment, an id, or a line of tokens. */
export const longText = fc
  .record({ sample: sampleIndex, where: at, unit: fc.constantFrom('a', ' ', 'word ', '£', '"', '\\', '{', '9', 'é', '😀'), kind: fc.nat({ max: 3 }) })
  .map(({ sample, where, unit, kind }) => {
    const long = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
    const insert = [`\nrequirement "${long.replace(/[\\"]/g, '\\$&')}"\n`, `\n# ${long}\n`, `\ncohort a${long.replace(/\W/g, 'b')} {}\n`, `\n${long}\n`][kind];
    return insertAt(samples[sample].text, where, insert);
  });

/** NUL, other control characters and Unicode line and paragraph separators, anywhere. */
export const controlCharacters = fc
  .record({ sample: sampleIndex, inserts: fc.array(fc.record({ where: at, text: fc.stringMatching(/^[\0-\x1f\x7f\x85\u2028\u2029\ufeff]{1,4}$/) }), { minLength: 1, maxLength: 8 }) })
  .map(({ sample, inserts }) => inserts.reduce((text, i) => insertAt(text, i.where, i.text), samples[sample].text));

/** Halves of surrogate pairs on their own, in strings, comments, ids and between tokens. */
export const loneSurrogates = fc
  .record({ sample: sampleIndex, inserts: fc.array(fc.record({ where: at, unit: fc.integer({ min: 0xd800, max: 0xdfff }) }), { minLength: 1, maxLength: 8 }) })
  .map(({ sample, inserts }) => inserts.reduce((text, i) => insertAt(text, i.where, String.fromCharCode(i.unit)), samples[sample].text));

/** Every line break of a sample chosen again from `\n`, `\r\n` and a lone `\r`. */
export const mixedLineEndings = fc
  .record({ sample: sampleIndex, breaks: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 50 }) })
  .map(({ sample, breaks }) => samples[sample].text.split('\n').reduce((text, line, i) => (i === 0 ? line : text + breaks[i % breaks.length] + line), ''));

/** Every extreme, with the expensive 100,000-character texts drawn least often. */
export const extremes = fc.oneof(
  { arbitrary: hugeNumber, weight: 4 },
  { arbitrary: deepNesting, weight: 2 },
  { arbitrary: deepFieldBlocks, weight: 2 },
  { arbitrary: nearMissIds, weight: 2 },
  { arbitrary: longText, weight: 1 },
  { arbitrary: controlCharacters, weight: 4 },
  { arbitrary: loneSurrogates, weight: 4 },
  { arbitrary: mixedLineEndings, weight: 4 },
);
