import * as path from 'node:path';
import { decodeText } from './decode-text';
import { isInside, readRegularFile, repositoryTop } from './files';
// `require`, as for tinyglobby: the package is CommonJS (`export =`).
import ignore = require('ignore');

/*
 * Which files the ignores leave out: the one answer for the walk of a folder (the CLI's
 * folders, the language server's workspace folders), the CLI's files and globs, and
 * `--stdin-filename`. Patterns are written as in a `.gitignore` (`drafts/`, `*.old.outcome`,
 * `!keep.outcome`), each set relative to the folder it belongs to:
 *
 * 1. every `.gitignore` from the top of the repository down to the entry's folder (unless
 *    turned off), a deeper one overriding a higher one, as in git;
 * 2. the `ignores` of the settings that apply in the entry's folder (relative to the
 *    settings file that lists them);
 * 3. the command line's `--ignore-pattern` and `!glob` (relative to the current folder).
 *
 * A later set's verdict wins where it has one (its `!pattern` can take back what a
 * `.gitignore` left out). A folder left out leaves out everything in it, as in git: a
 * pattern cannot take back a file from inside an ignored folder.
 */

/** One set of patterns and the folder they are relative to. */
export interface PatternSet {
  readonly base: string;
  /** Where the patterns come from (a file's path, or `--ignore-pattern`), for messages. */
  readonly source: string;
  readonly patterns: readonly string[];
}

/** Where a set of patterns comes from, for a folder: what the project knows of settings. */
export type SetsFor = (folder: string) => readonly PatternSet[];

/** Git compares names in the case the file system does. */
const IGNORE_CASE = process.platform === 'win32' || process.platform === 'darwin';

type Matcher = { readonly base: string; readonly source: string; readonly test: (relative: string) => ignore.TestResult };

export class Ignores {
  private readonly matchers = new WeakMap<PatternSet, Matcher>();
  /** The matchers of each folder's entries: a walk asks once for every entry of a folder. */
  private readonly byFolder = new Map<string, Matcher[]>();
  private readonly gitignores = new Map<string, PatternSet | undefined>();
  private readonly tops = new Map<string, string>();
  private readonly folders = new Map<string, string | undefined>();

  /**
   * `settingsSets`: the `ignores` of the settings in a folder, and the command line's
   * patterns. `gitignore`: whether `.gitignore` files are read.
   */
  constructor(
    private readonly settingsSets: SetsFor,
    private readonly gitignore: boolean,
  ) {}

  /** Forget what was read: a settings file or a `.gitignore` changed. */
  forget(): void {
    this.gitignores.clear();
    this.byFolder.clear();
    this.tops.clear();
    this.folders.clear();
  }

  /**
   * Why a file (or a folder, with `folder`) is left out, naming the file of the pattern
   * (`.gitignore`, a settings file, `--ignore-pattern`); undefined when it is not. It is
   * left out when a folder above it is, up to the top of its repository.
   */
  ignoredBy(entry: string, folder = false): string | undefined {
    const parent = path.dirname(entry);
    return this.folderIgnoredBy(parent) ?? this.entryIgnoredBy(entry, folder);
  }

  /** Whether the walk leaves out an entry of a folder it has walked into (the folders above are not left out). */
  leavesOut(entry: string, folder: boolean): boolean {
    return this.entryIgnoredBy(entry, folder) !== undefined;
  }

  private folderIgnoredBy(folder: string): string | undefined {
    if (this.folders.has(folder)) return this.folders.get(folder);
    const parent = path.dirname(folder);
    const by = parent === folder || folder === this.topOf(folder) ? undefined : (this.folderIgnoredBy(parent) ?? this.entryIgnoredBy(folder, true));
    this.folders.set(folder, by);
    return by;
  }

  /** The verdict of the patterns alone on one entry, from the sets of the folder that holds it. */
  private entryIgnoredBy(entry: string, folder: boolean): string | undefined {
    const parent = path.dirname(entry);
    let by: string | undefined;
    for (const matcher of this.matchersFor(parent)) {
      if (!isInside(entry, matcher.base) || entry === matcher.base) continue;
      const relative = path.relative(matcher.base, entry).split(path.sep).join('/');
      // The package answers for what is inside a folder its patterns leave out, as git
      // does; here the folders above were settled across every set (a later set may have
      // taken one back), so such a set says nothing of the entry itself.
      const above = path.posix.dirname(relative);
      if (above !== '.' && matcher.test(`${above}/`).ignored) continue;
      const result = matcher.test(folder ? `${relative}/` : relative);
      if (result.ignored) by = matcher.source;
      else if (result.unignored) by = undefined;
    }
    return by;
  }

  private matchersFor(folder: string): Matcher[] {
    let found = this.byFolder.get(folder);
    if (!found) this.byFolder.set(folder, (found = this.matchersOf([...(this.gitignore ? this.gitignoresAbove(folder) : []), ...this.settingsSets(folder)])));
    return found;
  }

  private matchersOf(sets: readonly PatternSet[]): Matcher[] {
    return sets.map((set) => {
      let matcher = this.matchers.get(set);
      if (!matcher) {
        const patterns = ignore({ ignorecase: IGNORE_CASE }).add([...set.patterns]);
        this.matchers.set(set, (matcher = { base: set.base, source: set.source, test: (relative) => patterns.test(relative) }));
      }
      return matcher;
    });
  }

  /** The `.gitignore` files from the top of the folder's repository down to the folder. */
  private gitignoresAbove(folder: string): PatternSet[] {
    const top = this.topOf(folder);
    const sets: PatternSet[] = [];
    for (let current = folder; ; current = path.dirname(current)) {
      const set = this.gitignoreIn(current);
      if (set) sets.unshift(set);
      if (current === top || path.dirname(current) === current) return sets;
    }
  }

  private gitignoreIn(folder: string): PatternSet | undefined {
    if (!this.gitignores.has(folder)) {
      const file = path.join(folder, '.gitignore');
      let set: PatternSet | undefined;
      try {
        const bytes = readRegularFile(file, MAX_GITIGNORE_BYTES);
        const text = bytes && decodeText(bytes);
        // A .gitignore that cannot be read as text is passed over, as git would have no patterns from it either.
        if (typeof text === 'string') set = { base: folder, source: file, patterns: text.split(/\r?\n/) };
      } catch {
        set = undefined;
      }
      this.gitignores.set(folder, set);
    }
    return this.gitignores.get(folder);
  }

  private topOf(folder: string): string {
    let top = this.tops.get(folder);
    if (top === undefined) this.tops.set(folder, (top = repositoryTop(folder)));
    return top;
  }
}

/** A `.gitignore` larger than this is passed over: one of a megabyte is already a mistake. */
const MAX_GITIGNORE_BYTES = 2 ** 20;
