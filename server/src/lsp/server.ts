import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiskAccess } from '../host/disk-access';
import { lint } from '../lint';
import { FileAccess } from '../model/file-access';
import { LineIndex } from '../syntax/line-index';
import { toLspDiagnostic } from './convert';

/*
 * The language server: lints open documents as they change and publishes the
 * findings. It speaks stdio or IPC, as the client chooses (`--stdio`, `--node-ipc`).
 */

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let roots: string[] = [];

connection.onInitialize((params) => {
  roots = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
  return { capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } };
});

/** Files by URI: open documents as the editor holds them, others from disk. */
function accessFor(documentPath: string): FileAccess {
  const disk = new DiskAccess(roots.length > 0 ? roots : [path.dirname(documentPath)]);
  return {
    resolve: (from, target) => {
      const resolved = disk.resolve(fileURLToPath(from), target);
      return 'uri' in resolved ? { uri: pathToFileURL(resolved.uri).toString() } : resolved;
    },
    read: (uri) => documents.get(uri)?.getText() ?? disk.read(fileURLToPath(uri)),
    display: (uri) => disk.display(fileURLToPath(uri)),
  };
}

function validate(document: TextDocument): void {
  const text = document.getText();
  const access = document.uri.startsWith('file:')
    ? accessFor(fileURLToPath(document.uri))
    : { resolve: () => ({ refused: 'save the file first: an unsaved file has no folder to look in' }), read: () => undefined, display: (u: string) => u };
  const { diagnostics } = lint(document.uri, text, access);
  const index = new LineIndex(text);
  void connection.sendDiagnostics({
    uri: document.uri,
    version: document.version,
    diagnostics: diagnostics.map((d) => toLspDiagnostic(index, d)),
  });
}

documents.onDidChangeContent((change) => validate(change.document));
documents.onDidClose((event) => void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }));
documents.listen(connection);
connection.listen();
