import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { diffVersions, renderJson, renderMarkdown, SpecDiff, SpecVersion, versionOf } from '../diff/index';
import { lint } from '../engine/lint';
import { projectOf } from '../engine/project';
import { TooLargeError } from '../host/files';
import { FileSource, Project } from '../host/project';
import { catalogue } from '../rules/catalogue';
import { readSubcommandArgs } from './args';
import { discoverSpec } from './discover';
import { raiseLimit } from './file-size';
import type { Io } from './io';
import { displayPath, writeOutput } from './output';
import { runReportingUsage, UsageError } from './problems';
import { readSpec } from './read';
import { checkSettings, configArgument } from './settings';

/*
 * `outcome-lint diff OLD NEW [--format markdown|json]`
 * `outcome-lint diff --git BASE [PATH…] [--format markdown|json]`
 *
 * What a change to a spec means (docs/diff.md). The first form compares two files.
 * The second compares every `.outcome` file that differs between the commit BASE
 * and the working tree (added, removed, renamed or changed, and new untracked files)
 * with its version at BASE, reading BASE through the `git` executable; `use` lines of
 * the old version are read at BASE too. `BASE...` (three dots) means the merge base
 * of BASE and HEAD, as in `git diff`.
 *
 * Both versions are linted with the same settings: `--config FILE`, or the nearest
 * `.outcomelintrc.json` to the new file (up to the current folder, or the repository's
 * top in git mode), so that findings introduced and resolved come from the spec's
 * change, not a change of settings.
 *
 * Exit codes: 0 compared (whether or not anything changed); 2 the comparison could not
 * be made (usage, unreadable file, no repository, unknown BASE), with one line on stderr.
 */

export const DIFF_HELP = `Usage: outcome-lint diff OLD NEW [options]
       outcome-lint diff --git BASE [PATH...] [options]

Says what a change to an outcome specification means: cohorts, segments and outcomes
added, removed, renamed or changed; prices; the budget, the most the spec can pay and
the upfront share; findings introduced and resolved.

Options:
  --git BASE           compare each changed .outcome file with its version at the
                       git commit BASE (BASE... compares with the merge base of BASE
                       and HEAD); PATHs limit the files compared
  -f, --format FORMAT  markdown (the default, for a pull-request comment) or json
  -o, --output FILE    write to FILE instead of standard output
  -c, --config FILE    lint both versions with this config file
  --max-file-size MB   read no spec larger than MB megabytes (default: 10)
  -h, --help           show this help

Exit codes: 0 compared (changes or not); 2 could not compare. See docs/diff.md.
`;

const FORMATS = ['markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

export function runDiff(argv: readonly string[], io: Io): number {
  return runReportingUsage(io.stderr, () => run(argv, io));
}

interface DiffOptions {
  format?: string;
  git?: string;
  output?: string;
  config?: string;
  help?: boolean;
}

function run(argv: readonly string[], io: Io): number {
  const read = readSubcommandArgs('diff', argv, {
    format: { type: 'string', short: 'f' },
    git: { type: 'string' },
    output: { type: 'string', short: 'o' },
    config: { type: 'string', short: 'c' },
    help: { type: 'boolean', short: 'h' },
  }, { format: '--format json', git: '--git origin/main', output: '--output diff.md', config: '--config .outcomelintrc.json' });
  const values = read.values as DiffOptions;
  const { positionals } = read;
  if (values.help) {
    io.stdout(DIFF_HELP);
    return 0;
  }
  const format = (values.format ?? 'markdown') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`diff: \`${values.format}\` is not a diff format: use --format markdown or --format json`);
  const configFile = values.config !== undefined ? configArgument(values.config, io.cwd) : undefined;
  const { maxBytes } = read;

  let compared: Compared;
  if (values.git !== undefined) {
    if (values.git === '') throw new UsageError('diff: --git needs a commit to compare with, such as --git origin/main');
    compared = gitDiffs(values.git, positionals, io.cwd, configFile, maxBytes);
  } else {
    if (positionals.length !== 2) {
      throw new UsageError(
        positionals.length < 2
          ? 'diff needs two files, the old version and the new: outcome-lint diff OLD NEW (or outcome-lint diff --git BASE)'
          : `diff compares two files; found ${positionals.length}: ${positionals.join(', ')}`,
      );
    }
    compared = fileDiff(positionals[0], positionals[1], io.cwd, configFile, maxBytes);
  }

  const { diffs, base, specs } = compared;
  const text = format === 'json' ? renderJson(diffs, { base }) : renderMarkdown(diffs, { base });
  writeOutput(io, values.output, text, specs);
  return 0;
}

interface Compared {
  readonly diffs: SpecDiff[];
  /** What the files were compared with, in git mode. */
  readonly base?: string;
  /** The specifications read from disk, which the output must not replace. */
  readonly specs: readonly string[];
}

// ── two files ─────────────────────────────────────────────────────────────────

/**
 * Both versions are linted with the settings of the new one, so that findings
 * introduced and resolved come from the spec's change, not a change of settings.
 */
function fileDiff(oldGiven: string, newGiven: string, cwd: string, configFile: string | undefined, maxBytes: number): Compared {
  const settings = { workingFolder: cwd, rules: catalogue, configFile, maxBytes };
  const before = discoverSpec(oldGiven, cwd, settings);
  const after = discoverSpec(newGiven, cwd, settings);
  const project = new Project({ ...settings, roots: [...new Set([...before.roots, ...after.roots])] });
  checkSettings(project, [after.file], (file) => displayPath(file, cwd));
  const settled = projectOf(project, project.configFor(after.file));
  const version = (file: string, given: string): SpecVersion => versionOf(given, readSpec(project, file, given), lint(settled, file, { rules: catalogue }));
  return { diffs: [diffVersions(version(before.file, oldGiven), version(after.file, newGiven))], specs: [before.file, after.file] };
}

// ── git ───────────────────────────────────────────────────────────────────────

interface GitResult {
  readonly status: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

function git(args: readonly string[], cwd: string): GitResult {
  const result = spawnSync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, windowsHide: true });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? 'diff --git needs the git executable, and it is not on the PATH' : `cannot run git: ${code ?? result.error.message}`);
  }
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

function firstLine(text: string): string {
  return text.split('\n').map((l) => l.trim()).find((l) => l.length > 0)?.replace(/^(fatal|error): /, '') ?? 'git failed';
}

/** The commit BASE names, or a UsageError; `BASE...` is its merge base with HEAD. */
function resolveBase(base: string, root: string): string {
  const mergeBase = base.endsWith('...');
  const name = mergeBase ? base.slice(0, -3) : base;
  if (name.startsWith('-')) throw new UsageError(`diff: \`${base}\` is not a commit`);
  if (mergeBase) {
    const found = git(['merge-base', name || 'HEAD', 'HEAD'], root);
    if (found.status !== 0) throw new UsageError(`diff: no merge base of \`${name}\` and HEAD in this repository (${firstLine(found.stderr)})`);
    return found.stdout.toString('utf8').trim();
  }
  const found = git(['rev-parse', '--verify', '--quiet', `${name}^{commit}`], root);
  if (found.status !== 0) throw new UsageError(`diff: \`${name}\` is not a commit in this repository (a branch, tag or commit id, such as origin/main)`);
  return found.stdout.toString('utf8').trim();
}

interface Change {
  /** Paths from the repository's top, with `/`. */
  readonly old: string | undefined;
  readonly new: string | undefined;
}

/** Every `.outcome` file that differs between BASE and the working tree. */
function changedFiles(base: string, pathspecs: readonly string[], cwd: string): Change[] {
  const specs = pathspecs.length > 0 ? pathspecs : [':(top,glob)**/*.outcome'];
  // --no-relative: paths from the top even when the user's settings say `diff.relative`.
  const diff = git(['diff', '--name-status', '-z', '-M', '--no-relative', '--no-ext-diff', '--no-textconv', base, '--', ...specs], cwd);
  if (diff.status !== 0) throw new UsageError(`diff: git could not list the changed files: ${firstLine(diff.stderr)}`);
  const fields = diff.stdout.toString('utf8').split('\0');
  const changes: Change[] = [];
  for (let i = 0; i + 1 < fields.length; ) {
    const status = fields[i];
    if (status.startsWith('R') || status.startsWith('C')) {
      changes.push({ old: fields[i + 1], new: fields[i + 2] });
      i += 3;
    } else {
      const file = fields[i + 1];
      changes.push(status === 'A' ? { old: undefined, new: file } : status === 'D' ? { old: file, new: undefined } : { old: file, new: file });
      i += 2;
    }
  }
  const untracked = git(['ls-files', '--others', '--exclude-standard', '--full-name', '-z', '--', ...specs], cwd);
  if (untracked.status === 0) {
    for (const file of untracked.stdout.toString('utf8').split('\0')) if (file) changes.push({ old: undefined, new: file });
  }
  const isSpec = (p: string | undefined): boolean => p !== undefined && p.endsWith('.outcome');
  return changes
    .filter((c) => isSpec(c.old) || isSpec(c.new))
    .map((c) => ({ old: isSpec(c.old) ? c.old : undefined, new: isSpec(c.new) ? c.new : undefined }))
    .sort((a, b) => (a.new ?? a.old ?? '').localeCompare(b.new ?? b.old ?? ''));
}

/**
 * Files as they were at a commit, read with `git cat-file`, for the old version and its
 * `use` lines, as the disk is read: a file that is not at the commit is not there, and
 * a folder is refused (git would list it).
 */
function commitSource(root: string, commit: string): FileSource {
  return {
    read: (file, maxBytes) => {
      const name = path.relative(root, file).split(path.sep).join('/');
      const blob = git(['cat-file', 'blob', `${commit}:${name}`], root);
      if (blob.status === 0) {
        if (blob.stdout.length > maxBytes) throw new TooLargeError(blob.stdout.length, maxBytes);
        return blob.stdout;
      }
      // Not a file: what is there instead, asked only then (most reads are files).
      // Each entry is `<mode> <type> <object>\t<path>`.
      const listed = git(['ls-tree', '-z', commit, '--', name], root);
      const entry = listed.stdout.toString('utf8').split('\0').find((e) => e.endsWith(`\t${name}`));
      const type = entry?.split(' ')[1];
      if (type === undefined) return undefined;
      if (type === 'tree') throw Object.assign(new Error(`${name} is a folder`), { code: 'EISDIR' });
      throw new Error(type === 'commit' ? 'it is a git submodule, not a file' : firstLine(blob.stderr));
    },
    realPath: (file) => file,
  };
}

function gitDiffs(baseGiven: string, pathspecs: readonly string[], cwd: string, configFile: string | undefined, maxBytes: number): Compared {
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  if (top.status !== 0) throw new UsageError(`diff --git needs a git repository, and ${cwd} is not in one (${firstLine(top.stderr)})`);
  const root = path.resolve(top.stdout.toString('utf8').trim());
  const commit = resolveBase(baseGiven, root);
  const project = new Project({ roots: [root], rules: catalogue, configFile, maxBytes });
  const atBase = new Project({ roots: [root], rules: catalogue, source: commitSource(root, commit), maxBytes });
  const diffs: SpecDiff[] = [];
  const specs: string[] = [];
  for (const change of changedFiles(commit, pathspecs, cwd)) {
    const newFile = change.new !== undefined ? path.join(root, change.new) : undefined;
    const oldFile = change.old !== undefined ? path.join(root, change.old) : undefined;
    // Both versions with the settings of the working tree, as for two files.
    checkSettings(project, [newFile ?? oldFile!], (file) => displayPath(file, cwd));
    const config = project.configFor(newFile ?? oldFile!);
    let before: SpecVersion | undefined;
    if (change.old !== undefined) {
      const text = atBase.read(oldFile!);
      if (text === undefined) throw new UsageError(`diff: cannot read ${change.old} at ${baseGiven}: there is no such file in that commit`);
      if (typeof text !== 'string') throw new UsageError(`diff: ${change.old} at ${baseGiven} ${text.problem}${text.tooLarge ? `: ${raiseLimit()}` : ''}`);
      before = versionOf(change.old, text, lint(projectOf(atBase, config), oldFile!, { rules: catalogue }));
    }
    let after: SpecVersion | undefined;
    if (change.new !== undefined) {
      const text = readSpec(project, newFile!, change.new);
      specs.push(newFile!);
      after = versionOf(change.new, text, lint(projectOf(project, config), newFile!, { rules: catalogue }));
    }
    diffs.push(diffVersions(before, after));
  }
  return { diffs, base: baseGiven === commit ? commit.slice(0, 12) : `${baseGiven} (${commit.slice(0, 12)})`, specs };
}
