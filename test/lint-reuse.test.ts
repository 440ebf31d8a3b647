import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { generateSpec } from '../bench/generate';
import { parseConfig } from '../server/src/config/config';
import { lint, LintResult } from '../server/src/engine/lint';
import { Linter } from '../server/src/engine/linter';
import { moveFindings } from '../server/src/engine/reuse';
import { Project } from '../server/src/host/project';
import { catalogue } from '../server/src/rules/catalogue';
import { Text } from '../server/src/syntax/ast';
import { parse } from '../server/src/syntax/parse';
import { reparse } from '../server/src/syntax/reparse';
import { samples } from './support/fuzz-inputs';
import { diskProject, textProject } from './support/lint';
import { samplesDir } from './support/paths';

/*
 * As someone types in an open document, the server's lint keeps the findings of every
 * rule that did not read the string the keystroke changed (engine/reuse.ts). Whatever
 * is kept, the findings must be exactly those of a fresh lint of the new text: these
 * tests type at random, inside strings and anywhere, and compare after every edit.
 */

/** A project of a folder, its files linted as the server lints them: open documents noting what each rule reads. */
class Editor {
  readonly project: Project;
  readonly linter: Linter;

  constructor(folder = samplesDir) {
    this.project = diskProject(folder);
    this.linter = new Linter(this.project, catalogue, (file) => this.project.isOpen(file));
  }

  /** The editor holds `text` for the file (opened, or typed in). */
  type(file: string, text: string): void {
    this.project.setOpen(file, text);
    this.linter.changed(file);
  }

  lint(file: string): LintResult {
    return this.linter.lint(file);
  }
}

const fileOf = (name: string): string => path.join(samplesDir, name);

/** A document open in a project of samples/, as the server holds it. */
function openDocument(name: string, text: string): { editor: Editor; file: string } {
  const editor = new Editor();
  const file = fileOf(name);
  editor.type(file, text);
  return { editor, file };
}

/**
 * The lint of a text from scratch, by a linter that keeps nothing; `others` are other
 * files' texts as the editor holds them.
 */
function freshLint(file: string, text: string, others: ReadonlyMap<string, string> = new Map()): LintResult {
  const project = diskProject(samplesDir);
  for (const [other, otherText] of [...others, [file, text] as const]) project.setOpen(other, otherText);
  return new Linter(project, catalogue, () => false).lint(file);
}

/** Findings as plain data, for comparing. */
const plain = (result: LintResult): unknown => JSON.parse(JSON.stringify({ diagnostics: result.diagnostics, suppressed: result.suppressed }));

const kept = (result: LintResult): string[] => [...result.runs!.byRule].filter(([, run]) => run.kept).map(([id]) => id);
const ran = (result: LintResult): string[] => [...result.runs!.byRule].filter(([, run]) => !run.kept).map(([id]) => id);

/** Words that make rules fire or stop firing, so that an edit inside a string can change what they find. */
const phrase = fc.constantFrom(
  'x',
  ' ',
  'troubled families',
  'offenders',
  'the homeless',
  'confidence',
  'wellbeing',
  'self-reported',
  'Warwick-Edinburgh Mental Wellbeing Scale',
  'TBC',
  'to be confirmed',
  'must deliver CBT',
  'using motivational interviewing',
  'number of sessions attended',
  'fewer',
  'a reduction in',
  'hard to reach',
  'vulnerable',
);

/** Edits inside a string: where in which string (both wrap round), what to remove, what to type. */
const stringEdits = fc.array(
  fc.record({ which: fc.nat(), at: fc.nat(), remove: fc.integer({ min: 0, max: 6 }), insert: fc.oneof(phrase, fc.constant('')) }),
  { minLength: 1, maxLength: 10 },
);

type StringEditSpec = { which: number; at: number; remove: number; insert: string };

/** The strings of a text, by their spans (quotes included). */
function strings(text: string): Text[] {
  const found: Text[] = [];
  const visit = (value: unknown): void => {
    if (isString(value)) found.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  visit(parse(text).file.items);
  return found.filter((s) => text[s.span.end - 1] === '"' && text[s.span.start] === '"' && s.span.end - s.span.start >= 2);
}

/** A node of a string's shape: a span and a value (the quote test in strings() tells it from a chosen word). */
function isString(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && typeof (value as Text).value === 'string' && 'span' in value && Object.keys(value).length === 2;
}

/** Applies an edit inside the (which)th string, between its quotes; the text unchanged if it has none. */
function editInsideString(text: string, edit: StringEditSpec): string {
  const list = strings(text);
  if (list.length === 0) return text;
  const s = list[edit.which % list.length];
  const inner = { start: s.span.start + 1, end: s.span.end - 1 };
  const at = inner.start + (edit.at % (inner.end - inner.start + 1));
  const remove = Math.min(edit.remove, inner.end - at);
  return text.slice(0, at) + edit.insert + text.slice(at + remove);
}

/** Types the edits into an open document and compares each lint with a fresh one; returns how many rule runs were kept. */
function typeAndCompare(name: string, start: string, edits: readonly StringEditSpec[], apply = editInsideString): number {
  const { editor, file } = openDocument(name, start);
  editor.lint(file);
  let text = start;
  let keptRuns = 0;
  for (const edit of edits) {
    text = apply(text, edit);
    editor.type(file, text);
    const result = editor.lint(file);
    keptRuns += kept(result).length;
    assert.deepStrictEqual(plain(result), plain(freshLint(file, text)), `after ${JSON.stringify(edit)}`);
  }
  return keptRuns;
}

/** Opens `name` with text `before`, lints it, then the edit to `after` as one keystroke: its lint, and a fresh one to compare. */
function lintAfterTyping(name: string, before: string, after: string): { result: LintResult; fresh: LintResult; earlier: LintResult } {
  const { editor, file } = openDocument(name, before);
  const earlier = editor.lint(file);
  editor.type(file, after);
  return { result: editor.lint(file), fresh: freshLint(file, after), earlier };
}

/** `text` with `insert` typed just inside the first string after the first `word`. */
function typedAfter(text: string, word: string, insert: string): string {
  const at = text.indexOf('"', text.indexOf(word)) + 1;
  return text.slice(0, at) + insert + text.slice(at);
}

const reoffending = samples.find((s) => s.name === 'reoffending.outcome')!;

describe('lint as someone types: findings kept from the lint before are those a fresh lint finds', () => {
  it('a keystroke in an outcome\'s evidence runs only the rules that read that evidence, and keeps the others\' findings', () => {
    const { result, fresh, earlier } = lintAfterTyping(reoffending.name, reoffending.text, typedAfter(reoffending.text, 'evidence', 'x'));
    // structure/placeholder reads every string, looking for gaps.
    assert.deepEqual(ran(result), ['monetisation/no-evidence', 'structure/placeholder']);
    assert.equal(kept(result).length, earlier.runs!.byRule.size - 2);
    assert.deepStrictEqual(plain(result), plain(fresh));
  });

  it('typing a deficit label into a cohort\'s title brings target-group/deficit-framing\'s finding at once', () => {
    const { result, fresh } = lintAfterTyping(reoffending.name, reoffending.text, typedAfter(reoffending.text, 'cohort ', 'troubled families, '));
    assert.ok(ran(result).includes('target-group/deficit-framing'));
    assert.ok(result.diagnostics.some((d) => d.code === 'target-group/deficit-framing' && d.message.includes('troubled families')));
    assert.deepStrictEqual(plain(result), plain(fresh));
  });

  it('a rule that read one string of an item still runs when a later keystroke changes it (its reads follow the new tree)', () => {
    const text = 'outcome o "Adults in work" {\n  evidence "payroll"\n}\n';
    const { editor, file } = openDocument('typing.outcome', text);
    editor.lint(file);
    // A keystroke in the evidence first: deficit-framing reads titles, not evidence, so it is kept…
    const first = text.replace('"payroll"', '"payroll data"');
    editor.type(file, first);
    assert.ok(kept(editor.lint(file)).includes('target-group/deficit-framing'));
    // …and a keystroke in the title, now a string of the new tree, runs it again.
    const second = first.replace('"Adults in work"', '"offenders in work"');
    editor.type(file, second);
    const result = editor.lint(file);
    assert.ok(ran(result).includes('target-group/deficit-framing'));
    assert.ok(result.diagnostics.some((d) => d.code === 'target-group/deficit-framing'));
    assert.deepStrictEqual(plain(result), plain(freshLint(file, second)));
  });

  it('an edit that adds a line break, or changes more than a string, runs every rule', () => {
    for (const text of [typedAfter(reoffending.text, 'evidence', '\n'), reoffending.text.replace('size ', 'size 1')]) {
      const { result, fresh } = lintAfterTyping(reoffending.name, reoffending.text, text);
      assert.deepEqual(kept(result), [], 'nothing kept');
      assert.deepStrictEqual(plain(result), plain(fresh));
    }
  });

  it('a line break typed into a """string""" runs every rule: messages that name a line ("reads the first (line 3)") change', () => {
    const text = 'requirement """Weekly sessions"""\n\npayment {\n  model grant\n}\n\npayment {\n  model grant\n}\n';
    const { result } = lintAfterTyping('lines.outcome', text, text.replace('Weekly sessions', 'Weekly\nsessions'));
    assert.deepEqual(kept(result), []);
    assert.ok(result.diagnostics.some((d) => d.code === 'structure/duplicate-block' && d.message.includes('(line 4)')));
  });

  it('a keystroke in an item with a syntax error runs every rule: mending a string can mend the error', () => {
    const text = 'requirement "Weekly \\q sessions"\n';
    const { result, earlier } = lintAfterTyping('escape.outcome', text, text.replace('\\q', 'q'));
    assert.ok(earlier.diagnostics.some((d) => d.code === 'syntax/parse'));
    assert.deepEqual(kept(result), []);
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'syntax/parse'), []);
  });

  it('a keystroke in a `use` path runs every rule, even when the files it brings in stay the same', () => {
    const text = 'use "/elsewhere/shared.outcome"\n';
    const { result, fresh } = lintAfterTyping('paths.outcome', text, text.replace('shared', 'shares'));
    assert.deepEqual(kept(result), []);
    assert.deepStrictEqual(plain(result), plain(fresh));
    assert.ok(result.diagnostics.some((d) => d.message.includes('/elsewhere/shares.outcome')));
  });

  it('a change to a used file, then a keystroke in a string, runs every rule', () => {
    const main = samples.find((s) => s.name === 'youth-employment.outcome')!;
    const shared = samples.find((s) => s.name === 'shared-cohorts.outcome')!;
    const { editor, file } = openDocument(main.name, main.text);
    const sharedFile = fileOf(shared.name);
    editor.type(sharedFile, shared.text);
    editor.lint(file);
    // The keystroke first, then the used file changes, then the lint.
    const next = typedAfter(main.text, 'evidence', 'x');
    editor.type(file, next);
    const sharedNow = shared.text.replace(/referral by .*/, 'referral provider');
    editor.type(sharedFile, sharedNow);
    const result = editor.lint(file);
    assert.deepEqual(kept(result), []);
    assert.deepStrictEqual(plain(result), plain(freshLint(file, next, new Map([[sharedFile, sharedNow]]))));
  });

  it('a keystroke after a used file went from unreadable to missing runs every rule: the model\'s finding says why anew (found by review)', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-reuse-')));
    try {
      const bad = path.join(dir, 'bad.outcome');
      fs.writeFileSync(bad, Buffer.from([0x63, 0x6f, 0xff, 0xfe, 0x0a]));
      const file = path.join(dir, 'a.outcome');
      const text = 'use "bad.outcome"\n\noutcome o "Adults in work" {\n  evidence "payroll"\n}\n';
      const editor = new Editor(dir);
      editor.type(file, text);
      const unresolved = (r: LintResult): string[] => r.diagnostics.filter((d) => d.code === 'structure/unresolved-use').map((d) => d.message);
      assert.match(unresolved(editor.lint(file))[0], /not UTF-8 text/);
      fs.unlinkSync(bad);
      editor.project.changed(bad);
      editor.linter.changed(bad);
      editor.type(file, text.replace('payroll', 'payroll data'));
      const result = editor.lint(file);
      assert.deepEqual(kept(result), []);
      assert.match(unresolved(result)[0], /does not exist/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a keystroke after the settings changed runs every rule with the new settings', () => {
    const file = fileOf(reoffending.name);
    const disk = diskProject(samplesDir);
    const parsed = parse(reoffending.text);
    const cache = new Map([[file, parsed]]);
    const before = lint(textProject(file, reoffending.text, disk), file, { rules: catalogue, cache, incremental: {} });
    const text = typedAfter(reoffending.text, 'evidence', 'x');
    const { parsed: now, edit } = reparse({ text: reoffending.text, parsed }, text);
    cache.set(file, now);
    const quieter = parseConfig('{ "rules": { "perverse-incentive/creaming": "off" } }', catalogue.all);
    assert.ok('config' in quieter);
    const after = lint(textProject(file, text, disk, quieter.config), file, { rules: catalogue, cache, incremental: { earlier: before, edit } });
    assert.deepEqual(kept(after), []);
    assert.ok(before.diagnostics.some((d) => d.code === 'perverse-incentive/creaming'));
    assert.ok(!after.diagnostics.some((d) => d.code === 'perverse-incentive/creaming'));
  });

  it('a quote typed inside a string, so that the rest of its line becomes a comment, runs every rule (found by review)', () => {
    // requirements-outnumber-outcomes reports up to the end of the spec's title without reading it.
    const text = 'spec "Youth programme #2"\n{\n  term 2 years from 2025-01-01\n}\n\nrequirement "Weekly workshops"\nrequirement "Monthly reports"\n';
    const { result, fresh } = lintAfterTyping('comment.outcome', text, text.replace('programme #2"', 'programme "#2"'));
    assert.deepEqual(kept(result), []);
    assert.deepStrictEqual(plain(result), plain(fresh));
  });

  it('a keystroke between a \\r and a \\n in a """string""", which parts or joins line breaks, runs every rule (found by review)', () => {
    const crlf = 'requirement """Weekly\r\nsessions"""\r\n\r\npayment {\r\n  model grant\r\n}\r\n\r\npayment {\r\n  model grant\r\n}\r\n';
    const lone = 'outcome o "Adults in work" {\n  for neet\n  measure """a\rx\nb"""\n}\ncohort neet { size 10 }\npayment {\n  model results\n  pay £100 for o per participant\n}\n';
    for (const [before, after] of [
      [crlf, crlf.replace('Weekly\r\n', 'Weekly\rx\n')],
      [lone, lone.replace('\rx\n', '\r\n')], // the file's first \r\n: fixes insert \r\n from now on
    ]) {
      const { result, fresh } = lintAfterTyping('breaks.outcome', before, after);
      assert.deepEqual(kept(result), []);
      assert.deepStrictEqual(plain(result), plain(fresh));
    }
  });

  it('a finding that points inside the edited string is not moved: where it goes is its rule\'s to say', () => {
    const string: Text = { span: { start: 10, end: 20 }, value: 'inside' };
    const edit = { string, pairs: [], delta: 3 };
    const moved = (start: number, end: number): { start: number; end: number } | false => {
      const found = [{ code: 'x/y', severity: 'info' as const, message: 'm', span: { start, end } }];
      return moveFindings(found, edit) && found[0].span;
    };
    assert.equal(moved(12, 14), false);
    assert.equal(moved(5, 15), false);
    assert.deepEqual(moved(10, 20), { start: 10, end: 23 }, 'the whole string grows');
    assert.deepEqual(moved(20, 20), { start: 23, end: 23 }, 'just after it moves');
    assert.deepEqual(moved(2, 10), { start: 2, end: 10 }, 'just before it stays');
  });

  it('on random edits inside the strings of each sample', () => {
    let keptRuns = 0;
    for (const sample of samples) {
      fc.assert(
        fc.property(stringEdits, (list) => {
          keptRuns += typeAndCompare(sample.name, sample.text, list);
        }),
        { seed: 20261126, numRuns: 25 },
      );
    }
    assert.ok(keptRuns > 1000, `the edits kept only ${keptRuns} rule runs: the comparison would prove little`);
  });

  it('on random edits inside the strings of a generated spec', () => {
    const spec = generateSpec(300);
    fc.assert(fc.property(stringEdits, (list) => void typeAndCompare('generated.outcome', spec, list)), { seed: 20261126, numRuns: 40 });
  });

  it('on random edits anywhere (most run every rule), mixed with edits inside strings', () => {
    const anywhere = fc.record({ which: fc.nat(), at: fc.nat(), remove: fc.integer({ min: 0, max: 3 }), insert: fc.constantFrom('a', ' ', '\n', '"', '{', '}', '#', '7', 'size 12', '') });
    const mixed = fc.array(fc.tuple(fc.boolean(), anywhere), { minLength: 1, maxLength: 10 });
    const sample = samples.find((s) => s.name === 'youth-employment.outcome')!;
    const apply = (text: string, edit: StringEditSpec & { anywhere?: boolean }): string => {
      if (!edit.anywhere) return editInsideString(text, edit);
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
    };
    fc.assert(
      fc.property(mixed, (list) => void typeAndCompare(sample.name, sample.text, list.map(([anywhere, e]) => ({ ...e, anywhere })), apply)),
      { seed: 20261126, numRuns: 60 },
    );
  });
});
