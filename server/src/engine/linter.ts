import { ParseCache } from '../model/model';
import { ParseResult } from '../syntax/parse';
import { ItemEdit, reparse } from '../syntax/reparse';
import { lint, LintResult, RuleSet } from './lint';
import { Project } from './project';

/*
 * A linter that remembers, for an editor's session: each file's latest lint (kept until
 * the file, a file it `use`s, or the settings change), each file's parse (worked out
 * from the last one after an edit, so that a keystroke in a long spec parses one item),
 * and, for files being typed in, what each rule read (the next lint keeps the findings
 * of rules the edit cannot change: engine/reuse.ts). The project holds the texts; the
 * linter is told when one changes.
 */

interface Entry {
  /** The text it was parsed from (the project's, when last asked). */
  text?: string;
  /** Parsed once per text, when first needed: by its own lint or one that `use`s it. */
  parsed?: ParseResult;
  /** The last parse of an earlier text, from which `reparse` works out the next one. */
  earlier?: { readonly text: string; readonly parsed: ParseResult };
  /** The lint of that earlier text, and the edit since when it was inside one item. */
  earlierResult?: LintResult;
  edit?: ItemEdit;
  result?: LintResult;
}

export class Linter {
  private readonly entries = new Map<string, Entry>();
  /**
   * The files each file's `use` lines led to when last linted (missing ones too), and the
   * other way round: kept when its lint is dropped.
   */
  private readonly uses = new Map<string, readonly string[]>();
  private readonly usedBy = new Map<string, Set<string>>();
  /** How long each file's last lint took, in milliseconds (a remembered lint costs nothing and is not counted). */
  private readonly costs = new Map<string, number>();
  /**
   * The parse cache every lint shares: each known file's parse of its current text. Only
   * the linted file and what it `use`s get parsed, never the whole workspace.
   */
  private readonly parses: ParseCache = {
    get: (file) => this.parsedNow(file),
    set: (file, parsed) => {
      const entry = this.entries.get(file);
      if (entry && entry.text === undefined) entry.text = this.textOf(file);
      if (entry) entry.parsed = parsed;
    },
  };

  /**
   * @param typing Files being typed in (open in an editor): their lints note what each
   * rule reads, so that the next keeps what an edit cannot change.
   */
  constructor(
    private readonly project: Project,
    readonly rules: RuleSet,
    private readonly typing: (file: string) => boolean,
  ) {}

  /** The file's lint, remembered while neither it, what it uses, nor the settings change. */
  lint(file: string): LintResult {
    const entry = this.entry(file);
    if (entry.result) return entry.result;
    const incremental = this.typing(file) ? { earlier: entry.earlierResult, edit: this.editSinceLastLint(file, entry) } : undefined;
    entry.earlierResult = entry.edit = undefined;
    const started = performance.now();
    entry.result = lint(this.project, file, { rules: this.rules, cache: this.parses, incremental });
    this.costs.set(file, performance.now() - started);
    this.setUses(file, entry.result.model.usedFiles);
    return entry.result;
  }

  /** The project's text of `file` changed: its next parse starts from the last, and whatever uses it is linted again. */
  changed(file: string): void {
    const entry = this.entries.get(file);
    if (entry) {
      const earlier = entry.parsed && entry.text !== undefined ? { text: entry.text, parsed: entry.parsed } : entry.earlier;
      const earlierResult = entry.parsed ? entry.result : entry.earlierResult;
      this.entries.set(file, { earlier, earlierResult });
    }
    for (const other of this.dependants(file)) {
      const e = this.entries.get(other);
      if (e) e.result = undefined;
    }
  }

  /** The file is no longer part of the project. */
  forget(file: string): void {
    this.changed(file);
    this.entries.delete(file);
    this.costs.delete(file);
    this.setUses(file, []);
  }

  /** The settings changed: every file is linted again (their parses are kept). */
  settingsChanged(): void {
    for (const entry of this.entries.values()) entry.result = undefined;
  }

  /** How long the file's last lint took, in milliseconds; 0 for a file not linted yet. */
  costOf(file: string): number {
    return this.costs.get(file) ?? 0;
  }

  /** Files whose `use` lines led to `file` (or looked for it) when last linted. */
  dependants(file: string): string[] {
    return [...(this.usedBy.get(file) ?? [])].filter((other) => other !== file);
  }

  private setUses(file: string, used: readonly string[]): void {
    for (const old of this.uses.get(file) ?? []) {
      const users = this.usedBy.get(old);
      users?.delete(file);
      if (users?.size === 0) this.usedBy.delete(old);
    }
    if (used.length === 0) this.uses.delete(file);
    else this.uses.set(file, used);
    for (const target of used) {
      let users = this.usedBy.get(target);
      if (!users) this.usedBy.set(target, (users = new Set()));
      users.add(file);
    }
  }

  private entry(file: string): Entry {
    let entry = this.entries.get(file);
    if (!entry) this.entries.set(file, (entry = {}));
    return entry;
  }

  private textOf(file: string): string | undefined {
    const text = this.project.read(file);
    return typeof text === 'string' ? text : undefined;
  }

  /** A known file's parse of its current text: after an edit inside one item, that item parsed again and the rest kept. */
  private parsedNow(file: string): ParseResult | undefined {
    const entry = this.entries.get(file);
    if (!entry) return undefined;
    if (entry.text === undefined) {
      entry.text = this.textOf(file);
      if (entry.text === undefined) return undefined;
    }
    if (!entry.parsed && entry.earlier) {
      ({ parsed: entry.parsed, edit: entry.edit } = reparse(entry.earlier, entry.text));
      entry.earlier = undefined;
    }
    return entry.parsed;
  }

  /** The edit inside one item since the last parse, when there was one: parses the text now (not when the lint first asks) to know it. */
  private editSinceLastLint(file: string, entry: Entry): ItemEdit | undefined {
    this.parsedNow(file);
    return entry.edit;
  }
}
