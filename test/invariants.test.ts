import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './support/paths';

/*
 * The pure core (every folder of server/src but the edges: host/, cli/, lsp/ and api/) imports
 * nothing from vscode* or node:*: the CLI, the server and the tests share it, and it does
 * no I/O.
 */

const root = repoRoot;
const EDGES = new Set(['host', 'cli', 'lsp', 'api']);
const CORE = fs
  .readdirSync(path.join(root, 'server/src'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && !EDGES.has(e.name))
  .map((e) => `server/src/${e.name}`);

function sources(entry: string): string[] {
  const full = path.join(root, entry);
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full).flatMap((name) => sources(path.join(entry, name)));
}

describe('invariants', () => {
  it('the core imports nothing from vscode* or node:*', () => {
    const files = CORE.flatMap(sources).filter((f) => f.endsWith('.ts'));
    for (const folder of ['base', 'syntax', 'model', 'engine', 'rules']) assert.ok(CORE.includes(`server/src/${folder}`), `${folder}/ is in the core`);
    assert.ok(files.length > 10, 'core sources found');
    const offending = files.flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/\bfrom\s+(['"])([^'"]+)\1|\brequire\((['"])([^'"]+)\3\)/g)].map((m) => m[2] ?? m[4]);
      return imports
        .filter((i) => /^(vscode|node:|fs$|path$|os$|child_process$|http|https$|net$)/.test(i))
        .map((i) => `${path.relative(root, file)} imports ${i}`);
    });
    assert.deepEqual(offending, []);
  });
});
