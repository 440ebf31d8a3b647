import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './support/paths';

/*
 * The layers of ARCHITECTURE.md, held against the code: its table says which folder may
 * import which, and every import of every source file (types included) must keep to
 * it. No file may reach itself through its imports, however long the way round.
 */

const SOURCES = ['server/src', 'client/src'];

/** The table under "## Layers" in ARCHITECTURE.md: folder → the folders it may import. */
function layerTable(): Map<string, Set<string>> {
  const text = fs.readFileSync(path.join(repoRoot, 'ARCHITECTURE.md'), 'utf8');
  const section = /^## Layers\n([\s\S]*?)(?=^## )/m.exec(text);
  assert.ok(section, 'ARCHITECTURE.md has a "## Layers" section');
  const table = new Map<string, Set<string>>();
  for (const line of section[1].split('\n')) {
    const row = /^\| `([\w/-]+)\/` \| (.*) \|$/.exec(line.trim());
    if (!row) continue;
    const allowed = [...row[2].matchAll(/`([\w/-]+)\/`/g)].map((m) => m[1]);
    table.set(row[1], new Set(allowed));
  }
  assert.ok(table.size > 5, 'the layers table lists the folders');
  return table;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

/** Every file a source file imports from this repository (static, dynamic, `require`, and types), repository-relative. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom|\bimport|\brequire)\s*\(?\s*(['"])(\.{1,2}\/[^'"]+)\1/g)].map((m) => m[2]);
  return specifiers.map((spec) => {
    const base = path.join(path.dirname(file), spec);
    const found = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(path.join(repoRoot, f)));
    assert.ok(found, `${file} imports ${spec}, which is not a source file`);
    return found.split(path.sep).join('/');
  });
}

/** The folder a file belongs to in the table: the longest listed folder that holds it (`engine/kit` before `engine`). */
function layerOf(file: string, table: Map<string, Set<string>>): string | undefined {
  const inside = file.replace(/^server\/src\//, '').replace(/^client\/src\//, 'client/');
  return [...table.keys()].filter((folder) => inside.startsWith(`${folder}/`)).sort((a, b) => b.length - a.length)[0];
}

/** Cycles in a graph of files: each strongly connected set of two or more files (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('layers: the code keeps to the table in ARCHITECTURE.md', () => {
  const table = layerTable();
  const files = SOURCES.flatMap(sourceFiles);
  const graph = new Map(files.map((f) => [f, importsOf(f)]));

  it('every source file is in a folder the table lists', () => {
    assert.deepEqual(files.filter((f) => layerOf(f, table) === undefined), []);
  });

  it('every import goes to the folder itself or one it may import', () => {
    const against: string[] = [];
    for (const [file, imports] of graph) {
      const from = layerOf(file, table)!;
      for (const target of imports) {
        const to = layerOf(target, table);
        if (to === undefined || (to !== from && !table.get(from)!.has(to))) against.push(`${file} → ${target} (${from}/ may not import ${to ?? 'outside the sources'}/)`);
      }
    }
    assert.deepEqual(against, []);
  });

  it('no folder reaches itself through others: the table has no circle', () => {
    const folderGraph = new Map([...table].map(([folder, allowed]) => [folder, [...allowed]]));
    assert.deepEqual(cycles(folderGraph), []);
  });

  it('no file reaches itself through its imports', () => {
    assert.deepEqual(cycles(graph), []);
  });

  it('a rule module imports no other rule, and reaches the engine only through its kit (engine/kit/)', () => {
    const rule = /^server\/src\/rules\/([\w-]+)\/([\w-]+)\.ts$/;
    const against: string[] = [];
    for (const [file, imports] of graph) {
      const own = rule.exec(file);
      if (!own || own[2] === 'index') continue;
      // Its family's word lists (`method-words.ts` beside `method.ts`) are its own.
      const otherRule = (t: string): boolean => rule.test(t) && t !== file.replace(/\.ts$/, '-words.ts');
      const pastTheKit = (t: string): boolean => t.startsWith('server/src/engine/') && !t.startsWith('server/src/engine/kit/');
      for (const target of imports.filter((t) => otherRule(t) || pastTheKit(t))) against.push(`${file} → ${target}`);
    }
    assert.deepEqual(against, []);
  });

  it('the check finds a circle and a wrong import when there is one', () => {
    assert.deepEqual(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]])), [['a', 'b', 'c']]);
    assert.equal(layerOf('server/src/engine/kit/rule.ts', table), 'engine');
    assert.ok(!table.get('base')!.has('syntax'), 'base/ imports nothing above it');
  });
});
