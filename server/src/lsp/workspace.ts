import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Config, defaultConfig } from '../config/config';
import { ConfigFinder, ConfigProblem } from '../host/config-files';
import { DiskAccess, readDecoded } from '../host/disk-access';
import { lint, LintResult } from '../lint';
import { FileAccess } from '../model/file-access';
import { ParseCache } from '../model/model';
import { ParseResult } from '../syntax/parse';
import { ItemEdit, reparse } from '../syntax/reparse';

/*
 * What the server knows of the workspace: every `.outcome` file under the workspace
 * folders (open documents as the editor holds them, the rest from disk), each file's
 * latest lint, and which files use which, so that a change re-lints its dependants.
 * Files are named by `file:` URI; untitled documents by their own URI.
 */

const SKIPPED = new Set(['node_modules', '.git', 'out', 'dist']);

interface Entry {
  text: string;
  /** Parsed once per text, when first needed: by its own lint or one that `use`s it. */
  parsed?: ParseResult;
  /** The last parse of an earlier text, from which `reparse` works out the next one. */
  earlier?: { readonly text: string; readonly parsed: ParseResult };
  /** The lint of that earlier text, and the edit since when it was inside one item: the next lint keeps what it can. */
  earlierResult?: LintResult;
  edit?: ItemEdit;
  result?: LintResult;
}

export class Workspace {
  private roots: string[] = [];
  private readonly entries = new Map<string, Entry>();
  private readonly open = new Set<string>();
  /** What each file saw through `use` when last linted: kept when its lint is dropped. */
  private readonly uses = new Map<string, readonly string[]>();
  private configs = new Map<string, ConfigFinder>();
  /**
   * The parse cache every lint shares: each entry's parse of its current text (setText
   * drops it). Only the linted file and what it `use`s get parsed, never the whole
   * workspace; a `use`d file read from disk but not known here is parsed, not kept.
   */
  private readonly parses: ParseCache = {
    get: (uri) => {
      const entry = this.entries.get(uri);
      if (entry && !entry.parsed && entry.earlier) {
        // A keystroke inside one item: parse that item again, keep the others.
        ({ parsed: entry.parsed, edit: entry.edit } = reparse(entry.earlier, entry.text));
        entry.earlier = undefined;
      }
      return entry?.parsed;
    },
    set: (uri, parsed) => {
      const entry = this.entries.get(uri);
      if (entry) entry.parsed = parsed;
    },
  };
  /** Set by the client's settings: files larger than this get one diagnostic instead of a lint. */
  maxFileBytes = 10 * 1024 * 1024;

  setRoots(folders: readonly string[]): void {
    this.roots = folders.map((f) => path.resolve(f));
    this.reloadConfig();
  }

  /** Forgets every config read, after a `.outcomelintrc.json` changed. */
  reloadConfig(): void {
    this.configs = new Map(this.roots.map((r) => [r, new ConfigFinder(r)]));
    for (const entry of this.entries.values()) entry.result = undefined;
  }

  /**
   * Finds the `.outcome` files under the workspace folders (skipping node_modules, .git and
   * build output) and returns those it could read as text.
   */
  async scan(): Promise<string[]> {
    const found: string[] = [];
    const walk = async (folder: string): Promise<void> => {
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(folder, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const full = path.join(folder, e.name);
        if (e.isDirectory() && !SKIPPED.has(e.name) && !e.name.startsWith('.')) await walk(full);
        else if (e.isFile() && e.name.endsWith('.outcome')) found.push(pathToFileURL(full).toString());
      }
    };
    for (const root of this.roots) await walk(root);
    const known: string[] = [];
    for (const uri of found) {
      const text = this.entries.get(uri)?.text ?? this.readDisk(uri);
      if (text === undefined) continue; // unreadable, or not UTF-8 text
      if (!this.entries.has(uri)) this.entries.set(uri, { text });
      known.push(uri);
    }
    return known;
  }

  /** Every file the server knows: open documents and those found on disk. */
  get uris(): string[] {
    return [...this.entries.keys()];
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  setOpen(uri: string, text: string): void {
    this.open.add(uri);
    this.setText(uri, text);
  }

  close(uri: string): void {
    this.open.delete(uri);
    const onDisk = uri.startsWith('file:') ? this.readDisk(uri) : undefined;
    if (onDisk === undefined) this.entries.delete(uri);
    else this.setText(uri, onDisk);
  }

  /** A file changed on disk (not open in the editor). */
  changedOnDisk(uri: string): void {
    if (this.open.has(uri)) return;
    const text = this.readDisk(uri);
    if (text === undefined) this.entries.delete(uri);
    else this.setText(uri, text);
  }

  setText(uri: string, text: string): void {
    const entry = this.entries.get(uri);
    if (entry && entry.text === text) return;
    const earlier = entry?.parsed ? { text: entry.text, parsed: entry.parsed } : entry?.earlier;
    const earlierResult = entry?.parsed ? entry.result : entry?.earlierResult;
    this.entries.set(uri, { text, earlier, earlierResult });
    // Whatever sees this file through `use` must be linted again.
    for (const other of this.dependants(uri)) {
      const e = this.entries.get(other);
      if (e) e.result = undefined;
    }
  }

  text(uri: string): string | undefined {
    return this.entries.get(uri)?.text;
  }

  /** Files whose last lint saw `uri` through `use`. */
  dependants(uri: string): string[] {
    return [...this.uses.entries()].filter(([other, seen]) => seen.includes(uri) && this.entries.has(other)).map(([other]) => other);
  }

  /** The file's lint, from cache when neither it nor what it uses has changed. */
  lint(uri: string): LintResult | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    if (entry.result) return entry.result;
    // Open documents are the ones typed in: their lints remember what each rule read, and
    // the next keeps what the edit since cannot change.
    const incremental = this.open.has(uri) ? { earlier: entry.earlierResult, edit: this.editSinceLastLint(uri, entry) } : undefined;
    entry.earlierResult = entry.edit = undefined;
    entry.result = lint(uri, entry.text, this.accessFor(uri), { config: this.configFor(uri), cache: this.parses, incremental });
    this.uses.set(uri, entry.result.model.visibleFiles);
    return entry.result;
  }

  /** The edit inside one item since the last parse, when there was one: parses the text now (not when the lint first asks) to know it. */
  private editSinceLastLint(uri: string, entry: Entry): ItemEdit | undefined {
    this.parses.get(uri);
    return entry.edit;
  }

  /** Every known file's lint, for references and workspace symbols. */
  lintAll(): LintResult[] {
    return this.uris.flatMap((u) => this.lint(u) ?? []);
  }

  tooLarge(uri: string): boolean {
    return (this.entries.get(uri)?.text.length ?? 0) > this.maxFileBytes;
  }

  configFor(uri: string): Config {
    if (!uri.startsWith('file:')) return defaultConfig;
    const file = fileURLToPath(uri);
    const root = this.roots.find((r) => !path.relative(r, file).startsWith('..'));
    const finder = root === undefined ? undefined : this.configs.get(root);
    const found = finder?.forFile(file);
    return found && 'config' in found ? found.config : defaultConfig;
  }

  /** What is wrong with the config that applies to the file (whose defaults are used instead). */
  configProblems(uri: string): readonly ConfigProblem[] {
    if (!uri.startsWith('file:')) return [];
    const file = fileURLToPath(uri);
    const root = this.roots.find((r) => !path.relative(r, file).startsWith('..'));
    const found = root === undefined ? undefined : this.configs.get(root)?.forFile(file);
    return found && 'problems' in found ? found.problems : [];
  }

  /**
   * A file's text from disk, decoded as the CLI decodes it. One that is not UTF-8 text
   * is not known here: a `use` of it then reads the disk and says why it cannot.
   */
  private readDisk(uri: string): string | undefined {
    const read = readDecoded(fileURLToPath(uri));
    return typeof read === 'string' ? read : undefined;
  }

  /** `use` reaches open documents first, then the disk, only inside the workspace folders. */
  accessFor(uri: string): FileAccess {
    if (!uri.startsWith('file:')) {
      return { resolve: () => ({ refused: 'save the file first: an unsaved file has no folder to look in' }), read: () => undefined, display: (u) => u };
    }
    const file = fileURLToPath(uri);
    const disk = new DiskAccess(this.roots.length > 0 ? this.roots : [path.dirname(file)]);
    return {
      resolve: (from, target) => {
        const resolved = disk.resolve(fileURLToPath(from), target);
        return 'uri' in resolved ? { uri: pathToFileURL(resolved.uri).toString() } : resolved;
      },
      read: (u) => this.entries.get(u)?.text ?? disk.read(fileURLToPath(u)),
      display: (u) => (u.startsWith('file:') ? disk.display(fileURLToPath(u)) : u),
    };
  }
}
