import { Fix } from '../../base/diagnostic';
import * as ast from '../../syntax/ast';
import { defineRule, fix, fromReport, idCorrection, idSuggester, lastOf, SpecFacts } from '../../engine/kit';

/*
 * `for` and `pay … in` must name a cohort or segment that this file or a used file
 * defines. Also reported: an id that names an outcome where a group is needed, and a
 * `pay … in` segment that belongs to none of the outcome's cohorts (a price for no one).
 */

export const rule = defineRule({
  meta: {
    id: 'target-group/undefined',
    family: 'target-group',
    severity: 'error',
    summary: '`for` or `pay … in` names a cohort or segment that no visible file defines.',
    rationale:
      'An outcome is for a defined group of people, and a price `in` a segment is for the people in that ' +
      'segment. When the id names nothing (a typo, a cohort never written down, a shared file not `use`d), no ' +
      'one can say whom the outcome is for, how many people it can be paid for, or who is left out. Define the ' +
      'cohort, with eligibility and a size, or `use` the file that defines it.',
    evidence: [
      fromReport(
        'if outcomes and target groups are not well defined then impact can be negative rather than positive',
        'Session One, Theme 2 (partnerships and subcontracting)',
      ),
    ],
    examples: {
      fires: 'outcome sustained_job "Sustained employment" {\n  for young_people\n  measure "26 weeks in paid work"\n}\n',
      passes: 'use "shared.outcome"\n\noutcome sustained_job "Sustained employment" {\n  for neet\n  measure "26 weeks in paid work"\n}\n',
      fix:
        'Define the cohort (with eligibility and a size), `use` the file that defines it, or correct the id. A ' +
        'suggestion corrects a near miss of a defined id (a fix, applied with the others, when only the capitals ' +
        'differ), or adds a cohort to fill in.',
    },
  },
  check({ facts, report }) {
    const unreadable = facts.model.diagnostics.some((d) => d.code === 'structure/unresolved-use');
    // `for` and `in` both name cohorts and segments.
    const suggest = idSuggester([...facts.model.definitions.values()].filter((d) => d.kind === 'cohort' || d.kind === 'segment'));
    const payOf = new Map<ast.Name, ast.PayLine>();
    for (const pay of facts.payment?.pays ?? []) if (pay.segment) payOf.set(pay.segment, pay);
    const stubbed = new Set<string>();

    for (const ref of facts.model.references) {
      if (ref.role === 'pay-outcome' || ref.role === 'cap-outcome' || ref.target) continue;
      const id = ref.name.text;
      const isFor = ref.role === 'outcome-for';
      if (ref.wrongKind) {
        report({
          at: ref.name.span,
          message: isFor
            ? `\`${id}\` is ${article(ref.wrongKind.kind)}, not a cohort or segment: \`for\` names whom the outcome is for`
            : `\`${id}\` is ${article(ref.wrongKind.kind)}, not a segment: \`in\` names the group this price is for`,
          related: [{ message: `\`${id}\` is defined here`, span: ref.wrongKind.name.span, ...(ref.wrongKind.uri === facts.model.uri ? {} : { uri: ref.wrongKind.uri }) }],
        });
        continue;
      }
      const near = suggest(id);
      const correction = idCorrection(facts, ref.name.span, id, near);
      const stub = near || unreadable || stubbed.has(id) ? undefined : isFor ? cohortStub(facts, id) : segmentStub(facts, id, payOf.get(ref.name));
      if (stub) stubbed.add(id);
      const what = isFor ? 'cohort or segment' : 'segment';
      report({
        at: ref.name.span,
        message:
          `no ${what} called \`${id}\` is defined in this file or the files it uses` +
          (near
            ? near.name.text.toLowerCase() === id.toLowerCase()
              ? ` (ids are matched exactly, capitals included: did you mean \`${near.name.text}\`?)`
              : ` (did you mean \`${near.name.text}\`?)`
            : unreadable
              ? ' (a file this one uses could not be read)'
              : ''),
        fixes: correction.fixes,
        suggestions: [...correction.suggestions, stub],
      });
    }

    // A price `in` a segment of a cohort the outcome is not for.
    for (const pay of facts.payment?.pays ?? []) {
      const group = facts.definition(pay.segment);
      const outcome = facts.definition(pay.outcome);
      if (!group || !pay.segment || outcome?.kind !== 'outcome' || (group.kind !== 'segment' && group.kind !== 'cohort')) continue;
      const node = outcome.node as ast.OutcomeBlock;
      const cohorts = facts.cohortsOf(node);
      if (cohorts.length === 0) continue;
      const owner = group.kind === 'segment' ? group.cohort : (group.node as ast.CohortBlock);
      if (cohorts.some((c) => c.cohort === owner)) continue;
      const forNames = node.for.flatMap((f) => f.value ?? []).map((n) => `\`${n.text}\``);
      const of = group.kind === 'segment' && owner?.name ? ` is a segment of \`${owner.name.text}\`, but` : ' is a cohort, but';
      report({
        at: pay.segment.span,
        message: `\`${pay.segment.text}\`${of} \`${outcome.name.text}\` is for ${forNames.join(', ')}: this price is for no one the outcome is for`,
      });
    }
  },
});

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/** The one defined id of a fitting kind that the reference most likely meant: same letters in other case, or a typo or two away. */
/** A cohort to fill in, after the last cohort of the file or before its first outcome. */
function cohortStub(facts: SpecFacts, id: string): Fix | undefined {
  const lines = [`cohort ${id} "…" {`, '  eligibility {', '    criterion "…"', '  }', '}'];
  const title = `Add a cohort \`${id}\` to fill in`;
  const last = facts.cohorts[facts.cohorts.length - 1];
  if (last) return fix(title, facts.edits.insertItemAfter(last, lines));
  const first = facts.outcomes[0];
  return first && fix(title, facts.edits.insertItemBefore(first, lines));
}

/** A segment to fill in, inside the one cohort of this file that the paid outcome is for. */
function segmentStub(facts: SpecFacts, id: string, pay: ast.PayLine | undefined): Fix | undefined {
  const outcome = facts.definition(pay?.outcome);
  if (outcome?.kind !== 'outcome') return undefined;
  const cohorts = [...new Set(facts.cohortsOf(outcome.node as ast.OutcomeBlock).map((c) => c.cohort))];
  const cohort = cohorts.length === 1 ? cohorts[0] : undefined;
  if (!cohort || !facts.cohorts.includes(cohort)) return undefined;
  const after = lastOf([cohort.eligibility, cohort.size, ...cohort.referrals, ...cohort.segments, ...cohort.excludes]);
  const edit = facts.edits.insertField(cohort, after, `segment ${id} "…" { criterion "…" }`);
  return fix(`Add a segment \`${id}\` to \`${cohort.name?.text ?? 'the cohort'}\`, to fill in`, edit);
}
