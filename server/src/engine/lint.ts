import { Diagnostic, Fix } from '../base/diagnostic';
import { optionsFor } from '../config/config';
import { analyse, ParseCache, SpecModel } from '../model/model';
import { Text } from '../syntax/ast';
import { ItemEdit } from '../syntax/reparse';
import { SpecFacts } from './facts';
import { Rule, RuleContext } from './kit/rule';
import { Project } from './project';
import { keptRun, RuleRun, RuleRuns, whatToKeep } from './reuse';
import { applySuppressions, readSuppressions, Suppressed } from './suppressions';

export interface LintOptions {
  /** The rules to run: the catalogue (rules/catalogue.ts), or another set. */
  readonly rules: RuleSet;
  /** Parses shared across files linted together (the CLI's run, the server's workspace), so each text is parsed once. */
  readonly cache?: ParseCache;
  /**
   * For the language server, as someone types: note which strings each rule reads and,
   * given this file's `earlier` lint and the `edit` since, keep the findings (moved) of
   * every rule that did not read the one string the edit changed (engine/reuse.ts).
   */
  readonly incremental?: { readonly earlier?: LintResult; readonly edit?: ItemEdit };
}

export interface LintResult {
  readonly model: SpecModel;
  readonly facts: SpecFacts;
  /** The rules that ran (or could have): for the metadata of a finding's rule. */
  readonly rules: RuleSet;
  /** Every finding that stands, in text order. */
  readonly diagnostics: Diagnostic[];
  /** Findings silenced by a suppression comment, with its reason. */
  readonly suppressed: Suppressed[];
  /** With `incremental`: each rule's findings and reads, for the next lint. */
  readonly runs?: RuleRuns;
}

/** A set of rules to lint with, found by id. */
export interface RuleSet {
  readonly all: readonly Rule<unknown>[];
  readonly ids: ReadonlySet<string>;
  byId(id: string): Rule<unknown> | undefined;
}

export function ruleSet(rules: readonly Rule<unknown>[]): RuleSet {
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  return { all: rules, ids: new Set(byId.keys()), byId: (id) => byId.get(id) };
}

/**
 * Parse, model and run every enabled rule on one file of a project, with the settings
 * the project gives that file. Pure: every file, this one included, comes through the
 * project. A file that cannot be read as text gets one finding saying why.
 */
export function lint(project: Project, file: string, options: LintOptions): LintResult {
  const read = project.read(file);
  const text = typeof read === 'string' ? read : '';
  const config = project.configFor(file);
  const rules = options.rules;
  const incremental = options.incremental;
  const model = analyse(file, text, project, options.cache);
  const facts = new SpecFacts(model, text, project);
  const used = incremental ? model.visibleFiles.map((u) => options.cache?.get(u)) : [];
  const keep = incremental ? whatToKeep(incremental.earlier, incremental.edit, { model, config, used }) : undefined;
  const byRule = new Map<string, RuleRun>();
  const found: Diagnostic[] = [];
  if (typeof read !== 'string') found.push(unreadable(project, file, read));
  for (const rule of rules.all) {
    const setting = config.rules.get(rule.meta.id);
    if (setting?.level === 'off' || !rule.check) continue;
    if (rule.meta.specLevel && !facts.spec) continue;
    const options = optionsFor(rule, setting);
    if (!incremental) {
      found.push(...run(rule, facts, options, setting?.level));
      continue;
    }
    const part = (keep && keptRun(keep, rule.meta.id)) ?? runNotingReads(rule, facts, options, setting?.level);
    byRule.set(rule.meta.id, part);
    found.push(...part.found);
  }
  const { kept, suppressed, problems } = applySuppressions(found, readSuppressions(model.file, text, facts.lines), facts.lines, rules.ids);
  for (const problem of problems) {
    const level = config.rules.get(problem.code)?.level;
    if (level !== 'off') kept.push(level ? { ...problem, severity: level } : problem);
  }
  kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
  return { model, facts, rules, diagnostics: kept, suppressed, ...(incremental ? { runs: { config, byRule, used } } : {}) };
}

/** Runs a rule, noting the strings it reads. */
function runNotingReads(rule: Rule<unknown>, facts: SpecFacts, options: unknown, level: Diagnostic['severity'] | 'off' | undefined): RuleRun {
  const reads = new Set<Text>();
  return { found: run(rule, facts, options, level, reads), reads, kept: false };
}

/** A rule's findings on the spec; the strings it reads go into `reads`, when given. */
function run(rule: Rule<unknown>, facts: SpecFacts, options: unknown, level: Diagnostic['severity'] | 'off' | undefined, reads?: Set<Text>): Diagnostic[] {
  const found: Diagnostic[] = [];
  const context: RuleContext<unknown> = {
    facts,
    options,
    read: ((text: Text | undefined) => {
      if (text) reads?.add(text);
      return text?.value;
    }) as RuleContext<unknown>['read'],
    // Copies of the spans: the server's next parse moves the tree's spans in place.
    report: (r) => {
      const fixes = edits(r.fixes);
      const suggestions = edits(r.suggestions);
      found.push({
        code: rule.meta.id,
        severity: (level !== 'off' && level) || r.severity || rule.meta.severity,
        message: r.message,
        span: copy(r.at),
        ...(r.related ? { related: r.related.map((x) => ({ ...x, span: copy(x.span) })) } : {}),
        ...(fixes ? { fixes } : {}),
        ...(suggestions ? { suggestions } : {}),
      });
    },
  };
  try {
    rule.check!(context);
  } catch (error) {
    // A bug in one rule must not take the others (or the server) down with it.
    found.push({
      code: rule.meta.id,
      severity: 'error',
      message: `outcome-lint's rule ${rule.meta.id} failed on this file (${error instanceof Error ? error.message : String(error)}); please report it`,
      span: { start: 0, end: Math.min(1, facts.text.length) },
    });
  }
  return found;
}

/** The one finding on a file that cannot be read as text. */
function unreadable(project: Project, file: string, read: { problem: string } | undefined): Diagnostic {
  const why = read ? read.problem : 'does not exist';
  return { code: 'syntax/parse', severity: 'error', message: `${project.display(file)} ${why}`, span: { start: 0, end: 0 } };
}

/** Fixes or suggestions as a finding keeps them: those that could be made, with copies of their spans; undefined for none. */
function edits(list: readonly (Fix | undefined)[] | undefined): Fix[] | undefined {
  const made = list?.filter((f) => f !== undefined).map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, span: copy(e.span) })) }));
  return made && made.length > 0 ? made : undefined;
}

function copy(span: { readonly start: number; readonly end: number }): { start: number; end: number } {
  return { start: span.start, end: span.end };
}
