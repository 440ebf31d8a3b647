import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import nodeFs = require('node:fs');
import { lint } from '../server/src/engine/lint';
import { finish, findSpecs, rootOf } from '../server/src/host/files';
import { Project } from '../server/src/host/project';
import { Session } from '../server/src/lsp/session';
import { catalogue } from '../server/src/rules/catalogue';

/*
 * The project (host/project.ts) and the walk (host/files.ts) where no front end shows
 * the difference on its own: files inside no root, the limit on a file's size, and the
 * walk the language server takes a folder at a time.
 */

const COHORT = 'cohort shared_panel "Shared panel" {\n  size 12\n}\n';

function write(dir: string, file: string, text: string | Buffer): string {
  const full = path.join(dir, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  return full;
}

describe('host: the project', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-project-')));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const unresolved = (project: Project, file: string): string[] =>
    lint(project, file, { rules: catalogue }).diagnostics.filter((d) => d.code === 'structure/unresolved-use').map((d) => d.message);

  describe('a file inside no root has its own folder as its root', () => {
    it('it can use a file beside it, and no further, with a workspace folder open or none', () => {
      write(dir, 'workspace/spec.outcome', COHORT);
      const main = write(dir, 'elsewhere/main.outcome', 'use "shared.outcome"\nuse "../workspace/spec.outcome"\n');
      write(dir, 'elsewhere/shared.outcome', COHORT.replace('shared_panel', 'beside'));
      const outside = ['cannot use `../workspace/spec.outcome`: it is outside the folder being linted, and outcome-lint only reads files inside it'];
      assert.deepEqual(unresolved(new Project({ roots: [path.join(dir, 'workspace')], rules: catalogue }), main), outside);
      assert.deepEqual(unresolved(new Project({ roots: [], rules: catalogue }), main), outside);
    });

    it('it takes the nearest settings file up to the top of its repository, as any file does', () => {
      write(dir, '.outcomelintrc.json', '{ "rules": { "resilience/no-review": "off" } }');
      write(dir, 'elsewhere/.outcomelintrc.json', '{ "rules": { "resilience/no-review": "error" } }');
      fs.mkdirSync(path.join(dir, 'repo', '.git'), { recursive: true });
      const project = new Project({ roots: [path.join(dir, 'workspace')], rules: catalogue });
      const level = (file: string) => project.configFor(path.join(dir, file)).rules.get('resilience/no-review')?.level;
      assert.equal(level('elsewhere/main.outcome'), 'error');
      assert.equal(level('other/main.outcome'), 'off', 'in no repository, up to the root of the file system');
      assert.equal(level('repo/main.outcome'), undefined, 'not above the top of its repository');
    });
  });

  describe('the size limit', () => {
    const limit = 2 ** 20;
    it('a file larger than the limit is not read, and says so', () => {
      const big = write(dir, 'big.outcome', Buffer.alloc(limit + 1, ' '));
      write(dir, 'small.outcome', Buffer.alloc(limit, ' '));
      const project = new Project({ roots: [dir], rules: catalogue, maxBytes: limit });
      assert.deepEqual(project.read(big), { problem: 'is 1.1 MB, more than the 1 MB outcome-lint reads', tooLarge: true });
      assert.equal(typeof project.read(path.join(dir, 'small.outcome')), 'string');
    });

    it('a file that uses one larger than the limit gets an unresolved `use` saying why', () => {
      write(dir, 'big.outcome', Buffer.alloc(limit + 1, ' '));
      const main = write(dir, 'main.outcome', `use "big.outcome"\n${COHORT}`);
      assert.deepEqual(unresolved(new Project({ roots: [dir], rules: catalogue, maxBytes: limit }), main), [
        'cannot use `big.outcome`: big.outcome is 1.1 MB, more than the 1 MB outcome-lint reads',
      ]);
    });

    it('a settings file larger than the limit is a settings problem', () => {
      write(dir, '.outcomelintrc.json', `{ "rules": {} }${' '.repeat(limit)}`);
      const project = new Project({ roots: [dir], rules: catalogue, maxBytes: limit });
      assert.deepEqual(project.configProblems(path.join(dir, 'a.outcome')).map((p) => p.message), [
        `${path.join(dir, '.outcomelintrc.json')}: is 1.1 MB, more than the 1 MB outcome-lint reads`,
      ]);
    });
  });

  describe('the walk', () => {
    it('goes a folder at a time, and looks up real paths only for the folder itself and the links it takes', () => {
      for (let i = 0; i < 20; i++) write(dir, `area-${i}/deeper/spec-${i}.outcome`, COHORT);
      fs.symlinkSync(path.join(dir, 'area-3'), path.join(dir, 'link'));
      const project = new Project({ roots: [dir], rules: catalogue });
      const walk = project.walk();
      let folders = 0;
      let step = walk.next();
      for (; !step.done; step = walk.next()) folders++;
      // The folder, 20 areas and their 20 `deeper`; area-3 once, though a link leads to it too.
      assert.equal(folders, 41);
      assert.deepEqual(step.value.files, finish(project.walk()).files);
      assert.equal(step.value.files.length, 20);

      // Counted on Node's own module, which the walk's `fs` reads through.
      const realpath = nodeFs.realpathSync;
      const looked: string[] = [];
      nodeFs.realpathSync = Object.assign((file: fs.PathLike, options?: fs.EncodingOption) => {
        looked.push(String(file));
        return realpath(file, options);
      }, { native: realpath.native }) as typeof fs.realpathSync;
      try {
        findSpecs(rootOf(dir));
      } finally {
        nodeFs.realpathSync = realpath;
      }
      assert.deepEqual(looked.sort(), [dir, path.join(dir, 'link')]);
    });

    it("the language server's scan, a slice of folders at a time, finds what the CLI's does", async () => {
      for (let i = 0; i < 5; i++) write(dir, `area-${i}/spec-${i}.outcome`, COHORT);
      const session = new Session();
      session.project.setRoots([dir]);
      assert.deepEqual(await session.scan(), findSpecs(rootOf(dir)).files.sort());
      assert.ok(session.isKnown(path.join(dir, 'area-4', 'spec-4.outcome')));
    });
  });
});
