import { Connection } from 'vscode-languageserver/node';
import { ConfigProblem } from '../host/config-files';
import { Project } from '../host/project';
import { toConfigDiagnostic, toLspDiagnostic, tooLargeDiagnostic } from './convert';
import { Session } from './session';

/*
 * Findings, published as the user types. A change is linted after the messages already
 * queued are read (setImmediate), not after a fixed delay: a burst of keystrokes costs
 * one lint, of the latest text. The files that see a changed file through `use` are
 * linted after it, in the background, one at a time between other messages.
 */

export class Diagnostics {
  /** Files waiting to be linted: the latest text wins, stale work never starts. */
  private readonly pending = new Set<string>();
  private flushing = false;
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
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => {
      this.flushing = false;
      const batch = [...this.pending];
      this.pending.clear();
      for (const f of batch) this.publish(f);
      // Files that use these see them change: re-lint them after, at lower priority.
      const dependants = new Set(batch.flatMap((f) => this.session.linter.dependants(f)).filter((f) => !batch.includes(f)));
      this.inTheBackground([...dependants]);
    });
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
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    if (session.tooLarge(file)) {
      void this.connection.sendDiagnostics({ uri, version, diagnostics: [tooLargeDiagnostic(session.settings.maxFileSizeMB)] });
      return;
    }
    const doc = session.lint(file);
    if (!doc) return;
    this.showConfigProblems(session.project.configProblems(file));
    const where = (other: string | undefined) => (other === undefined || other === file ? { uri, index: doc.index } : session.place(other));
    const diagnostics = doc.result.diagnostics.slice(0, session.settings.maxProblems).map((d) => toLspDiagnostic(d, where, doc.result.rules));
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** A file is no longer known: its findings go. */
  clear(uri: string): void {
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
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
      void this.connection.sendDiagnostics({ uri, diagnostics: list.map(toConfigDiagnostic) });
    }
  }
}
