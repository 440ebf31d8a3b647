import { Config, defaultConfig, optionsFor } from './config/config';
import { Diagnostic } from './base/diagnostic';
import { FileAccess } from './model/file-access';
import { analyse, ParseCache, SpecModel } from './model/model';
import { SpecFacts } from './rules/facts';
import { rules } from './rules/index';
import { followStrings, Keep, moveFindings, RuleRun, RuleRuns, whatToKeep } from './rules/reuse';
import { Rule } from './rules/rule';
import { applySuppressions, readSuppressions, Suppressed } from './rules/suppressions';
import { Text } from './syntax/ast';
import { ItemEdit } from './syntax/reparse';
import { Span } from './base/span';
import { readingTexts } from './syntax/text-node';

export interface LintOptions {
  readonly config?: Config;
  /** Parses shared across files linted together (the CLI's run, the server's workspace), so each text is parsed once. */
  readonly cache?: ParseCache;
  /**
   * For the language server, as someone types: note which strings each rule reads and,
   * given this file's `earlier` lint and the `edit` since, keep the findings (moved) of
   * every rule that did not read the one string the edit changed (rules/reuse.ts).
   */
  readonly incremental?: { readonly earlier?: LintResult; readonly edit?: ItemEdit };
}

export interface LintResult {
  readonly model: SpecModel;
  readonly facts: SpecFacts;
  /** Every finding that stands, in text order. */
  readonly diagnostics: Diagnostic[];
  /** Findings silenced by a suppression comment, with its reason. */
  readonly suppressed: Suppressed[];
  /** With `incremental`: each rule's findings and reads, for the next lint. */
  readonly runs?: RuleRuns;
}

const ruleIds: ReadonlySet<string> = new Set(rules.map((r) => r.meta.id));

/** Parse, model and run every enabled rule on one file. Pure: other files come through `access`. */
export function lint(uri: string, text: string, access: FileAccess, options: LintOptions = {}): LintResult {
  const config = options.config ?? defaultConfig;
  const incremental = options.incremental;
  const modelReads = new Set<Text>();
  const model = incremental ? readingTexts(modelReads, () => analyse(uri, text, access, options.cache)) : analyse(uri, text, access, options.cache);
  const facts = new SpecFacts(model, text, access);
  const used = incremental ? model.visibleFiles.map((u) => options.cache?.get(u)) : [];
  const keep = incremental ? whatToKeep(incremental.earlier, incremental.edit, { model, config, used }) : undefined;
  const byRule = new Map<string, RuleRun>();
  const found: Diagnostic[] = [];
  for (const rule of rules) {
    const setting = config.rules.get(rule.meta.id);
    if (setting?.level === 'off' || !rule.check) continue;
    if (rule.meta.specLevel && !facts.spec) continue;
    const level = setting?.level;
    const check = (into: Diagnostic[]): void => run(rule, facts, optionsFor(rule, setting), into, level);
    if (!incremental) {
      check(found);
      continue;
    }
    const part = (keep && keptRun(keep, rule.meta.id)) ?? runNotingReads(check);
    byRule.set(rule.meta.id, part);
    found.push(...part.found);
  }
  const { kept, suppressed, problems } = applySuppressions(found, readSuppressions(model.file, text, facts.lines), facts.lines, ruleIds);
  for (const problem of problems) {
    const level = config.rules.get(problem.code)?.level;
    if (level !== 'off') kept.push(level ? { ...problem, severity: level } : problem);
  }
  kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
  return { model, facts, diagnostics: kept, suppressed, ...(incremental ? { runs: { config, modelReads, used, byRule } } : {}) };
}

/** A rule's run kept from the earlier lint, when the edit cannot have changed what it finds. */
function keptRun(keep: Keep, id: string): RuleRun | undefined {
  const earlier = keep.byRule.get(id);
  if (!earlier || earlier.reads.has(keep.edit.string)) return undefined;
  if (!moveFindings(earlier.found, keep.edit)) return undefined;
  return { found: earlier.found, reads: followStrings(earlier.reads, keep.edit), kept: true };
}

/** Runs a rule, noting the strings it reads. */
function runNotingReads(check: (into: Diagnostic[]) => void): RuleRun {
  const found: Diagnostic[] = [];
  const reads = new Set<Text>();
  readingTexts(reads, () => check(found));
  return { found, reads, kept: false };
}

function run(rule: Rule<unknown>, facts: SpecFacts, options: unknown, found: Diagnostic[], level: Diagnostic['severity'] | undefined): void {
  try {
    rule.check!({
      facts,
      options,
      // Copies of the spans: the server's next parse moves the tree's spans in place.
      report: (r) =>
        found.push({
          code: rule.meta.id,
          severity: level ?? r.severity ?? rule.meta.severity,
          message: r.message,
          span: copy(r.node.span),
          ...(r.related ? { related: r.related.map((x) => ({ ...x, span: copy(x.span) })) } : {}),
          ...(r.fixes ? { fixes: r.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, span: copy(e.span) })) })) } : {}),
        }),
    });
  } catch (error) {
    // A bug in one rule must not take the others (or the server) down with it.
    found.push({
      code: rule.meta.id,
      severity: 'error',
      message: `outcome-lint's rule ${rule.meta.id} failed on this file (${error instanceof Error ? error.message : String(error)}); please report it`,
      span: { start: 0, end: Math.min(1, facts.text.length) },
    });
  }
}

function copy(span: Span): Span {
  return { start: span.start, end: span.end };
}
