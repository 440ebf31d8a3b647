import * as ast from '../../syntax/ast';
import { AFTER_LABEL, GROUPS, JUDGING, LABELS, OFFENCE_LABELS, PEOPLE } from './deficit-framing-words';
import { defineRule, fromReport, memoByText, PhraseList, PhraseMatch, stem, Word, words } from '../../engine/kit';

const labels = new PhraseList(Object.keys(LABELS));
const offenceLabels = new PhraseList(Object.keys(OFFENCE_LABELS));
const people = new PhraseList(PEOPLE);
const afterLabel = new Set(AFTER_LABEL.map(stem));
const judging = new PhraseList(Object.keys(JUDGING));
const groups = new PhraseList(GROUPS);

interface Framing {
  /** The label as written. */
  readonly label: string;
  readonly instead: string;
}

/** A plural label ("offenders", "NEETs") must be written plural: "Offender Management", "NEET for 26 weeks" are not labels. */
function pluralAsWritten(m: PhraseMatch): boolean {
  const last = m.phrase.split(/\s+/).pop()!;
  return !/s$/i.test(last) || /s$/i.test(m.words[m.words.length - 1].text);
}

/** The first label in a text that frames people only by deficit. */
export const deficitLabel: (text: string) => Framing | undefined = memoByText(findDeficitLabel);

function findDeficitLabel(text: string): Framing | undefined {
  const ws = words(text);
  const as = (m: PhraseMatch, instead: string): Framing => ({
    label: text.slice(m.words[0].start, m.words[m.words.length - 1].end),
    instead,
  });
  for (const m of labels.findAffirmed(ws)) {
    if (!pluralAsWritten(m)) continue;
    const next = ws[m.index + m.words.length];
    // "families troubled by debt" describes a situation.
    if (m.phrase === 'troubled' && next && ['by', 'with'].includes(next.stem)) continue;
    // "the homeless hostel": an adjective, not a label for people.
    if (m.phrase.startsWith('the ') && next && !afterLabel.has(next.stem) && !/[,;.]/.test(text.slice(m.words[m.words.length - 1].end, next.start))) continue;
    return as(m, LABELS[m.phrase]);
  }
  // A judging word before the people: "vulnerable young people", "deprived and marginalised communities".
  for (const m of judging.findAffirmed(ws)) {
    const group = groupAfter(text, ws, m.index + m.words.length);
    if (group) return { label: text.slice(m.words[0].start, ws[group].end), instead: JUDGING[m.phrase] };
  }
  // Offence labels count only when nothing else says who the people are.
  if (people.find(ws).length > 0) return undefined;
  for (const m of offenceLabels.find(ws)) {
    if (!pluralAsWritten(m)) continue;
    if (['register', 'management', 'manager'].includes(ws[m.index + m.words.length]?.stem ?? '')) continue;
    return as(m, OFFENCE_LABELS[m.phrase]);
  }
  return undefined;
}

/**
 * The index of the last word of a group of people that starts within three words of
 * `from`, with only describing words between ("vulnerable young homeless people",
 * "deprived and marginalised communities", '"high risk" families'), or undefined.
 */
function groupAfter(text: string, ws: readonly Word[], from: number): number | undefined {
  const matches = groups.find(ws.slice(from, from + 5));
  const first = matches.find((g) => g.index <= 3);
  if (!first) return undefined;
  const last = from + first.index + first.words.length - 1;
  // The group is the people only as the head of the phrase: "limited family support" is about support.
  const next = ws[last + 1];
  if (next === undefined || /[,;:.()]/.test(text.slice(ws[last].end, next.start))) return last;
  return afterLabel.has(next.stem) || afterGroup.has(next.stem) ? last : undefined;
}

/** Words that may follow the people a judging word is put before ("vulnerable young people who …", "… aged 16 to 24"). */
const afterGroup = new Set(
  ['aged', 'that', 'leaving', 'not', 'without', 'under', 'over', 'across', 'within', 'whose', 'which', 'are', 'is', 'were', 'have', 'has', 'eligible', 'receiving', 'claiming', 'attending', 'known'].map(stem),
);

export const rule = defineRule({
  meta: {
    id: 'target-group/deficit-framing',
    family: 'target-group',
    severity: 'info',
    summary: 'A cohort or outcome describes people only by deficit ("troubled families", "offenders", "rough sleepers", "vulnerable young people").',
    rationale:
      'How a specification names people shapes the service bought for them. A label such as "troubled ' +
      'families", "offenders" or "substance misusers", or a judging word put before the people ("vulnerable", ' +
      '"high-risk", "hard to reach"), describes them only by what is wrong, invites services that manage the ' +
      'problem rather than build on people\'s strengths, and is read by the people themselves. Describe people ' +
      'person first, by their situation ("families facing multiple disadvantages", "people with convictions", ' +
      '"people sleeping rough", "children at risk of exclusion from school"), and keep the recorded facts in the ' +
      'eligibility criteria.',
    evidence: [
      fromReport(
        'Our current mode of delivery works on a deficit model of young people which is evident in how we talk about them as well as what and how we deliver services. Need to move to an asset based model.',
        'Session One, Theme 3 (young people)',
      ),
      fromReport('Need to get away from demonizing young people in policy discussions', 'Session One, Theme 3 (young people)'),
    ],
    examples: {
      fires:
        'cohort families "Troubled families" {\n  eligibility {\n    resident in "Brackwell"\n    criterion "assessed as needing early help at the Children\'s Services front door"\n  }\n  size 400\n}\n',
      passes:
        'cohort families "Families facing multiple disadvantages" {\n  eligibility {\n    resident in "Brackwell"\n    criterion "assessed as needing early help at the Children\'s Services front door"\n  }\n  size 400\n}\n',
      fix: 'Describe people person first, by their situation: "families facing multiple disadvantages", "people with convictions", "people experiencing homelessness".',
    },
  },
  check({ facts, read, report }) {
    const check = (owner: string, texts: readonly (ast.Text | undefined)[]): void => {
      for (const text of texts) {
        if (!text) continue;
        const framing = deficitLabel(read(text));
        if (!framing) continue;
        report({
          at: text.span,
          message: `${owner} describes people only by deficit ("${framing.label}"): say who they are, person first, such as "${framing.instead}"`,
        });
        return;
      }
    };
    const criteria = (list: readonly ast.Criterion[]): (ast.Text | undefined)[] => list.flatMap((c) => (c.kind === 'criterion' ? [c.text] : []));
    const named = (kind: string, name: ast.Name | undefined): string => (name ? `${kind} \`${name.text}\`` : `this ${kind}`);
    for (const cohort of facts.cohorts) {
      check(named('cohort', cohort.name), [cohort.title, ...criteria(cohort.eligibility?.criteria ?? [])]);
      for (const segment of cohort.segments) check(named('segment', segment.name), [segment.title, ...criteria(segment.criteria)]);
    }
    for (const outcome of facts.outcomes) check(named('outcome', outcome.name), [outcome.title]);
  },
});
