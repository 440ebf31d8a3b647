import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  DiagnosticTag,
  DidChangeWatchedFilesNotification,
  InsertTextFormat,
  MessageType,
  ProposedFeatures,
  SemanticTokensBuilder,
  ShowMessageNotification,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  TextEdit as LspTextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { format } from '../format/format';
import { LintResult } from '../lint';
import { ConfigProblem } from '../host/config-files';
import { riskReportHtml } from '../report/index';
import { ruleById, rules } from '../rules/index';
import { paymentSummary } from '../services/hover';
import { ruleDocUrl } from '../rules/docs';
import { codeActions, fixAll } from '../services/code-actions';
import { completionsAt } from '../services/completion';
import { hoverAt } from '../services/hover';
import { inlayHints } from '../services/inlay-hints';
import { referencesTo, rename, workspaceDefinitions } from '../services/navigation';
import { definitionAt } from '../services/at-offset';
import { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from '../services/semantic-tokens';
import { foldingSpans, outline, OutlineSymbol } from '../services/symbols';
import { LineIndex } from '../base/line-index';
import { Span } from '../base/span';
import { toLspDiagnostic, toRange } from './convert';
import { Workspace } from './workspace';

/*
 * The language server. It speaks stdio or IPC, as the client chooses. Every request is
 * answered from the workspace's lint results; `lsp/` is the only code that knows LSP.
 */

const connection = createConnection(ProposedFeatures.all);

// The server never dies on a document: a bug is logged, and the next request is served.
process.on('uncaughtException', (error) => connection.console.error(`outcome-lint internal error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`outcome-lint internal error: ${String(reason)}`));
const documents = new TextDocuments(TextDocument);
const workspace = new Workspace();

interface Settings {
  enable: boolean;
  maxProblems: number;
  inlayHints: boolean;
  maxFileSizeMB: number;
}
let settings: Settings = { enable: true, maxProblems: 1000, inlayHints: true, maxFileSizeMB: 10 };
let canPullSettings = false;
let canWatchFiles = false;

connection.onInitialize((params) => {
  const folders = params.workspaceFolders?.map((f) => fileURLToPath(f.uri)) ?? (params.rootUri ? [fileURLToPath(params.rootUri)] : []);
  workspace.setRoots(folders);
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
      executeCommandProvider: { commands: ['outcome-lint.showRuleDocumentation'] },
    },
    serverInfo: { name: 'outcome-lint' },
  };
});

connection.onInitialized(async () => {
  await pullSettings();
  if (canWatchFiles) {
    // Watch specs and configs on disk, where the client can (VS Code, Neovim with a watcher).
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.outcome' }, { globPattern: '**/.outcomelintrc.json' }] })
      .catch(() => undefined);
  }
  // Index the workspace in the background: opening one file must not wait for it.
  const found = await workspace.scan();
  lintInTheBackground(found.filter((u) => !workspace.isOpen(u)));
});

async function pullSettings(): Promise<void> {
  if (!canPullSettings) return;
  const value = (await connection.workspace.getConfiguration('outcomeLint').catch(() => undefined)) as Partial<Settings> | undefined;
  settings = { ...settings, ...(value ?? {}) };
  workspace.maxFileBytes = settings.maxFileSizeMB * 1024 * 1024;
}

connection.onDidChangeConfiguration(async () => {
  await pullSettings();
  reloadConfig();
});

/** Reads every `.outcomelintrc.json` again, and lints every file with what it now says. */
function reloadConfig(): void {
  workspace.reloadConfig();
  // Problems shown in config files are shown again, if they remain, as files are linted.
  for (const uri of shownConfigProblems.keys()) void connection.sendDiagnostics({ uri, diagnostics: [] });
  shownConfigProblems.clear();
  for (const uri of workspace.uris) schedule(uri);
}

/** Config files with problems shown in them now: URI → the problems, as shown. */
const shownConfigProblems = new Map<string, string>();

/**
 * A broken `.outcomelintrc.json` is not used (files get the default settings): say what
 * is wrong in the config file itself, where the editor marks it, and once in the log.
 */
function showConfigProblems(problems: readonly ConfigProblem[]): void {
  const byFile = new Map<string, ConfigProblem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  for (const [file, list] of byFile) {
    const uri = pathToFileURL(file).toString();
    const shown = list.map((p) => p.message).join('\n');
    if (shownConfigProblems.get(uri) === shown) continue;
    shownConfigProblems.set(uri, shown);
    connection.console.error(`${shown}\n(outcome-lint uses its default settings until this is fixed)`);
    const start = { line: 0, character: 0 };
    void connection.sendDiagnostics({
      uri,
      diagnostics: list.map((p) => ({
        range: p.at ? { start: p.at.start, end: p.at.end } : { start, end: start },
        severity: DiagnosticSeverity.Error,
        source: 'outcome-lint',
        message: `${p.at?.message ?? p.message} (these settings are not used until this is fixed)`,
      })),
    });
  }
}

// ---- diagnostics -------------------------------------------------------------

/** Documents waiting to be linted: the latest version wins, stale work never starts. */
const pending = new Set<string>();
let flushing = false;

/**
 * Lints after the messages already queued are read (setImmediate), so a burst of
 * keystrokes costs one lint, of the latest text, with no fixed delay added.
 */
function schedule(uri: string): void {
  pending.add(uri);
  if (flushing) return;
  flushing = true;
  setImmediate(() => {
    flushing = false;
    const batch = [...pending];
    pending.clear();
    for (const u of batch) publish(u);
    // Files that use these see them change: re-lint them after, at lower priority.
    const dependants = new Set(batch.flatMap((u) => workspace.dependants(u)).filter((u) => !batch.includes(u)));
    lintInTheBackground([...dependants]);
  });
}

/** Lints a list of files one at a time between other messages, so requests stay quick. */
function lintInTheBackground(uris: string[]): void {
  const next = uris.shift();
  if (next === undefined) return;
  setImmediate(() => {
    publish(next);
    lintInTheBackground(uris);
  });
}

function publish(uri: string): void {
  const text = workspace.text(uri);
  if (text === undefined) return;
  const version = documents.get(uri)?.version;
  if (!settings.enable) {
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    return;
  }
  if (workspace.tooLarge(uri)) {
    void connection.sendDiagnostics({
      uri,
      version,
      diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 2, source: 'outcome-lint', message: `file too large to lint (limit ${settings.maxFileSizeMB} MB)` }],
    });
    return;
  }
  const result = workspace.lint(uri);
  if (!result) return;
  const index = result.facts.lines;
  showConfigProblems(workspace.configProblems(uri));
  // Related places in other files: one line index per file, not one per finding.
  const indexes = new Map<string, LineIndex>([[uri, index]]);
  const indexOf = (file: string): LineIndex => {
    let found = indexes.get(file);
    if (!found) indexes.set(file, (found = new LineIndex(workspace.text(file) ?? '')));
    return found;
  };
  const diagnostics = result.diagnostics.slice(0, settings.maxProblems).map((d) => {
    const lsp = toLspDiagnostic(index, d);
    if (ruleById(d.code)) lsp.codeDescription = { href: ruleDocUrl(d.code) };
    if (d.code === 'structure/unused-suppression') lsp.tags = [DiagnosticTag.Unnecessary];
    if (d.related) {
      lsp.relatedInformation = d.related.map((r) => ({ location: { uri: r.uri ?? uri, range: toRange(indexOf(r.uri ?? uri), r.span) }, message: r.message }));
    }
    return lsp;
  });
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

documents.onDidOpen((e) => {
  workspace.setOpen(e.document.uri, e.document.getText());
  schedule(e.document.uri);
});
documents.onDidChangeContent((e) => {
  workspace.setText(e.document.uri, e.document.getText());
  schedule(e.document.uri);
});
documents.onDidClose((e) => {
  workspace.close(e.document.uri);
  // A closed file outside the workspace is forgotten; one inside keeps its findings.
  if (workspace.text(e.document.uri) === undefined) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  else schedule(e.document.uri);
});

connection.onDidChangeWatchedFiles((params) => {
  for (const change of params.changes) {
    if (change.uri.endsWith('.outcomelintrc.json')) {
      reloadConfig();
      continue;
    }
    workspace.changedOnDisk(change.uri);
    schedule(change.uri);
  }
});

// ---- requests ------------------------------------------------------------------

/** The document's lint and line index, when the server knows the document. */
function at(uri: string): { result: LintResult; index: LineIndex } | undefined {
  const text = workspace.text(uri);
  if (text === undefined || workspace.tooLarge(uri)) return undefined;
  const result = workspace.lint(uri);
  return result && { result, index: result.facts.lines };
}

function location(uri: string, span: Span) {
  const text = workspace.text(uri) ?? '';
  return { uri, range: toRange(new LineIndex(text), span) };
}

connection.onHover(({ textDocument, position }) => {
  const doc = at(textDocument.uri);
  if (!doc) return null;
  const hover = hoverAt(doc.result, doc.index.offset(position));
  return hover ? { contents: { kind: 'markdown', value: hover.markdown }, range: toRange(doc.index, hover.span) } : null;
});

connection.onDefinition(({ textDocument, position }) => {
  const doc = at(textDocument.uri);
  const definition = doc && definitionAt(doc.result.model, doc.index.offset(position));
  return definition ? location(definition.uri, definition.name.span) : null;
});

connection.onReferences(({ textDocument, position, context }) => {
  const doc = at(textDocument.uri);
  const definition = doc && definitionAt(doc.result.model, doc.index.offset(position));
  if (!definition) return [];
  return referencesTo(definition, workspace.lintAll().map((r) => r.model), context.includeDeclaration).map((l) => location(l.uri, l.span));
});

connection.onPrepareRename(({ textDocument, position }) => {
  const doc = at(textDocument.uri);
  const definition = doc && definitionAt(doc.result.model, doc.index.offset(position));
  if (!doc || !definition) return null;
  const offset = doc.index.offset(position);
  const name = [...doc.result.model.references.map((r) => r.name), definition.uri === textDocument.uri ? definition.name : undefined].find(
    (n) => n && n.span.start <= offset && offset <= n.span.end,
  );
  return name ? { range: toRange(doc.index, name.span), placeholder: name.text } : null;
});

connection.onRenameRequest(({ textDocument, position, newName }) => {
  const doc = at(textDocument.uri);
  if (!doc) return null;
  const outcome = rename(doc.result.model, doc.index.offset(position), newName, workspace.lintAll().map((r) => r.model));
  if ('refused' in outcome) throw new Error(outcome.refused);
  const changes: WorkspaceEdit['changes'] = {};
  for (const [uri, edits] of outcome.edits) {
    const index = new LineIndex(workspace.text(uri) ?? '');
    changes[uri] = edits.map((e) => LspTextEdit.replace(toRange(index, e.span), e.newText));
  }
  return { changes };
});

const SYMBOL_KIND: Readonly<Record<OutlineSymbol['kind'], SymbolKind>> = {
  spec: SymbolKind.Module,
  cohort: SymbolKind.Class,
  segment: SymbolKind.EnumMember,
  outcome: SymbolKind.Function,
  payment: SymbolKind.Object,
  pay: SymbolKind.Field,
  block: SymbolKind.Struct,
  line: SymbolKind.Property,
};

connection.onDocumentSymbol(({ textDocument }) => {
  const doc = at(textDocument.uri);
  if (!doc) return [];
  const convert = (s: OutlineSymbol): import('vscode-languageserver/node').DocumentSymbol => ({
    name: s.name,
    ...(s.detail ? { detail: s.detail } : {}),
    kind: SYMBOL_KIND[s.kind],
    range: toRange(doc.index, s.span),
    selectionRange: toRange(doc.index, s.selection),
    children: s.children.map(convert),
  });
  return outline(doc.result.model.file).map(convert);
});

connection.onWorkspaceSymbol(({ query }) =>
  workspaceDefinitions(workspace.lintAll().map((r) => r.model), query).map((d) => ({
    name: d.name.text,
    kind: d.kind === 'outcome' ? SymbolKind.Function : d.kind === 'cohort' ? SymbolKind.Class : SymbolKind.EnumMember,
    location: location(d.uri, d.name.span),
  })),
);

connection.onFoldingRanges(({ textDocument }) => {
  const doc = at(textDocument.uri);
  if (!doc) return [];
  return foldingSpans(doc.result.model.file)
    .map((s) => ({ startLine: doc.index.position(s.start).line, endLine: doc.index.position(s.end).line }))
    .filter((r) => r.endLine > r.startLine);
});

connection.languages.semanticTokens.on(({ textDocument }) => {
  const doc = at(textDocument.uri);
  const builder = new SemanticTokensBuilder();
  for (const token of doc ? semanticTokens(doc.result) : []) {
    const start = doc!.index.position(token.span.start);
    builder.push(start.line, start.character, token.span.end - token.span.start, TOKEN_TYPES.indexOf(token.type), token.declaration ? 1 : 0);
  }
  return builder.build();
});

connection.onCompletion(({ textDocument, position }) => {
  const doc = at(textDocument.uri);
  if (!doc) return [];
  const kinds = { keyword: CompletionItemKind.Keyword, cohort: CompletionItemKind.Class, segment: CompletionItemKind.EnumMember, outcome: CompletionItemKind.Function, snippet: CompletionItemKind.Snippet };
  return completionsAt(doc.result, doc.index.offset(position)).map((c) => ({
    label: c.label,
    kind: kinds[c.kind],
    ...(c.detail ? { detail: c.detail } : {}),
    ...(c.snippet ? { insertText: c.snippet, insertTextFormat: InsertTextFormat.Snippet } : {}),
  }));
});

connection.onCodeAction(({ textDocument, range, context }) => {
  const doc = at(textDocument.uri);
  if (!doc) return [];
  const wanted = (kind: string): boolean => !context.only || context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const toEdit = (edits: readonly { span: Span; newText: string }[]): WorkspaceEdit => ({
    changes: { [textDocument.uri]: edits.map((e) => LspTextEdit.replace(toRange(doc.index, e.span), e.newText)) },
  });
  const span = { start: doc.index.offset(range.start), end: doc.index.offset(range.end) };
  const actions = [];
  if (wanted(CodeActionKind.QuickFix)) {
    for (const a of codeActions(doc.result, span)) {
      actions.push({
        title: a.title,
        kind: CodeActionKind.QuickFix,
        edit: toEdit(a.edits),
        ...(a.diagnostic ? { diagnostics: [toLspDiagnostic(doc.index, a.diagnostic)] } : {}),
        ...(a.preferred ? { isPreferred: true } : {}),
      });
    }
    for (const code of new Set(doc.result.diagnostics.filter((d) => d.span.start <= span.end && span.start <= d.span.end && ruleById(d.code)).map((d) => d.code))) {
      actions.push({ title: `Show documentation for ${code}`, kind: CodeActionKind.QuickFix, command: { title: 'Show rule documentation', command: 'outcome-lint.showRuleDocumentation', arguments: [code] } });
    }
  }
  if (wanted(CodeActionKind.SourceFixAll)) {
    const all = fixAll(doc.result);
    if (all) actions.push({ title: all.title, kind: CodeActionKind.SourceFixAll, edit: toEdit(all.edits) });
  }
  return actions;
});

connection.onExecuteCommand(async ({ command, arguments: args }) => {
  if (command === 'outcome-lint.showRuleDocumentation' && typeof args?.[0] === 'string' && ruleById(args[0])) {
    await connection.window.showDocument({ uri: ruleDocUrl(args[0]), external: true });
  }
});

connection.onDocumentFormatting(({ textDocument }) => {
  const text = workspace.text(textDocument.uri);
  if (text === undefined) return null;
  const formatted = format(text);
  // A file with syntax errors is left alone: reformatting half-understood text could lose some.
  if ('refused' in formatted) {
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `outcome-lint did not format this file: ${formatted.refused}` });
    return null;
  }
  if (formatted.text === text) return [];
  const index = new LineIndex(text);
  return [LspTextEdit.replace(toRange(index, { start: 0, end: text.length }), formatted.text)];
});

connection.languages.inlayHint.on(({ textDocument }) => {
  const doc = at(textDocument.uri);
  if (!doc || !settings.inlayHints) return [];
  return inlayHints(doc.result).map((h) => ({ position: doc.index.position(h.offset), label: ` ${h.label}`, paddingLeft: true, ...(h.tooltip ? { tooltip: h.tooltip } : {}) }));
});

// ---- requests of the VS Code extension -------------------------------------------

connection.onRequest('outcome-lint/summary', ({ uri }: { uri: string }) => {
  const doc = at(uri);
  if (!doc) return null;
  const count = (severity: string): number => doc.result.diagnostics.filter((d) => d.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info'), payment: paymentSummary(doc.result) };
});

connection.onRequest('outcome-lint/rules', () => rules.map((r) => ({ id: r.meta.id, summary: r.meta.summary })));

/** The provider's risk report as one HTML page (no scripts, no network), for the webview. */
connection.onRequest('outcome-lint/report', ({ uri }: { uri: string }) => {
  const text = workspace.text(uri);
  if (text === undefined) return null;
  const built = riskReportHtml(uri, text, workspace.accessFor(uri));
  if ('html' in built) return built.html;
  const escaped = built.problems.map((p) => p.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  return `<p>outcome-lint cannot report on this file yet:</p><ul>${escaped.map((p) => `<li>${p}</li>`).join('')}</ul>`;
});

connection.onRequest('outcome-lint/lintWorkspace', async () => {
  const found = await workspace.scan();
  for (const uri of found) publish(uri);
  return found.length;
});

/** The server's copy of a document, for tests that check no edit is lost. */
connection.onRequest('outcome-lint/debug/text', ({ uri }: { uri: string }) => workspace.text(uri) ?? null);

documents.listen(connection);
connection.listen();
