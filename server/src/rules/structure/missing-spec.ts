import * as ast from '../../syntax/ast';
import { defineRule } from '../../engine/kit';

/** Top-level items a file of shared definitions may hold without a `spec`. */
const SHARED: ReadonlySet<ast.TopLevelItem['kind']> = new Set(['cohort', 'use']);

const BLOCKS: ReadonlySet<ast.TopLevelItem['kind']> = new Set(['payment', 'subcontracting', 'contingency', 'finance']);

/** "2 outcomes", "a `payment` block", "3 `requirement` lines". */
function describe(kind: ast.TopLevelItem['kind'], count: number): string {
  if (kind === 'outcome') return count === 1 ? 'an outcome' : `${count} outcomes`;
  const noun = BLOCKS.has(kind) ? 'block' : 'line';
  return count === 1 ? `a \`${kind}\` ${noun}` : `${count} \`${kind}\` ${noun}s`;
}

export const rule = defineRule({
  meta: {
    id: 'structure/missing-spec',
    family: 'structure',
    severity: 'warning',
    summary: 'A file has outcomes, a payment block or other parts of a specification, but no `spec` block.',
    rationale:
      'A file with outcomes and prices but no `spec` block does not say who is commissioning, for how long or ' +
      'with what budget, so the checks on the whole specification (the budget, the contingency plan, reviews, ' +
      'user involvement) cannot run on it, and its weaknesses go unreported. A file of shared definitions, with ' +
      'only cohorts and `use` lines, needs no `spec`.',
    evidence: [],
    examples: {
      fires:
        'use "shared.outcome"\n\noutcome job "Sustained employment" {\n  for neet\n  measure "26 weeks in paid work"\n}\n\n' +
        'payment {\n  model results\n  upfront 20%\n  pay £3,200 for job per participant\n}\n',
      passes:
        'spec "Youth pathways" { term 3 years from 2027-04-01 budget £1.8m }\n\nuse "shared.outcome"\n\n' +
        'outcome job "Sustained employment" {\n  for neet\n  measure "26 weeks in paid work"\n}\n\n' +
        'payment {\n  model results\n  upfront 20%\n  pay £3,200 for job per participant\n}\n',
      fix:
        'Add a `spec "…" { … }` block with the commissioner, term and budget. If the file is meant to hold shared ' +
        'definitions, keep only cohorts (and `use` lines) in it and move the rest to the specification that uses it.',
    },
  },
  check({ facts, report }) {
    if (facts.spec) return;
    const parts = facts.file.items.filter((i) => !SHARED.has(i.kind));
    if (parts.length === 0) return;
    const counts = new Map<ast.TopLevelItem['kind'], number>();
    for (const p of parts) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
    // The catalogue's triggers first (outcomes, payment), then the rest in the order written.
    const kinds = [...counts.keys()].sort((a, b) => rank(a) - rank(b));
    const named = kinds.slice(0, 2).map((k) => describe(k, counts.get(k)!));
    if (kinds.length > 2) named.push('other parts of a specification');
    const what = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
    report({
      at: parts[0].keyword,
      message: `this file has ${what} but no \`spec\` block, so the checks on the whole specification (budget, contingency, review) do not run`,
    });
  },
});

function rank(kind: ast.TopLevelItem['kind']): number {
  return kind === 'outcome' ? 0 : kind === 'payment' ? 1 : 2;
}
