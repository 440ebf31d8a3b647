/*
 * Where outcome-lint's documentation is published: the one place that builds its
 * addresses, for rule links in the editor, the CLI's output and help, and SARIF.
 */

/** The repository, where the documentation pages are published. */
export const REPOSITORY = 'https://github.com/outcome-lint/outcome-lint';

/**
 * The version this build is, which the bundler writes in (esbuild.mjs, from package.json),
 * so that a link from an installed outcome-lint opens the pages of that version (its tag)
 * and not whatever `main` says later. Unset when the sources run unbundled (the tests):
 * links then point at `main`.
 */
declare const OUTCOME_LINT_VERSION: string | undefined;

const PUBLISHED = typeof OUTCOME_LINT_VERSION === 'string' ? `v${OUTCOME_LINT_VERSION}` : 'main';

/** A page of the documentation, such as `docs/cli.md`, as published for this version. */
export function docUrl(file: string): string {
  return `${REPOSITORY}/blob/${PUBLISHED}/${file}`;
}

/** Where a rule's page lives, relative to the repository root. */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** A rule's page, as published. */
export function ruleDocUrl(id: string): string {
  return docUrl(ruleDocPath(id));
}
