import { CHECKS, DECLARATIONS, OWN_RECORDS, PROVIDER, SET_ASIDE, SOURCES } from './self-reported-evidence-words';
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
const ownRecords = new PhraseList(OWN_RECORDS);
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
  const hit = declared ?? (namesSource(ws) ? undefined : madeBy(ws));
  return hit && { start: hit.words[0].start, end: hit.words[hit.words.length - 1].end };
}

/**
 * The words that show the provider made the record: the maker named ("the key worker")
 * says more than the kind of record ("Star readings"), unless the maker is part of it
 * ("a staff assessment").
 */
function madeBy(ws: readonly Word[]): PhraseMatch | undefined {
  const records = ownRecords.findAffirmed(ws);
  const maker = provider.findAffirmed(ws)[0];
  const around = maker && records.find((r) => r.index <= maker.index && maker.index < r.index + r.words.length);
  return around ?? maker ?? records[0];
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

/** Wording that says a line is about checking results: "claims", "evidence", "outcomes". */
const ABOUT_RESULTS = new PhraseList(['claim', 'evidence', 'outcome', 'result', 'record', 'data', 'payment']);

export const rule = defineRule({
  meta: {
    id: 'monetisation/self-reported-evidence',
    family: 'monetisation',
    severity: 'warning',
    summary: 'A paid outcome is proved only by records the provider makes itself (its case records, its own questionnaire or test, a declaration), with no independent check.',
    rationale:
      'A provider paid per success that also keeps the only record of success marks its own work: its case ' +
      'notes, its key worker\'s assessment, a questionnaire it gives, a test it takes, or a declaration it ' +
      'collects decide what it is paid. Even an honest provider reads borderline cases generously, and the ' +
      'commissioner cannot tell. Evidence someone else makes (HMRC payroll data, the Police National Computer, ' +
      'school or court records, a landlord\'s or an employer\'s confirmation), or the provider\'s records checked ' +
      'by someone independent (a sample audited by the council, scores validated by the evaluator), keeps the ' +
      'payment honest.',
    evidence: [
      fromReport(
        'How are potential conflicts of interest specified, identified and addressed?',
        'Session Three, Theme 1 (the role of the state), issues and questions raised in discussion',
      ),
      fromReport(
        'Public safety is a matter for both central and local government and can be secured through a combination of national inspections, quality assessments (that are proportionate) and self policing. Need to think about the balance between national and local, external and internal assessments.',
        'Session Three, Theme 2 (accountability, value for money and public safety), Ed Hammond',
      ),
      fromReport(
        'Robust accountability mechanisms that can contribute to learning',
        'Session Two, Witness 5 (ingredients for success), Brian Carr',
      ),
    ],
    examples: {
      fires:
        'use "shared.outcome"\noutcome confident "Ready for work" {\n  for neet\n  measure "a rise of 8 points on the Work Star between joining and leaving"\n' +
        '  instrument "Work Star"\n  evidence "Work Star readings recorded by the key worker"\n  baseline 10% source "2025 pilot"\n}\n' +
        'payment {\n  model results\n  pay £400 for confident per participant\n}\n',
      passes:
        'use "shared.outcome"\noutcome confident "Ready for work" {\n  for neet\n  measure "a rise of 8 points on the Work Star between joining and leaving"\n' +
        '  instrument "Work Star"\n  evidence "Work Star readings recorded by the key worker, with a 10% sample re-scored by the council\'s independent evaluator"\n' +
        '  baseline 10% source "2025 pilot"\n}\n' +
        'payment {\n  model results\n  pay £400 for confident per participant\n}\n',
      fix:
        'Name evidence someone other than the provider makes (payroll, benefit, court, school or health records), ' +
        'or say who independently checks the provider\'s records: in the `evidence` line ("…, with a 10% sample ' +
        'audited by the council"), or in a `requirement` that applies to every claim ("An independent validator ' +
        'checks a sample of claims each quarter").',
    },
  },
  check({ facts, read, report }) {
    // A check of every claim, named once for the whole spec: "An independent validator audits 10% of claims".
    const lines = [...facts.textItems('requirement'), ...facts.textItems('standard'), ...facts.textItems('monitor')];
    const checkedForAll = lines.some((line) => {
      const text = read(line.text);
      return text !== undefined && namesIndependentCheck(text) && ABOUT_RESULTS.findAffirmed(words(text)).length > 0;
    });
    if (checkedForAll) return;
    for (const outcome of facts.paidOutcomes) {
      const evidence = outcome.evidence;
      const says = read(evidence?.value);
      if (!evidence || says === undefined) continue;
      const found = providerMade(says);
      if (!found) continue;
      const quote = says.slice(found.start, found.end).replace(/\s+/g, ' ');
      report({
        at: evidence.span,
        message: `\`${outcome.name!.text}\` is paid for, but its evidence is made by the provider ("${quote}") and nothing independent checks it: name evidence someone else makes, or an independent check`,
      });
    }
  },
});
