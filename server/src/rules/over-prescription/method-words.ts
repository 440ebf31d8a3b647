/*
 * Word lists for `over-prescription/method`: the wording by which a `requirement` tells
 * the provider how to work (sessions, staffing, named programmes, venues, frequencies),
 * and the wording that marks a legal or safety duty, a contract-management matter or a
 * freedom left to the provider, which the rule leaves alone.
 *
 * Entries are matched stem by stem (words.ts), so `session` matches "sessions" and
 * `visit` matches "visiting". One entry a line; add to a group as needed.
 */

/** Units of delivered activity: a number before one is a count of activity ("12 sessions"). */
export const ACTIVITIES = [
  // sessions and contacts
  'session',
  'one-to-one session',
  'workshop',
  'class',
  'lesson',
  'course',
  'module',
  'group session',
  'support group',
  'drop-in',
  'clinic',
  'surgery',
  'appointment',
  'meeting',
  'contact',
  'check-in',
  'catch-up',
  'one-to-one',
  'call',
  'phone call',
  // visits
  'visit',
  'home visit',
  // treatments and checks
  'vaccination',
  'consultation',
  // time given
  'hour',
  'minute',
  'shift',
];

/** Frequencies of delivery ("weekly", "every fortnight"). A number of times a week is found separately. */
export const FREQUENCIES = [
  'daily',
  'weekly',
  'twice-weekly',
  'bi-weekly',
  'biweekly',
  'fortnightly',
  'monthly',
  'every day',
  'every weekday',
  'every week',
  'every fortnight',
  'every month',
  'each day',
  'each week',
  'each fortnight',
  'each month',
  'once a day',
  'once a week',
  'once a fortnight',
  'once a month',
  'twice a day',
  'twice a week',
  'twice a month',
  'multiple times a week',
  'multiple times per week',
  'several times a week',
  'several times per week',
];

/** The units after "every N …" or "N times a …" that make a frequency. */
export const FREQUENCY_UNITS = ['day', 'week', 'fortnight', 'month'];

/** Verbs of delivering a service: a frequency after one is a delivery frequency ("visit each family fortnightly"). */
export const DELIVERY_VERBS = [
  'deliver',
  'run',
  'hold',
  'provide',
  'offer',
  'open',
  'visit',
  'see',
  'meet',
  'contact',
  'call',
  'phone',
  'ring',
  'supervise',
  'staff',
];

/** People who work for the provider: a number before one is a staffing number ("45 reablement workers"). */
export const STAFF = [
  'staff',
  'staff member',
  'member of staff',
  'worker',
  'key worker',
  'keyworker',
  'caseworker',
  'case worker',
  'support worker',
  'link worker',
  'youth worker',
  'social worker',
  'peer worker',
  'practitioner',
  'therapist',
  'occupational therapist',
  'nurse',
  'psychologist',
  'counsellor',
  'mentor',
  'coach',
  'navigator',
  'adviser',
  'advisor',
  'volunteer',
  'employee',
  'manager',
  'supervisor',
  'team leader',
  'coordinator',
  'co-ordinator',
  'facilitator',
  'full-time equivalent',
  'FTE',
  'wte',
  'whole-time equivalent',
  'whole time equivalent',
  'clinician',
  'specialist',
  'peer specialist',
  'employment specialist',
  'psychiatrist',
  'assistant',
  'trainer',
  'prescriber',
  'social prescriber',
  'case manager',
  'care coordinator',
  'pharmacist',
];

/** Verbs of hiring: "must employ a full-time coordinator" prescribes staffing. */
export const HIRING_VERBS = ['employ', 'recruit', 'appoint', 'second', 'deploy'];

/** Words that name a caseload or a staffing ratio. */
export const CASELOAD = ['caseload', 'case load', 'ratio'];

/** The people a caseload is counted in ("no more than 15 families at a time"). */
export const CASES = ['family', 'people', 'person', 'case', 'client', 'participant', 'young people', 'child', 'children', 'adult', 'service user', 'learner'];

/** "at a time" after a count of people makes it a caseload. */
export const AT_A_TIME = ['at a time', 'at any one time', 'at any time', 'at once'];

/** Verbs of holding a caseload ("carry no more than 15 families"). */
export const CASELOAD_VERBS = ['carry'];

/** Staff qualifications and experience. */
export const QUALIFICATIONS = [
  'qualification',
  'qualified',
  'professionally qualified',
  'degree',
  'diploma',
  'accredited',
  'accreditation',
  'certified',
  'trained in',
  'experience',
  'NVQ',
  'trained to',
];

/** Verbs by which participants gain a qualification: then it is a result, not a staff requirement. */
export const ACHIEVING = ['gain', 'achieve', 'obtain', 'attain', 'earn', 'get', 'towards', 'study'];

/** People the service is for: a qualification after one of them is theirs, not the staff's. */
export const PARTICIPANTS = [
  'participant',
  'young people',
  'young person',
  'learner',
  'client',
  'service user',
  'people',
  'person',
  'parent',
  'child',
  'children',
  'family',
  'resident',
  'adult',
  'tenant',
];

/** Named programmes, models and therapies a requirement may impose. */
export const PROGRAMMES = [
  // parenting and family
  'Triple P',
  'Incredible Years',
  'Family Nurse Partnership',
  'Strengthening Families',
  'Solihull Approach',
  'Video Interaction Guidance',
  'Family Group Conference',
  'Signs of Safety',
  'Mockingbird',
  'Multisystemic Therapy',
  'MST',
  'Functional Family Therapy',
  'FFT',
  // housing and employment
  'Housing First',
  'Critical Time Intervention',
  'Individual Placement and Support',
  'IPS',
  // therapies and techniques
  'Cognitive Behavioural Therapy',
  'Cognitive Behavioral Therapy',
  'CBT',
  'Dialectical Behaviour Therapy',
  'Motivational Interviewing',
  'Freedom Programme',
  'Homebuilders',
  'Family Preservation',
  'Family Nurse Partnership',
  'Nurse-Family Partnership',
  'FNP',
];

/** Nouns that, after a capitalised name, make a named programme ("the Peterborough model"). */
export const PROGRAMME_NOUNS = ['programme', 'program', 'model', 'curriculum', 'intervention', 'therapy', 'approach', 'method', 'methodology', 'inventory', 'pretest', 'protocol'];

/** Places: a named one after "at", "from" or "in" is a prescribed venue ("at the Brackwell Family Hub"). */
export const VENUES = ['hub', 'centre', 'center', 'library', 'office', 'hall', 'clinic', 'premises', 'building', 'venue', 'jobcentre', 'base'];

/** Limits written before a number, kept in the message ("no more than 15 families"). */
export const LIMITS = ['at least', 'at most', 'no more than', 'not more than', 'no fewer than', 'not fewer than', 'no less than', 'not less than', 'up to', 'a minimum of', 'a maximum of', 'a total of', 'more than', 'fewer than', 'less than'];

/** A number after one of these is a deadline, not a count of activity ("within 48 hours"). */
export const DEADLINE_WORDS = ['within', 'after', 'before', 'by', 'inside', 'under'];

/**
 * Contract management: reporting to, meeting and sharing data with the commissioner.
 * A frequency or a meeting about these is governance, not a method of helping people
 * ("quarterly contract meetings with the council", "report monthly").
 */
export const GOVERNANCE = [
  'council',
  'commissioner',
  'commissioning',
  'contract',
  'ICB',
  'authority',
  'ministry',
  'MoJ',
  'department',
  'monitoring',
  'report',
  'return',
  'data',
  'information',
  'evaluation',
  'evaluator',
  'audit',
  'invoice',
  'claim',
  'payment',
  'performance',
  'KPI',
  'dashboard',
  'board',
  'steering',
  'governance',
];

/** Verbs of reporting to the commissioner: activity counted in a report is not prescribed ("report the sessions delivered each month"). */
export const REPORTING = ['report', 'submit', 'share', 'send', 'publish', 'record', 'log', 'return', 'invoice', 'claim', 'count', 'collect', 'evidence'];

/** Wording that leaves the method to the provider: a clause with it prescribes nothing. */
export const FREEDOMS = [
  'not required',
  'not have to',
  'need not',
  "needn't",
  'not need to',
  'no requirement',
  'no minimum',
  'no set number',
  'no fixed number',
  'is not required',
  'are not required',
  'not prescribe',
  'not prescribed',
  'not specify',
  'not specified',
  'is free to',
  'free to decide',
  'free to choose',
  "provider's discretion",
  'up to the provider',
  'provider decides',
  'provider will decide',
  'provider may choose',
  'provider can choose',
  'can use',
  'may use',
  'may want to',
  'may wish to',
];

/** Articles and small words kept in a quoted phrase, or bridging two parts of one ("12 sessions of 2 hours"). */
export const CONNECTORS = ['of', 'at', 'the', 'a', 'an', 'for', 'per', 'in', 'each', 'every', 'to', 'from', 'on'];

/** Verbs after which "from <a named place>" is where the service is delivered, not where referrals come from. */
export const DELIVERED_FROM = ['delivered', 'deliver', 'run', 'operate', 'operated', 'work', 'based', 'provided', 'offered'];

/** Words that end a noun phrase: a number and a noun with one of these between are not one phrase ("15 families and … workers"). */
export const BREAKERS = ['must', 'will', 'shall', 'should', 'may', 'can', 'is', 'are', 'be', 'been', 'has', 'have', 'and', 'or', 'who', 'which', 'that', 'with', 'than'];

/** Verbs between an activity and a frequency: only the frequency is quoted ("sessions must run every 2 weeks"). */
export const PHRASE_VERBS = ['must', 'will', 'shall', 'should', 'may', 'can', 'is', 'are', 'be', 'has', 'have', 'run', 'take', 'happen', 'held'];

/** Verbs of having a qualification: a quoted qualification starts after them ("must hold a relevant degree"). */
export const HOLDING = ['hold', 'have', 'has', 'need', 'require', 'possess', 'all', 'every', 'each', 'must'];

/**
 * Words that turn what follows into its opposite ("no weekly sessions are required").
 * Unlike words.ts's negation check, a negation followed by a LIMIT_AFTER word is a limit.
 */
export const NEGATIONS = ['not', 'no', 'never', 'without', 'nor', 'neither', "don't", "doesn't", "isn't", "aren't", 'none', 'cannot', "can't", "won't"];

/** After a negation, these make a limit, not a negation: "no more than 15", "must not exceed". */
export const LIMIT_AFTER = ['more', 'fewer', 'less', 'exceed', 'above', 'over', 'later', 'earlier', 'go', 'rise', 'fall', 'drop'];

/**
 * Where or in what mode the service is delivered: "face-to-face contact", "in their
 * home", "within a GP practice".
 */
export const SETTINGS = [
  'face to face',
  'face-to-face',
  'in person',
  'in their home',
  'in the home',
  "in the family's home",
  "in the family's place of residence",
  'place of residence',
  "client's residence",
  'home-based',
  'in-home',
  'within a GP practice',
  'in a GP practice',
  'in GP practices',
  'at school',
];

/**
 * Words for the style or intensity of the work ("a persistent, assertive and challenging
 * approach", "practical 'hands on' support", "a high intensity foster care intervention").
 * With one of STYLED a few words after it, they prescribe how the work is done.
 */
export const STYLES = [
  'intensive',
  'high intensity',
  'high-intensity',
  'intense',
  'persistent',
  'assertive',
  'practical',
  'hands on',
  'hands-on',
  'dedicated',
  'personalised',
  'personalized',
  'co-produced',
  'rapid response',
  'multi-session',
  'universal',
  'strength-based',
  'strengths-based',
  'trauma-informed',
  'person-centred',
  'person-centered',
  'holistic',
  'multidisciplinary',
  'multi-disciplinary',
  'peer-led',
  'regular',
  'written',
];

/** What a style word describes: the work, or who does it. */
export const STYLED = [
  'approach',
  'support',
  'intervention',
  'programme',
  'program',
  'service',
  'plan',
  'worker',
  'team',
  'supervision',
  'advice',
  'testing',
  'interview',
  'casework',
  'coaching',
  'mentoring',
  'therapy',
  'treatment',
  'response',
];

/** When the service is open: "opening hours", "seven days a week", "on call 24 hours a day". */
export const OPENING = [
  'opening hours',
  'open and staffed',
  '24-hour',
  '24/7',
  'seven days a week',
  '7 days a week',
  'seven days/week',
  'all year round',
  'on call',
  'out of hours',
  'non-traditional hours',
  'evenings and weekends',
  'flexible work schedule',
  'twilight',
];

/** Equipment the provider must have or use. */
export const EQUIPMENT = ['blood pressure monitor', 'device', 'equipment', 'minibus'];

/** After a provider noun, a verb that describes which providers are meant, not what they must do ("providers delivering the Work programme"). */
export const DESCRIBING_PROVIDERS = ['delivering', 'running', 'operating'];

/** Activities a requirement may say must be offered or given ("a fasting glucose test should be offered"). */
export const OFFERED = ['test', 'screening', 'assessment', 'check', 'session', 'visit', 'appointment', 'consultation', 'intervention', 'review', 'course', 'class', 'workshop'];

/** Verbs of offering after "must be" / "should be": the activity before them is prescribed. */
export const OFFERING = ['offered', 'provided', 'delivered', 'given'];

/** Verbs that put an activity on the provider: "undertake the Intervention consultation", "deliver group sessions". */
export const UNDERTAKING = ['undertake', 'conduct', 'deliver', 'run', 'hold', 'provide', 'offer', 'carry out'];

/** Words before a number that make it a name, not a count: "Tier 3 services", "Level 2 standards". */
export const NAMING_NUMBERS = ['tier', 'level', 'band', 'phase', 'stage', 'step', 'key stage'];
