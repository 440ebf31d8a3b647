import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import type { Config } from '../config/config';
import { readProblem, readRegularFile } from '../host/files';
import { Project } from '../host/project';
import { toolVersion } from './about';
import { replaceFile } from './replace-file';
import { Finding, RelatedPlace } from './report';
import { describeConfig } from './settings';

/*
 * `--cache`: a run keeps each file's findings in `.outcomelintcache` (or the file
 * `--cache-location` names), and the next run reuses them for a file when nothing that
 * decides them has changed: the file's own text, the text of every file it `use`s
 * (directly or through others, and those it tried to use that were missing), the
 * settings that apply to it (every rule's severity and options), the folders being
 * checked and the current folder (which decide what `use` may reach and how a file is
 * named), the size limit (`--max-file-size`, which a finding on a `use`d file too large
 * to read names), and outcome-lint's version. Each is compared by its SHA-256; anything else
 * different and the file is linted again.
 *
 * The cache is data (JSON), checked with zod when read. A cache that cannot be read, is
 * not JSON, has another shape or was written by another version is ignored without a
 * word and written again. It holds the findings before a `--baseline` is applied, so a
 * baseline works the same with it; it is written whole or not at all (replace-file.ts).
 * The texts of specs are never stored, only their hashes.
 */

/** The cache's file name when `--cache-location` names none (or names a folder). */
export const CACHE_FILE = '.outcomelintcache';

const KIND = 'outcome-lint cache';

const REGION = { line: z.number().int(), column: z.number().int(), endLine: z.number().int(), endColumn: z.number().int() };

const EDIT = z.object({ title: z.string(), edits: z.array(z.object({ ...REGION, text: z.string() })) });

const FINDING = z.object({
  ...REGION,
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  /** Each related place by its file; its name as shown is worked out again in each run. */
  related: z.array(z.object({ ...REGION, file: z.string(), message: z.string() })),
  fixes: z.array(EDIT),
  suggestions: z.array(EDIT),
  suppressed: z.object({ reason: z.string(), by: z.literal('comment') }).optional(),
});

const ENTRY = z.object({
  /** The file's text. */
  text: z.string(),
  /** The settings, the folders being checked, the current folder and the size limit. */
  context: z.string(),
  /** Every file a `use` line led to, and the hash of its text, or `missing` / `unreadable`. */
  uses: z.record(z.string(), z.string()),
  findings: z.array(FINDING),
});

const CACHE = z.object({
  kind: z.literal(KIND),
  version: z.string(),
  /** What the last run that wrote it did (a run that changed nothing does not write it): files linted, and files whose findings came from the cache. */
  lastRun: z.object({ linted: z.number().int(), reused: z.number().int() }),
  files: z.record(z.string(), ENTRY),
});

type Entry = z.infer<typeof ENTRY>;
type StoredFinding = z.infer<typeof FINDING>;

const hash = (text: string): string => createHash('sha256').update(text).digest('base64');

/** Where the cache is: `--cache-location` (a folder holds `.outcomelintcache`), or `.outcomelintcache` in the current folder. */
export function cacheFile(cwd: string, location: string | undefined): string {
  const file = path.resolve(cwd, location ?? CACHE_FILE);
  const folder = location !== undefined && (/[\\/]$/.test(location) || fs.statSync(file, { throwIfNoEntry: false })?.isDirectory());
  return folder ? path.join(file, CACHE_FILE) : file;
}

export class LintCache {
  private readonly entries: Map<string, Entry>;
  /** The context's hash by the settings object, which the project shares between the files of a folder. */
  private readonly contexts = new Map<Config, string>();
  private readonly written = new Map<string, Entry>();
  private linted = 0;
  private reused = 0;

  /** Reads the cache at `file`; one that cannot be read or checked is taken as empty. */
  constructor(
    readonly file: string,
    private readonly project: Project,
    private readonly roots: readonly string[],
    private readonly cwd: string,
    /** `--max-file-size`, in bytes: a finding on a `use`d file too large to read names it. */
    private readonly maxBytes: number,
  ) {
    this.entries = readCache(file);
  }

  /** The file's findings from the cache, when nothing that decides them has changed; `shown` names a related file. */
  findings(file: string, shown: (file: string) => string): Finding[] | undefined {
    const entry = this.entries.get(file);
    if (!entry || !this.holds(file, entry)) return undefined;
    this.written.set(file, entry);
    this.reused++;
    return entry.findings.map((f): Finding => ({ ...f, related: f.related.map((r): RelatedPlace => ({ ...r, path: shown(r.file) })) }));
  }

  /** Keeps a file's findings, just linted, with what decided them. */
  remember(file: string, usedFiles: readonly string[], findings: readonly Finding[]): void {
    this.linted++;
    const text = this.textHash(file);
    if (text === undefined) return;
    const uses: Record<string, string> = {};
    for (const used of usedFiles) uses[used] = this.textHash(used) ?? this.problem(used);
    // As the report has them (a baseline is applied after), each related place by its file alone.
    const stored = findings.map((f) => ({
      ...f,
      related: f.related.map((r) => ({ file: r.file, message: r.message, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn })),
    }));
    this.written.set(file, { text, context: this.context(file), uses, findings: stored as StoredFinding[] });
  }

  /**
   * Writes the cache: this run's files, and the entries of other files that still
   * exist (a run over one folder keeps the others'; a deleted file is dropped).
   * Returns why it could not be written, if it could not. A run that linted nothing and
   * reused every entry leaves the file as it was: it would write the same findings, and
   * writing them costs a tenth of such a run (docs/performance.md, "With `--cache`").
   */
  save(): string | undefined {
    if (this.linted === 0 && this.reused === this.entries.size) return undefined;
    const files: Record<string, Entry> = {};
    for (const [file, entry] of this.entries) {
      if (!this.written.has(file) && fs.statSync(file, { throwIfNoEntry: false })?.isFile()) files[file] = entry;
    }
    for (const [file, entry] of this.written) files[file] = entry;
    const sorted = Object.fromEntries(Object.keys(files).sort().map((file) => [file, files[file]]));
    const data = { kind: KIND, version: toolVersion(), lastRun: { linted: this.linted, reused: this.reused }, files: sorted };
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      replaceFile(this.file, `${JSON.stringify(data)}\n`);
      return undefined;
    } catch (error) {
      return readProblem(error);
    }
  }

  private holds(file: string, entry: Entry): boolean {
    if (entry.text !== this.textHash(file) || entry.context !== this.context(file)) return false;
    return Object.entries(entry.uses).every(([used, was]) => was === (this.textHash(used) ?? this.problem(used)));
  }

  private textHash(file: string): string | undefined {
    const text = this.project.read(file);
    return typeof text === 'string' ? hash(text) : undefined;
  }

  private problem(file: string): string {
    return this.project.read(file) === undefined ? 'missing' : 'unreadable';
  }

  private context(file: string): string {
    const config = this.project.configFor(file);
    let found = this.contexts.get(config);
    if (found === undefined) this.contexts.set(config, (found = hash(JSON.stringify([describeConfig(config), this.roots, this.cwd, this.maxBytes]))));
    return found;
  }
}

/** The cache's entries; none when it is missing, unreadable, not JSON, of another shape, or from another version. */
function readCache(file: string): Map<string, Entry> {
  try {
    // outcome-lint wrote it (UTF-8, no byte order mark): anything else fails to parse or to check.
    const bytes = readRegularFile(file);
    if (!bytes) return new Map();
    const checked = CACHE.safeParse(JSON.parse(bytes.toString('utf8')));
    if (!checked.success || checked.data.version !== toolVersion()) return new Map();
    return new Map(Object.entries(checked.data.files));
  } catch {
    return new Map();
  }
}
