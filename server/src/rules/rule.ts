import type { z } from 'zod';
import { Fix, Related, Severity } from '../base/diagnostic';
import { Node } from '../syntax/ast';
import { SpecFacts } from './facts';

/*
 * What a rule is. One rule is one module under rules/<family>/<name>.ts exporting
 * `rule`; the registry (rules/index.ts) lists them all.
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

export interface Report {
  /** The node the finding is about: its span is the finding's range. */
  readonly node: Node;
  readonly message: string;
  /** Overrides the default severity (e.g. an error for a `must` service). */
  readonly severity?: Severity;
  readonly related?: readonly Related[];
  readonly fixes?: readonly Fix[];
}

export interface RuleContext<Options = unknown> {
  readonly facts: SpecFacts;
  readonly options: Options;
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
