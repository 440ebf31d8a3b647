import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiskAccess } from '../server/src/host/disk-access';
import { lint } from '../server/src/lint';
import { LineIndex } from '../server/src/syntax/line-index';
import { describeActual, formatExpectation, readExpectations } from './support/annotations';

/*
 * Every `.outcome` file under test/fixtures is linted and compared, both ways, with
 * its caret annotations (see support/annotations.ts). A fixture may also say which
 * top-level items must be in the tree despite its errors:
 *   # expect-items: cohort:neet outcome:job payment
 */

const root = path.resolve(__dirname, '../..');
const fixturesDir = path.join(root, 'test', 'fixtures');

function fixtureFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return fixtureFiles(full);
    return entry.name.endsWith('.outcome') ? [full] : [];
  });
}

function itemsOf(result: ReturnType<typeof lint>): string {
  return result.model.file.items
    .map((item) => ('name' in item && item.name ? `${item.kind}:${item.name.text}` : item.kind))
    .join(' ');
}

describe('fixtures: findings match their caret annotations', () => {
  const access = new DiskAccess([fixturesDir]);
  for (const file of fixtureFiles(fixturesDir)) {
    const name = path.relative(fixturesDir, file);
    it(name, () => {
      const text = fs.readFileSync(file, 'utf8');
      const result = lint(file, text, access);
      const index = new LineIndex(text);
      const expected = readExpectations(text);
      const actual = result.diagnostics.map((d) => describeActual(index, d));
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
