import * as path from 'node:path';
import {
  commands,
  CompletionItemKind,
  ExtensionContext,
  languages,
  LogOutputChannel,
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
let output: LogOutputChannel | undefined;

/** The command a risk report's "change the …" links run; the server puts it in each link. */
const CHANGE_ASSUMPTION_COMMAND = 'outcomeLint.changeReportAssumption';

/** A report's assumptions as the user changed them: the CLI's options, as typed (`successRate` holds `ID=RATE` lines). */
type Assumptions = Readonly<Record<string, string | readonly string[]>>;

/** A "change the …" link's argument: the option, and how to ask for it. */
interface ChangeLink {
  readonly name: string;
  /** The outcome a success rate is for. */
  readonly outcome?: string;
  /** "the spread of success rates". */
  readonly words: string;
  readonly example: string;
}

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
  const log = window.createOutputChannel('Outcome Lint', { log: true });
  output = log;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'outcome' },
      { scheme: 'untitled', language: 'outcome' },
    ],
    outputChannel: log,
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
  log.info(`server started ${Date.now() - activated} ms after activation`);
  // How long a commissioner waits for the first findings; the real VS Code test reads it.
  const firstFindings = languages.onDidChangeDiagnostics((e) => {
    if (!e.uris.some((uri) => uri.path.endsWith('.outcome'))) return;
    log.info(`first findings ${Date.now() - activated} ms after activation`);
    firstFindings.dispose();
  });
  context.subscriptions.push(firstFindings);

  const status = window.createStatusBarItem(StatusBarAlignment.Left, 50);
  status.name = 'Outcome Lint';
  status.command = 'workbench.actions.view.problems';
  context.subscriptions.push(status, log);
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
    commands.registerCommand(CHANGE_ASSUMPTION_COMMAND, (link: ChangeLink) => changeAssumption(link)),
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
    // Its only links are "change the …" links, which run the one command allowed here.
    const panel = window.createWebviewPanel('outcomeLint.riskReport', 'Risk report', ViewColumn.Beside, {
      enableScripts: false,
      enableCommandUris: [CHANGE_ASSUMPTION_COMMAND],
    });
    let timer: NodeJS.Timeout | undefined;
    const listener = workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() !== reportedUri) return;
      // Remade once typing pauses, not at every keystroke.
      const edited = Date.now();
      clearTimeout(timer);
      timer = setTimeout(() => void renderReport(edited), 200);
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

/** The assumptions changed in the report, for each spec. */
const reportAssumptions = new Map<string, Assumptions>();

/** Remakes the report; after an edit (`edited`, when it was made), logs how long the report took to follow it. */
async function renderReport(edited?: number): Promise<void> {
  if (!client || !reportPanel || !reportedUri) return;
  const request = { uri: reportedUri, options: reportAssumptions.get(reportedUri) ?? {}, changeCommand: CHANGE_ASSUMPTION_COMMAND };
  const html = await client.sendRequest<string | null>('outcome-lint/report', request);
  if (!reportPanel) return;
  reportPanel.webview.html = html ?? '<p>This file has no spec to report on.</p>';
  // The real VS Code test reads this (docs/performance.md).
  if (edited !== undefined) output?.info(`risk report remade ${Date.now() - edited} ms after the last edit`);
}

/** The success rates given, one a line as `--success-rate` takes them: RATE for every outcome, ID=RATE for one. */
function ratesOf(options: Assumptions): readonly string[] {
  const rates = options.successRate;
  return Array.isArray(rates) ? rates : [];
}

/** The assumptions with one option set to `text` (empty: back to the default). */
function withOption(options: Assumptions, { name, outcome }: ChangeLink, text: string): Assumptions {
  const value = text.trim();
  const { [name]: _, ...rest } = options;
  if (name !== 'successRate') return value ? { ...rest, [name]: value } : rest;
  const others = ratesOf(options).filter((r) => (outcome ? !r.startsWith(`${outcome}=`) : r.includes('=')));
  const rates = value ? [...others, outcome ? `${outcome}=${value}` : value] : others;
  return rates.length ? { ...rest, successRate: rates } : rest;
}

function optionValue(options: Assumptions, { name, outcome }: ChangeLink): string {
  if (name !== 'successRate') return typeof options[name] === 'string' ? (options[name] as string) : '';
  const given = ratesOf(options).find((r) => (outcome ? r.startsWith(`${outcome}=`) : !r.includes('=')));
  return given ? given.slice(given.indexOf('=') + 1) : '';
}

/** Runs from a report's "change the …" link: asks for the new value, checks it with the server, and remakes the report. */
async function changeAssumption(link: ChangeLink): Promise<void> {
  const uri = reportedUri;
  if (!client || !uri || typeof link?.name !== 'string' || typeof link.words !== 'string') return;
  const options = reportAssumptions.get(uri) ?? {};
  const problems = async (text: string): Promise<string | undefined> => {
    const found = await client!.sendRequest<string[]>('outcome-lint/reportOptionProblems', { uri, options: withOption(options, link, text) }).catch(() => []);
    return found.length ? found.join('; ') : undefined;
  };
  const text = await window.showInputBox({
    title: `Risk report: change ${link.words}`,
    prompt: `Such as ${link.example}. Leave it empty to go back to the default.`,
    value: optionValue(options, link),
    validateInput: problems,
  });
  if (text === undefined) return;
  reportAssumptions.set(uri, withOption(options, link, text));
  await renderReport();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
