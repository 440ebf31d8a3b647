import {
  CodeActionKind,
  Connection,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Project } from '../host/project';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../services/semantic-tokens';
import { Diagnostics } from './diagnostics';
import { codeActions, ruleDocumentation, SHOW_RULE_DOCUMENTATION } from './handlers/code-actions';
import { completion } from './handlers/completion';
import { reportOptionProblems, riskReportPage, ruleList, summary } from './handlers/extension-requests';
import { formatting } from './handlers/formatting';
import { hover } from './handlers/hover';
import { inlayHints } from './handlers/inlay-hints';
import { definition, prepareRename, references, rename } from './handlers/navigation';
import { semanticTokens } from './handlers/semantic-tokens';
import { documentSymbols, foldingRanges, workspaceSymbols } from './handlers/symbols';
import { Session } from './session';
import { readClientSettings } from './settings';

/*
 * The language server: the connection's messages, each handed to its feature's handler
 * (lsp/handlers/), which answers from the session. It speaks stdio or IPC, as the
 * client chooses (main.ts); tests run it in-process over a pair of streams.
 */

export interface Server {
  readonly session: Session;
}

export function createServer(connection: Connection, project?: Project): Server {
  const session = new Session(project);
  const documents = new TextDocuments(TextDocument);
  const diagnostics = new Diagnostics(connection, session, (uri) => documents.get(uri)?.version);
  let canPullSettings = false;
  let canWatchFiles = false;

  connection.onInitialize((params) => {
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    session.project.setRoots(folders.map((uri) => session.id(uri)));
    canPullSettings = params.capabilities.workspace?.configuration === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' '] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
        inlayHintProvider: true,
        documentFormattingProvider: true,
        executeCommandProvider: { commands: [SHOW_RULE_DOCUMENTATION] },
      },
      serverInfo: { name: 'outcome-lint' },
    };
  });

  connection.onInitialized(async () => {
    await pullSettings();
    diagnostics.start();
    if (canWatchFiles) {
      // Watch specs and settings on disk, where the client can (VS Code, Neovim with a watcher).
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.outcome' }, { globPattern: '**/.outcomelintrc.json' }, { globPattern: '**/.gitignore' }] })
        .catch(() => undefined);
    }
    // Index the workspace in the background: opening one file must not wait for it.
    setImmediate(() => void session.scan().then((found) => diagnostics.inTheBackground(found.filter((f) => !session.project.isOpen(f)))));
  });

  async function pullSettings(): Promise<void> {
    if (!canPullSettings) return;
    const value = await connection.workspace.getConfiguration('outcomeLint').catch(() => undefined);
    const { settings, problems } = readClientSettings(value);
    session.settings = settings;
    session.project.setMaxBytes(settings.maxFileSizeMB * 2 ** 20);
    for (const problem of problems) connection.console.error(problem);
  }

  /**
   * Reads every settings file (and `.gitignore`) again, and lints every file with what it
   * now says; the workspace is walked again, as what the ignores leave out may have changed.
   */
  function settingsChanged(): void {
    session.settingsChanged();
    diagnostics.forgetConfigProblems();
    for (const file of session.files) diagnostics.schedule(file);
    const before = session.files.map((file) => ({ file, uri: session.uri(file) }));
    void session.scan().then((found) => {
      for (const { file, uri } of before) if (!session.isKnown(file)) diagnostics.clear(uri);
      for (const file of found) diagnostics.schedule(file);
    });
  }

  connection.onDidChangeConfiguration(async () => {
    await pullSettings();
    settingsChanged();
  });

  documents.onDidOpen((e) => diagnostics.schedule(session.open(e.document.uri, e.document.getText())));
  documents.onDidChangeContent((e) => {
    const file = session.id(e.document.uri);
    session.edit(file, e.document.getText());
    diagnostics.schedule(file);
  });
  documents.onDidClose((e) => {
    const file = session.id(e.document.uri);
    session.close(file);
    // A closed file outside the workspace is forgotten; one inside keeps its findings,
    // published from now on under the project's spelling of its URI (what the editor's
    // spelling showed goes, if the two differ).
    if (!session.isKnown(file) || session.uri(file) !== e.document.uri) diagnostics.clear(e.document.uri);
    diagnostics.schedule(file);
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      if (change.uri.endsWith('.outcomelintrc.json') || change.uri.endsWith('.gitignore')) {
        settingsChanged();
        continue;
      }
      const file = session.id(change.uri);
      const known = session.isKnown(file);
      session.changedOnDisk(file);
      if (known && !session.isKnown(file)) diagnostics.clear(change.uri);
      // Published if still known, and the files whose `use` lines lead to it (or looked
      // for it while it was missing) are linted again.
      diagnostics.schedule(file);
    }
  });

  connection.onHover((p) => hover(session, p));
  connection.onDefinition((p) => definition(session, p));
  connection.onReferences((p) => references(session, p));
  connection.onPrepareRename((p) => prepareRename(session, p));
  connection.onRenameRequest((p) => rename(session, p));
  connection.onDocumentSymbol((p) => documentSymbols(session, p));
  connection.onWorkspaceSymbol((p) => workspaceSymbols(session, p));
  connection.onFoldingRanges((p) => foldingRanges(session, p));
  connection.languages.semanticTokens.on((p) => semanticTokens(session, p));
  connection.onCompletion((p) => completion(session, p));
  connection.onCodeAction((p) => codeActions(session, p));
  connection.languages.inlayHint.on((p) => inlayHints(session, p));
  connection.onExecuteCommand(async (p) => {
    const page = ruleDocumentation(session, p);
    if (page) await connection.window.showDocument({ uri: page, external: true });
  });
  connection.onDocumentFormatting((p) => {
    const { edits, refused } = formatting(session, p);
    if (refused) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `outcome-lint did not format this file: ${refused}` });
    return edits;
  });

  connection.onRequest('outcome-lint/summary', (p: { uri: string }) => summary(session, p));
  connection.onRequest('outcome-lint/rules', () => ruleList(session));
  connection.onRequest('outcome-lint/report', (p: { uri: string; options?: unknown; changeCommand?: unknown }) => riskReportPage(session, p));
  connection.onRequest('outcome-lint/reportOptionProblems', (p: { uri: string; options?: unknown }) => reportOptionProblems(session, p));
  connection.onRequest('outcome-lint/lintWorkspace', async () => {
    const found = await session.scan();
    for (const file of found) diagnostics.publish(file);
    return found.length;
  });

  documents.listen(connection);
  return { session };
}
