import { LintResult } from '../lint';
import { compareSnapshots, hasChanges, SnapshotDiff } from './compare';
import { EMPTY_SNAPSHOT, snapshot, SpecSnapshot } from './snapshot';

/*
 * The semantic diff of one spec: what a change means, not which lines moved.
 * `snapshot.ts` reduces a linted version to its meaning, `compare.ts` compares two,
 * `markdown.ts` writes the result for a pull-request comment. Pure: the CLI
 * (cli/diff-command.ts) reads the files, from disk or from git, and lints them.
 */

export { compareSnapshots, hasChanges } from './compare';
export type { DefinitionChange, FieldChange, Figure, FindingChange, PriceChange, SectionChange, SnapshotDiff } from './compare';
export { renderJson, renderMarkdown, COMMENT_MARKER } from './markdown';
export { snapshot, EMPTY_SNAPSHOT } from './snapshot';
export type { SpecSnapshot } from './snapshot';

/** One version of a spec file. */
export interface SpecVersion {
  /** Its name in the report: a path, relative where possible. */
  readonly name: string;
  readonly text: string;
  readonly snapshot: SpecSnapshot;
}

export interface SpecDiff extends SnapshotDiff {
  /** The file before and after; absent for a file added or removed. */
  readonly old?: string;
  readonly new?: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  /** Unchanged in meaning, though the texts differ (comments, layout, spelling of values). */
  readonly layoutOnly: boolean;
}

/** A version from `lint()`'s result. */
export function versionOf(name: string, text: string, result: LintResult): SpecVersion {
  return { name, text, snapshot: snapshot(result.model, result.diagnostics, result.facts.maximumPayment) };
}

/** Compares two versions; either may be absent (a file added or removed). */
export function diffVersions(before: SpecVersion | undefined, after: SpecVersion | undefined): SpecDiff {
  const diff = compareSnapshots(before?.snapshot ?? EMPTY_SNAPSHOT, after?.snapshot ?? EMPTY_SNAPSHOT);
  const status = !before ? 'added' : !after ? 'removed' : hasChanges(diff) ? 'changed' : 'unchanged';
  return {
    ...(before ? { old: before.name } : {}),
    ...(after ? { new: after.name } : {}),
    status,
    layoutOnly: status === 'unchanged' && before!.text !== after!.text,
    ...diff,
  };
}
