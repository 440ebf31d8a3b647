/*
 * The shape of `--format json` (docs/cli.md#json), which the programmatic API
 * (`require('outcome-lint')`) returns too. Types only, importing nothing, so that the
 * package's type declarations (dist/*.d.ts) are this file and the API's, as they are.
 */

export interface JsonPlace {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonRelated extends JsonPlace {
  message: string;
}

export interface JsonFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  helpUri: string;
  related?: JsonRelated[];
  /** Safe to apply in bulk, as `--fix` does. */
  fixes?: JsonEdit[];
  /** Change what the spec says: for a person to choose. */
  suggestions?: JsonEdit[];
  suppressed?: { reason: string; by: 'comment' | 'baseline' };
}

/** A fix or suggestion: its title, and each edit's place (1-based, end exclusive) and new text. */
export interface JsonEdit {
  title: string;
  edits: { line: number; column: number; endLine: number; endColumn: number; text: string }[];
}

/** What a run counts: files checked; findings not silenced by severity; those silenced by a comment (`suppressed`) or known from the baseline (`known`). */
export interface JsonSummary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly suppressed: number;
  readonly known: number;
}

export interface JsonReport {
  formatVersion: number;
  tool: { name: 'outcome-lint'; version: string };
  files: { path: string; findings: JsonFinding[] }[];
  summary: JsonSummary;
}
