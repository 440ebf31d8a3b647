import { Connection, ConnectionError, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { ConfigProblem } from '../host/config-files';
import { Project } from '../host/project';
import { toConfigDiagnostic, toLspDiagnostic, tooLargeDiagnostic } from './convert';
import { Session } from './session';

/*
 * Findings, published as the user types. A change that comes alone is linted at once.
 * When more changes are waiting behind it (a burst: keys typed faster than the file is
 * linted, or many edits at once), the lint waits until they stop coming for about as
 * long as a lint of the file takes: in a big file whose lint takes a second, a burst of
 * keystrokes costs one lint, of the latest text, a second after the last key.
 *
 * The JSON-RPC layer handles one message per turn of the event loop, each in a
 * `setImmediate` queued as the one before it ends. So a `setImmediate` queued while a
 * change is handled runs before the next message is, and every keystroke of a burst
 * was linted; one queued from inside another runs after it, and sees whether another
 * change was waiting.
 */

/** The longest wait for the changes to stop, however slow a file's lint. */
const MOST_SETTLE_MS = 1_000;

export class Diagnostics {
  /** Files waiting to be linted: the latest text wins, stale work never starts. */
  private readonly pending = new Set<string>();
  /**
   * Nothing is published before the editor's settings are known (`start`): a file opened
   * at once would be linted with the defaults (another size limit, findings turned off)
   * and published twice, the first time wrong.
   */
  private started = false;
  /** When the change that started the wait for a lint came; undefined when no lint is awaited. */
  private armed: number | undefined;
  private lastChange = 0;
  /** Settings files with problems shown in them now: file → the problems, as shown. */
  private readonly shownConfigProblems = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly session: Session,
    /** The version of an open document, for the editor to match findings with its text. */
    private readonly version: (uri: string) => number | undefined,
  ) {}

  schedule(file: string): void {
    this.pending.add(file);
    this.lastChange = performance.now();
    if (!this.started || this.armed) return;
    const armed = (this.armed = this.lastChange);
    setImmediate(() => setImmediate(() => this.flushWhenSettled(armed)));
  }

  /** The settings are known: what was opened meanwhile is linted now. */
  start(): void {
    this.started = true;
    const waiting = [...this.pending];
    if (waiting.length > 0) this.schedule(waiting[0]);
  }

  /** Lints what is pending, unless changes came after `armed` and have not stopped for as long as a lint of these files takes. */
  private flushWhenSettled(armed: number): void {
    if (this.lastChange > armed) {
      let settle = 0;
      for (const f of this.pending) settle = Math.max(settle, Math.min(MOST_SETTLE_MS, this.session.linter.costOf(f)));
      const quiet = performance.now() - this.lastChange;
      if (quiet < settle) {
        setTimeout(() => this.flushWhenSettled(armed), settle - quiet);
        return;
      }
    }
    this.armed = undefined;
    const batch = [...this.pending];
    this.pending.clear();
    for (const f of batch) this.publish(f);
    // Files that use these see them change: re-lint them after, at lower priority.
    const dependants = new Set(batch.flatMap((f) => this.session.linter.dependants(f)).filter((f) => !batch.includes(f)));
    this.inTheBackground([...dependants]);
  }

  /** Lints a list of files one at a time between other messages, so requests stay quick. */
  inTheBackground(files: string[]): void {
    const next = files.shift();
    if (next === undefined) return;
    setImmediate(() => {
      this.publish(next);
      this.inTheBackground(files);
    });
  }

  publish(file: string): void {
    const session = this.session;
    if (!session.isKnown(file)) return;
    const uri = session.uri(file);
    const version = this.version(uri);
    if (!session.settings.enable) {
      this.send({ uri, diagnostics: [] });
      return;
    }
    if (session.tooLarge(file)) {
      this.send({ uri, version, diagnostics: [tooLargeDiagnostic(session.settings.maxFileSizeMB)] });
      return;
    }
    const doc = session.lint(file);
    if (!doc) return;
    this.showConfigProblems(session.project.configProblems(file));
    const where = (other: string | undefined) => (other === undefined || other === file ? { uri, index: doc.index } : session.place(other));
    const diagnostics = doc.result.diagnostics.slice(0, session.settings.maxProblems).map((d) => toLspDiagnostic(d, where, doc.result.rules));
    this.send({ uri, version, diagnostics });
  }

  /**
   * Publishes, unless the editor has gone: a lint that was waiting for the settings, or
   * for a burst to end, may come after the connection closed, with no one to tell.
   */
  private send(params: PublishDiagnosticsParams): void {
    try {
      void this.connection.sendDiagnostics(params).catch(() => undefined);
    } catch (error) {
      if (!(error instanceof ConnectionError)) throw error;
    }
  }

  /** A file is no longer known: its findings go. */
  clear(uri: string): void {
    this.send({ uri, diagnostics: [] });
  }

  /** The settings files changed: what was shown in them goes, and is shown again, if it remains, as files are linted. */
  forgetConfigProblems(): void {
    for (const uri of this.shownConfigProblems.keys()) this.clear(uri);
    this.shownConfigProblems.clear();
  }

  /**
   * A broken `.outcomelintrc.json` is not used (files get the default settings): say what
   * is wrong in the settings file itself, where the editor marks it, and once in the log.
   */
  private showConfigProblems(problems: readonly ConfigProblem[]): void {
    const byFile = new Map<string, ConfigProblem[]>();
    for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
    for (const [file, list] of byFile) {
      const uri = Project.uri(file);
      const shown = list.map((p) => p.message).join('\n');
      if (this.shownConfigProblems.get(uri) === shown) continue;
      this.shownConfigProblems.set(uri, shown);
      this.connection.console.error(`${shown}\n(outcome-lint uses its default settings until this is fixed)`);
      this.send({ uri, diagnostics: list.map(toConfigDiagnostic) });
    }
  }
}
