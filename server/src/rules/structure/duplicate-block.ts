import * as ast from '../../syntax/ast';
import { defineRule } from '../../engine/kit';

/** The blocks a file has at most one of (language reference, "One of each"). */
const ONCE = ['spec', 'payment', 'subcontracting', 'contingency', 'finance'] as const;

const ORDINAL = ['first', 'second', 'third'];

export const rule = defineRule({
  meta: {
    id: 'structure/duplicate-block',
    family: 'structure',
    severity: 'error',
    summary: 'A second `spec`, `payment`, `subcontracting`, `contingency` or `finance` block in one file.',
    rationale:
      'A file holds one specification, paid one way, with one supply chain, one plan for failure and one way of ' +
      'financing delivery. Two ' +
      '`payment` blocks (often a pasted draft left behind) leave the reader to guess which prices, cap and ' +
      'up-front share are meant, and a contract read two ways ends in a dispute. outcome-lint reads only the ' +
      'first block of each kind and reports the others.',
    evidence: [],
    examples: {
      fires:
        'outcome job { for neet }\n\npayment {\n  model results\n  upfront 20%\n  pay £3,200 for job per participant\n}\n\n' +
        'payment {\n  cap £1,440,000\n}\n',
      passes: 'outcome job { for neet }\n\npayment {\n  model results\n  upfront 20%\n  pay £3,200 for job per participant\n  cap £1,440,000\n}\n',
      fix:
        'Merge the blocks into one (keeping the lines you mean), or delete the one left over from an earlier draft. ' +
        'A second specification belongs in a file of its own.',
    },
  },
  check({ facts, report }) {
    for (const kind of ONCE) {
      const blocks: ast.TopLevelItem[] = facts.all(kind);
      const first = blocks[0];
      blocks.slice(1).forEach((block, index) => {
        const which = ORDINAL[index + 1] ?? 'another';
        const line = facts.lineOf(first.keyword.start);
        const advice =
          kind === 'spec'
            ? `a file holds one specification, and outcome-lint reads the first (line ${line}); move this one to a file of its own`
            : `a file may have only one, and outcome-lint reads the first (line ${line}); merge this one into it`;
        report({
          at: block.keyword,
          message: `a ${which} \`${kind}\` block: ${advice}`,
          related: [{ message: `the first \`${kind}\` block, the one that is read`, span: first.keyword }],
        });
      });
    }
  },
});
