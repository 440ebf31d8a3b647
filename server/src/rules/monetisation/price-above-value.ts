import * as ast from '../../syntax/ast';
import { formatMoney, numberText } from '../../base/wording';
import { defineRule, fromReport, SpecFacts } from '../../engine/kit';
import { sizeOf } from '../../model/model';

/*
 * A price for one success above what the success is worth (the outcome's `value`), in
 * the same currency; prices and values in different currencies are not compared.
 *
 * What one person's success can earn is read as the language reads the most a spec can
 * pay: the `pay … per participant` lines without `in` add up for the people they price
 * (a bonus line with `threshold` comes on top of the plain price), and the people of a
 * segment with its own `pay … in` lines are priced by those lines instead. A line that
 * is over the value on its own is reported alone; lines that are over it only together
 * are reported once, on the first of them. A single sum (no `per participant`) pays
 * for the outcome as a whole, so it is compared with the value of every success it
 * could pay for (the sizes of the groups it is for), and only when those are known.
 */

export const rule = defineRule({
  meta: {
    id: 'monetisation/price-above-value',
    family: 'monetisation',
    severity: 'warning',
    summary: 'The price paid for a success is higher than the value the specification gives that success.',
    rationale:
      'An outcome\'s `value` is what one success is worth to the public purse. Paying more than that for it ' +
      'means every success leaves the public worse off than if nothing had been bought, however well the ' +
      'contract performs. Either the price is too high, or the value is understated (then give its source), or ' +
      'the outcome is bought for reasons other than value for money, which the specification should say.',
    evidence: [
      fromReport('working out the potential and limits of outcomes based payments', 'Session One, key issues raised in discussion'),
      fromReport(
        "There is need to understand the implications of context for expectations about 'the usual price'.",
        'Session One, key issues raised in discussion',
      ),
    ],
    examples: {
      fires:
        'use "shared.outcome"\noutcome job "Sustained employment" {\n  for neet\n  value £2,500 source "local unit cost estimate"\n}\npayment {\n  pay £3,200 for job per participant\n}\n',
      passes:
        'use "shared.outcome"\noutcome job "Sustained employment" {\n  for neet\n  value £9,500 source "GMCA unit cost database: NEET 18-24, fiscal cost per year"\n}\npayment {\n  pay £3,200 for job per participant\n}\n',
      fix:
        'Lower the price below the value, or check the value and give its source with `value £… source "…"`. ' +
        'If the outcome is worth buying for reasons the value leaves out, say so in a comment.',
    },
  },
  check({ facts, report }) {
    for (const outcome of facts.paidOutcomes) {
      const value = outcome.value?.value;
      if (!value || !outcome.value) continue;
      const name = outcome.name!.text;
      const worth = formatMoney(value.minor, value.currency);
      const related = [{ message: `\`${name}\` is valued at ${worth} a success`, span: outcome.value.span }];
      const pays = facts.paysFor(outcome).filter((p) => p.amount);

      // Per participant: the lines that price the same people, by segment (`''`: no `in`).
      const groups = new Map<string, ast.PayLine[]>();
      for (const pay of pays.filter((p) => p.perParticipant)) {
        const key = pay.segment?.text ?? '';
        groups.set(key, [...(groups.get(key) ?? []), pay]);
      }
      for (const lines of groups.values()) {
        if (lines.some((p) => p.amount!.currency !== value.currency)) continue;
        const over = lines.filter((p) => p.amount!.minor > value.minor);
        for (const pay of over) {
          report({
            at: pay.span,
            message: `pays ${formatMoney(pay.amount!.minor, value.currency)} for one \`${name}\` success${who(pay)}, more than its value of ${worth}`,
            related,
          });
        }
        const sum = lines.reduce((s, p) => s + p.amount!.minor, 0n);
        if (over.length === 0 && sum > value.minor) {
          const others = lines.slice(1);
          report({
            at: lines[0].span,
            message:
              `this line and ${others.length === 1 ? 'one more' : `${others.length} more`} pay up to ${formatMoney(sum, value.currency)} ` +
              `for one \`${name}\` success${who(lines[0])}, more than its value of ${worth}`,
            related: [...others.map((p) => ({ message: `also paid for the same success`, span: p.span })), ...related],
          });
        }
      }

      // Single sums: against every success they could pay for.
      for (const pay of pays.filter((p) => !p.perParticipant && p.amount!.currency === value.currency)) {
        const people = pay.segment ? sizeOfGroup(facts, pay.segment) : peopleOf(facts, outcome);
        if (people === undefined) continue;
        const all = value.minor * BigInt(people);
        if (pay.amount!.minor <= all) continue;
        report({
          at: pay.span,
          message:
            `pays ${formatMoney(pay.amount!.minor, value.currency)} for \`${name}\` as a whole, more than all ${numberText(people)} ` +
            `possible successes are worth (${numberText(people)} × ${worth} = ${formatMoney(all, value.currency)})`,
          related,
        });
      }
    }
  },
});

/** " in `send`" for a segment's price. */
function who(pay: ast.PayLine): string {
  return pay.segment ? ` in \`${pay.segment.text}\`` : '';
}

/** The members of the cohort or segment a name refers to (a segment without a size: its cohort's). */
function sizeOfGroup(facts: SpecFacts, name: ast.Name): number | undefined {
  const d = facts.definition(name);
  if (d?.kind === 'cohort') return sizeOf(d.node as ast.CohortBlock);
  if (d?.kind === 'segment') return sizeOf(d.node as ast.SegmentBlock) ?? sizeOf(d.cohort);
  return undefined;
}

/** Everyone the outcome is for, or undefined when a size is missing. */
function peopleOf(facts: SpecFacts, outcome: ast.OutcomeBlock): number | undefined {
  const names = outcome.for.flatMap((f) => f.value ?? []);
  if (names.length === 0) return undefined;
  let total = 0;
  for (const name of names) {
    const size = sizeOfGroup(facts, name);
    if (size === undefined) return undefined;
    total += size;
  }
  return total;
}
