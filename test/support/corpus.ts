import * as fs from 'node:fs';
import * as path from 'node:path';
import { activityIn } from '../../server/src/rules/perverse-incentive/output-payment';
import { prescribedMethod } from '../../server/src/rules/over-prescription/method';
import { readCriterion } from '../../server/src/rules/target-group/vague-eligibility';
import { deficitLabel } from '../../server/src/rules/target-group/deficit-framing';
import { providerMade } from '../../server/src/rules/monetisation/self-reported-evidence';
import { providerChooses, takesAwayChoice } from '../../server/src/rules/perverse-incentive/creaming';
import { repoRoot } from './paths';

/*
 * The labelled corpora (test/data/corpus/): real phrasings from published rate cards,
 * outcome frameworks, service specifications, evaluations and tenders, each with its
 * label and its source. Each corpus is read by the decision function of the rule that
 * judges such wording, and scored for the label that rule reports.
 */

export const corpusDir = path.join(repoRoot, 'test/data/corpus');

/** The source of a phrasing the team wrote itself (to test a form no published text had). */
export const TEAM = 'written by the outcome-lint team';

export interface Entry {
  readonly text: string;
  readonly label: string;
  readonly source: string;
  /** The address the phrasing was read at; absent for a team-written one. */
  readonly where?: string;
  readonly verbatim: boolean;
  readonly note?: string;
  /** Why the entry is kept but not scored (not a measure, not English). */
  readonly excluded?: string;
}

export interface CorpusSpec {
  readonly file: string;
  /** What the corpus holds, in the plural. */
  readonly what: string;
  readonly rule: string;
  /** The label the rule reports, and the other one. */
  readonly reported: string;
  readonly other: string;
  /** At least this many scored entries (issue #17). */
  readonly atLeast: number;
  /** The rule's own decision on one phrasing: true when it would report it. */
  readonly decide: (text: string) => boolean;
  /**
   * The recall the test requires, when not the 90% issue #17 set for its five corpora,
   * and why (shown in docs/rules/ACCURACY.md). Precision must always be 95%.
   */
  readonly recallFloor?: { readonly at: number; readonly why: string };
}

export const PRECISION = 0.95;
export const RECALL = 0.9;

export const CORPORA: readonly CorpusSpec[] = [
  {
    file: 'paid-measures.json',
    what: 'paid measures',
    rule: 'perverse-incentive/output-payment',
    reported: 'output',
    other: 'outcome',
    atLeast: 150,
    decide: (text) => activityIn(text) !== undefined,
  },
  {
    file: 'requirements.json',
    what: 'requirements',
    rule: 'over-prescription/method',
    reported: 'method',
    other: 'duty',
    atLeast: 80,
    decide: (text) => prescribedMethod(text).length > 0,
  },
  {
    file: 'eligibility.json',
    what: 'eligibility criteria',
    rule: 'target-group/vague-eligibility',
    reported: 'vague',
    other: 'precise',
    atLeast: 60,
    decide: (text) => readCriterion(text).isVague,
  },
  {
    file: 'cohort-names.json',
    what: 'cohort names',
    rule: 'target-group/deficit-framing',
    reported: 'deficit',
    other: 'neutral',
    atLeast: 40,
    decide: (text) => deficitLabel(text) !== undefined,
  },
  {
    file: 'evidence.json',
    what: 'evidence sources',
    rule: 'monetisation/self-reported-evidence',
    reported: 'provider',
    other: 'independent',
    atLeast: 40,
    decide: (text) => providerMade(text) !== undefined,
  },
  {
    file: 'cohort-choice.json',
    what: 'wording of who is in a cohort',
    rule: 'perverse-incentive/creaming',
    reported: 'provider',
    other: 'other',
    atLeast: 60,
    decide: (text) => providerChooses(text) !== undefined,
    recallFloor: {
      at: 0.8,
      why:
        'the rule reads who chooses from the order of the words, and misses a chooser named only far from the choice ' +
        '(a pronoun two clauses on, a staff role, an acronym): a miss leaves that line unreported, and the `referral` ' +
        'route is still checked',
    },
  },
  {
    file: 'open-access.json',
    what: 'wording that takes away the choice of whom to take',
    rule: 'perverse-incentive/creaming',
    reported: 'no-choice',
    other: 'choice',
    atLeast: 45,
    // The rule stays silent on open access when this is true: the "report" is the clearing.
    decide: (text) => takesAwayChoice(text),
    recallFloor: {
      at: 0.85,
      why:
        'a choice taken away by a published order or another body\'s decision is not always said in words the rule ' +
        'knows ("admissions priorities are used to make offers"): a miss reports open access as creaming, and the ' +
        'finding can be suppressed with the reason',
    },
  },
];

export function readCorpus(spec: CorpusSpec): Entry[] {
  return JSON.parse(fs.readFileSync(path.join(corpusDir, spec.file), 'utf8')) as Entry[];
}

/**
 * A fifth of each corpus, chosen by a hash of the text, held out: rules were developed
 * against the rest, and the held-out figures show how they do on wording they were not
 * tuned to.
 */
export function isHeldOut(text: string): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash % 5 === 0;
}

export interface Score {
  /** Reported and labelled so. */
  readonly found: Entry[];
  /** Labelled so, not reported. */
  readonly missed: Entry[];
  /** Reported, labelled otherwise. */
  readonly wrong: Entry[];
  readonly right: number;
  readonly precision: number;
  readonly recall: number;
}

export function score(spec: CorpusSpec, entries: readonly Entry[]): Score {
  const found: Entry[] = [];
  const missed: Entry[] = [];
  const wrong: Entry[] = [];
  let right = 0;
  for (const entry of entries) {
    const reported = spec.decide(entry.text);
    const positive = entry.label === spec.reported;
    if (reported && positive) found.push(entry);
    else if (positive) missed.push(entry);
    else if (reported) wrong.push(entry);
    else right++;
  }
  const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
  return { found, missed, wrong, right, precision: ratio(found.length, found.length + wrong.length), recall: ratio(found.length, found.length + missed.length) };
}

export interface Result {
  readonly spec: CorpusSpec;
  readonly entries: Entry[];
  readonly scored: Entry[];
  readonly all: Score;
  readonly heldOut: Score;
}

export function results(): Result[] {
  return CORPORA.map((spec) => {
    const entries = readCorpus(spec);
    const scored = entries.filter((e) => e.excluded === undefined);
    return { spec, entries, scored, all: score(spec, scored), heldOut: score(spec, scored.filter((e) => isHeldOut(e.text))) };
  });
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The table of figures, as Markdown. */
export function accuracyTable(list: readonly Result[]): string[] {
  return [
    '| phrasings | rule | reports | scored | set aside | found | missed | reported wrongly | precision | recall | held out: precision | held out: recall | required |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...list.map(({ spec, entries, scored, all, heldOut }) =>
      [
        spec.what,
        `\`${spec.rule}\``,
        spec.reported,
        scored.length,
        entries.length - scored.length,
        all.found.length,
        all.missed.length,
        all.wrong.length,
        percent(all.precision),
        percent(all.recall),
        percent(heldOut.precision),
        percent(heldOut.recall),
        `${percent(PRECISION)} / ${percent(spec.recallFloor?.at ?? RECALL)}`,
      ].join(' | '),
    ).map((row) => `| ${row} |`),
  ];
}

/** docs/rules/ACCURACY.md: the figures, how they are worked out, and every source. */
export function accuracyPage(list: readonly Result[]): string {
  const sources = list.flatMap(({ spec, entries }) => {
    const bySource = new Map<string, { source: string; where: string; count: number }>();
    for (const e of entries) {
      const key = `${e.source}\n${e.where ?? ''}`;
      const seen = bySource.get(key) ?? { source: e.source, where: e.where ?? '', count: 0 };
      seen.count++;
      bySource.set(key, seen);
    }
    const rows = [...bySource.values()].sort((a, b) => a.source.localeCompare(b.source) || a.where.localeCompare(b.where));
    return [
      `### ${spec.what[0].toUpperCase()}${spec.what.slice(1)} (\`test/data/corpus/${spec.file}\`)`,
      '',
      ...rows.map((r) => `- ${r.source}${r.where ? `, <${r.where}>` : ''}${r.count > 1 ? ` (${r.count})` : ''}`),
      '',
    ];
  });
  return [
    '# How accurately the rules read wording',
    '',
    'Some rules judge a spec by its words: whether a paid `measure` counts activity, whether a `requirement`',
    'prescribes method, whether an eligibility criterion is vague, whether a cohort is named by deficit, whether',
    'the `evidence` for a paid outcome is made by the provider. Each of these judgements is tried on a corpus of',
    'real phrasings, as commissioners, funders and evaluators published them, each labelled by hand with its',
    'source. `test/corpus.test.ts` runs each rule\'s own decision on every phrasing, prints this table, and fails',
    'when a corpus falls below the precision or the recall its **required** column gives.',
    '',
    ...accuracyTable(list),
    '',
    '- **found**: phrasings with the label the rule reports, and reported. **missed**: with that label, not',
    '  reported. **reported wrongly**: reported, with the other label. Precision is found ÷ (found + reported',
    '  wrongly); recall is found ÷ (found + missed).',
    '- **set aside**: kept in the corpus with the reason in the entry, and not scored: a phrase that names a',
    '  kind of payment without saying what it pays for, a question rather than a measure, wording in another',
    '  language (outcome-lint reads English), or a label that turns on a fact the words do not hold (who',
    '  delivered the deal, who enters a database\'s records).',
    '- **required**: the precision and recall below which the test fails: 95% and 90%, except two corpora added',
    '  later for `perverse-incentive/creaming`, held to a lower recall for these reasons:',
    ...list.flatMap(({ spec }) => (spec.recallFloor ? [`  - ${spec.what} (${percent(spec.recallFloor.at)}): ${spec.recallFloor.why}.`] : [])),
    '- **held out**: a fifth of each corpus, chosen by a hash of the text, that the rules were not tuned',
    '  against while they were developed.',
    '- Labels are judgements. Where the label given when a phrasing was gathered was changed on review, the',
    '  entry\'s `note` says what it was and why it changed. The principles behind the labels are in',
    '  `test/data/corpus/README.md`.',
    '',
    'This page is generated (`npm run docs`); a test fails when it is out of date.',
    '',
    '## Sources',
    '',
    'Each phrasing\'s entry gives its source and the address it was read at. Some pages were read on a',
    'mirror or an aggregator; the entry names the original publisher and the address read.',
    '',
    ...sources,
  ].join('\n');
}
