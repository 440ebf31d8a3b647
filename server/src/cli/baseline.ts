import * as path from 'node:path';
import { z } from 'zod';
import { plural } from '../base/wording';
import { decodeText } from '../host/decode-text';
import { readProblem, readRegularFile } from '../host/files';
import { UsageError } from './problems';
import { FileReport, Report, summarise } from './report';
import { writeOutput } from './output';
import type { Io } from './io';

/*
 * `--baseline FILE`: adopting outcome-lint on a library of specs already signed off. The
 * file lists findings that are known; in a run they are counted apart and fail nothing,
 * and only new findings do. An entry is matched by its file, its rule and the finding's
 * text, not by its line, so that an edit above it does not make it new; each entry
 * matches one finding, so a second finding like a known one is new. Each entry keeps its
 * reason, which the reports show, as they show a suppression comment's.
 *
 * `--write-baseline` writes the run's findings into the file: entries that still match
 * keep their reasons; new ones get a reason saying when they were written, to be
 * replaced by a real one. The entries of files this run did not lint are kept as they
 * were: writing the baseline for one folder must not forget the others. The file is
 * data (JSON), checked when read.
 */

const ENTRY = z.strictObject({
  file: z.string().min(1).describe('The spec, relative to the folder of the baseline file, with `/`.'),
  rule: z.string().min(1),
  message: z.string(),
  reason: z.string().min(1, 'give each entry a reason'),
});

const BASELINE = z.strictObject({
  $comment: z.string().optional(),
  findings: z.array(ENTRY),
});

type Entry = z.infer<typeof ENTRY>;

/** The entries of the baseline file; none for a file not written yet when it is about to be (`--write-baseline`). */
export function readBaseline(file: string, shown: string, writing: boolean): Entry[] {
  let bytes: Buffer | undefined;
  try {
    bytes = readRegularFile(file);
  } catch (error) {
    throw new UsageError(`cannot read the baseline ${shown}: ${readProblem(error)}`);
  }
  if (!bytes) {
    if (writing) return [];
    throw new UsageError(`cannot read the baseline ${shown}: it does not exist (write it with --write-baseline)`);
  }
  const text = decodeText(bytes);
  if (typeof text !== 'string') throw new UsageError(`the baseline ${shown} ${text.problem}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the baseline ${shown} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const checked = BASELINE.safeParse(data);
  if (!checked.success) {
    throw new UsageError(...checked.error.issues.map((i) => `invalid baseline ${shown}: \`${i.path.join('.') || 'the file'}\`: ${i.message}`));
  }
  return checked.data.findings;
}

const keyOf = (file: string, rule: string, message: string): string => `${file}\u0000${rule}\u0000${message}`;

/** The file's name as an entry gives it: relative to the baseline's folder, with `/`. */
function entryFile(baseline: string, file: string): string {
  return path.relative(path.dirname(baseline), file).split(path.sep).join('/');
}

/** The report with every finding the baseline knows marked as known, with the entry's reason. */
export function applyBaseline(report: Report, entries: readonly Entry[], baseline: string): Report {
  const left = new Map<string, Entry[]>();
  for (const e of entries) left.set(keyOf(e.file, e.rule, e.message), [...(left.get(keyOf(e.file, e.rule, e.message)) ?? []), e]);
  const files: FileReport[] = report.files.map((file) => ({
    ...file,
    findings: file.findings.map((f) => {
      if (f.suppressed) return f;
      const match = left.get(keyOf(entryFile(baseline, file.file), f.ruleId, f.message))?.shift();
      return match ? { ...f, suppressed: { reason: match.reason, by: 'baseline' as const } } : f;
    }),
  }));
  return { files, summary: summarise(files) };
}

/**
 * Writes the run's findings (those no comment silences) as the baseline, keeping the
 * reasons of entries that still match, and the entries of files the run did not lint.
 */
export function writeBaseline(io: Io, report: Report, old: readonly Entry[], baseline: string, shown: string): void {
  const reasons = new Map<string, string[]>();
  for (const e of old) reasons.set(keyOf(e.file, e.rule, e.message), [...(reasons.get(keyOf(e.file, e.rule, e.message)) ?? []), e.reason]);
  const linted = new Set(report.files.map((file) => entryFile(baseline, file.file)));
  const kept = old.filter((e) => !linted.has(e.file));
  const written = `known when the baseline was written on ${new Date().toISOString().slice(0, 10)}: give the real reason`;
  const found: Entry[] = report.files.flatMap((file) =>
    file.findings
      .filter((f) => f.suppressed?.by !== 'comment')
      .map((f) => {
        const entry = { file: entryFile(baseline, file.file), rule: f.ruleId, message: f.message };
        return { ...entry, reason: reasons.get(keyOf(entry.file, entry.rule, entry.message))?.shift() ?? written };
      }),
  );
  // By file, each file's entries in their order (a sort keeps the order of equal items).
  const findings = [...kept, ...found].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const data = {
    $comment: 'outcome-lint baseline: findings known when specs were signed off. They are counted apart and fail no run; replace each reason with the real one. Write it again with --write-baseline.',
    findings,
  };
  writeOutput(io, shown, `${JSON.stringify(data, null, 2)}\n`, report.files.map((f) => f.file));
  const others = kept.length > 0 ? ` (${plural(kept.length, 'entry', 'entries')} of files not linted in this run kept as they were)` : '';
  io.stderr(`outcome-lint: wrote ${plural(findings.length, 'known finding')} to ${shown}${others}`);
}
