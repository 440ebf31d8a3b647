import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationItem,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { generateSpec } from './generate';
import { SCHEMA_PATH, specToYaml } from './yaml';

/*
 * Diagnostics latency as a user feels it: the bundled server (dist/server.js) over
 * stdio, the process and protocol an editor uses. For a generated spec of 10,000
 * lines and one of 300: open it, wait for its first diagnostics, then make 200
 * single-character edits (type a character before the closing quote of a string, then
 * delete it, on 100 lines spread over the file, so the spec stays valid), each one
 * didChange with an incremental range, one at a time. Each latency runs from sending
 * the didChange to the publishDiagnostics whose `version` is that edit's version.
 *
 * The same with yaml-language-server on the same content as YAML (bench/yaml.ts),
 * validated against bench/spec.schema.json through `yaml.schemas`. Its
 * publishDiagnostics carry no `version`, so each edit is matched to the next publish
 * for the file after it. yaml-language-server waits a fixed 200 ms after a change
 * before validating (`validationDelayMs`, not a setting), so it is run twice: as
 * shipped, and with that delay set to 0 by a preloaded script, which times its work.
 *
 * Run after a build: `npm run build && node out/bench/lsp-latency.bench.js`
 *   --edits N        edits per run (default 200)
 *   --only NAME      outcome-lint or yaml-language-server
 *   --lines A,B      spec sizes (default 10000,300)
 *   --where numbers  edit `size` numbers instead of strings (see `edits`)
 *   --profile DIR    run outcome-lint only, with `node --cpu-prof`, and print the
 *                    functions with the most self time
 *   --burst          outcome-lint only: a typing burst instead (see `burst`)
 */

const ROOT = path.resolve(__dirname, '../..');
const OUR_SERVER = path.join(ROOT, 'dist', 'server.js');
const YAML_SERVER = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const TIMEOUT_MS = 120_000;

// ---- a small LSP client over stdio -------------------------------------------------

export interface Publish {
  readonly params: PublishDiagnosticsParams;
  /** performance.now() when the notification was read. */
  readonly at: number;
}

/**
 * A language server in a child process, spoken to over stdio as an editor would
 * (the approach of test/support/lsp-client.ts, for any server, with arrival times).
 */
export class LspServer {
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  private readonly waiters = new Set<(p: Publish) => boolean>();
  /** Every uri's latest publish, and how many there have been. */
  readonly latest = new Map<string, Publish>();
  readonly published = new Map<string, number>();
  /** Sections of workspace/configuration requests answered so far. */
  readonly configured: string[] = [];
  stderr = '';
  private exited: Promise<void>;

  constructor(
    args: readonly string[],
    private readonly configuration: (item: ConfigurationItem) => unknown,
  ) {
    this.child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    this.child.stderr!.on('data', (d: Buffer) => {
      if (this.stderr.length < 100_000) this.stderr += d.toString();
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const publish = { params, at: performance.now() };
      this.latest.set(params.uri, publish);
      this.published.set(params.uri, (this.published.get(params.uri) ?? 0) + 1);
      for (const w of [...this.waiters]) if (w(publish)) this.waiters.delete(w);
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => {
        this.configured.push(item.section ?? '');
        return this.configuration(item);
      }),
    );
    for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'window/showMessageRequest']) {
      this.connection.onRequest(method, () => null);
    }
    this.connection.onRequest('workspace/workspaceFolders', () => null);
    this.connection.listen();
  }

  get pid(): number {
    return this.child.pid!;
  }

  async initialize(folder: string): Promise<void> {
    const uri = pathToFileURL(folder).toString();
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: path.basename(folder) }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  async configurationChanged(): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /**
   * The first publish from now on that `accept`s. Call before sending what causes it,
   * then await; rejects after `timeoutMs`.
   */
  next(accept: (p: PublishDiagnosticsParams) => boolean, timeoutMs = TIMEOUT_MS): Promise<Publish> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching publishDiagnostics within ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const waiter = (p: Publish): boolean => {
        if (!accept(p.params)) return false;
        clearTimeout(timer);
        resolve(p);
        return true;
      };
      this.waiters.add(waiter);
    });
  }

  /** VmHWM and VmRSS of the server process, in kB (Linux). */
  memory(): { peakKb: number; rssKb: number } {
    const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakKb: field('VmHWM'), rssKb: field('VmRSS') };
  }

  /** Shuts down politely (so that --cpu-prof writes its profile), then makes sure. */
  async stop(): Promise<void> {
    const polite = (async () => {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
      await this.exited;
    })().catch(() => undefined);
    await Promise.race([polite, new Promise((r) => setTimeout(r, 10_000))]);
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
    await this.exited;
  }
}

// ---- edits ------------------------------------------------------------------------

interface Edit {
  readonly line: number;
  readonly character: number;
  /** The character typed there, or undefined to delete the one typed before. */
  readonly typed: string | undefined;
}

/** Where the edits are made: inside strings (the issue's benchmark), or in numbers. */
export type EditPlace = 'strings' | 'numbers';

/**
 * `count` edits: type a character, then delete it, on count / 2 lines spread evenly
 * over the file, so the file stays valid (against the language, or the YAML schema).
 * - `strings`: type `x` before the closing quote of the first string on a line. Only
 *   strings with a space in them: free text, never an id, a keyword, money or a date.
 * - `numbers`: type `0` after a cohort's or segment's `size` (120 becomes 1200): an
 *   edit that changes what most rules read, so the server lints the whole spec.
 */
export function edits(text: string, count: number, where: EditPlace = 'strings'): Edit[] {
  const candidates: { line: number; character: number }[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trimStart().startsWith('#')) return;
    if (where === 'numbers') {
      const size = /\bsize:? \d+/.exec(line);
      if (size) candidates.push({ line: i, character: size.index + size[0].length });
      return;
    }
    const match = /"([^"\\]*)"/.exec(line);
    const free = match !== null && match[1].includes(' ') && !/^\d+ [a-z]+$/.test(match[1]); // "30 weeks" is a duration in the YAML
    if (match && free) candidates.push({ line: i, character: match.index + match[0].length - 1 });
  });
  const lines = Math.ceil(count / 2);
  if (candidates.length === 0) throw new Error(`no ${where} to edit`);
  const out: Edit[] = [];
  for (let k = 0; k < lines; k++) {
    const at = candidates[Math.floor(((k + 0.5) * candidates.length) / lines)];
    out.push({ ...at, typed: where === 'numbers' ? '0' : 'x' }, { ...at, typed: undefined });
  }
  return out.slice(0, count);
}

function change(e: Edit): TextDocumentContentChangeEvent {
  const start = { line: e.line, character: e.character };
  return e.typed !== undefined
    ? { range: { start, end: start }, text: e.typed }
    : { range: { start, end: { line: e.line, character: e.character + 1 } }, text: '' };
}

// ---- one run ----------------------------------------------------------------------

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

interface Run {
  readonly server: string;
  readonly lines: number;
  readonly firstMs: number;
  readonly firstCount: number;
  readonly latencies: number[];
  readonly counts: Set<number>;
}

interface Subject {
  readonly name: string;
  readonly file: string;
  readonly languageId: string;
  /** Starts the server in `folder` and waits until it is ready for documents. */
  start(folder: string): Promise<LspServer>;
  /** Does this publish answer the edit that made `version`? */
  answers(p: PublishDiagnosticsParams, uri: string, version: number): boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function run(subject: Subject, text: string, count: number, where: EditPlace): Promise<Run> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-lsp-bench-'));
  const file = path.join(folder, subject.file);
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).toString();
  const server = await subject.start(folder);
  try {
    const first = server.next((p) => subject.answers(p, uri, 1));
    const opened = performance.now();
    await server.open(uri, subject.languageId, text);
    const firstPublish = await first;
    await sleep(500); // let start-up work (workspace scans, schema loading) settle
    const latencies: number[] = [];
    const counts = new Set<number>();
    let version = 1;
    for (const e of edits(text, count, where)) {
      version++;
      const v = version;
      const answered = server.next((p) => subject.answers(p, uri, v));
      const sent = performance.now();
      await server.change(uri, v, [change(e)]);
      const publish = await answered;
      latencies.push(publish.at - sent);
      counts.add(publish.params.diagnostics.length);
      await sleep(5);
    }
    return {
      server: subject.name,
      lines: text.split('\n').length,
      firstMs: firstPublish.at - opened,
      firstCount: firstPublish.params.diagnostics.length,
      latencies,
      counts,
    };
  } finally {
    await server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * A typing burst: `keys` keystrokes `gapMs` apart, without waiting for diagnostics (a
 * word typed into strings spread over the file, as `edits` makes them), on a spec of
 * `lines` lines. What a user feels is how long after the last key its diagnostics come,
 * and how many lints the server ran on the way (one per publish of the file).
 */
async function burst(lines: number, keys: number, gapMs: number): Promise<void> {
  const text = generateSpec(lines);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-burst-bench-'));
  const file = path.join(folder, 'bench.outcome');
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).toString();
  const server = await outcomeLint().start(folder);
  try {
    const first = server.next((p) => p.uri === uri && p.version === 1);
    await server.open(uri, 'outcome', text);
    await first;
    await sleep(500);
    const before = server.published.get(uri) ?? 0;
    const last = keys + 1;
    const final = server.next((p) => p.uri === uri && p.version === last);
    let sentLast = 0;
    let version = 1;
    for (const e of edits(text, keys)) {
      version++;
      await server.change(uri, version, [change(e)]);
      sentLast = performance.now();
      if (version < last) await sleep(gapMs);
    }
    const done = await final;
    console.log(
      `outcome-lint, ${text.split('\n').length.toLocaleString('en-GB')} lines (${(text.length / 1024 / 1024).toFixed(1)} MiB), ${keys} keystrokes ${gapMs} ms apart: ` +
        `diagnostics of the last ${(done.at - sentLast).toFixed(0)} ms after it; ${(server.published.get(uri) ?? 0) - before} lints in all`,
    );
  } finally {
    await server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

// ---- the servers ------------------------------------------------------------------

const OUR_SETTINGS = { enable: true, maxProblems: 1000, inlayHints: true, maxFileSizeMB: 10 };

function outcomeLint(nodeArgs: readonly string[] = []): Subject {
  return {
    name: 'outcome-lint',
    file: 'bench.outcome',
    languageId: 'outcome',
    async start(folder) {
      const server = new LspServer([...nodeArgs, OUR_SERVER, '--stdio'], () => OUR_SETTINGS);
      await server.initialize(folder);
      return server;
    },
    answers: (p, uri, version) => p.uri === uri && p.version === version,
  };
}

let preload: string | undefined;

/** A script preloaded into yaml-language-server that sets its validation delay to 0 (written once, removed at exit). */
function noDelayPreload(): string {
  if (preload) return preload;
  const settings = path.join(path.dirname(YAML_SERVER), '..', 'out', 'server', 'src', 'yamlSettings.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yls-no-delay-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'no-delay.js');
  fs.writeFileSync(
    file,
    `const m = require(${JSON.stringify(settings)});
const Shipped = m.SettingsState;
m.SettingsState = class extends Shipped { constructor(...a) { super(...a); this.validationDelayMs = 0; } };
`,
  );
  preload = file;
  return file;
}

function yamlLanguageServer(delay: 'shipped' | 'none'): Subject {
  const schemaUri = pathToFileURL(SCHEMA_PATH).toString();
  const settings = {
    schemas: { [schemaUri]: '*.yaml' },
    validate: true,
    hover: true,
    completion: true,
    // No network: neither the schema store nor the Kubernetes CRD catalogue.
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
  };
  return {
    name: delay === 'shipped' ? 'yaml-language-server (as shipped, 200 ms delay)' : 'yaml-language-server (delay set to 0)',
    file: 'bench.yaml',
    languageId: 'yaml',
    async start(folder) {
      const preload = delay === 'none' ? ['--require', noDelayPreload()] : [];
      const server = new LspServer([...preload, YAML_SERVER, '--stdio'], (item) => (item.section === 'yaml' ? settings : item.section === 'http' ? { proxyStrictSSL: false } : null));
      await server.initialize(folder);
      await server.configurationChanged();
      for (let i = 0; i < 1000 && !server.configured.includes('yaml'); i++) await sleep(10);
      if (!server.configured.includes('yaml')) throw new Error(`yaml-language-server never asked for its settings; stderr: ${server.stderr}`);
      await sleep(200);
      // The schema must really apply: a file with a wrong enum value gets a finding.
      const check = pathToFileURL(path.join(folder, 'check.yaml')).toString();
      const checked = server.next((p) => p.uri === check);
      await server.open(check, 'yaml', 'spec:\n  title: "t"\n  serviceLevel: "sometimes"\npayment:\n  model: "results"\n  pay: []\n');
      const found = await checked;
      if (found.params.diagnostics.length === 0) throw new Error('yaml-language-server did not apply bench/spec.schema.json');
      await server.close(check);
      return server;
    },
    answers: (p, uri) => p.uri === uri,
  };
}

// ---- the profile --------------------------------------------------------------------

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Top self-time functions of every .cpuprofile in `dir`, with the source file each came from. */
export function summariseProfiles(dir: string, top = 15): void {
  const bundle = fs.readFileSync(OUR_SERVER, 'utf8').split('\n');
  // esbuild marks each module in an unminified bundle with a `// path` comment.
  const moduleAt: string[] = [];
  let current = '';
  bundle.forEach((line, i) => {
    const m = /^\/\/ ((?:server|client|node_modules)\/\S+)$/.exec(line);
    if (m) current = m[1].replace(/^node_modules\/([^/]+)\/.*$/, '$1 (dependency)');
    moduleAt[i] = current;
  });
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    const byModule = new Map<string, number>();
    const byStage = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const frame = byId.get(id)!.callFrame;
      const where = frame.url.endsWith('server.js') ? moduleAt[frame.lineNumber] || 'dist/server.js' : frame.url ? path.basename(frame.url) : '';
      const key = `${frame.functionName || '(anonymous)'}${where ? `  [${where}]` : ''}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      const area = frame.url
        ? where.startsWith('server/src/')
          ? where.split('/').slice(0, 4).join('/').replace(/\.ts$/, '')
          : where || 'node internals'
        : frame.functionName.startsWith('RegExp:')
          ? 'RegExp (mostly the lexer\'s token patterns)'
          : frame.functionName;
      byModule.set(area, (byModule.get(area) ?? 0) + dt);
      const stage =
        area === '(garbage collector)' || area === '(idle)'
          ? area
          : /^chevrotain|^server\/src\/syntax|^RegExp/.test(area)
            ? 'syntax: lexer, parser, AST (server/src/syntax, chevrotain)'
            : area.startsWith('server/src/rules')
              ? 'rules (server/src/rules)'
              : area.startsWith('server/src/model')
                ? 'model (server/src/model)'
                : area === 'server/src/lint'
                  ? 'lint.ts (suppressions, sorting)'
                  : /^server\/src\/lsp|^vscode-|^node:|^node internals/.test(area)
                    ? 'LSP: server.ts, JSON-RPC, I/O'
                    : 'other';
      byStage.set(stage, (byStage.get(stage) ?? 0) + dt);
      total += dt;
    });
    const busy = total - (self.get('(idle)') ?? 0);
    console.log(`\nprofile ${name}: ${total.toFixed(0)} ms sampled, ${busy.toFixed(0)} ms not idle; top self time (share of non-idle):`);
    [...self.entries()]
      .filter(([k]) => k !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .forEach(([k, ms]) => console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${k}`));
    console.log('self time by stage:');
    [...byStage.entries()]
      .filter(([k]) => k !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .forEach(([k, ms]) => console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${k}`));
    console.log('self time by area (server/src/<folder>/<file or folder>, dependency, or V8):');
    [...byModule.entries()]
      .filter(([k]) => k !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .forEach(([k, ms]) => console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${k}`));
  }
}

// ---- main -----------------------------------------------------------------------------

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function print(r: Run): void {
  const median = quantile(r.latencies, 0.5);
  const p95 = quantile(r.latencies, 0.95);
  console.log(
    `${r.server}, ${r.lines.toLocaleString('en-GB')} lines: first diagnostics ${r.firstMs.toFixed(0)} ms (${r.firstCount} findings); ` +
      `${r.latencies.length} edits: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...r.latencies).toFixed(1)} ms` +
      ` (findings per publish: ${[...r.counts].sort((a, b) => a - b).join(', ')})`,
  );
}

async function main(): Promise<void> {
  if (!fs.existsSync(OUR_SERVER)) throw new Error('build first: npm run build');
  const count = Number(option('edits') ?? 200);
  const sizes = (option('lines') ?? '10000,300').split(',').map(Number);
  const only = option('only');
  const profileDir = option('profile');
  const where = (option('where') ?? 'strings') as EditPlace;
  if (where !== 'strings' && where !== 'numbers') throw new Error(`--where must be strings or numbers, not ${where}`);
  console.log(`node ${process.version}, ${process.platform} ${process.arch}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  if (process.argv.includes('--burst')) {
    for (const lines of (option('lines') ?? '60000,20000').split(',').map(Number)) await burst(lines, count, Number(option('gap') ?? 10));
    return;
  }

  if (profileDir) {
    fs.mkdirSync(profileDir, { recursive: true });
    for (const lines of sizes) {
      const dir = path.join(profileDir, `lines-${lines}`);
      fs.rmSync(dir, { recursive: true, force: true });
      print(await run(outcomeLint(['--cpu-prof', `--cpu-prof-dir=${dir}`]), generateSpec(lines), count, where));
      summariseProfiles(dir);
    }
    return;
  }

  const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  for (const lines of sizes) {
    const spec = generateSpec(lines);
    const yaml = specToYaml(spec);
    if (!validate(parseYaml(yaml))) throw new Error(`the YAML of ${lines} lines does not match bench/spec.schema.json: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
    const results: Run[] = [];
    if (only === undefined || only === 'outcome-lint') results.push(await run(outcomeLint(), spec, count, where));
    if (only === undefined || only === 'yaml-language-server') {
      results.push(await run(yamlLanguageServer('shipped'), yaml, count, where));
      results.push(await run(yamlLanguageServer('none'), yaml, count, where));
    }
    console.log(`\nedits in ${where}; generated spec of ${lines.toLocaleString('en-GB')} lines (${(spec.length / 1024).toFixed(0)} KiB); as YAML ${yaml.split('\n').length.toLocaleString('en-GB')} lines (${(yaml.length / 1024).toFixed(0)} KiB)`);
    for (const r of results) print(r);
    const ours = results.find((r) => r.server === 'outcome-lint');
    if (ours) {
      const median = quantile(ours.latencies, 0.5);
      if (lines === 10_000 && where === 'strings') console.log(`target: outcome-lint median ≤ 30 ms on 10,000 lines: ${median <= 30 ? 'met' : `MISSED by ${(median - 30).toFixed(1)} ms`}`);
      for (const other of results.filter((r) => r !== ours)) {
        const theirs = quantile(other.latencies, 0.5);
        console.log(
          `ratio of medians, outcome-lint / ${other.server}: ${(median / theirs).toFixed(3)} (target ≤ 0.333: ${median / theirs <= 1 / 3 ? 'met' : 'missed'}); ` +
            `p95 ratio ${(quantile(ours.latencies, 0.95) / quantile(other.latencies, 0.95)).toFixed(3)}`,
        );
      }
    }
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
