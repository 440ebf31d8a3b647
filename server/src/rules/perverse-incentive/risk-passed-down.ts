import { defineRule, fix, fromReport, lastOf, SpecFacts } from '../../engine/kit';
import { Fix } from '../../base/diagnostic';
import * as ast from '../../syntax/ast';

/*
 * Investors fund delivery (a `finance` block with an `investor`), but the provider is
 * paid only a share of outcome payments, with no fixed fee: the results risk the
 * investors are paid to carry is passed down to it. A finance block that does not say
 * how the provider is paid leaves that open, and is reported as information.
 */

export const rule = defineRule({
  meta: {
    id: 'perverse-incentive/risk-passed-down',
    family: 'perverse-incentive',
    severity: 'warning',
    specLevel: true,
    summary: 'Investors fund delivery, but the provider is paid only a share of outcome payments, with no fixed fee: the results risk is passed down to it.',
    rationale:
      'In a social or development impact bond the investors fund delivery so that the provider does not have ' +
      'to: they carry the risk that results fall short, and the return they can earn is their price for it. ' +
      'When the investors (or the intermediary that holds the contract for them) pay the provider only a share ' +
      'of outcome payments, with no fixed fee, that risk goes straight back down: the provider is paid nothing ' +
      'for work that does not succeed, however well it was done, and it is usually the smaller organisation, ' +
      'with the least capital to absorb a loss. A fixed fee for delivery (with a share of outcome payments on ' +
      'top, where the deal wants the provider to share the incentive) keeps the risk with those paid to take ' +
      'it. A `finance` block that does not say how the provider is paid leaves the question open.',
    evidence: [
      fromReport(
        'partners – prime and non-prime - will prioritise moving risk on and this will mean that the most vulnerable, in this case smaller third sector organisations, will bear a disproportionate amount of risk',
        'Session One, Theme 2 (partnerships and subcontracting)',
      ),
      fromReport(
        'Under-capitalisation in the third sector, suggesting little flexibility for contingency in the face of austerity/revenue shortfalls',
        'Session Two, Witness 4 (future sources of failure)',
      ),
    ],
    examples: {
      fires:
        'spec "Kingsford rough sleeping" { budget £2.4m }\n\nfinance {\n  investor "Severnmoor Social Investment Fund" commitment £900k return up to 7% per year\n' +
        '  provider paid 40% of outcome payments\n}\n',
      passes:
        'spec "Kingsford rough sleeping" { budget £2.4m }\n\nfinance {\n  investor "Severnmoor Social Investment Fund" commitment £900k return up to 7% per year\n' +
        '  provider paid fixed fee\n  provider paid 40% of outcome payments\n}\n',
      fix:
        'Say that the provider is paid a fixed fee for delivery, `provider paid fixed fee` (with its amount if it ' +
        'is known), and keep any share of outcome payments as a bonus on top. The suggestion adds that line.',
    },
  },
  check({ facts, report }) {
    const finance = facts.finance;
    if (!finance || !facts.investorsFund || finance.fixedFee) return;
    const share = finance.share;
    if (share?.value) {
      report({
        at: share.span,
        message: `\`${facts.written(share.span)}\` and no fixed fee: the results risk the investors are paid to carry is passed down to the provider, which is paid nothing for work that does not succeed`,
        suggestions: [addFixedFee(facts, finance)],
      });
      return;
    }
    if (share) return; // a share without its value is a syntax error, reported there
    report({
      at: finance.keyword,
      severity: 'info',
      message:
        'this `finance` block does not say how the provider is paid: with `provider paid fixed fee` the investors carry the results risk; ' +
        'paid only a share of outcome payments, the provider carries it',
      suggestions: [addFixedFee(facts, finance)],
    });
  },
});

/** `provider paid fixed fee` after the block's last field. A suggestion: it changes what the provider is paid. */
function addFixedFee(facts: SpecFacts, finance: ast.FinanceBlock): Fix | undefined {
  const after = lastOf([...finance.investors, finance.share]);
  return fix('Pay the provider a fixed fee for delivery (add `provider paid fixed fee`)', facts.edits.insertField(finance, after, 'provider paid fixed fee'));
}
