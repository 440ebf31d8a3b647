import { LintResult } from '../engine/lint';
import { compareSnapshots, hasChanges, SnapshotDiff } from './compare';
import { EMPTY_SNAPSHOT, snapshot, SpecSnapshot } from './snapshot';

/* Versions of a spec, and the diff of two. */

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
