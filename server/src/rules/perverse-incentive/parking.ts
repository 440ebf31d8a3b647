import { Fix, Related } from '../../base/diagnostic';
import * as ast from '../../syntax/ast';
import { formatMoney } from '../../base/wording';
import { defineRule, fix, fromReport, SpecFacts } from '../../engine/kit';

/*
 * A flat per-person price for an outcome whose cohort has segments (usually the
 * hardest to help), and a segment with no `pay … in <segment>` line of its own for
 * that outcome. The finding is on the flat `pay` line, so it can be shown even when
 * the cohort comes from a used file; the segments are related information.
 *
 * Only `per participant` prices count as flat prices: a single sum does not price
 * people, so it cannot make one person worth less than another. An outcome that is
 * `for` a segment itself is priced for that segment and is not checked against the
 * cohort's other segments.
 */

export const rule = defineRule({
  meta: {
    id: 'perverse-incentive/parking',
    family: 'perverse-incentive',
    severity: 'warning',
    summary: 'One flat price per person for a cohort that has a harder-to-help segment with no price of its own.',
    rationale:
      'When every success earns the same price, the people who need the most help cost the provider the most ' +
      'and earn it no more. Under payment by results they are enrolled, counted, and then given the least ' +
      'attention ("parking"), while effort goes to those likeliest to succeed. A segment of the cohort with its ' +
      'own, higher price (`pay … per participant in <segment>`) makes the hardest to help worth working with, ' +
      'and keeps the risk from falling on them.',
    evidence: [
      fromReport(
        "Profile of beneficiaries that third sector organisations work with – a 'dumping ground' for the more difficult cases/intangible problems, meaning that it is harder to generate the results that could be classed as success?",
        'Session Two, Witness 4 (learning from failure)',
      ),
      fromReport(
        'There is also risk that an unsophisticated outcomes/commissioning model will focus on reducing risk and not improving outcomes. Consequently partners – prime and non-prime - will prioritise moving risk on and this will mean that the most vulnerable, in this case smaller third sector organisations, will bear a disproportionate amount of risk.',
        'Session One, Theme 2 (partnerships and subcontracting)',
      ),
    ],
    examples: {
      fires:
        'cohort neet {\n  size 450\n  referral by "Jobcentre Plus work coaches"\n  segment care_leavers "Care leavers" { size 60 }\n}\n' +
        'outcome job { for neet }\npayment {\n  model results\n  pay £3,200 for job per participant\n}\n',
      passes:
        'cohort neet {\n  size 450\n  referral by "Jobcentre Plus work coaches"\n  segment care_leavers "Care leavers" { size 60 }\n}\n' +
        'outcome job { for neet }\npayment {\n  model results\n  pay £3,200 for job per participant\n  pay £4,800 for job per participant in care_leavers\n}\n',
      fix:
        'Give each segment its own, higher price with `pay £X for <outcome> per participant in <segment>`, set to ' +
        'what it really costs to help that group. The quick fix adds these lines at the flat price, as a starting ' +
        'value for you to raise.',
    },
  },
  check({ facts, read, report }) {
    for (const outcome of facts.paidOutcomes) {
      const name = outcome.name!.text;
      const lines = facts.paysFor(outcome);
      const flat = lines.filter((p) => p.perParticipant && !p.segment && p.amount);
      if (flat.length === 0) continue;
      // The line that reads as "the" price: the first without a threshold, else the first.
      const price = flat.find((p) => !p.threshold) ?? flat[0];
      const priced = new Set(lines.flatMap((p) => (p.segment ? [p.segment.text] : [])));

      const cohorts: string[] = [];
      const unpriced: { segment: ast.SegmentBlock & { name: ast.Name }; uri: string }[] = [];
      for (const { cohort, segment, uri } of facts.cohortsOf(outcome)) {
        if (segment) continue; // `for` names the segment itself: it is priced as a whole
        const cohortName = cohort.name?.text;
        if (cohortName && !cohorts.includes(cohortName)) cohorts.push(cohortName);
        for (const s of cohort.segments) {
          if (!s.name || priced.has(s.name.text) || unpriced.some((u) => u.segment === s)) continue;
          unpriced.push({ segment: s as ast.SegmentBlock & { name: ast.Name }, uri });
        }
      }
      if (unpriced.length === 0) continue;

      const segmentNames = unpriced.map((u) => u.segment.name.text);
      const described = unpriced.map(({ segment }) => `${code(segment.name.text)}${segment.title ? ` (${read(segment.title)})` : ''}`);
      const related: Related[] = unpriced.map(({ segment, uri }) => ({
        message: `segment \`${segment.name.text}\` is defined here`,
        span: segment.name.span,
        ...(uri === facts.model.uri ? {} : { uri }),
      }));
      const money = formatMoney(price.amount!.minor, price.amount!.currency);
      const which = described.length === 1 ? `segment ${described[0]} has` : `segments ${list(described)} have`;
      const fix = addSegmentPrices(facts, price, segmentNames, money);
      report({
        at: price.span,
        message:
          `${code(name)} is paid at the same ${money} for everyone in ${list(cohorts.map(code))}, but ${which} no price of ` +
          `${described.length === 1 ? 'its' : 'their'} own: the hardest to help earn no more for it, so they can be enrolled and left`,
        related,
        suggestions: [fix],
      });
    }
  },
});

function code(text: string): string {
  return `\`${text}\``;
}

/** `a`, `a and b`, `a, b and c`. */
function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Adds `pay <flat price> for <outcome> per participant in <segment>` after the flat
 * line, one per segment, at the flat price (and threshold) as a starting value: until
 * the writer changes the price, the spec pays what it paid before.
 */
function addSegmentPrices(facts: SpecFacts, flat: ast.PayLine, segments: readonly string[], money: string): Fix | undefined {
  const source = facts.written(flat.amount!.span);
  const threshold = flat.threshold ? ` threshold ${facts.written(flat.threshold.span)}` : '';
  const lines = segments.map((s) => `pay ${source} for ${flat.outcome!.text} per participant in ${s}${threshold}`);
  const what = segments.length === 1 ? `\`${lines[0]}\`` : `a price line for each of ${list(segments.map(code))}`;
  // No fix in a block that is not closed: where it ends is a guess (see insertField).
  const edit = facts.edits.insertField(facts.payment!, flat, ...lines);
  return fix(`Add ${what} (at the flat ${money} as a starting value: set the real price)`, edit);
}
