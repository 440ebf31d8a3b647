import * as ast from '../../syntax/ast';
import { JUDGING, THE_PROVIDER, UNSUITABLE } from './creaming-words';
import { defineRule, fromReport, isNegated, memoByText, PhraseList, PhraseMatch, Word, words } from '../../engine/kit';

/*
 * A cohort of a paid outcome, under results or mixed payment, whose membership the provider
 * decides: `referral provider` or `referral self`, no referral at all, a `referral by`
 * that names the provider itself ("the provider's outreach team"), or an `exclude` line or
 * criterion whose judge is the provider ("whom the provider judges unsuitable", "at the
 * provider's discretion", "people judged not ready", with no one else named as judging).
 */

const provider = new PhraseList(THE_PROVIDER);
const judging = new PhraseList(JUDGING);
const unsuitable = new PhraseList(UNSUITABLE);

/** Words after a judgement that name who else judges: "judged unsuitable by the referring GP". */
const BY = new Set(['by']);

type Quote = { start: number; end: number };

const spanOf = (ws: readonly Word[], first: number, last: number): Quote => ({ start: ws[first].start, end: ws[last].end });

/**
 * Where a text (an `exclude` line or a criterion) leaves the decision to the provider:
 * the provider judging, within a few words ("whom the provider judges unsuitable", "as the
 * provider decides", "at the provider's discretion"), or a judgement of suitability with
 * no one named as judge ("people judged not ready for work").
 */
export const providerDecides: (text: string) => Quote | undefined = memoByText((text) => {
  const ws = words(text);
  const judgements = judging.findAffirmed(ws);
  for (const p of provider.find(ws)) {
    const last = p.index + p.words.length - 1;
    const near = judgements.find((j) => Math.abs(j.index - p.index) <= 4);
    if (near) return spanOf(ws, Math.min(p.index, near.index), Math.max(last, near.index + near.words.length - 1));
  }
  for (const u of unsuitable.findAffirmed(ws)) {
    const last = u.index + u.words.length - 1;
    // "judged unsuitable by the referring GP": someone else judges.
    if (ws.slice(last + 1, last + 3).some((w) => BY.has(w.stem))) continue;
    const judged = judgements.find((j) => j.index < u.index && j.index >= u.index - 3);
    return spanOf(ws, judged ? judged.index : u.index, last);
  }
  return undefined;
});

/** Where a `referral by` text names the provider as a referrer: "the provider's outreach team". */
export const providerRefers: (text: string) => Quote | undefined = memoByText((text) => {
  const ws = words(text);
  const hit: PhraseMatch | undefined = provider.find(ws).find((m) => !isNegated(ws, m.index));
  if (!hit) return undefined;
  // Quote the referrer it names: "the provider's outreach team".
  let last = hit.index + hit.words.length - 1;
  while (last + 1 < ws.length && last < hit.index + 3 && !/[,;]/.test(text.slice(ws[last].end, ws[last + 1].start))) last++;
  return spanOf(ws, hit.index, last);
});

export const rule = defineRule({
  meta: {
    id: 'perverse-incentive/creaming',
    family: 'perverse-incentive',
    severity: 'warning',
    summary: 'The provider chooses whom to enrol, and is paid per success.',
    rationale:
      'When the provider decides who joins (`referral provider`), or anyone may walk in (`referral self`), or ' +
      'nobody says who refers, and each success is paid for, the provider can enrol the people most likely to ' +
      'succeed anyway ("creaming") and leave out those the service was meant for. Referral by named public ' +
      'services, against recorded eligibility, keeps the choice with the commissioner.',
    evidence: [
      fromReport(
        "in the employment services programme designed to reach the 'hardest to help', the programme design and partnership arrangements meant that providers were excluding users they would ordinarily include",
        'Session One, Theme 2 (partnerships and subcontracting)',
      ),
    ],
    examples: {
      fires:
        'cohort neet {\n  size 450\n  referral provider\n}\noutcome job { for neet }\npayment {\n  model results\n  pay £3,200 for job per participant\n}\n',
      passes:
        'cohort neet {\n  size 450\n  referral by "Jobcentre Plus work coaches"\n}\noutcome job { for neet }\npayment {\n  model results\n  pay £3,200 for job per participant\n}\n',
      fix: 'Name who refers people into the service with `referral by "…"` (public services working to the eligibility criteria), so the provider does not choose whom to help.',
    },
  },
  check({ facts, read, report }) {
    if (!facts.paysOnResults) return;
    const reported = new Set<ast.CohortBlock>();
    for (const outcome of facts.paidOutcomes) {
      for (const { cohort, uri } of facts.cohortsOf(outcome)) {
        if (reported.has(cohort)) continue;
        reported.add(cohort);
        const name = cohort.name?.text ?? 'this cohort';
        // Only a cohort in this file can be pointed at; one from a used file is reported on the outcome.
        const here = uri === facts.model.uri;
        const at = (node: { span: ast.Node['span'] }): ast.Node['span'] => (here ? node : outcome.name!).span;
        const paid = `outcomes for \`${name}\` are paid per success`;

        const chosen = cohort.referrals.find((r) => r.route?.value === 'provider' || r.route?.value === 'self');
        if (chosen) {
          const who = chosen.route!.value === 'provider' ? 'the provider chooses who joins' : 'people refer themselves and the provider chooses whom to take';
          report({ at: at(chosen), message: `${paid}, but ${who}: it can enrol those likeliest to succeed anyway` });
        } else if (cohort.referrals.length === 0) {
          report({
            at: (here ? (cohort.name ?? cohort) : outcome.name!).span,
            message: `${paid}, but no one is named to refer people into it: the provider can choose whom to enrol`,
          });
        }
        // The provider among the referrers: `referral by "the provider's outreach team"`.
        for (const referral of cohort.referrals) {
          for (const by of referral.referrers) {
            const text = read(by);
            const found = text === undefined ? undefined : providerRefers(text);
            if (!found) continue;
            report({
              at: at(by),
              message: `${paid}, but the provider refers people in itself ("${quote(text!, found)}"): it can enrol those likeliest to succeed anyway`,
            });
          }
        }
        // Who is left out, or let in, on the provider's judgement.
        const judged: { node: ast.Text; what: string }[] = [
          ...cohort.excludes.flatMap((e) => (e.value ? [{ node: e.value, what: 'who is left out' }] : [])),
          ...(cohort.eligibility?.criteria ?? []).flatMap((c) => (c.kind === 'criterion' && c.text ? [{ node: c.text, what: 'who is eligible' }] : [])),
        ];
        for (const { node, what } of judged) {
          const text = read(node);
          const found = providerDecides(text);
          if (!found) continue;
          report({
            at: at(node),
            message: `${paid}, but the provider decides ${what} ("${quote(text, found)}"): it can leave out those least likely to succeed`,
          });
        }
      }
    }
  },
});

function quote(text: string, at: Quote): string {
  return text.slice(at.start, at.end).replace(/\s+/g, ' ');
}
