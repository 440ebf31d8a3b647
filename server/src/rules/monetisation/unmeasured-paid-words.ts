import { PhraseList, Word, words } from '../../engine/kit';

/*
 * Words for `monetisation/unmeasured-paid`: soft constructs (how people feel or think,
 * which only a validated instrument makes measurable), the wording of self-report, and
 * the validated instruments that make them measurable. Each entry matches its plural
 * and -ing/-ed forms. To add a construct, put it in the group of the instrument that
 * measures it (the quick fix suggests that instrument); to add an instrument, add it to
 * VALIDATED_INSTRUMENTS (users can add their own with the rule's `instruments` option).
 */

export interface ConstructGroup {
  /** A validated instrument for these constructs, suggested by the quick fix. */
  readonly instrument: string;
  /** Short name of the instrument, for the quick fix's title. */
  readonly short: string;
  readonly constructs: readonly string[];
}

export const CONSTRUCT_GROUPS: readonly ConstructGroup[] = [
  {
    // mental wellbeing
    instrument: 'Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)',
    short: 'SWEMWBS',
    constructs: [
      'wellbeing',
      'well-being',
      'well being',
      'mental wellbeing',
      'emotional wellbeing',
      'emotional health',
      'mental health and wellbeing',
    ],
  },
  {
    // how people see themselves
    instrument: 'Rosenberg Self-Esteem Scale',
    short: 'the Rosenberg Self-Esteem Scale',
    constructs: [
      'confidence',
      'self-confidence',
      'self confidence',
      'confident',
      'self-esteem',
      'self esteem',
      'self-worth',
      'self worth',
      'self-belief',
      'self belief',
      'self-image',
    ],
  },
  {
    // belief in one's own ability
    instrument: 'General Self-Efficacy Scale',
    short: 'the General Self-Efficacy Scale',
    constructs: ['self-efficacy', 'self efficacy'],
  },
  {
    // life satisfaction and happiness (the ONS personal wellbeing questions)
    instrument: 'ONS personal wellbeing questions (ONS4)',
    short: 'the ONS4 questions',
    constructs: [
      'happiness',
      'life satisfaction',
      'satisfaction with life',
      'satisfied with life',
      'satisfied with their life',
      'user satisfaction',
      'client satisfaction',
      'customer satisfaction',
      'satisfaction with the service',
    ],
  },
  {
    // anxiety and stress
    instrument: 'GAD-7',
    short: 'GAD-7',
    constructs: ['anxiety', 'anxious', 'stress', 'worry'],
  },
  {
    // mood
    instrument: 'PHQ-9',
    short: 'PHQ-9',
    constructs: ['mood', 'low mood'],
  },
  {
    // loneliness
    instrument: 'UCLA Loneliness Scale (3-item)',
    short: 'the UCLA Loneliness Scale',
    constructs: ['loneliness', 'lonely', 'social isolation', 'socially isolated'],
  },
  {
    // coping
    instrument: 'Brief Resilience Scale',
    short: 'the Brief Resilience Scale',
    constructs: ['resilience', 'resilient', 'coping'],
  },
  {
    // outlook
    instrument: 'Adult Hope Scale',
    short: 'the Adult Hope Scale',
    constructs: ['hope', 'hopeful', 'hopefulness', 'hopelessness', 'optimism', 'optimistic'],
  },
  {
    // health-related quality of life
    instrument: 'EQ-5D-5L',
    short: 'EQ-5D-5L',
    constructs: ['quality of life'],
  },
  {
    // attitudes, drive and soft skills: no one scale, so an Outcomes Star that fits the service
    instrument: 'Outcomes Star',
    short: 'an Outcomes Star',
    constructs: [
      'aspiration',
      'ambition',
      'attitude',
      'motivation',
      'motivated',
      'mindset',
      'grit',
      'empowerment',
      'empowered',
      'belonging',
      'sense of belonging',
      'sense of purpose',
      'sense of safety',
      'feel safe',
      'feel safer',
      'feeling safe',
      'employability skills',
      'soft skills',
      'life skills',
      'independence skills',
      // how someone feels, with no construct named
      'feel',
    ],
  },
];

export const SOFT_CONSTRUCTS = new PhraseList(CONSTRUCT_GROUPS.flatMap((g) => g.constructs));

/** The group a matched construct belongs to (for the quick fix's instrument). */
export function groupOf(phrase: string): ConstructGroup | undefined {
  return CONSTRUCT_GROUPS.find((g) => g.constructs.includes(phrase));
}

/**
 * Wording where a soft word is not a soft construct: statistics ("a 95% confidence
 * interval"), secrecy ("shared in confidence"). "Improvement in confidence" is soft, so
 * secrecy is matched with its verb. Words that are too often used in other senses are
 * left out of the lists altogether: "happy" ("happy to be contacted"), "character"
 * ("a character reference"), "trust" ("NHS trust"), "employability" ("completes the
 * employability course", an output).
 */
const NOT_SOFT = new PhraseList([
  // statistics
  'confidence interval',
  'confidence level',
  'statistical confidence',
  // secrecy
  'shared in confidence',
  'told in confidence',
  'held in confidence',
  'kept in confidence',
  'in strict confidence',
]);

/** Word forms that share a stem with a construct but mean something else. */
const NOT_SOFT_FORMS = new Set(['belongings']);

/** True when the soft word at `index` (with its phrase of `length` words) is used in another sense. */
export function isOtherSense(list: readonly Word[], index: number, length: number): boolean {
  if (list.slice(index, index + length).some((w) => NOT_SOFT_FORMS.has(w.text.toLowerCase()))) return true;
  // "95% confidence": a number before `confidence` is a statistical level.
  if (list[index].stem === 'confidence' && index > 0 && /^\d/.test(list[index - 1].text)) return true;
  return NOT_SOFT.find(list).some((m) => m.index <= index && index < m.index + m.words.length);
}

/** Wording that says the measure is the person's own report. */
export const SELF_REPORT = new PhraseList([
  'self-reported',
  'self reported',
  'self-report',
  'self report',
  'self-rated',
  'self rated',
  'self-rating',
  'self-assessed',
  'self assessed',
  'self-assessment',
  'self-completed',
  'self-completion',
  'own rating',
  'own assessment',
  'rate themselves',
  'rated themselves',
  'rating themselves',
  // people's own words
  'says they',
  'say they',
  'says it',
  'says she',
  'says he',
  'in their own words',
  'tell us',
  'tells us',
]);

/**
 * Validated measurement tools, by name or abbreviation. Any `… Star` with a capital
 * (Youth Star, Family Star Plus, Recovery Star…) is an Outcomes Star too: see
 * `namesValidatedInstrument`.
 */
export const VALIDATED_INSTRUMENTS: readonly string[] = [
  // mental wellbeing
  'WEMWBS',
  'SWEMWBS',
  'Warwick-Edinburgh',
  'Warwick Edinburgh',
  "Stirling Children's Wellbeing Scale",
  'SCWBS',
  'WHO-5',
  'WHO-5 Wellbeing Index',
  'ONS4',
  'ONS-4',
  'ONS personal wellbeing',
  'ReQoL',
  // strengths, difficulties and mental health
  'SDQ',
  'Strengths and Difficulties Questionnaire',
  'GAD-7',
  'GAD7',
  'PHQ-9',
  'PHQ9',
  'PHQ-8',
  'CORE-10',
  'CORE-OM',
  'YP-CORE',
  'CORE-5',
  'K10',
  'K6',
  'Kessler',
  'RCADS',
  "Revised Children's Anxiety and Depression Scale",
  'Mood and Feelings Questionnaire',
  'MFQ',
  'Edinburgh Postnatal Depression Scale',
  'EPDS',
  'HoNOS',
  'PANAS',
  // self-esteem, self-efficacy, resilience, hope, loneliness, life satisfaction
  'Rosenberg',
  'General Self-Efficacy Scale',
  'Brief Resilience Scale',
  'Connor-Davidson',
  'CD-RISC',
  'Adult Hope Scale',
  "Children's Hope Scale",
  'UCLA Loneliness',
  'Satisfaction with Life Scale',
  'SWLS',
  // quality of life and care outcomes
  'EQ-5D',
  'EQ-5D-5L',
  'EQ-5D-3L',
  'EQ-5D-Y',
  'ASCOT',
  'Adult Social Care Outcomes Toolkit',
  'Treatment Outcomes Profile',
  // progress measures used in services
  'Outcomes Star',
  'Outcome Rating Scale',
  'Child Outcome Rating Scale',
  'Goal-Based Outcomes',
  // used in outcomes contracts and their evaluations (test/data/corpus/instruments.json
  // gives where each was read); acronyms that are also English words ("CANS", "TOP",
  // "PAM") are left to the full name
  'Adult-Adolescent Parenting Inventory',
  'AAPI',
  'ONS direct measure of loneliness',
  'Campaign to End Loneliness Measurement Tool',
  'De Jong Gierveld',
  'Personal Wellbeing Score',
  'Health of the Nation Outcome Scales',
  'HoNOSCA',
  'Alcohol Outcomes Record',
  "Young People's Outcomes Record",
  'Clinical Outcomes in Routine Evaluation',
  'Patient Health Questionnaire',
  'Patient Health Questionnaire-9',
  'Generalised Anxiety Disorder',
  'Generalised Anxiety Disorder-7',
  'Measure Yourself Concerns and Wellbeing',
  'MYCaW',
  'Measure Yourself Medical Outcome Profile',
  'MYMOP',
  'MYMOP2',
  'Measure of Community Connectedness',
  'ASER',
  'Patient Activation Measure',
  "King's Obesity Staging",
  'Teaching Strategies GOLD',
  'TS GOLD',
  'Child and Adolescent Functional Assessment Scale',
  'CAFAS',
  'Child and Adolescent Needs and Strengths',
  'Being a Parent scale',
  'Mental Toughness',
  'General Practice Physical Activity Questionnaire',
  'GPPAQ',
  'Abbreviated Mental Test',
  'Supported Employment Fidelity Scale',
  'IPS Fidelity Scale',
  'Progress out of Poverty Index',
  'Poverty Probability Index',
  'Peabody Picture Vocabulary Test',
  'PPVT',
  'EQ Health and Wellbeing',
  'EQ-HWB',
  'Kessler Psychological Distress Scale',
  'WHO-5 Well-Being Index',
];

const VALIDATED = new PhraseList(VALIDATED_INSTRUMENTS);

/*
 * A capitalised word, then `Star` (not "star rating"): a member of the Outcomes Star
 * family. The word is found as the run of letters, apostrophes and hyphens before
 * `Star`, with a capital that starts the run (after anything but a digit) or follows an
 * apostrophe or hyphen inside it. One expression that starts at every capital is
 * quadratic: on text like "A'A'A'…" each capital's attempt runs to the end of the run.
 */
const RUN = /[\p{L}'’-]+/gu;
const THEN_STAR = /\s+Star(?![\p{L}\p{N}])(?!\s+rating)/uy;
const CAPITAL_INSIDE = /['’-]\p{Lu}/u;

function namesAStar(text: string): boolean {
  for (const run of text.matchAll(RUN)) {
    THEN_STAR.lastIndex = run.index + run[0].length;
    if (!THEN_STAR.test(text)) continue;
    // The last code point before the run (two code units cover a surrogate pair).
    const before = text.slice(Math.max(0, run.index - 2), run.index);
    if ((/^\p{Lu}/u.test(run[0]) && !/\p{N}$/u.test(before)) || CAPITAL_INSIDE.test(run[0])) return true;
  }
  return false;
}

/**
 * True when a text is written as the name of a tool: a capital after its first word
 * ("Kingsford Wellbeing Scale") or a run of capitals ("MTQ48"), not a description
 * ("provider's own resilience questionnaire").
 */
export function looksLikeAName(text: string): boolean {
  return /\s\p{Lu}|\p{Lu}{2}/u.test(text.trim());
}

/** True when the text names a validated instrument, built in or added by the user. */
export function namesValidatedInstrument(text: string, extra: PhraseList | undefined): boolean {
  const list = words(text);
  return VALIDATED.find(list).length > 0 || (extra?.find(list).length ?? 0) > 0 || namesAStar(text);
}
