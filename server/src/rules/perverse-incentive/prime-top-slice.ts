import { z } from 'zod';
import { percentText } from '../../base/wording';
import { Fix } from '../../base/diagnostic';
import * as ast from '../../syntax/ast';
import { defineRule, fromReport, SpecFacts } from '../../engine/kit';

/*
 * A `subcontracting` block whose `management fee` is above the limit (15% unless
 * configured), or which has neither a `management fee` nor a supply-chain `standard`,
 * so that nothing limits what the lead provider keeps.
 */

const options = z.object({
  maximumFee: z
    .number()
    .min(0)
    .max(100)
    .default(15)
    .describe('The highest management fee, in percent, that a lead provider may keep from its subcontractors without a finding.'),
});

export const rule = defineRule({
  meta: {
    id: 'perverse-incentive/prime-top-slice',
    family: 'perverse-incentive',
    severity: 'warning',
    summary: 'A lead provider may keep a large share of its subcontractors\' money, or nothing limits what it keeps.',
    rationale:
      'In a prime contractor model the lead provider passes work, and risk, down to subcontractors, often small ' +
      'voluntary organisations, and keeps a management fee. A high fee, or no stated fee and no supply-chain ' +
      'standard, lets the lead provider top-slice the money while the subcontractors carry the cases and the ' +
      'risk; they leave the supply chain, and with them the local knowledge the contract was meant to buy. A ' +
      'modest fee and a supply-chain standard such as the Merlin Standard keep the chain fair.',
    evidence: [
      fromReport(
        'In the pathways to work programme that employed a prime-sub contractor model, there was evidence that prime contractors top-sliced funds and that sub-contractors (usually third sector organisations) lost out in this process. The coalition has introduced MERLIN standard to introduce greater fairness in these prime/sub-contractor relationships.',
        'Session One, Theme 2 (partnerships and subcontracting)',
      ),
    ],
    examples: {
      fires: 'subcontracting {\n  prime "Any lead provider"\n  management fee 18%\n  standard "Merlin Standard"\n}\n',
      passes: 'subcontracting {\n  prime "Any lead provider"\n  management fee 12%\n  standard "Merlin Standard"\n}\n',
      fix:
        'Limit the `management fee` (15% or less) and name a supply-chain `standard`, such as `standard "Merlin ' +
        'Standard"`. The quick fixes lower the fee to the limit, or add the standard when there is neither.',
    },
    options,
  },
  check({ facts, options: { maximumFee }, report }) {
    const block = facts.subcontracting;
    if (!block) return;
    const fee = block.managementFee;
    const limit = percentText(maximumFee);
    if (fee?.value) {
      if (fee.value.value <= maximumFee) return;
      report({
        at: fee.span,
        message: `\`management fee ${fee.value.source}\` is above ${limit}: the lead provider can top-slice the money before it reaches the subcontractors doing the work`,
        suggestions: [{ title: `Lower the management fee to ${limit}`, edits: [facts.edits.replace(fee.value.span, limit)] }],
      });
      return;
    }
    if (fee || block.standards.length > 0) return; // a fee without its value is a syntax error, reported there
    const fix = addStandard(facts, block);
    report({
      at: block.keyword,
      message: 'this subcontracting has no `management fee` and no `standard`: nothing limits what the lead provider keeps from its subcontractors',
      suggestions: [fix],
    });
  },
});


/**
 * Adds `standard "Merlin Standard"` after the block's last field, or first in the block;
 * none in a block that is not closed (see insertField).
 */
function addStandard(facts: SpecFacts, block: ast.SubcontractingBlock): Fix | undefined {
  const line = 'standard "Merlin Standard"';
  const title = 'Add `standard "Merlin Standard"` for the supply chain';
  const fields: ast.Node[] = [...block.primes, ...block.standards].sort((a, b) => a.span.start - b.span.start);
  const lastField = fields[fields.length - 1];
  const edit = facts.edits.insertField(block, lastField, line);
  return edit && { title, edits: [edit] };
}
