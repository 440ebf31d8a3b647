/*
 * Word lists for `target-group/deficit-framing`: labels that describe people only by
 * what is wrong with them, each with a person-first way to say it instead. Entries are
 * matched stem by stem (words.ts).
 */

/** Labels that frame people by deficit wherever they appear, with what to say instead. */
export const LABELS: Readonly<Record<string, string>> = {
  'problem families': 'families facing multiple disadvantages',
  'problem family': 'a family facing multiple disadvantages',
  'troubled families': 'families facing multiple disadvantages',
  'troubled family': 'a family facing multiple disadvantages',
  troubled: 'people described by their situation, such as "young people excluded from school"',
  'the troubled': 'people described by their situation',
  'chaotic families': 'families facing multiple disadvantages',
  'dysfunctional families': 'families facing multiple disadvantages',
  'difficult families': 'families facing multiple disadvantages',
  'failing families': 'families facing multiple disadvantages',
  feckless: 'people described by their situation',
  'neglectful parents': 'parents who need support to care for their children',
  'inadequate parents': 'parents who need support to care for their children',
  scroungers: 'people claiming benefits',
  'benefit scroungers': 'people claiming benefits',
  junkies: 'people who use drugs',
  addicts: 'people with a drug or alcohol dependency',
  'drug addicts': 'people who use drugs',
  alcoholics: 'people with an alcohol dependency',
  delinquents: 'young people in contact with the youth justice system',
  'the homeless': 'people experiencing homelessness',
  'the unemployed': 'people out of work',
  'the workless': 'people out of work',
  'the vulnerable': 'people described by their situation',
  NEETs: 'young people not in education, employment or training',
};

/**
 * Labels that frame people by their offence when nothing else says who they are
 * ("Offenders", "Prolific offenders"); "Men with convictions leaving HMP Kingsford" or
 * "people who have offended" say it person first.
 */
export const OFFENCE_LABELS: Readonly<Record<string, string>> = {
  offenders: 'people with convictions',
  'ex-offenders': 'people with convictions',
  'young offenders': 'young people in contact with the youth justice system',
  'prolific offenders': 'people with many convictions',
  'persistent offenders': 'people with many convictions',
  criminals: 'people with convictions',
};

/** Nouns that put the person first: with one of them, an offence label is not all the text says. */
export const PEOPLE = [
  'people',
  'person',
  'men',
  'man',
  'women',
  'woman',
  'adults',
  'young people',
  'children',
  'families',
  'parents',
  'residents',
  'individuals',
  'tenants',
  'those',
  'anyone',
  'everyone',
];

/** After "the homeless" or "the unemployed", a word other than these means the label is an adjective ("the homeless hostel"). */
export const AFTER_LABEL = ['and', 'or', 'in', 'of', 'who', 'from', 'with', 'across', 'on', 'at', 'for', 'living', 'into', 'to'];
