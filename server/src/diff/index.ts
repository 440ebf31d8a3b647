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
export { diffVersions, versionOf } from './versions';
export type { SpecDiff, SpecVersion } from './versions';
