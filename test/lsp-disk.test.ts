import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, PublishDiagnosticsParams, WorkspaceSymbolRequest } from 'vscode-languageserver-protocol/node';
import { LspClient } from './support/lsp-client';

/*
 * Files that change on disk while the editor is open: the server hears of them from the
 * editor's file watcher, and what the findings say must follow, in the file itself and in
 * the files whose `use` lines lead to it.
 */

describe('language server: files that appear, change and go on disk', function () {
  this.timeout(30_000);
  let dir: string;
  let client: LspClient;
  const uri = (name: string): string => LspClient.uri(path.join(dir, name));

  /** The findings of the first publish for `name` after the `since`-th, and their codes. */
  async function next(name: string, since: number): Promise<string[]> {
    const isNew = (p: PublishDiagnosticsParams): boolean => client.publishes(uri(name)).indexOf(p) >= since;
    return (await client.diagnostics(uri(name), isNew)).map((d) => String(d.code));
  }

  /** Writes (or deletes, for undefined) a file and tells the server, as an editor's file watcher does. */
  async function onDisk(name: string, content: string | Buffer | undefined, type: FileChangeType): Promise<void> {
    const file = path.join(dir, name);
    if (content === undefined) fs.rmSync(file);
    else fs.writeFileSync(file, content);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(name), type }] });
  }

  beforeEach(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-disk-')));
    fs.mkdirSync(path.join(dir, 'specs'));
    fs.writeFileSync(path.join(dir, 'specs/shared.outcome'), 'cohort neet "Young people" {\n  size 10\n}\n');
    fs.writeFileSync(path.join(dir, 'specs/main.outcome'), 'use "shared.outcome"\n\noutcome job "Job" {\n  for neet\n}\n');
    client = new LspClient({}, { inProcess: true });
    await client.initialize(path.join(dir, 'specs'));
  });

  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a used file deleted: the file that uses it says so; created again: the finding goes', async () => {
    const unresolved = (codes: string[]): boolean => codes.includes('structure/unresolved-use');
    assert.ok(!unresolved((await client.diagnostics(uri('specs/main.outcome'))).map((d) => String(d.code))));
    let since = client.publishes(uri('specs/main.outcome')).length;
    await onDisk('specs/shared.outcome', undefined, FileChangeType.Deleted);
    assert.ok(unresolved(await next('specs/main.outcome', since)), 'the `use` of a deleted file');
    since = client.publishes(uri('specs/main.outcome')).length;
    await onDisk('specs/shared.outcome', 'cohort neet "Young people" {\n  size 10\n}\n', FileChangeType.Created);
    assert.ok(!unresolved(await next('specs/main.outcome', since)), 'the file is back');
  });

  it('a file that stops being UTF-8 text on disk keeps one finding that says so', async () => {
    await client.diagnostics(uri('specs/shared.outcome'));
    const since = client.publishes(uri('specs/shared.outcome')).length;
    await onDisk('specs/shared.outcome', Buffer.from('cohort neet "Jeunes d\xe9scolaris\xe9s" { size 10 }\n', 'latin1'), FileChangeType.Changed);
    const published = await client.diagnostics(uri('specs/shared.outcome'), (p) => client.publishes(uri('specs/shared.outcome')).indexOf(p) >= since);
    assert.equal(published.length, 1);
    assert.match(String(published[0].message), /not UTF-8/);
  });

  it('a document outside the workspace is forgotten when closed: its findings go, and it is no longer among the symbols', async () => {
    const outside = 'elsewhere.outcome';
    fs.writeFileSync(path.join(dir, outside), 'cohort faraway "Far away" {\n  size 3\n}\n');
    await client.open(uri(outside), fs.readFileSync(path.join(dir, outside), 'utf8'));
    await client.diagnostics(uri(outside));
    const symbols = async () => ((await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'faraway' })) ?? []).map((s) => s.name);
    assert.deepEqual(await symbols(), ['faraway']);
    const since = client.publishes(uri(outside)).length;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(outside) } });
    assert.deepEqual(await next(outside, since), []);
    assert.deepEqual(await symbols(), []);
  });
});
