/*
 * Where outcome-lint's documentation is published: the one place that builds its
 * addresses, for rule links in the editor, the CLI's output and help, and SARIF.
 */

/** The repository, where the documentation pages are published. */
export const REPOSITORY = 'https://github.com/outcome-lint/outcome-lint';

/** A page of the documentation, such as `docs/cli.md`, as published. */
export function docUrl(file: string): string {
  return `${REPOSITORY}/blob/main/${file}`;
}

/** Where a rule's page lives, relative to the repository root. */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** A rule's page, as published. */
export function ruleDocUrl(id: string): string {
  return docUrl(ruleDocPath(id));
}
