import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { Config, defaultConfig, Level, RuleSetting } from '../config/config';
import { Project as EngineProject } from '../engine/project';
import { RuleSet } from '../engine/lint';
import { ConfigProblem, findConfigFile, loadConfigFile } from './config-files';
import { decodeText } from './decode-text';
import { finish, Found, isInside, nameIn, readProblem, readRegularFile, realOrSelf, repositoryTop, Root, TooLargeError, walkSpecs } from './files';
import { Ignores, PatternSet } from './ignores';

/*
 * The project: the one place every front end (the CLI's lint, report, export and diff,
 * and the language server) gets its files, roots and settings from.
 *
 * - Identity: a file is known by one id whatever the spelling it comes in: a file URI
 *   (`%20(v2)`, `%28v2%29`, `C:` or `c%3A`, `/w/../w/x`) and a path name the same file,
 *   by its normalised path; other URIs (an editor's unsaved `untitled:` document) by
 *   their normalised text. A file that links reach by several paths is named by its real
 *   path under the root that holds it (`nameIn`, host/files.ts).
 * - Texts: what an editor holds (`setOpen`) comes first, then the source (the disk, or
 *   a commit for the diff); each is read once, decoded as UTF-8, and kept until
 *   `changed`. Only regular files of at most `maxBytes` are read.
 * - `use`: a relative path from the file's real folder, resolved inside one of the
 *   roots once links are followed; for a file inside no root, inside its own folder.
 * - Settings: the nearest `.outcomelintrc.json` from a file's real folder up to the top
 *   of its repository (or the root of the file system), with what it `extends` under it;
 *   or `--config` instead; then `--rule` overrides. Each folder's are read once. The
 *   same for every front end, whatever folder it runs in or has open.
 * - Files: the `.outcome` files under the roots, found by the one walk (host/files.ts),
 *   less those the ignores leave out (host/ignores.ts): `.gitignore` files, the `ignores`
 *   of the settings, and the command line's patterns.
 */

/** Where a project's files come from: the disk, or a commit (the diff's old version). */
export interface FileSource {
  /**
   * The file's bytes; undefined when there is no such file; Node's error when it cannot
   * be read, and a TooLargeError when it is larger than `maxBytes` (before it is read,
   * where the source can tell).
   */
  read(file: string, maxBytes: number): Buffer | undefined;
  /** The path with links followed, for the check that a `use` stays inside the roots. */
  realPath(file: string): string;
}

/** The disk, where only regular files are read. */
export const disk: FileSource = { read: readRegularFile, realPath: realOrSelf };

/** The largest file outcome-lint reads unless told otherwise, in MB (2²⁰ bytes): the CLI's limit and the editor's default (`outcomeLint.maxFileSizeMB`). */
export const DEFAULT_MAX_FILE_SIZE_MB = 10;
/** The limits a user may set it to (`--max-file-size`, `outcomeLint.maxFileSizeMB`), in MB. */
export const MAX_FILE_SIZE_RANGE_MB = { min: 1, max: 1024 } as const;

export interface ProjectOptions {
  /** The folders the project is made of: the workspace folders, or the folders being checked. */
  readonly roots: readonly string[];
  /**
   * The CLI's current folder: messages name files from there, and `--ignore-pattern`
   * is relative to it. It is not a root: a `use` cannot reach into it unless it is one
   * of the folders being checked.
   */
  readonly workingFolder?: string;
  /** The rules, for reading settings files. */
  readonly rules: RuleSet;
  /** `--config`: this settings file for every file, instead of looking for one. */
  readonly configFile?: string;
  /** `--rule id=severity`, over whatever the settings say. */
  readonly overrides?: ReadonlyMap<string, Level>;
  /** Where texts come from; the disk unless given. */
  readonly source?: FileSource;
  /** The largest file read, in bytes; DEFAULT_MAX_FILE_SIZE_MB unless given. */
  readonly maxBytes?: number;
  /** `--ignore-pattern` and `!glob`: `.gitignore` patterns relative to `workingFolder`. */
  readonly ignorePatterns?: readonly string[];
  /** Whether `.gitignore` files leave files out; true unless given (`--no-gitignore`). */
  readonly gitignore?: boolean;
}

/** A file's text; why it cannot be read (`tooLarge`: over the size limit); undefined when there is no such file. */
type Read = string | { problem: string; tooLarge?: true } | undefined;
type Settings = { config: Config; problems: readonly ConfigProblem[]; ignores: readonly PatternSet[]; files: readonly string[] };
/** The specs of a project by id, and the folders that could not be read. */
type Listing = { files: string[]; unreadable: string[] };

export class Project implements EngineProject {
  private roots: Root[] = [];
  private readonly working: Root | undefined;
  private readonly source: FileSource;
  private maxBytes: number;
  private readonly open = new Map<string, string>();
  private readonly texts = new Map<string, Read>();
  /** Settings by real folder. */
  private readonly settingsByFolder = new Map<string, Settings>();
  /** `--config`'s, read once for every folder. */
  private configFileSettings: Settings | undefined;
  private readonly overridden = new WeakMap<Config, Config>();
  /**
   * Paths with their links followed, and `use` lines resolved, kept until a file changes:
   * in a chain of 2,000 files each using the next, every file sees the rest of the chain,
   * and the same 2,000 lines are resolved 2 million times.
   */
  private readonly realPaths = new Map<string, string>();
  private readonly resolved = new Map<string, { uri: string } | { refused: string }>();
  private readonly ignores: Ignores;
  /** The command line's patterns, relative to the working folder. */
  private readonly commandLineIgnores: readonly PatternSet[];

  constructor(private readonly options: ProjectOptions) {
    this.source = options.source ?? disk;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_SIZE_MB * 2 ** 20;
    this.ignores = new Ignores((folder) => [...this.settingsIn(folder).ignores, ...this.commandLineIgnores], options.gitignore ?? true);
    this.setRoots(options.roots);
    this.working = options.workingFolder === undefined ? undefined : this.rootOf(options.workingFolder);
    const patterns = options.ignorePatterns ?? [];
    this.commandLineIgnores = this.working && patterns.length > 0 ? [{ base: this.working.real, source: '--ignore-pattern', patterns }] : [];
  }

  // ── identity ────────────────────────────────────────────────────────────────

  /**
   * The one id of a file, from an absolute path or a URI in any spelling. A relative path
   * is a mistake in the caller (relative to what?), and throws.
   */
  static id(pathOrUri: string): string {
    if (isPath(pathOrUri)) return lowerDrive(path.normalize(pathOrUri));
    if (!/^[A-Za-z][A-Za-z\d+.-]+:/.test(pathOrUri)) throw new Error(`a file id needs an absolute path or a URI, not ${JSON.stringify(pathOrUri)}`);
    const uri = URI.parse(pathOrUri);
    return uri.scheme === 'file' ? lowerDrive(path.normalize(uri.fsPath)) : uri.toString();
  }

  /** A URI for an id, for an editor. */
  static uri(id: string): string {
    return isPath(id) ? URI.file(id).toString() : id;
  }

  setRoots(folders: readonly string[]): void {
    this.forgetPaths();
    this.roots = folders.map((f) => this.rootOf(f));
    this.forgetSettings();
  }

  /** Whether a file is inside one of the project's folders (an editor's workspace folders). */
  holds(file: string): boolean {
    return this.roots.some((root) => isInside(file, root.given));
  }

  private rootOf(folder: string): Root {
    const given = Project.id(path.resolve(folder));
    return { given, real: this.realPath(given) };
  }

  /** The id of a file from its real path: under the root that holds it, as that root was given (host/files.ts). */
  private nameOf(real: string): string {
    return Project.id(nameIn(real, this.roots) ?? real);
  }

  // ── texts ───────────────────────────────────────────────────────────────────

  read(file: string): Read {
    const open = this.open.get(file);
    if (open !== undefined) return open;
    if (!this.texts.has(file)) this.texts.set(file, isPath(file) ? this.readSource(file) : undefined);
    return this.texts.get(file);
  }

  /** The text of a file the editor holds, which wins over the source until `close`. */
  setOpen(file: string, text: string): void {
    this.open.set(file, text);
  }

  close(file: string): void {
    this.open.delete(file);
  }

  isOpen(file: string): boolean {
    return this.open.has(file);
  }

  /** A file changed at its source: it is read again when next asked for. */
  changed(file: string): void {
    this.texts.delete(file);
    this.forgetPaths();
  }

  /** A new limit on the size of a file read (the editor's `maxFileSizeMB`): files are read again under it. */
  setMaxBytes(maxBytes: number): void {
    if (maxBytes === this.maxBytes) return;
    this.maxBytes = maxBytes;
    this.texts.clear();
  }

  private forgetPaths(): void {
    this.realPaths.clear();
    this.resolved.clear();
  }

  private realPath(file: string): string {
    let real = this.realPaths.get(file);
    if (real === undefined) this.realPaths.set(file, (real = this.source.realPath(file)));
    return real;
  }

  private readSource(file: string): Read {
    let bytes: Buffer | undefined;
    try {
      bytes = this.source.read(file, this.maxBytes);
    } catch (error) {
      return error instanceof TooLargeError ? { problem: error.message, tooLarge: true } : { problem: `cannot be read: ${readProblem(error)}` };
    }
    return bytes && decodeText(bytes);
  }

  // ── use ─────────────────────────────────────────────────────────────────────

  resolve(from: string, target: string): { uri: string } | { refused: string } {
    const key = `${from}\0${target}`;
    let found = this.resolved.get(key);
    if (!found) this.resolved.set(key, (found = this.resolveOnce(from, target)));
    return found;
  }

  private resolveOnce(from: string, target: string): { uri: string } | { refused: string } {
    if (!isPath(from)) return { refused: 'save the file first: an unsaved file has no folder to look in' };
    if (path.isAbsolute(target) || /^[A-Za-z]:[\\/]/.test(target)) return { refused: 'give the path relative to this file, not an absolute path' };
    const folder = path.dirname(this.realPath(from));
    const real = this.realPath(path.resolve(folder, target));
    // A file inside no root (opened from elsewhere, or with no folder open) has its own folder as its root.
    const roots = this.roots.some((r) => isInside(folder, r.real)) ? this.roots.map((r) => r.real) : [folder];
    if (!roots.some((root) => isInside(real, root))) {
      return { refused: 'it is outside the folder being linted, and outcome-lint only reads files inside it' };
    }
    return { uri: this.nameOf(real) };
  }

  display(file: string): string {
    if (!isPath(file)) return file;
    const real = this.realPath(file);
    const root = [...(this.working ? [this.working] : []), ...this.roots].find((r) => isInside(real, r.real));
    return root ? path.relative(root.real, real) || path.basename(file) : file;
  }

  // ── settings ────────────────────────────────────────────────────────────────

  configFor(file: string): Config {
    return this.settingsFor(file).config;
  }

  /** The settings files a file's settings come from: the nearest (or `--config`) first, then those it `extends`; none for the defaults. */
  settingsFiles(file: string): readonly string[] {
    return this.settingsFor(file).files;
  }

  /** What is wrong with the settings file that applies to a file (whose defaults are used instead). */
  configProblems(file: string): readonly ConfigProblem[] {
    return this.settingsFor(file).problems;
  }

  /** Reads every settings file again, when one has changed. */
  forgetSettings(): void {
    this.settingsByFolder.clear();
    this.configFileSettings = undefined;
    this.ignores.forget();
  }

  private settingsFor(file: string): Settings {
    if (!isPath(file)) return NO_SETTINGS;
    // From the real folder: a file reached through a link has the settings of where it is.
    return this.settingsIn(path.dirname(this.realPath(file)));
  }

  /** The settings of the files in a real folder. */
  private settingsIn(folder: string): Settings {
    const configFile = this.options.configFile;
    if (configFile !== undefined) return (this.configFileSettings ??= this.load(configFile));
    let found = this.settingsByFolder.get(folder);
    if (!found) {
      const nearest = findConfigFile(folder, repositoryTop(folder));
      found = nearest ? this.load(nearest) : { ...NO_SETTINGS, config: this.withOverrides(defaultConfig) };
      this.settingsByFolder.set(folder, found);
    }
    return found;
  }

  private load(configFile: string): Settings {
    const loaded = loadConfigFile(configFile, this.options.rules, this.maxBytes, repositoryTop(path.dirname(this.realPath(configFile))));
    if ('problems' in loaded) return { ...NO_SETTINGS, problems: loaded.problems };
    return { config: this.withOverrides(loaded.config), problems: [], ignores: loaded.ignores, files: loaded.files };
  }

  private withOverrides(config: Config): Config {
    const overrides = this.options.overrides;
    if (!overrides || overrides.size === 0) return config;
    let result = this.overridden.get(config);
    if (!result) {
      const map = new Map<string, RuleSetting>(config.rules);
      for (const [id, level] of overrides) map.set(id, { level, options: config.rules.get(id)?.options });
      this.overridden.set(config, (result = { ...config, rules: map }));
    }
    return result;
  }

  // ── files ───────────────────────────────────────────────────────────────────

  /**
   * Every `.outcome` file under the roots, by id (sorted), and the folders that could not
   * be read: the walk of each root, a folder at a time (the language server goes on to
   * other messages between folders).
   */
  *walk(): Generator<void, Listing> {
    const files = new Set<string>();
    const unreadable = new Set<string>();
    for (const root of this.roots) {
      const found = yield* this.walkFolder(root);
      for (const real of found.files) files.add(this.nameOf(real));
      for (const real of found.unreadable) unreadable.add(this.nameOf(real));
    }
    return { files: [...files].sort(), unreadable: [...unreadable].sort() };
  }

  /** The same, at once. */
  files(): Listing {
    return finish(this.walk());
  }

  /** The walk of one folder, less what the ignores leave out (all of it, when they leave out the folder). */
  *walkFolder(root: Root): Generator<void, Found> {
    if (this.ignores.ignoredBy(root.real, true) !== undefined) return { files: [], unreadable: [], leftOut: true };
    return yield* walkSpecs(root, (entry, folder) => this.ignores.leavesOut(entry, folder));
  }

  /**
   * Why the ignores leave out a file (or a folder): the path of the `.gitignore` or
   * settings file whose pattern does, or `--ignore-pattern`; undefined when they do not.
   */
  ignoredBy(file: string, folder = false): string | undefined {
    return isPath(file) ? this.ignores.ignoredBy(this.realPath(file), folder) : undefined;
  }
}

const NO_SETTINGS: Settings = { config: defaultConfig, problems: [], ignores: [], files: [] };

/** An absolute path (POSIX, or Windows with a drive letter), as opposed to a URI. */
function isPath(id: string): boolean {
  return path.isAbsolute(id) || /^[A-Za-z]:[\\/]/.test(id);
}

/** `C:\…` and `c:\…` are one file: drive letters in lower case, as VS Code writes them. */
function lowerDrive(file: string): string {
  return /^[A-Z]:/.test(file) ? file[0].toLowerCase() + file.slice(1) : file;
}
