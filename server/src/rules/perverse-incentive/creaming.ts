import * as ast from '../../syntax/ast';
import { CHOOSING, DIRECT_ENTRY, NO_CHOICE, NOT_WHOM, SET_ASIDE, THE_PROVIDER, UNLESS, UNSUITABLE } from './creaming-words';
import { clauseNumbers, defineRule, fromReport, isNegated, memoByText, PhraseList, PhraseMatch, Word, words } from '../../engine/kit';

/*
 * A cohort of a paid outcome, under results or mixed payment, whose membership the provider
 * decides: `referral provider` or `referral self`, no referral at all, a `referral by`
 * that names the provider itself ("the provider's outreach team"), or an `exclude` line or
 * criterion that makes the provider the one who chooses ("whom the provider judges
 * unsuitable", "at the provider's discretion", "recruited by the provider", "people judged
 * not ready" with no one else named as judging).
 */

const provider = new PhraseList(THE_PROVIDER);
const choosing = new PhraseList(CHOOSING);
const directEntry = new PhraseList(DIRECT_ENTRY);
const unsuitable = new PhraseList(UNSUITABLE);
const setAside = new PhraseList(SET_ASIDE);
const notWhom = new PhraseList(NOT_WHOM);
const noChoice = new PhraseList(NO_CHOICE);
const unless = new PhraseList(UNLESS);

type Quote = { start: number; end: number };

const spanOf = (ws: readonly Word[], first: number, last: number): Quote => ({ start: ws[first].start, end: ws[last].end });
const lastWord = (m: PhraseMatch): number => m.index + m.words.length - 1;

/** What ends a clause for this rule: "the provider, if its list is open, may…" has three. */
const CLAUSE_BREAK = /[,;:()]/;

/** Each word's clause: words are compared by clause, so each text is scanned once, however many mentions it has. */
const clauses = (text: string, ws: readonly Word[]): number[] => clauseNumbers(text, ws, CLAUSE_BREAK);

/** Matches by the index of their first word and of their last. */
function byPosition(matches: readonly PhraseMatch[]): { starting: Map<number, PhraseMatch>; ending: Map<number, PhraseMatch> } {
  return { starting: new Map(matches.map((m) => [m.index, m])), ending: new Map(matches.map((m) => [lastWord(m), m])) };
}

/** Words that stand for the provider once it has been named: "the provider may decline any referral it considers inappropriate". */
const PRONOUNS = new Set(['it', 'its', 'they', 'their']);

/** The provider's mentions, with the pronouns after the first of them. */
function withPronouns(ws: readonly Word[], named: PhraseMatch[]): PhraseMatch[] {
  if (named.length === 0) return named;
  const after = lastWord(named[0]);
  const pronouns = ws.flatMap((w, index) => (index > after && PRONOUNS.has(w.text.toLowerCase()) ? [{ phrase: w.text, words: [w], index }] : []));
  return [...named, ...pronouns];
}

const MODALS = new Set(['may', 'must', 'shall', 'can', 'will', 'should']);
const CANNOT = new Set(['cannot', "can't", 'never']);

/** An aside between commas after a modal is read past if it is at most this many words: "may, if its list is open, accept". */
const ASIDE = 12;

/**
 * Who chooses, read from the order of the words: the provider before a word of choosing,
 * within four words in one clause ("the provider may decline", "the provider's
 * discretion", "the contractor shall determine which"), or after a modal and an aside ("the
 * contractor may, if its list is open, accept"); a word of choosing, then `by` the provider
 * ("recruited by the provider", "confirmed by the provider's own assessment"); the
 * provider's direct registration; or a judgement of suitability with no judge named
 * ("people judged not ready for work"). Not when the provider's judgement is set aside
 * ("rather than the providers' judgments"), or when the choice is how to help, not whom
 * ("decides how best to support").
 */
export const providerChooses: (text: string) => Quote | undefined = memoByText((text) => {
  const ws = words(text);
  const clause = clauses(text, ws);
  const choices = byPosition(choosing.findAffirmed(ws).filter((c) => !notWhom.find(ws.slice(lastWord(c) + 1, lastWord(c) + 3)).some((m) => m.index === 0)));
  const setAsideFrom = new Map<number, number>();
  for (const m of setAside.find(ws)) if (!setAsideFrom.has(clause[m.index])) setAsideFrom.set(clause[m.index], m.index);
  const near = (from: number, to: number, pick: (i: number) => PhraseMatch | undefined): PhraseMatch | undefined => {
    for (let i = from; i <= to; i++) {
      const found = pick(i);
      if (found) return found;
    }
    return undefined;
  };
  for (const p of withPronouns(ws, provider.findAffirmed(ws))) {
    const last = lastWord(p);
    const asideFrom = setAsideFrom.get(clause[p.index]);
    if (asideFrom !== undefined && asideFrom < p.index) continue;
    // "the programme as determined by the Jobcentre": the one after `by` chooses, not the provider.
    const actsItself = (c: PhraseMatch | undefined): PhraseMatch | undefined =>
      c && ws.slice(lastWord(c) + 1, lastWord(c) + 3).some((w) => w.stem === 'by') ? undefined : c;
    const acts =
      near(last + 1, last + 4, (i) => (clause[i] === clause[last] ? actsItself(choices.starting.get(i)) : undefined)) ??
      (MODALS.has(ws[last + 1]?.text.toLowerCase() ?? '') && clause[last + 2] === clause[last] + 1
        ? near(last + 2, last + 2 + ASIDE, (i) => (clause[i] === clause[last] + 2 && clause[i - 1] === clause[last] + 1 ? choices.starting.get(i) : undefined))
        : undefined);
    if (acts) return spanOf(ws, p.index, lastWord(acts));
    // "recruited by the provider", "confirmed by the provider's own assessment".
    const byAt = near(Math.max(0, p.index - 3), p.index - 1, (i) => (ws[i].stem === 'by' ? { phrase: 'by', words: [ws[i]], index: i } : undefined))?.index;
    if (byAt === undefined) continue;
    const done = near(byAt - 6, byAt - 1, (i) => (i >= 0 && clause[i] === clause[p.index] ? choices.ending.get(i) : undefined));
    if (done) return spanOf(ws, done.index, last);
  }
  const direct = directEntry.findAffirmed(ws)[0];
  if (direct) return spanOf(ws, direct.index, lastWord(direct));
  for (const u of unsuitable.findAffirmed(ws)) {
    // "judged unsuitable by the referring GP": someone else judges.
    if (ws.slice(lastWord(u) + 1, lastWord(u) + 3).some((w) => w.stem === 'by')) continue;
    const judged = near(u.index - 3, u.index - 1, (i) => choices.starting.get(i));
    // "whom the council judges unsuitable": a judge is named, and it is not the provider.
    if (judged && /s$/i.test(judged.words[0].text)) continue;
    return spanOf(ws, judged ? judged.index : u.index, lastWord(u));
  }
  return undefined;
});

/**
 * True when a text takes the choice of whom to take away from the provider: everyone
 * eligible is taken ("zero exclusion", "must accept everyone on the caseloads"), places go
 * in an order no one picks or by lot ("randomly assigned by the evaluator", "in
 * waiting-list order"), the provider is told it may not choose or refuse ("a center may not
 * choose which eligible children it enrols"), or someone else is named as responsible for
 * the choice ("the Jobcentre work coach is responsible for determining…").
 */
export const takesAwayChoice: (text: string) => boolean = memoByText((text) => {
  const ws = words(text);
  // "…unless the applications exceed the capacity": who gets the places is open again.
  if (unless.find(ws).length > 0) return false;
  if (noChoice.findAffirmed(ws).length > 0) return true;
  // A word of choosing forbidden: "may not choose", "must not refuse", "cannot decline".
  // Such a line binds whoever delivers, whatever the spec calls it ("a center", "JVS").
  const choices = choosing.find(ws);
  if (choices.some((c) => isForbidden(ws, c.index))) return true;
  const clause = clauses(text, ws);
  const firstProvider = new Map<number, number>();
  for (const p of provider.find(ws)) if (!firstProvider.has(clause[p.index])) firstProvider.set(clause[p.index], p.index);
  const choiceAt = byPosition(choices).starting;
  return responsibleFor.find(ws).some((r) => {
    const chooses = [1, 2, 3].some((k) => choiceAt.has(lastWord(r) + k));
    // Providers after "responsible for" are what is chosen for, not who chooses; one
    // before it in the clause is the one responsible.
    const named = firstProvider.get(clause[r.index]);
    return chooses && r.index > 0 && !(named !== undefined && named < r.index);
  });
});

const responsibleFor = new PhraseList(['responsible for']);

/** True when the word at `index` follows "may not", "must not", "cannot" and the like. */
function isForbidden(ws: readonly Word[], index: number): boolean {
  const before = (k: number): string => ws[index - k]?.text.toLowerCase().replace(/’/g, "'") ?? '';
  return CANNOT.has(before(1)) || (before(1) === 'not' && MODALS.has(before(2)));
}

/** Words that may come before a referrer's name: "the provider's outreach team". */
const LEADING = new Set(['the', 'its', 'a', 'an', 'own']);

/**
 * Where a `referral by` text names the provider as a referrer: a referrer in the list
 * whose name starts with the provider ("the provider's outreach team", "JCP and the
 * provider"), not one that only mentions it ("schools assigned to the programme").
 */
export const providerRefers: (text: string) => Quote | undefined = memoByText((text) => {
  const ws = words(text);
  const clause = clauses(text, ws);
  const startsName = (i: number): boolean => {
    let k = i - 1;
    while (k >= 0 && LEADING.has(ws[k].stem) && clause[k] === clause[i]) k--;
    return k < 0 || clause[k] !== clause[i] || ['and', 'or'].includes(ws[k].stem);
  };
  const hit = provider.find(ws).find((m) => !isNegated(ws, m.index) && startsName(m.index));
  if (!hit) return undefined;
  // Quote the referrer it names: "the provider's outreach team".
  let last = lastWord(hit);
  while (last + 1 < ws.length && last < hit.index + 3 && clause[last + 1] === clause[last] && !['and', 'or'].includes(ws[last + 1].stem)) last++;
  return spanOf(ws, hit.index, last);
});

export const rule = defineRule({
  meta: {
    id: 'perverse-incentive/creaming',
    family: 'perverse-incentive',
    severity: 'warning',
    summary: 'The provider chooses whom to enrol or whom to leave out, and is paid per success.',
    rationale:
      'When the provider decides who joins (`referral provider`), or anyone may walk in (`referral self`), or ' +
      'nobody says who refers, and each success is paid for, the provider can enrol the people most likely to ' +
      'succeed anyway ("creaming") and leave out those the service was meant for. The same holds when the ' +
      'provider is named among the referrers ("the provider\'s outreach team"), and when an `exclude` line or an ' +
      'eligibility criterion leaves the judgement to it ("whom the provider judges unsuitable", "as the provider ' +
      'decides", "people judged not ready for work" with no one else named as judge). Referral by named public ' +
      'services, against recorded eligibility, with exclusions fixed by a record or judged by the referrer, ' +
      'keeps the choice with the commissioner. Open access is not reported when the spec takes the choice ' +
      'away from the provider: everyone eligible must be taken ("zero exclusion"), places go by lot or in ' +
      'waiting-list order, or the provider "may not choose" or "may not refuse".',
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
      fix:
        'Name who refers people into the service with `referral by "…"` (public services working to the eligibility ' +
        'criteria), and write each exclusion as a fact a record shows ("serving a custodial sentence") or a judgement ' +
        'someone else makes ("judged unsuitable by their work coach"), so the provider does not choose whom to help.',
    },
  },
  check({ facts, read, report }) {
    if (!facts.paysOnResults) return;
    // A duty for the whole spec that leaves the provider no choice: "Zero exclusion: the
    // provider must accept everyone…", "applicants are randomly assigned by the evaluator".
    const dutyLines = [...facts.textItems('requirement'), ...facts.textItems('standard')];
    const noChoiceForAll = dutyLines.some((line) => takesAwayChoice(read(line.text) ?? ''));
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

        // Open access, or no route named, leaves the provider to choose whom to take, unless
        // the spec takes that choice away.
        const cohortTexts = [...cohort.excludes.map((e) => e.value), ...(cohort.eligibility?.criteria ?? []).map((c) => (c.kind === 'criterion' ? c.text : undefined))];
        const noChoice = noChoiceForAll || cohortTexts.some((t) => t !== undefined && takesAwayChoice(read(t) ?? ''));
        const chosen = cohort.referrals.find((r) => r.route?.value === 'provider' || (r.route?.value === 'self' && !noChoice));
        if (chosen) {
          const who = chosen.route!.value === 'provider' ? 'the provider chooses who joins' : 'people refer themselves and the provider chooses whom to take';
          report({ at: at(chosen), message: `${paid}, but ${who}: it can enrol those likeliest to succeed anyway` });
        } else if (cohort.referrals.length === 0 && !noChoice) {
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
          const found = providerChooses(text);
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

/**
 * The clause that holds the words which made the call, so the message reads as the writer
 * wrote it ("as the provider decides", not "provider decides").
 */
function quote(text: string, at: Quote): string {
  const start = Math.max(...[...',;:()'].map((mark) => text.lastIndexOf(mark, at.start - 1))) + 1;
  const after = text.slice(at.end).search(/[,;:()]/);
  return text.slice(start, after < 0 ? text.length : at.end + after).replace(/\s+/g, ' ').trim();
}
