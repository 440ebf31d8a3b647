import type { z } from 'zod';
import { Fix, Related, Severity, TextEdit } from '../../base/diagnostic';
import { Span } from '../../base/span';
import { Text } from '../../syntax/ast';
import { SpecFacts } from '../facts';

/*
 * What a rule is. One rule is one module under rules/<family>/<name>.ts exporting
 * `rule`; the catalogue (rules/catalogue.ts) lists them all.
 */

export type Family =
  | 'perverse-incentive'
  | 'over-prescription'
  | 'target-group'
  | 'monetisation'
  | 'budget'
  | 'resilience'
  | 'syntax'
  | 'structure';

/** Where the evidence for a rule comes from, quoted. */
export interface Evidence {
  readonly quote: string;
  /** e.g. "Policy workshop report, 'Commissioning for outcomes'". */
  readonly source: string;
}

/** Hand-written examples for the rule's doc; a test checks that they do what they say. */
export interface RuleExamples {
  /** A spec in which the rule fires. */
  readonly fires: string;
  /** The same spec put right: the rule does not fire. */
  readonly passes: string;
  /** How to fix it, in a sentence or two. */
  readonly fix: string;
}

export interface RuleMeta<Options = unknown> {
  /** `family/name`; never changes once released. */
  readonly id: string;
  readonly family: Family;
  readonly severity: Severity;
  /** One line: what it catches. */
  readonly summary: string;
  /** Why it matters, in a paragraph, for hover and docs. */
  readonly rationale: string;
  readonly evidence: readonly Evidence[];
  readonly examples: RuleExamples;
  /** Only for files with a `spec` block (see rules.md). */
  readonly specLevel?: boolean;
  /** Options a user may set in `.outcomelintrc.json`, with their defaults. */
  readonly options?: z.ZodType<Options>;
}

/** A finding as a rule reports it. */
export interface Report {
  /**
   * Where the finding is: the span of the node it is about, of a node's keyword
   * (`block.keyword`), or of two nodes together (`cover(a.span, b.span)`). Every span
   * comes from the tree; a rule never works one out from the text.
   */
  readonly at: Span;
  readonly message: string;
  /** Overrides the default severity (e.g. an error for a `must` service). */
  readonly severity?: Severity;
  readonly related?: readonly Related[];
  /**
   * Fixes, safe to apply without reading (base/diagnostic.ts): nothing that changes an
   * amount, a share, a date, a price or a cap, or leaves a gap to fill. One that could
   * not be made (undefined, such as in an unclosed block) is left out.
   */
  readonly fixes?: readonly (Fix | undefined)[];
  /** Suggestions: edits that change what the spec says, for a person to choose one at a time. */
  readonly suggestions?: readonly (Fix | undefined)[];
}

export interface RuleContext<Options = unknown> {
  readonly facts: SpecFacts;
  readonly options: Options;
  /**
   * The value of a string of the spec. Rules read strings only through this, never by
   * `.value`: the engine notes which rule read which string, so that the language
   * server knows whose findings a keystroke in one cannot change (engine/reuse.ts). A
   * test fails on a `.value` of a string in rules/ or engine/.
   */
  read(text: Text): string;
  read(text: Text | undefined): string | undefined;
  report(report: Report): void;
}

export interface Rule<Options = unknown> {
  readonly meta: RuleMeta<Options>;
  /**
   * Looks at the spec and reports. Absent only for the rules about suppression
   * comments, which the engine itself reports once every other rule has run.
   */
  readonly check?: (context: RuleContext<Options>) => void;
}

/** Declares a rule with its options type inferred from its schema. */
export function defineRule<Options = undefined>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

/** A fix or suggestion of one edit, or undefined when the edit could not be made. */
export function fix(title: string, edit: TextEdit | undefined): Fix | undefined {
  return edit && { title, edits: [edit] };
}
