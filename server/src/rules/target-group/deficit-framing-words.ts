/*
 * Word lists for `target-group/deficit-framing`: labels that describe people only by
 * what is wrong with them, each with a person-first way to say it instead. Entries are
 * matched stem by stem (words.ts).
 */

/** Labels that frame people by deficit wherever they appear, with a person-first way to say it instead. */
export const LABELS: Readonly<Record<string, string>> = {
  'problem families': 'families facing multiple disadvantages',
  'problem family': 'a family facing multiple disadvantages',
  'troubled families': 'families facing multiple disadvantages',
  'troubled family': 'a family facing multiple disadvantages',
  troubled: 'young people excluded from school',
  'the troubled': 'families facing multiple disadvantages',
  'chaotic families': 'families facing multiple disadvantages',
  'dysfunctional families': 'families facing multiple disadvantages',
  'difficult families': 'families facing multiple disadvantages',
  'failing families': 'families facing multiple disadvantages',
  feckless: 'parents who need support to care for their children',
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
  'the vulnerable': 'older people living alone',
  NEETs: 'young people not in education, employment or training',
  'pre-NEETs': 'young people at risk of leaving education without a place in work or training',
  'broken families': 'families facing multiple disadvantages',
  'multi-problem': 'families facing multiple disadvantages',
  'multi-need': 'families with several needs',
  // behaviour made an identity
  'substance misusers': 'people who use drugs or alcohol',
  'drug misusers': 'people who use drugs',
  'alcohol misusers': 'people who drink harmfully',
  misusers: 'people who use drugs or alcohol',
  'substance abusers': 'people who use drugs or alcohol',
  'abuse substances': 'people who use drugs or alcohol',
  'abuse drugs': 'people who use drugs',
  'abuse alcohol': 'people who drink harmfully',
  'benefit dependent': 'people claiming benefits',
  'welfare dependent': 'people claiming benefits',
  'dependent on benefits': 'people claiming benefits',
  // the service's difficulty put on the people
  'hard to reach': 'young people not in school or college',
  'hard-to-reach': 'young people not in school or college',
  'hardest to reach': 'young people not in school or college',
  'hard to help': 'people out of work for 2 years or more',
  'hard-to-help': 'people out of work for 2 years or more',
  'hardest to help': 'people out of work for 2 years or more',
  'difficult to place': 'young people waiting for a placement',
  'chronically homeless': 'people with a long experience of homelessness',
  // a label made of an acronym
  'SEN children': 'children with special educational needs',
  'SEND children': 'children with special educational needs and disabilities',
  'SEN pupils': 'pupils with special educational needs',
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
  prisoners: 'people leaving prison',
  inmates: 'people in prison',
  convicts: 'people with convictions',
  'rough sleepers': 'people sleeping rough',
  victims: 'survivors of domestic abuse',
  'frequent users': 'people who often need emergency services',
  'frequent attenders': 'people who often need emergency services',
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

/**
 * Words that judge people when put before them ("vulnerable young people", "high-risk
 * mums", "disadvantaged families", "deprived and marginalised communities"), with what
 * to say instead. Only before a word in GROUPS: "at risk of exclusion" after the noun
 * is person first.
 */
export const JUDGING: Readonly<Record<string, string>> = {
  vulnerable: 'young people leaving care',
  disadvantaged: 'families facing multiple disadvantages',
  deprived: 'residents of the most deprived decile of areas',
  'at-risk': 'children at risk of exclusion from school',
  'high-risk': 'people at risk of eviction',
  'high risk': 'people at risk of eviction',
  disengaged: 'young people not in education, employment or training',
  'low-skilled': 'adults without a Level 2 qualification',
  'low-qualified': 'adults without a Level 2 qualification',
  limited: 'English language learners',
  chaotic: 'people with several needs at once',
  dysfunctional: 'families facing multiple disadvantages',
};

/** The people a JUDGING word may be put before. */
export const GROUPS = [
  'people',
  'persons',
  'young people',
  'youth',
  'youths',
  'children',
  'kids',
  'families',
  'family',
  'parents',
  'mothers',
  'mums',
  'moms',
  'men',
  'women',
  'adults',
  'claimants',
  'speakers',
  'communities',
  'groups',
  'group',
  'households',
  'pupils',
  'students',
  'learners',
  'girls',
  'boys',
  'individuals',
  'residents',
  'tenants',
  'populations',
  'year olds',
  'year-olds',
];

/** After "the homeless" or "the unemployed", a word other than these means the label is an adjective ("the homeless hostel"). */
export const AFTER_LABEL = ['and', 'or', 'in', 'of', 'who', 'from', 'with', 'across', 'on', 'at', 'for', 'living', 'into', 'to'];
