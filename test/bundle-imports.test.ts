import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './support/paths';

/*
 * No network, and no other programs, except where a bundle needs them: the three
 * bundles may import Node's networking, process and thread modules only from the
 * places listed in ALLOWED, each with the reason. esbuild.mjs writes each bundle's
 * metafile beside it (dist/server.meta.json…): for every module in the bundle, what it
 * imports, and Node's own modules are left external there, so they are listed.
 */

const BUNDLES = ['server', 'cli', 'client'];

/** Node modules that reach the network, start programs or run code in other threads. */
const GUARDED = new Set(['http', 'https', 'http2', 'net', 'tls', 'dgram', 'child_process', 'worker_threads', 'cluster']);

interface Allowed {
  readonly bundle: string;
  readonly module: string;
  /** The bundled file that imports it. */
  readonly from: string;
  readonly why: string;
}

const ALLOWED: readonly Allowed[] = [
  {
    bundle: 'server',
    module: 'net',
    from: 'node_modules/vscode-jsonrpc/lib/node/main.js',
    why: "vscode-jsonrpc's transports: the extension starts the server over IPC; the socket and named-pipe ones, used only when an editor passes --socket or --pipe, connect to that editor on 127.0.0.1 or a local pipe",
  },
  {
    bundle: 'server',
    module: 'child_process',
    from: 'node_modules/vscode-languageserver/lib/node/files.js',
    why: "the library's Files helpers (finding the global npm folder), bundled with vscode-languageserver/node; outcome-lint never calls them",
  },
  {
    bundle: 'cli',
    module: 'child_process',
    from: 'server/src/cli/diff-command.ts',
    why: '`outcome-lint diff --git BASE` reads the old version through the `git` executable',
  },
  {
    bundle: 'cli',
    module: 'worker_threads',
    from: 'server/src/cli/lint-workers.ts',
    why: '`outcome-lint --concurrency`: lints files on worker threads that run this same bundle (started only on 4 cores or more, or when a number is given); the entry tells a worker from the command by its workerData',
  },
  {
    bundle: 'cli',
    module: 'worker_threads',
    from: 'server/src/cli/lint-worker.ts',
    why: 'a lint worker sends each file it lints back to the main thread (`parentPort`)',
  },
  {
    bundle: 'client',
    module: 'net',
    from: 'node_modules/vscode-jsonrpc/lib/node/main.js',
    why: "vscode-languageclient's transports: the extension uses IPC; the socket one would listen on 127.0.0.1 only",
  },
  {
    bundle: 'client',
    module: 'child_process',
    from: 'node_modules/vscode-languageclient/lib/node/main.js',
    why: 'the extension starts the language server (dist/server.js) as a Node process',
  },
  {
    bundle: 'client',
    module: 'child_process',
    from: 'node_modules/vscode-languageclient/lib/node/processes.js',
    why: 'vscode-languageclient stops the server process it started',
  },
];

interface Metafile {
  inputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;
  outputs: Record<string, { bytes: number }>;
}

function metafile(bundle: string): Metafile {
  const file = path.join(repoRoot, 'dist', `${bundle}.meta.json`);
  assert.ok(fs.existsSync(file), `dist/${bundle}.meta.json is missing: build with node esbuild.mjs (npm run build)`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Metafile;
}

/** Every guarded Node module a bundle imports, with the file that imports it. */
function guardedImports(meta: Metafile): { module: string; from: string }[] {
  return Object.entries(meta.inputs).flatMap(([from, input]) =>
    input.imports
      .filter((i) => i.external)
      // esbuild names a package's file by its real path: in a worktree whose node_modules
      // is a link, `../../elsewhere/node_modules/…`; compare from `node_modules/` on.
      .map((i) => ({ module: i.path.replace(/^node:/, ''), from: from.replace(/^(?:\.\.\/)+.*?(?=node_modules\/)/, '') }))
      .filter((i) => GUARDED.has(i.module)),
  );
}

describe('the bundles import no network, process or thread module outside their known needs', () => {
  for (const bundle of BUNDLES) {
    it(`dist/${bundle}.js`, () => {
      const meta = metafile(bundle);
      const bytes = fs.statSync(path.join(repoRoot, 'dist', `${bundle}.js`)).size;
      assert.equal(meta.outputs[`dist/${bundle}.js`]?.bytes, bytes, `dist/${bundle}.meta.json does not describe dist/${bundle}.js: rebuild`);

      const found = guardedImports(meta);
      const allowed = ALLOWED.filter((a) => a.bundle === bundle);
      const unexpected = found.filter((f) => !allowed.some((a) => a.module === f.module && a.from === f.from));
      assert.deepEqual(
        unexpected.map((u) => `${u.from} imports ${u.module}`),
        [],
        'a module that reaches the network or starts programs: remove it, or list it in ALLOWED with why',
      );
      const stale = allowed.filter((a) => !found.some((f) => f.module === a.module && f.from === a.from));
      assert.deepEqual(stale.map((a) => `${a.from} no longer imports ${a.module}`), [], 'remove these from ALLOWED');
    });
  }

  it('finds the imports (the check itself works)', () => {
    const server = metafile('server');
    const all = Object.values(server.inputs).flatMap((i) => i.imports.filter((x) => x.external).map((x) => x.path.replace(/^node:/, '')));
    assert.ok(all.includes('fs') && all.includes('net'), 'Node modules are external in the metafile');
  });
});
