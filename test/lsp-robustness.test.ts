import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource, DidCloseTextDocumentNotification, DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
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

  it('a file over the size limit gets one clear finding instead of a lint', async () => {
    const uri = LspClient.uri(path.join(dir, 'huge.outcome'));
    const huge = `requirement "${'x'.repeat(1_100_000)}"\n`;
    await client.open(uri, huge);
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => d.message), ['file too large to lint (limit 1 MB)']);
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
