import { CHECKS, DECLARATIONS, PROVIDER, SET_ASIDE, SOURCES } from './self-reported-evidence-words';
import { defineRule, fromReport, isNegated, memoByText, PhraseList, PhraseMatch, Word, words } from '../../engine/kit';

/*
 * A paid outcome whose only evidence is made by the provider: its own records, staff
 * judgement, questionnaire, test or declaration, with no independent check named (in the
 * evidence itself, or in a requirement, standard or monitor line of the spec). The
 * finding is on the `evidence` line and quotes the words that made the call.
 *
 * A declaration ("self-declaration", "self-reported") is the provider's unless a check is
 * named ("verified by the evaluator"); a record from someone else beside it ("a landlord's
 * letter or self-certification") leaves the weaker route open. Other evidence is the
 * provider's when it names the provider or its staff as maker ("key worker's assessment",
 * "the provider's case records", "CO reading at the pharmacy") and no one else's record
 * or check ("checked against the council's H-CLIC records", "HMRC payroll data").
 */

const provider = new PhraseList(PROVIDER);
const declarations = new PhraseList(DECLARATIONS);
const checks = new PhraseList(CHECKS);
const sources = new PhraseList(SOURCES);
const setAside = new PhraseList(SET_ASIDE);

/** A test the service takes itself, before "validated" or "verified": "CO validated quits". */
const OWN_TEST = new Set(['co', 'monoxide', 'self']);

/** The words of an evidence text that show the provider made it, or undefined when they do not, or someone independent makes or checks it. */
export const providerMade: (text: string) => { start: number; end: number } | undefined = memoByText(findProviderMade);

function findProviderMade(text: string): { start: number; end: number } | undefined {
  const ws = words(text);
  if (namesCheck(ws)) return undefined;
  const declared = declarations.findAffirmed(ws)[0];
  const hit = declared ?? (namesSource(ws) ? undefined : provider.findAffirmed(ws)[0]);
  return hit && { start: hit.words[0].start, end: hit.words[hit.words.length - 1].end };
}

function namesCheck(ws: readonly Word[]): boolean {
  return checks.find(ws).some((m: PhraseMatch) => !isNegated(ws, m.index) && !OWN_TEST.has(ws[m.index - 1]?.text.toLowerCase() ?? ''));
}

function namesSource(ws: readonly Word[]): boolean {
  const aside = setAside.find(ws);
  return sources.find(ws).some((m) => !isNegated(ws, m.index) && !aside.some((a) => a.index + a.words.length <= m.index && m.index - (a.index + a.words.length) <= 1));
}

/** True when a text names someone independent checking records or claims ("an independent validator audits 10% of claims"). */
export const namesIndependentCheck: (text: string) => boolean = memoByText((text) => namesCheck(words(text)));

export const rule = defineRule({
  meta: {
    id: 'monetisation/self-reported-evidence',
    family: 'monetisation',
    severity: 'warning',
    summary: 'A paid outcome is proved only by records the provider makes itself, with no independent check.',
    rationale: 'placeholder',
    evidence: [
      fromReport(
        'How are potential conflicts of interest specified, identified and addressed?',
        'Session Three, Theme 1 (the role of the state), questions and discussion',
      ),
    ],
    examples: { fires: '', passes: '', fix: '' },
  },
  check() {},
});
