import { Span } from './span';

export type Severity = 'error' | 'warning' | 'info';

/** Another place that explains a finding, such as the first of two duplicate ids. */
export interface Related {
  readonly message: string;
  readonly span: Span;
  /** The file it is in, when not the finding's own file. */
  readonly uri?: string;
}

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** A quick fix: edits to this file's text. */
export interface Fix {
  /** What the fix does, as a code action title: "Add `upfront 20%`". */
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/**
 * A finding on one file. `code` is the rule id (`syntax/parse`, `budget/exceeds`, …)
 * and `span` a half-open UTF-16 range in that file's text.
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly related?: readonly Related[];
  readonly fixes?: readonly Fix[];
}
