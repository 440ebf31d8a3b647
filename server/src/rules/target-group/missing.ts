import { Fix } from '../../diagnostic';
import * as ast from '../../syntax/ast';
import { fromReport } from '../evidence';
import { SpecFacts } from '../facts';
import { defineRule } from '../rule';

export const rule = defineRule({
  meta: {
    id: 'target-group/missing',
    family: 'target-group',
    severity: 'warning',
    summary: 'An `outcome` has no `for`: it is for no one in particular.',
    rationale:
      'An outcome is a change for particular people. Without `for`, no one can say whose lives should ' +
      'change, count how many successes are possible, compare with a baseline for the same people, or price ' +
      'it. System measures (bed days, waiting lists) are still worth tracking, but say which cohort they ' +
      'reflect.',
    evidence: [
      fromReport(
        'if outcomes and target groups are not well defined then impact can be negative rather than positive',
        'Session One, Theme 2 (partnerships and subcontracting)',
      ),
    ],
    examples: {
      fires: 'use "shared.outcome"\n\noutcome sustained_job "Sustained employment" {\n  measure "26 weeks in paid work"\n}\n',
      passes: 'use "shared.outcome"\n\noutcome sustained_job "Sustained employment" {\n  for neet\n  measure "26 weeks in paid work"\n}\n',
      fix: 'Add `for` with the cohort or segment the outcome is for. When only one cohort is visible, the quick fix adds it.',
    },
  },
  check({ facts, report }) {
    const cohorts = [...facts.model.definitions.values()].filter((d) => d.kind === 'cohort');
    for (const outcome of facts.outcomes) {
      if (outcome.for.length > 0) continue;
      const name = outcome.name ? `\`${outcome.name.text}\`` : 'this outcome';
      const fix = cohorts.length === 1 ? addFor(facts, outcome, cohorts[0].name.text) : undefined;
      report({
        node: outcome.name ?? { span: outcome.keyword },
        message: `${name} is for no one in particular: add \`for\` with the cohort or segment whose lives it should change`,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
});

/** Inserts `for <cohort>` as the outcome's first field. */
function addFor(facts: SpecFacts, outcome: ast.OutcomeBlock, cohort: string): Fix | undefined {
  const open = outcome.braces?.open;
  if (!open) return undefined;
  const title = `Add \`for ${cohort}\``;
  const rest = facts.text.slice(open.end);
  const sameLine = /^[ \t]*[^\s#]/.test(rest) && !/^[ \t]*\}/.test(rest);
  if (sameLine || !/^[ \t]*(#[^\r\n]*)?\r?\n/.test(rest)) {
    // `outcome job { measure "…" }` on one line
    return { title, edits: [{ span: { start: open.end, end: open.end }, newText: ` for ${cohort}` }] };
  }
  const eol = facts.text.includes('\r\n') ? '\r\n' : '\n';
  const line = facts.lines.position(open.end).line;
  const outer = /^[ \t]*/.exec(facts.text.slice(facts.lines.lineStart(facts.lines.position(outcome.span.start).line)))?.[0] ?? '';
  // Indent as the block's first field is indented.
  let inner = `${outer}  `;
  for (let l = line + 1; l < facts.lines.lineCount; l++) {
    const text = facts.text.slice(facts.lines.lineStart(l), facts.lines.lineEnd(l));
    if (/^\s*(#.*)?$/.test(text)) continue;
    if (!/^\s*\}/.test(text)) inner = /^[ \t]*/.exec(text)?.[0] ?? inner;
    break;
  }
  const at = facts.lines.lineEnd(line);
  return { title, edits: [{ span: { start: at, end: at }, newText: `${eol}${inner}for ${cohort}` }] };
}
