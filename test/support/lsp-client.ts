import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  Diagnostic,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  ConfigurationRequest,
} from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer, Server } from '../../server/src/lsp/server';
import { repoRoot } from './paths';

/**
 * A real JSON-RPC client for the language server: by default the bundled server
 * (dist/server.js) over stdio, the same process and protocol an editor uses; with
 * `inProcess`, the server made by `createServer` in this process over a pair of streams,
 * so that a test can look at what it holds (`server.session`).
 */
export class LspClient {
  readonly connection: ProtocolConnection;
  /** The server, when it runs in this process. */
  readonly server: Server | undefined;
  private readonly process: ChildProcess | undefined;
  private readonly serverSide: { dispose(): void } | undefined;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: (() => void)[] = [];
  stderr = '';

  constructor(settings: Record<string, unknown> = {}, { inProcess = false } = {}) {
    if (inProcess) {
      const toServer = new PassThrough();
      const toClient = new PassThrough();
      const serverSide = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
      this.server = createServer(serverSide);
      serverSide.listen();
      this.serverSide = serverSide;
      this.connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    } else {
      this.process = spawn(process.execPath, [path.join(repoRoot, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      this.process.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
      this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    }
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      for (const w of this.waiters.splice(0)) w();
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => settings));
    this.connection.listen();
  }

  static uri(file: string): string {
    return pathToFileURL(file).toString();
  }

  async initialize(folder: string): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      // A process to watch, for a server in a process of its own: it ends when the editor has gone.
      processId: this.process ? process.pid : null,
      rootUri: LspClient.uri(folder),
      workspaceFolders: [{ uri: LspClient.uri(folder), name: path.basename(folder) }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'outcome', version, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Waits (event-driven, bounded) for diagnostics on `uri` that satisfy `accept`. */
  async diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (this.published.get(uri) ?? []).filter(accept).pop();
      if (found) return found.diagnostics;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}; got ${JSON.stringify(this.published.get(uri)?.map((p) => p.diagnostics.map((d) => d.code)))}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Every publish for `uri`, in the order they came. */
  publishes(uri: string): readonly PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  /** The versions of every publish for `uri`, in the order they came. */
  publishedVersions(uri: string): number[] {
    return (this.published.get(uri) ?? []).flatMap((p) => (p.version === undefined ? [] : [p.version]));
  }

  async stop(): Promise<void> {
    // An in-process server is not sent `exit`: it would end this process.
    if (this.process) {
      try {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        // already gone
      }
    }
    this.connection.dispose();
    this.serverSide?.dispose();
    this.process?.kill();
  }
}
