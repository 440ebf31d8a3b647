import * as path from 'node:path';
import {
  commands,
  CompletionItemKind,
  ExtensionContext,
  languages,
  StatusBarAlignment,
  StatusBarItem,
  Uri,
  ViewColumn,
  WebviewPanel,
  window,
  workspace,
} from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { NEW_SPEC_TEMPLATE } from '../../server/src/services/templates';

/*
 * The VS Code extension: starts the bundled language server over IPC for `outcome`
 * documents, and adds what only an editor can: a status bar summary, the risk report
 * webview and a few commands. Everything about specs is the server's.
 */

let client: LanguageClient | undefined;

interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  /** "£1,410,000 of £2,000,000", or undefined when the spec has no payment. */
  payment?: string;
}


export async function activate(context: ExtensionContext): Promise<void> {
  const activated = Date.now();
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc },
  };
  const output = window.createOutputChannel('Outcome Lint', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'outcome' },
      { scheme: 'untitled', language: 'outcome' },
    ],
    outputChannel: output,
    synchronize: { configurationSection: 'outcomeLint' },
    middleware: {
      // VS Code has the same block snippets from grammar/snippets.json: show them once.
      provideCompletionItem: async (document, position, context, token, next) => {
        const items = await next(document, position, context, token);
        const list = Array.isArray(items) ? items : (items?.items ?? []);
        return list.filter((item) => item.kind !== CompletionItemKind.Snippet);
      },
    },
  };
  client = new LanguageClient('outcomeLint', 'Outcome Lint', serverOptions, clientOptions);
  await client.start();
  output.info(`server started ${Date.now() - activated} ms after activation`);
  // How long a commissioner waits for the first findings; the real VS Code test reads it.
  const firstFindings = languages.onDidChangeDiagnostics((e) => {
    if (!e.uris.some((uri) => uri.path.endsWith('.outcome'))) return;
    output.info(`first findings ${Date.now() - activated} ms after activation`);
    firstFindings.dispose();
  });
  context.subscriptions.push(firstFindings);

  const status = window.createStatusBarItem(StatusBarAlignment.Left, 50);
  status.name = 'Outcome Lint';
  status.command = 'workbench.actions.view.problems';
  context.subscriptions.push(status, output);
  const refreshStatus = (): Promise<void> => showSummary(status);
  context.subscriptions.push(
    window.onDidChangeActiveTextEditor(refreshStatus),
    languages.onDidChangeDiagnostics(refreshStatus),
    commands.registerCommand('outcomeLint.lintWorkspace', async () => {
      await client?.sendRequest('outcome-lint/lintWorkspace');
      await commands.executeCommand('workbench.actions.view.problems');
    }),
    commands.registerCommand('outcomeLint.newSpecification', async () => {
      const document = await workspace.openTextDocument({ language: 'outcome', content: NEW_SPEC_TEMPLATE });
      await window.showTextDocument(document);
    }),
    commands.registerCommand('outcomeLint.openRuleDocumentation', async (id?: string) => {
      const rules = await client!.sendRequest<{ id: string; summary: string }[]>('outcome-lint/rules');
      const chosen = id ?? (await window.showQuickPick(rules.map((r) => ({ label: r.id, detail: r.summary })), { placeHolder: 'Which rule?' }))?.label;
      if (!chosen) return;
      await commands.executeCommand('markdown.showPreview', Uri.file(context.asAbsolutePath(path.join('docs', 'rules', `${chosen}.md`))));
    }),
    commands.registerCommand('outcomeLint.showRiskReport', () => showRiskReport(context)),
  );
  await refreshStatus();
}

async function showSummary(status: StatusBarItem): Promise<void> {
  const editor = window.activeTextEditor;
  if (!client || !editor || editor.document.languageId !== 'outcome') {
    status.hide();
    return;
  }
  const summary = await client.sendRequest<Summary | null>('outcome-lint/summary', { uri: editor.document.uri.toString() }).catch(() => null);
  if (!summary) {
    status.hide();
    return;
  }
  const findings = summary.errors + summary.warnings + summary.infos;
  status.text = `$(checklist) ${findings} finding${findings === 1 ? '' : 's'}${summary.payment ? ` · pays up to ${summary.payment}` : ''}`;
  status.tooltip = `${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} notes. Click to see them.`;
  status.show();
}

let reportPanel: WebviewPanel | undefined;
/** The spec the risk report panel shows. */
let reportedUri: string | undefined;

/**
 * The provider's risk report for the active spec, in one panel beside it, kept up to
 * date as that spec is edited. Run again on another spec, the panel switches to it.
 */
async function showRiskReport(context: ExtensionContext): Promise<void> {
  const editor = window.activeTextEditor;
  if (!client || !editor || editor.document.languageId !== 'outcome') {
    await window.showInformationMessage('Open an outcome specification (.outcome file) first.');
    return;
  }
  const uri = editor.document.uri.toString();
  if (!reportPanel) {
    // The report is static HTML with inline styles and SVG: no scripts, no network.
    const panel = window.createWebviewPanel('outcomeLint.riskReport', 'Risk report', ViewColumn.Beside, { enableScripts: false });
    let timer: NodeJS.Timeout | undefined;
    const listener = workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() !== reportedUri) return;
      clearTimeout(timer);
      timer = setTimeout(() => void renderReport(), 300);
    });
    panel.onDidDispose(() => {
      listener.dispose();
      clearTimeout(timer);
      reportPanel = undefined;
    }, undefined, context.subscriptions);
    reportPanel = panel;
  }
  reportedUri = uri;
  reportPanel.title = `Risk report: ${path.basename(editor.document.uri.path)}`;
  await renderReport();
}

async function renderReport(): Promise<void> {
  if (!client || !reportPanel || !reportedUri) return;
  const html = await client.sendRequest<string | null>('outcome-lint/report', { uri: reportedUri });
  if (reportPanel) reportPanel.webview.html = html ?? '<p>This file has no spec to report on.</p>';
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
