import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { Config, defaultConfig, Level, RuleSetting } from '../config/config';
import { Project as EngineProject } from '../engine/project';
import { RuleSet } from '../engine/lint';
import { ConfigProblem, findConfigFile, loadConfigFile } from './config-files';
import { decodeText } from './decode-text';
import { findSpecs, isInside, readProblem, readRegularFile, realOrSelf } from './files';

/*
 * The project: the one place every front end (the CLI's lint, report, export and diff,
 * and the language server) gets its files, roots and settings from.
 *
 * - Identity: a file is known by one id whatever the spelling it comes in: a file URI
 *   (`%20(v2)`, `%28v2%29`, `C:` or `c%3A`) and a path name the same file, by its path;
 *   other URIs (an editor's unsaved `untitled:` document) by their normalised text.
 * - Texts: what an editor holds (`setOpen`) comes first, then the source (the disk, or
 *   a commit for the diff); each is read once, decoded as UTF-8, and kept until
 *   `changed`. Only regular files are read.
 * - `use`: a relative path, resolved inside one of the roots once links are followed.
 * - Settings: the nearest `.outcomelintrc.json` from a file's folder up to the outermost
 *   root that holds it (or `--config` instead), then `--rule` overrides. Each folder's
 *   file is read once.
 * - Files: the `.outcome` files under the roots, found by the one walk (host/files.ts).
 */

/** Where a project's files come from: the disk, or a commit (the diff's old version). */
export interface FileSource {
  /** The file's bytes; undefined when there is no such file; Node's error when it cannot be read. */
  read(file: string): Buffer | undefined;
  /** The path with links followed, for the check that a `use` stays inside the roots. */
  realPath(file: string): string;
}

/** The disk, where only regular files are read. */
export const disk: FileSource = { read: readRegularFile, realPath: realOrSelf };

export interface ProjectOptions {
  /** The folders the project is made of: the workspace folders, or the folders being checked. */
  readonly roots: readonly string[];
  /** The rules, for reading settings files. */
  readonly rules: RuleSet;
  /** `--config`: this settings file for every file, instead of looking for one. */
  readonly configFile?: string;
  /** `--rule id=severity`, over whatever the settings say. */
  readonly overrides?: ReadonlyMap<string, Level>;
  /** Where texts come from; the disk unless given. */
  readonly source?: FileSource;
  /** Another project whose settings this one's files take (the diff's old version takes the working tree's). */
  readonly settingsOf?: Project;
}

type Read = string | { problem: string } | undefined;
type Settings = { config: Config; problems: readonly ConfigProblem[] };

export class Project implements EngineProject {
  /** The roots as given, and with their links followed (for the check that a `use` stays inside). */
  private roots: string[] = [];
  private realRoots: string[] = [];
  private readonly source: FileSource;
  private readonly open = new Map<string, string>();
  private readonly texts = new Map<string, Read>();
  private readonly settingsByFolder = new Map<string, Settings>();
  private readonly overridden = new WeakMap<Config, Config>();
  /**
   * Paths with their links followed, and `use` lines resolved, kept until a file changes:
   * in a chain of 2,000 files each using the next, every file sees the rest of the chain,
   * and the same 2,000 lines are resolved 2 million times.
   */
  private readonly realPaths = new Map<string, string>();
  private readonly resolved = new Map<string, { uri: string } | { refused: string }>();

  constructor(private readonly options: ProjectOptions) {
    this.source = options.source ?? disk;
    this.setRoots(options.roots);
  }

  // ── identity ────────────────────────────────────────────────────────────────

  /** The one id of a file, from a path or a URI in any spelling. */
  static id(pathOrUri: string): string {
    if (isPath(pathOrUri)) return lowerDrive(path.isAbsolute(pathOrUri) ? path.normalize(pathOrUri) : pathOrUri);
    const uri = URI.parse(pathOrUri);
    return uri.scheme === 'file' ? lowerDrive(uri.fsPath) : uri.toString();
  }

  /** A URI for an id, for an editor. */
  static uri(id: string): string {
    return isPath(id) ? URI.file(id).toString() : id;
  }

  /** The folders of the project. */
  get folders(): readonly string[] {
    return this.roots;
  }

  setRoots(folders: readonly string[]): void {
    this.roots = folders.map((f) => path.resolve(f));
    this.forgetPaths();
    this.realRoots = this.roots.map((r) => this.realPath(r));
    this.forgetSettings();
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
      bytes = this.source.read(file);
    } catch (error) {
      return { problem: `cannot be read: ${readProblem(error)}` };
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
    const resolved = path.resolve(path.dirname(from), target);
    const real = this.realPath(resolved);
    const roots = this.realRoots.length > 0 ? this.realRoots : [this.realPath(path.dirname(from))];
    if (!roots.some((root) => isInside(real, root))) {
      return { refused: 'it is outside the folder being linted, and outcome-lint only reads files inside it' };
    }
    return { uri: Project.id(resolved) };
  }

  display(file: string): string {
    if (!isPath(file)) return file;
    const real = this.realPath(file);
    const root = this.realRoots.find((r) => isInside(real, r));
    return root ? path.relative(root, real) || path.basename(file) : file;
  }

  // ── settings ────────────────────────────────────────────────────────────────

  configFor(file: string): Config {
    return this.settingsFor(file).config;
  }

  /** What is wrong with the settings file that applies to a file (whose defaults are used instead). */
  configProblems(file: string): readonly ConfigProblem[] {
    return this.settingsFor(file).problems;
  }

  /** Reads every settings file again, when one has changed. */
  forgetSettings(): void {
    this.settingsByFolder.clear();
  }

  private settingsFor(file: string): Settings {
    if (this.options.settingsOf) return this.options.settingsOf.settingsFor(file);
    if (!isPath(file)) return { config: defaultConfig, problems: [] };
    const folder = path.dirname(file);
    let found = this.settingsByFolder.get(folder);
    if (!found) {
      const configFile = this.options.configFile ?? findConfigFile(folder, this.outermostRoot(folder) ?? folder);
      const loaded = configFile ? loadConfigFile(configFile, this.options.rules) : { config: defaultConfig };
      found = 'problems' in loaded ? { config: defaultConfig, problems: loaded.problems } : { config: this.withOverrides(loaded.config), problems: [] };
      this.settingsByFolder.set(folder, found);
    }
    return found;
  }

  /** The outermost root that holds a folder: where the search for its settings file stops. */
  private outermostRoot(folder: string): string | undefined {
    return this.roots.filter((r) => isInside(folder, r)).sort((a, b) => a.length - b.length)[0];
  }

  private withOverrides(config: Config): Config {
    const overrides = this.options.overrides;
    if (!overrides || overrides.size === 0) return config;
    let result = this.overridden.get(config);
    if (!result) {
      const map = new Map<string, RuleSetting>(config.rules);
      for (const [id, level] of overrides) map.set(id, { level, options: config.rules.get(id)?.options });
      this.overridden.set(config, (result = { rules: map }));
    }
    return result;
  }

  // ── files ───────────────────────────────────────────────────────────────────

  /** Every `.outcome` file under the roots, by id, and the folders that could not be read. */
  files(): { files: string[]; unreadable: string[] } {
    const found = this.roots.map((root) => findSpecs(root));
    return { files: [...new Set(found.flatMap((f) => f.files).map(Project.id))].sort(), unreadable: found.flatMap((f) => f.unreadable) };
  }
}

/** An absolute path (POSIX, or Windows with a drive letter), as opposed to a URI. */
function isPath(id: string): boolean {
  return path.isAbsolute(id) || /^[A-Za-z]:[\\/]/.test(id);
}

/** `C:\…` and `c:\…` are one file: drive letters in lower case, as VS Code writes them. */
function lowerDrive(file: string): string {
  return /^[A-Z]:/.test(file) ? file[0].toLowerCase() + file.slice(1) : file;
}
