import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './support/paths';

/*
 * The pure core (syntax, model, rules, config, lint, report) imports nothing from
 * vscode* or node:*: the CLI, the server and the tests share it, and it does no I/O.
 */

const root = repoRoot;
const CORE = ['server/src/syntax', 'server/src/model', 'server/src/rules', 'server/src/config', 'server/src/services', 'server/src/format', 'server/src/report', 'server/src/export', 'server/src/diff', 'server/src/lint.ts', 'server/src/diagnostic.ts'];

function sources(entry: string): string[] {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full).flatMap((name) => sources(path.join(entry, name)));
}

describe('invariants', () => {
  it('the core imports nothing from vscode* or node:*', () => {
    const files = CORE.flatMap(sources).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length > 10, 'core sources found');
    const offending = files.flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/\bfrom\s+'([^']+)'|\brequire\('([^']+)'\)/g)].map((m) => m[1] ?? m[2]);
      return imports
        .filter((i) => /^(vscode|node:|fs$|path$|os$|child_process$|http|https$|net$)/.test(i))
        .map((i) => `${path.relative(root, file)} imports ${i}`);
    });
    assert.deepEqual(offending, []);
  });
});
