import { LineIndex } from '../base/line-index';
import { LintResult } from '../engine/lint';
import { Linter } from '../engine/linter';
import { Project } from '../host/project';
import { catalogue } from '../rules/catalogue';
import { ClientSettings, DEFAULT_SETTINGS } from './settings';

/*
 * What the language server knows: the project (its folders, texts and settings, the
 * documents the editor holds among them), the linter that remembers each file's lint,
 * which files the workspace holds, and the client's settings. Every handler answers
 * from here. Files are known by the project's ids; the editor's URIs are turned into
 * ids as they arrive, and ids back into the editor's own spelling as they leave.
 */

/** How long the workspace scan walks before letting other messages through, in ms. */
const SCAN_SLICE_MS = 10;

export class Session {
  readonly linter: Linter;
  settings: ClientSettings = DEFAULT_SETTINGS;
  /** Every file the server knows: those found under the workspace folders, and open documents. */
  private readonly known = new Set<string>();
  /** How the editor spells the URI of each open document: what it hears back about the file. */
  private readonly spellings = new Map<string, string>();

  constructor(readonly project: Project = new Project({ roots: [], rules: catalogue })) {
    this.linter = new Linter(project, catalogue, (file) => project.isOpen(file));
  }

  /** The id of a file the editor names. */
  id(uri: string): string {
    return Project.id(uri);
  }

  /** The URI the editor knows a file by. */
  uri(file: string): string {
    return this.spellings.get(file) ?? Project.uri(file);
  }

  get files(): readonly string[] {
    return [...this.known];
  }

  isKnown(file: string): boolean {
    return this.known.has(file);
  }

  /**
   * Finds the `.outcome` files under the workspace folders, as the CLI would, and returns
   * them. The walk goes a few folders at a time, giving way to other messages after
   * each slice: a workspace of thousands of folders takes a second or more to walk.
   */
  async scan(): Promise<string[]> {
    const walk = this.project.walk();
    let slice = performance.now() + SCAN_SLICE_MS;
    for (let step = walk.next(); ; step = walk.next()) {
      if (step.done) {
        const found = new Set(step.value.files);
        // Files the walk no longer finds (the ignores changed) are forgotten, unless open and not ignored.
        for (const file of this.known) if (!found.has(file) && (!this.project.isOpen(file) || this.project.ignoredBy(file) !== undefined)) this.forget(file);
        for (const file of found) this.known.add(file);
        return step.value.files;
      }
      if (performance.now() > slice) {
        await new Promise((resolve) => setImmediate(resolve));
        slice = performance.now() + SCAN_SLICE_MS;
      }
    }
  }

  /** The editor opened a document: its text is the editor's from now on (a file the ignores leave out is not linted). */
  open(uri: string, text: string): string {
    const file = this.id(uri);
    this.spellings.set(file, uri);
    if (this.project.ignoredBy(file) === undefined) this.known.add(file);
    this.edit(file, text);
    return file;
  }

  /** The editor's text of an open document changed (a file opened as it is on disk keeps its lint). */
  edit(file: string, text: string): void {
    const same = this.project.read(file) === text;
    this.project.setOpen(file, text);
    if (!same) this.linter.changed(file);
  }

  /** The editor closed a document: a file on disk inside the workspace is linted from disk again; any other is forgotten. */
  close(file: string): void {
    this.spellings.delete(file);
    this.project.close(file);
    if (this.project.holds(file)) this.changedOnDisk(file);
    else this.forget(file);
  }

  /** A file changed on disk (or was created or deleted). An open document is the editor's. */
  changedOnDisk(file: string): void {
    if (this.project.isOpen(file)) return;
    this.project.changed(file);
    // A file that is there but cannot be read as text stays known: its one finding says why.
    if (this.project.read(file) !== undefined && this.project.ignoredBy(file) === undefined) {
      this.known.add(file);
      this.linter.changed(file);
    } else this.forget(file);
  }

  private forget(file: string): void {
    this.known.delete(file);
    this.linter.forget(file);
  }

  /** A settings file changed: every file is linted with what they now say. */
  settingsChanged(): void {
    this.project.forgetSettings();
    this.linter.settingsChanged();
  }

  text(file: string): string | undefined {
    const text = this.project.read(file);
    return typeof text === 'string' ? text : undefined;
  }

  tooLarge(file: string): boolean {
    return (this.text(file)?.length ?? 0) > this.settings.maxFileSizeMB * 1024 * 1024;
  }

  /**
   * A known file's lint and line index (a file that is not UTF-8 text gets one finding
   * saying so); undefined for a file the server does not know, or one too large to lint.
   */
  lint(file: string): { result: LintResult; index: LineIndex } | undefined {
    if (!this.known.has(file) || this.project.read(file) === undefined || this.tooLarge(file)) return undefined;
    const result = this.linter.lint(file);
    return { result, index: result.facts.lines };
  }

  /** Every known file's lint, for references, rename and workspace symbols. */
  lintAll(): LintResult[] {
    return this.files.flatMap((file) => this.lint(file)?.result ?? []);
  }

  /** A file as the editor knows it (its URI) and a line index of its text, for places in it (one index per text: lints keep theirs). */
  place(file: string): { uri: string; index: LineIndex } {
    return { uri: this.uri(file), index: this.lint(file)?.index ?? new LineIndex(this.text(file) ?? '') };
  }
}
