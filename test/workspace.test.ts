import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Workspace } from '../server/src/lsp/workspace';

/* The server's view of the workspace, in process, where a race over stdio would hide the order of events. */

describe('workspace: files found on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-workspace-')));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a file that is not UTF-8 text is not indexed as an empty file: a `use` of it says why it cannot be read', async () => {
    fs.writeFileSync(path.join(dir, 'latin.outcome'), Buffer.from('cohort old "Old" {\n  size 4 # \xa3\n}\n', 'latin1'));
    fs.writeFileSync(path.join(dir, 'fine.outcome'), 'cohort fine "Fine" {\n  size 4\n}\n');
    const workspace = new Workspace();
    workspace.setRoots([dir]);
    const found = await workspace.scan();
    assert.deepEqual(found.map((u) => path.basename(u)), ['fine.outcome']);
    const uri = pathToFileURL(path.join(dir, 'main.outcome')).toString();
    workspace.setOpen(uri, 'use "latin.outcome"\n');
    assert.deepEqual(workspace.lint(uri)!.diagnostics.filter((d) => d.code === 'structure/unresolved-use').map((d) => d.message), [
      'cannot use `latin.outcome`: latin.outcome is not UTF-8 text: the byte 0xA3 at line 2, column 12 is not valid UTF-8; save the file as UTF-8',
    ]);
  });
});
