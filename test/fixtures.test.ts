import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../server/src/base/line-index';
import { describeActual, formatExpectation, readExpectations } from './support/annotations';
import { repoRoot } from './support/paths';
import { LintResult } from '../server/src/engine/lint';
import { diskProject, lintText } from './support/lint';

/*
 * Every `.outcome` file under test/fixtures is linted and compared, both ways, with
 * its caret annotations (see support/annotations.ts), for the rules the fixture is
 * about: under rules/<family>/<name>/, that rule; under syntax/ and model/, the
 * findings of the parser and the model. `# check: <rule ids>` names them instead.
 * A fixture may also say which top-level items must be in the tree despite errors:
 *   # expect-items: cohort:neet outcome:job payment
 */

const fixturesDir = path.join(repoRoot, 'test', 'fixtures');

const PARSER_RULES = ['syntax/parse', 'structure/duplicate-field'];
const MODEL_RULES = ['structure/duplicate-id', 'structure/unresolved-use', 'structure/invalid-value'];

/** The rule ids a fixture's annotations speak for. */
export function checkedRules(relative: string, text: string): string[] {
  const named = /^#\s*check:\s*(.*)$/m.exec(text);
  if (named) return named[1].trim().split(/[\s,]+/);
  const parts = relative.split(path.sep);
  if (parts[0] === 'rules') return [`${parts[1]}/${parts[2]}`];
  if (parts[0] === 'syntax') return PARSER_RULES;
  if (parts[0] === 'model') return MODEL_RULES;
  throw new Error(`${relative}: fixtures live under rules/, syntax/ or model/`);
}

function fixtureFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return fixtureFiles(full);
    return entry.name.endsWith('.outcome') ? [full] : [];
  });
}

function itemsOf(result: LintResult): string {
  return result.model.file.items
    .map((item) => ('name' in item && item.name ? `${item.kind}:${item.name.text}` : item.kind))
    .join(' ');
}

describe('fixtures: findings match their caret annotations', () => {
  const access = diskProject(fixturesDir);
  for (const file of fixtureFiles(fixturesDir)) {
    const name = path.relative(fixturesDir, file);
    it(name, () => {
      const text = fs.readFileSync(file, 'utf8');
      const result = lintText(file, text, access);
      const index = new LineIndex(text);
      // A fixed-output fixture keeps the annotations of the file it was fixed from; its
      // rule must now be silent (rules.test.ts applies the fixes and checks that).
      const expected = name.endsWith('.fixed.outcome') ? [] : readExpectations(text);
      const checked = checkedRules(name, text);
      const actual = result.diagnostics.filter((d) => checked.includes(d.code)).map((d) => describeActual(index, d));
      const key = (e: { line: number; startColumn: number; code: string }): string =>
        `${String(e.line).padStart(6)}:${String(e.startColumn).padStart(6)}:${e.code}`;
      const show = (list: typeof expected): string[] =>
        [...list].sort((a, b) => key(a).localeCompare(key(b))).map((e) => formatExpectation(e));
      for (const e of expected) assert.ok(e.message !== undefined, `${name}: ${formatExpectation(e)} needs its message`);
      assert.deepEqual(show(actual), show(expected), `findings in ${name}`);

      const wanted = /^#\s*expect-items:\s*(.*)$/m.exec(text);
      if (wanted) assert.equal(itemsOf(result), wanted[1].trim(), `items recovered in ${name}`);
    });
  }
});

/** The phrases a message lists in brackets or quotes: "(IPS and a caseload of 20)". */
function listedPhrases(message: string): string[] {
  return [...message.matchAll(/\(([^()]*)\)/g)].flatMap((m) => m[1].split(/,\s*|\s+and\s+|\s+or\s+/)).map((p) => p.trim().toLowerCase()).filter((p) => p !== '');
}

describe('fixtures: every message reads as a sentence', () => {
  it('no message lists the same phrase twice ("prescribes IPS and IPS")', () => {
    const access = diskProject(fixturesDir);
    const repeated = fixtureFiles(fixturesDir).flatMap((file) =>
      lintText(file, fs.readFileSync(file, 'utf8'), access).diagnostics.flatMap((d) => {
        const listed = listedPhrases(d.message);
        return listed.some((p, i) => listed.indexOf(p) !== i) ? [`${path.relative(fixturesDir, file)}: ${d.message}`] : [];
      }),
    );
    assert.deepEqual(repeated, []);
  });
});
