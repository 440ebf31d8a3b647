import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../server/src/base/line-index';
import { Linter } from '../server/src/engine/linter';
import { catalogue } from '../server/src/rules/catalogue';
import { diskProject } from './support/lint';
import { LspClient } from './support/lsp-client';
import { repoRoot } from './support/paths';

/*
 * No edit is lost: 1,000 random incremental edits (inserts, deletes, multi-line text,
 * CRLF, emoji) are sent to the server, which must hold exactly the client's text after
 * each; its findings never go back to an older version; and every 100 edits they are
 * the findings of a fresh lint of that text (the server parses only the edited item,
 * `syntax/reparse.ts`, and remembers what rules read: neither may change a finding).
 */

const PIECES = ['a', ' ', '\n', '\r\n', '£', '💷', '"', '{', '}', '# note', 'cohort x { size 3 }\n', 'pay £3 for job', 'é', '\t'];

describe('language server: edits are never lost', function () {
  this.timeout(120_000);
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-edits-'));
    // In this process, to read the text the server holds.
    client = new LspClient({}, { inProcess: true });
    await client.initialize(dir);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('after each of 1,000 random edits the server holds the client\'s text, and findings follow the latest version', async () => {
    const file = path.join(dir, 'edited.outcome');
    const uri = LspClient.uri(file);
    const session = client.server!.session;
    const start = fs.readFileSync(path.join(repoRoot, 'samples/homelessness.outcome'), 'utf8');
    let doc = TextDocument.create(uri, 'outcome', 1, start);
    await client.open(uri, start, 1);
    const edits = fc.sample(
      fc.record({ at: fc.nat({ max: 1_000_000 }), length: fc.nat({ max: 30 }), text: fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }) }),
      { numRuns: 1000, seed: 20261126 },
    );
    for (const [i, edit] of edits.entries()) {
      const text = doc.getText();
      // Offsets between the two halves of a surrogate pair or of \r\n are not positions an editor sends.
      let startOffset = edit.at % (text.length + 1);
      while (startOffset > 0 && /[\uDC00-\uDFFF\n]/.test(text[startOffset] ?? '') && /[\uD800-\uDBFF\r]/.test(text[startOffset - 1])) startOffset--;
      let endOffset = Math.min(text.length, startOffset + edit.length);
      while (endOffset < text.length && /[\uDC00-\uDFFF\n]/.test(text[endOffset]) && /[\uD800-\uDBFF\r]/.test(text[endOffset - 1])) endOffset++;
      const range = { start: doc.positionAt(startOffset), end: doc.positionAt(endOffset) };
      const change = { range, text: edit.text.join('') };
      doc = TextDocument.update(doc, [change], doc.version + 1);
      await client.change(uri, doc.version, [change]);
      // The server has read every message sent before this request once it answers.
      await client.connection.sendRequest('outcome-lint/rules');
      assert.equal(session.text(session.id(uri)), doc.getText(), `after edit ${i + 1}`);
      if ((i + 1) % 100 === 0) {
        const published = await client.diagnostics(uri, (p) => p.version === doc.version, 20_000);
        const index = new LineIndex(doc.getText());
        // A fresh lint of the text, as a server just started would make it.
        const project = diskProject(dir);
        project.setOpen(file, doc.getText());
        const expected = new Linter(project, catalogue, () => false).lint(file).diagnostics.map((d) => {
          const [start, end] = [index.position(d.span.start), index.position(d.span.end)];
          return `${start.line}:${start.character}-${end.line}:${end.character} ${d.code} ${d.message}`;
        });
        const got = published.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`);
        assert.deepEqual(got, expected, `the findings after edit ${i + 1}`);
      }
    }
    const last = await client.diagnostics(uri, (p) => p.version === doc.version, 20_000);
    assert.ok(Array.isArray(last));
    const versions = client.publishedVersions(uri);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'findings never go back to an older version');
  });
});
