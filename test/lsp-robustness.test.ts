import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  DidCloseTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  HoverRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import { generateSpec } from '../bench/generate';
import { LspClient } from './support/lsp-client';

/*
 * The server survives what editors and documents throw at it, and keeps serving:
 * requests on documents it never saw, positions outside the text, cancelled requests,
 * a document closed while it is being linted, and a file too large to lint.
 */

describe('language server: it survives and keeps serving', function () {
  this.timeout(60_000);
  let dir: string;
  let client: LspClient;
  const spec = 'cohort a {\n  size 3\n}\n';

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-survive-'));
    client = new LspClient({ maxFileSizeMB: 1 });
    await client.initialize(dir);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The server still answers: a document symbol request on a fresh document. */
  async function stillServing(): Promise<void> {
    const uri = LspClient.uri(path.join(dir, `check-${Math.random()}.outcome`));
    await client.open(uri, spec);
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.equal((symbols as { name: string }[])[0].name, 'a');
  }

  it('a request on a document it does not know gets an empty answer', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///nowhere.outcome' }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    await stillServing();
  });

  it('a position outside the text is clamped, not a crash', async () => {
    const uri = LspClient.uri(path.join(dir, 'positions.outcome'));
    await client.open(uri, spec);
    for (const position of [{ line: 99_999, character: 5 }, { line: 1, character: 99_999 }, { line: -1, character: -7 }]) {
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    }
    await stillServing();
  });

  it('a cancelled request does not disturb the next one', async () => {
    const uri = LspClient.uri(path.join(dir, 'cancel.outcome'));
    await client.open(uri, spec);
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }, source.token).catch(() => 'cancelled');
    source.cancel();
    await pending;
    await stillServing();
  });

  it('a document closed while it is being linted gets no stale findings', async () => {
    const uri = LspClient.uri(path.join(dir, 'closed.outcome'));
    await client.open(uri, 'cohort a { size }');
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    // The last word on a closed file that is not on disk is an empty list.
    const last = await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    assert.deepEqual(last, []);
    await stillServing();
  });

  it('a document on a network share (file://host/…) or with an escaped slash (%2F) in its name gets its findings', async () => {
    for (const uri of ['file://fileserver/commissioning/share.outcome', `${LspClient.uri(dir)}/team%2Fdraft.outcome`]) {
      await client.open(uri, 'cohort a {\n  size\n}\n');
      const codes = (await client.diagnostics(uri)).map((d) => d.code);
      assert.ok(codes.includes('syntax/parse'), `${uri}: ${codes.join(', ')}`);
    }
    await stillServing();
  });

  it('a burst of keystrokes in a big spec is linted once or twice, at its latest text, not once per keystroke', async () => {
    const uri = LspClient.uri(path.join(dir, 'burst.outcome'));
    const text = generateSpec(18_000);
    assert.ok(text.length > 500_000 && text.length < 1024 * 1024, `${text.length} characters: big, but under the 1 MB limit`);
    await client.open(uri, text);
    await client.diagnostics(uri, (p) => p.version === 1);
    // 50 keystrokes, sent as fast as the connection takes them: a word typed into the spec's title.
    const title = { line: 1, character: 'spec "Generated'.length };
    for (let version = 2; version <= 51; version++) {
      await client.change(uri, version, [{ range: { start: title, end: title }, text: 'x' }]);
    }
    await client.diagnostics(uri, (p) => p.version === 51);
    const during = client.publishedVersions(uri).filter((v) => v > 1 && v < 51);
    assert.ok(during.length <= 2, `linted at versions ${during.join(', ')} during the burst`);
  });

  it('a file over the size limit gets one clear finding instead of a lint, and no other request reads it', async () => {
    const uri = LspClient.uri(path.join(dir, 'huge.outcome'));
    const huge = `cohort hugecohort "Everyone" {\n  size 3\n}\nrequirement "${'x'.repeat(1_100_000)}"\n`;
    await client.open(uri, huge);
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => d.message), ['file too large to lint (limit 1 MB)']);
    const at = { textDocument: { uri }, position: { line: 0, character: 8 } };
    assert.deepEqual(await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'hugecohort' }), []);
    assert.deepEqual(await client.connection.sendRequest(ReferencesRequest.type, { ...at, context: { includeDeclaration: true } }), []);
    assert.equal(await client.connection.sendRequest(RenameRequest.type, { ...at, newName: 'everyone' }), null);
    assert.equal(await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), null);
    const report = (await client.connection.sendRequest('outcome-lint/report', { uri })) as { html?: string } | null;
    assert.match(JSON.stringify(report), /larger than 1 MB/);
    await stillServing();
  });

  it('a file on disk over the size limit is not read when another uses it: the `use` says why', async () => {
    fs.writeFileSync(path.join(dir, 'big.outcome'), Buffer.alloc(2 ** 20 + 1, ' '));
    const uri = LspClient.uri(path.join(dir, 'uses-big.outcome'));
    await client.open(uri, `use "big.outcome"\n${spec}`);
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'structure/unresolved-use').map((d) => d.message), [
      'cannot use `big.outcome`: big.outcome is 1.1 MB, more than the 1 MB outcome-lint reads',
    ]);
    await stillServing();
  });
});
