import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Project } from '../server/src/host/project';
import { hover } from '../server/src/lsp/handlers/hover';
import { definition } from '../server/src/lsp/handlers/navigation';
import { Session } from '../server/src/lsp/session';

/* The server's view of the workspace, in process, where a race over stdio would hide the order of events. */

describe('language server session, in this process', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-workspace-')));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a file that is not UTF-8 text is not linted as an empty file: its one finding, and a `use` of it, say why it cannot be read', async () => {
    fs.writeFileSync(path.join(dir, 'latin.outcome'), Buffer.from('cohort old "Old" {\n  size 4 # \xa3\n}\n', 'latin1'));
    fs.writeFileSync(path.join(dir, 'fine.outcome'), 'cohort fine "Fine" {\n  size 4\n}\n');
    const session = new Session();
    session.project.setRoots([dir]);
    await session.scan();
    assert.deepEqual(session.lint(path.join(dir, 'latin.outcome'))!.result.diagnostics.map((d) => d.message), [
      'latin.outcome is not UTF-8 text: the byte 0xA3 at line 2, column 12 is not valid UTF-8; save the file as UTF-8',
    ]);
    const file = session.open(Project.uri(path.join(dir, 'main.outcome')), 'use "latin.outcome"\n');
    assert.deepEqual(session.lint(file)!.result.diagnostics.filter((d) => d.code === 'structure/unresolved-use').map((d) => d.message), [
      'cannot use `latin.outcome`: latin.outcome is not UTF-8 text: the byte 0xA3 at line 2, column 12 is not valid UTF-8; save the file as UTF-8',
    ]);
  });

  it('a document opened as it is on disk keeps its lint; one opened with other text is linted again', async () => {
    const text = 'cohort fine "Fine" {\n  size 4\n}\n';
    const file = path.join(dir, 'fine.outcome');
    fs.writeFileSync(file, text);
    const session = new Session();
    session.project.setRoots([dir]);
    await session.scan();
    const fromDisk = session.lint(file)!.result;
    session.open(Project.uri(file), text);
    assert.equal(session.lint(file)!.result, fromDisk, 'the same lint, not a second one');
    session.edit(file, text.replace('size 4', 'size 5'));
    assert.notEqual(session.lint(file)!.result, fromDisk);
  });

  it('the handlers answer from the session in this process, with no connection', async () => {
    const file = path.join(dir, 'spec.outcome');
    const text = 'cohort c "Care leavers" {\n  size 40\n}\n\noutcome o "Settled" {\n  for c\n}\n';
    fs.writeFileSync(file, text);
    const session = new Session();
    session.project.setRoots([dir]);
    await session.scan();
    const uri = Project.uri(file);
    const at = { textDocument: { uri }, position: { line: 5, character: 7 } };
    assert.match(JSON.stringify(hover(session, at)), /cohort `c`/);
    assert.deepEqual(definition(session, at), { uri, range: { start: { line: 0, character: 7 }, end: { line: 0, character: 8 } } });
  });
});
