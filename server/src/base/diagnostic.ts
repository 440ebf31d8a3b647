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

/**
 * Edits to a file's text that mend a finding, with what they do as a code action's title
 * ("Change to `care_leavers`"). A finding offers two kinds:
 *
 * - a *fix* is safe to apply without reading it: it changes no amount, share, date,
 *   price or cap, points no line at a different definition, adds no line to fill in,
 *   and leaves no placeholder (an id's capitals corrected to the one defined, a
 *   keyword's case). Fix-all in the editor and `--fix` apply fixes only.
 * - a *suggestion* changes what the spec says (an upfront share, a cap, a misspelt id
 *   corrected to a near one, which may be a different outcome with a different price,
 *   a new block with gaps to fill): a person chooses it, one at a time, and fills in
 *   what it leaves.
 */
export interface Fix {
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
  /** Safe to apply in bulk. */
  readonly fixes?: readonly Fix[];
  /** Changes what the spec says: applied only when a person chooses it. */
  readonly suggestions?: readonly Fix[];
}
