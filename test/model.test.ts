import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyse, MAX_USE_DEPTH } from '../server/src/model/model';
import { rename } from '../server/src/services/navigation';
import { investorTotals } from '../server/src/model/finance';
import * as ast from '../server/src/syntax/ast';
import { parse } from '../server/src/syntax/parse';
import { FileAccess } from '../server/src/model/file-access';
import { readText, repoRoot } from './support/paths';
import { diskProject, noFiles } from './support/lint';

const fixtures = path.join(repoRoot, 'test/fixtures/model');
const access = diskProject(path.dirname(fixtures));

function analyseFixture(name: string) {
  const file = path.join(fixtures, name);
  return analyse(file, readText(file), access);
}

/** An in-memory workspace, to show that the core needs no disk. */
function memory(files: Record<string, string>): FileAccess {
  return {
    resolve: (_from, target) => (target in files ? { uri: target } : { uri: `missing:${target}` }),
    read: (uri) => files[uri],
    display: (uri) => uri,
  };
}

describe('model: symbols and references', () => {
  it('resolves `for` and `pay … in` to definitions in a used file', () => {
    const model = analyseFixture('use-shared.outcome');
    assert.deepEqual(model.diagnostics, []);
    const resolved = model.references.map((r) => [r.name.text, r.role, r.target?.kind, r.target && path.basename(r.target.uri)]);
    assert.deepEqual(resolved, [
      ['tenants', 'outcome-for', 'cohort', 'shared-people.outcome'],
      ['arrears', 'outcome-for', 'segment', 'shared-people.outcome'],
      ['sustained', 'pay-outcome', 'outcome', 'use-shared.outcome'],
      ['sustained', 'pay-outcome', 'outcome', 'use-shared.outcome'],
      ['arrears', 'pay-in', 'segment', 'shared-people.outcome'],
    ]);
    const arrears = model.definitions.get('arrears');
    assert.equal(arrears?.cohort?.name?.text, 'tenants');
    assert.deepEqual(model.visibleFiles.map((f) => path.basename(f)), ['shared-people.outcome']);
  });

  it('a `cap … for` names an outcome: it resolves, and renaming the outcome renames it too', () => {
    const text = 'cohort c { size 1 }\noutcome job { for c }\npayment {\n  pay £1 for job per participant\n  cap £5 for job\n  cap £5 for jobs\n}\n';
    const model = analyse('main.outcome', text, noFiles);
    assert.deepEqual(
      model.references.filter((r) => r.role === 'cap-outcome').map((r) => [r.name.text, r.target?.kind]),
      [['job', 'outcome'], ['jobs', undefined]],
    );
    const renamed = rename(model, text.indexOf('job'), 'work', [model]);
    assert.ok('edits' in renamed);
    let changed = text;
    for (const e of [...renamed.edits.get('main.outcome')!].sort((a, b) => b.span.start - a.span.start)) changed = changed.slice(0, e.span.start) + e.newText + changed.slice(e.span.end);
    assert.equal(changed, text.replace(/\bjob\b/g, 'work'));
  });

  it('sees a used file\'s definitions whatever the parse cache keeps (the server\'s keeps only files it knows)', () => {
    const forgetful = { get: () => undefined, set: () => undefined };
    const files = memory({ 'shared.outcome': 'cohort neet "Young people" {\n  size 450\n}\n' });
    const model = analyse('main.outcome', 'use "shared.outcome"\noutcome job "Job" {\n  for neet\n}\n', files, forgetful);
    assert.deepEqual(model.references.map((r) => [r.name.text, r.target?.kind, r.target?.uri]), [['neet', 'cohort', 'shared.outcome']]);
  });

  it('a used file that cannot be read as text leaves its `use` unresolved, with the reason its reader gives', () => {
    const files: FileAccess = {
      resolve: (_from, target) => ({ uri: target }),
      read: () => ({ problem: 'is saved as UTF-16: save it as UTF-8, which outcome-lint reads' }),
      display: (uri) => uri,
    };
    const model = analyse('main.outcome', 'use "shared.outcome"\n', files);
    assert.deepEqual(model.diagnostics.map((d) => [d.code, d.message]), [
      ['structure/unresolved-use', 'cannot use `shared.outcome`: shared.outcome is saved as UTF-16: save it as UTF-8, which outcome-lint reads'],
    ]);
  });

  it('marks a reference to the wrong kind of thing, and leaves it unresolved', () => {
    const model = analyseFixture('wrong-kind.outcome');
    assert.deepEqual(
      model.references.map((r) => [r.name.text, r.target?.kind, r.wrongKind?.kind]),
      [
        ['housed', undefined, 'outcome'],
        ['families', undefined, 'cohort'],
      ],
    );
  });

  it('a duplicate id points at the other definition, in its own file', () => {
    const model = analyseFixture('duplicate-ids.outcome');
    const tenants = model.diagnostics.find((d) => d.message.startsWith('`tenants`'));
    assert.ok(tenants?.related?.[0].uri?.endsWith('shared-people.outcome'));
  });

  it("this file's own definition wins over a used one of the same id", () => {
    const model = analyse('main', 'use "a"\ncohort c { size 3 }\noutcome o { for c }', memory({ a: 'cohort c { size 9 }' }));
    assert.deepEqual(model.diagnostics.map((d) => d.code), ['structure/duplicate-id']);
    assert.equal(model.references[0].target?.uri, 'main');
  });

  it('an id defined twice inside one used file is that file\'s finding, not this one\'s', () => {
    const model = analyse('main', 'use "a"\noutcome o { for c }', memory({ a: 'cohort c { size 3 }\ncohort c { size 4 }' }));
    assert.deepEqual(model.diagnostics, []);
  });

  it('sees what a used file uses, through a workspace held in memory', () => {
    const model = analyse('main', 'use "a"\noutcome o { for deep }', memory({ a: 'use "b"', b: 'cohort deep { size 3 }' }));
    assert.deepEqual(model.diagnostics, []);
    assert.equal(model.references[0].target?.uri, 'b');
  });

  it('reports a `use` chain that goes round in a circle on the line that leads into it, naming every file', () => {
    const main = 'use "a"\noutcome o { for c }';
    const model = analyse('main', main, memory({ main, a: 'use "b"\ncohort c { size 3 }', b: 'use "main"' }));
    assert.deepEqual(model.diagnostics.map((d) => d.message), [
      '`a` leads back to a file that uses it: main → a → b → main; a `use` chain must not go round in a circle',
    ]);
    assert.equal(model.references[0].target?.uri, 'a');
  });

  /** A chain `f1` → `f2` → … → `f{length}`, the last defining cohort `deep`. */
  const chain = (length: number): FileAccess => {
    const files: Record<string, string> = {};
    for (let i = 1; i < length; i++) files[`f${i}`] = `use "f${i + 1}"`;
    files[`f${length}`] = 'cohort deep { size 3 }';
    return memory(files);
  };

  it('follows a chain of thousands of used files to the end (a chain this deep once overflowed the stack and was cut without a word)', () => {
    const model = analyse('main', 'use "f1"\noutcome o { for deep }', chain(5_000));
    assert.deepEqual(model.diagnostics, []);
    assert.equal(model.references[0].target?.uri, 'f5000');
    assert.equal(model.visibleFiles.length, 5_000);
  });

  it(`says so when a chain is deeper than it follows (${MAX_USE_DEPTH.toLocaleString('en-GB')} files), rather than calling what lies beyond undefined`, () => {
    const model = analyse('main', 'use "f1"\noutcome o { for deep }', chain(MAX_USE_DEPTH + 5));
    assert.deepEqual(model.diagnostics.map((d) => d.message), [
      `\`f1\` leads through a chain of more than ${MAX_USE_DEPTH.toLocaleString('en-GB')} files, each using the next: outcome-lint follows no deeper`,
    ]);
  });

  it('reports a missing file once, on the `use` line of the file being analysed', () => {
    const model = analyse('main', 'use "a"\n', memory({ a: 'use "gone"' }));
    assert.deepEqual(model.diagnostics, []);
    const own = analyse('main', 'use "gone"\n', memory({}));
    assert.equal(own.diagnostics.length, 1);
    assert.equal(own.diagnostics[0].code, 'structure/unresolved-use');
  });

  it('a file on its own reports its `use` lines as unresolved, without throwing', () => {
    const model = analyse('untitled', 'use "x.outcome"\ncohort a { size 2 }', noFiles);
    assert.deepEqual(model.diagnostics.map((d) => d.code), ['structure/unresolved-use']);
  });
});

describe('model: `use` never leaves the folder being linted', () => {
  const top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-use-')));
  const inside = path.join(top, 'specs');
  const outside = path.join(top, 'private');
  fs.mkdirSync(inside);
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'secret.outcome'), 'cohort secret { size 1 }\n');
  fs.symlinkSync(path.join(outside, 'secret.outcome'), path.join(inside, 'link.outcome'));
  fs.symlinkSync(outside, path.join(inside, 'linked-folder'));
  fs.symlinkSync(path.join(inside, 'loop-b.outcome'), path.join(inside, 'loop-a.outcome'));
  fs.symlinkSync(path.join(inside, 'loop-a.outcome'), path.join(inside, 'loop-b.outcome'));
  after(() => fs.rmSync(top, { recursive: true, force: true }));

  const messages = (line: string): string[] => {
    const file = path.join(inside, 'main.outcome');
    return analyse(file, line, diskProject(inside)).diagnostics.map((d) => d.message);
  };

  it('refuses ../ out of the folder, an absolute path, and symlinks that point outside', () => {
    const refused = 'it is outside the folder being linted, and outcome-lint only reads files inside it';
    assert.deepEqual(messages('use "../private/secret.outcome"'), [`cannot use \`../private/secret.outcome\`: ${refused}`]);
    assert.deepEqual(messages(`use "${path.join(outside, 'secret.outcome')}"`), [
      `cannot use \`${path.join(outside, 'secret.outcome')}\`: give the path relative to this file, not an absolute path`,
    ]);
    assert.deepEqual(messages('use "link.outcome"'), [`cannot use \`link.outcome\`: ${refused}`]);
    assert.deepEqual(messages('use "linked-folder/secret.outcome"'), [`cannot use \`linked-folder/secret.outcome\`: ${refused}`]);
  });

  it('in a folder reached through a link, a missing file does not exist (it is not outside)', () => {
    fs.symlinkSync(inside, path.join(top, 'linked-specs'));
    const file = path.join(top, 'linked-specs', 'main.outcome');
    const diagnostics = analyse(file, 'use "missing.outcome"', diskProject(path.join(top, 'linked-specs'))).diagnostics;
    assert.deepEqual(diagnostics.map((d) => d.message), ['`missing.outcome` does not exist (looked for missing.outcome)']);
  });

  it('reports a symlink loop on the `use` line, without hanging', () => {
    const [message] = messages('use "loop-a.outcome"');
    assert.match(message, /^cannot use `loop-a\.outcome`: loop-a\.outcome cannot be read: its symbolic links go round in a circle/);
  });
});

describe('model: what investors commit and the most they can earn (worked by hand)', () => {
  const finance = (text: string): ast.FinanceBlock => parse(text).file.items.find((i): i is ast.FinanceBlock => i.kind === 'finance')!;

  it('adds commitments, and counts each return over the term in whole months, exactly', () => {
    // £333,333.33 × 7.5% × 30/12 = £62,499.999375, rounded half up to £62,500; £100,000 × 2% × 2.5 = £5,000.
    const totals = investorTotals(finance('finance {\n  investor "A" commitment £333,333.33 return up to 7.5% per year\n  investor "B" commitment £100k return up to 2% per year\n}'), 30);
    assert.deepEqual(totals.investors.map((i) => i.maximumReturn), [6_250_000n, 500_000n]);
    assert.deepEqual([totals.currency, totals.commitment, totals.maximumReturn, totals.missing], ['£', 43_333_333n, 6_750_000n, []]);
  });

  it('says why a total is unknown, and never reads a missing return as 0%', () => {
    const totals = investorTotals(finance('finance {\n  investor "A" commitment £500k\n  investor "B" commitment $200k return up to 4% per year\n  investor "C"\n}'), undefined);
    assert.deepEqual([totals.commitment, totals.maximumReturn], [undefined, undefined]);
    assert.deepEqual(totals.missing, [
      'investor "A" gives no return',
      'investor "B" commits $200k, in another currency than £',
      'investor "C" gives no commitment',
      'investor "C" gives no return',
      'the spec has no `term`, so the return cannot be counted',
    ]);
  });
});
