import { Config, defaultConfig, optionsFor } from './config/config';
import { Diagnostic } from './diagnostic';
import { FileAccess } from './model/file-access';
import { analyse, ParseCache, SpecModel } from './model/model';
import { SpecFacts } from './rules/facts';
import { rules } from './rules/index';
import { Rule } from './rules/rule';
import { applySuppressions, readSuppressions, Suppressed } from './rules/suppressions';

export interface LintOptions {
  readonly config?: Config;
  /** Parses shared across files linted together (the CLI's run, the server's workspace), so each text is parsed once. */
  readonly cache?: ParseCache;
}

export interface LintResult {
  readonly model: SpecModel;
  readonly facts: SpecFacts;
  /** Every finding that stands, in text order. */
  readonly diagnostics: Diagnostic[];
  /** Findings silenced by a suppression comment, with its reason. */
  readonly suppressed: Suppressed[];
}

const ruleIds: ReadonlySet<string> = new Set(rules.map((r) => r.meta.id));

/** Parse, model and run every enabled rule on one file. Pure: other files come through `access`. */
export function lint(uri: string, text: string, access: FileAccess, options: LintOptions = {}): LintResult {
  const config = options.config ?? defaultConfig;
  const model = analyse(uri, text, access, options.cache);
  const facts = new SpecFacts(model, text, access);
  const found: Diagnostic[] = [];
  for (const rule of rules) {
    const setting = config.rules.get(rule.meta.id);
    if (setting?.level === 'off' || !rule.check) continue;
    if (rule.meta.specLevel && !facts.spec) continue;
    run(rule, facts, optionsFor(rule, setting), found, setting?.level);
  }
  const { kept, suppressed, problems } = applySuppressions(found, readSuppressions(model.file, text, facts.lines), facts.lines, ruleIds);
  for (const problem of problems) {
    const level = config.rules.get(problem.code)?.level;
    if (level !== 'off') kept.push(level ? { ...problem, severity: level } : problem);
  }
  kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
  return { model, facts, diagnostics: kept, suppressed };
}

function run(rule: Rule<unknown>, facts: SpecFacts, options: unknown, found: Diagnostic[], level: Diagnostic['severity'] | undefined): void {
  try {
    rule.check!({
      facts,
      options,
      report: (r) =>
        found.push({
          code: rule.meta.id,
          severity: level ?? r.severity ?? rule.meta.severity,
          message: r.message,
          span: r.node.span,
          ...(r.related ? { related: r.related } : {}),
          ...(r.fixes ? { fixes: r.fixes } : {}),
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
