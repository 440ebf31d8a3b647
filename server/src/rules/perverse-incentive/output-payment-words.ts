/*
 * Words for `perverse-incentive/output-payment`: how a `measure` reads when it pays for
 * the service's own activity (sessions run, referrals made, people signed up, a course
 * completed) rather than for a change in people's lives.
 *
 * A word from these lists is only evidence when the words around it say so (see
 * output-payment.ts): "12 weekly sessions", "number of referrals", "sessions attended",
 * "children sign up to the programme", "families supported" pay for activity; "within 30
 * weeks of starting", "fewer A&E attendances", "school attendance of 90%", "started
 * education, training or employment" and "supported to quit for 4 weeks" do not.
 *
 * Each entry is matched in any of its forms (plural, -ing, -ed). To extend a list, add
 * one phrase per line under the right group.
 */

/**
 * Things a service does or hands out, that read as a count when plural on their own
 * ("sessions", "referrals to partner agencies", "fracture prevention assessments") or
 * with a number, "number of" or "each".
 */
export const ACTIVITY_NOUNS: readonly string[] = [
  // contact time
  'session',
  'taster session',
  'workshop',
  'class',
  'course',
  'appointment',
  'consultation',
  'one-to-one',
  'drop-in',
  'induction',
  'hours of support',
  'hours of mentoring',
  'hours of coaching',
  'hours of tuition',
  'contact hours',
  'support hours',
  'mentoring hours',
  // getting people through the door
  'attendance',
  'enrolment',
  'enrollment',
  'referral',
  'onward referral',
  'sign-up',
  'registration',
  'attachment',
  'onboarding',
  // assessing, screening and treating
  'assessment',
  'needs assessment',
  'screening',
  'health check',
  'examination',
  'vaccination',
  'immunisation',
  'immunization',
  'procedure',
  // things handed out
  'leaflet',
  'flyer',
  'newsletter',
  'information pack',
  'food parcel',
  'voucher',
];

/**
 * Activity words that are also everyday verbs or very general nouns ("starts work",
 * "visits her GP", "meets the criteria", "a personal plan"): they count only with a
 * number, "number of", "each", or a word saying the activity was done ("visits made").
 */
export const ACTIVITY_NEEDING_A_COUNT: readonly string[] = [
  'start',
  'programme start',
  'course start',
  'contact',
  'visit',
  'home visit',
  'outreach visit',
  'call',
  'phone call',
  'telephone call',
  'welfare call',
  'meeting',
  'intervention',
  'plan',
  'action plan',
  'support plan',
  'family plan',
  'conversation',
  'check-in',
  'check',
  'clinic check',
  'test',
  'surgery',
  'operation',
  'treatment',
  'review',
  'profile',
  'questionnaire',
  'training',
  'measurement',
  'monitoring',
  'care process',
  'slot',
  'unit',
  'case',
];

/** Phrases in which an activity word is not the service's activity. */
export const NOT_ACTIVITY: readonly string[] = [
  // getting a job is a change in someone's life, not the service's activity
  'job start',
  'start work',
  'start a job',
  'start employment',
  'start an apprenticeship',
  // what people can do for themselves (reablement)
  'activities of daily living',
  'daily activities',
  'daily living activities',
  // a place in the system, not an event of the service
  'out-of-home care',
  'case closed',
];

/**
 * Phrases that make a whole measure about attending school, college or work, which is
 * the outcome itself: "attendance at school on at least 90% of sessions" counts school
 * sessions, not the service's.
 */
export const ATTENDANCE_AS_OUTCOME: readonly string[] = [
  'school attendance',
  'attendance at school',
  'college attendance',
  'attendance at college',
  'attendance at work',
  'attends school',
  'attends college',
  'attendance level',
  'persistent absence',
];

/** Words before an activity word that make it a count: "number of referrals", "each clinic check". */
export const COUNT_WORDS: readonly string[] = ['number of', 'count of', 'total', 'how many', 'tally of', 'each', 'every', 'as many as', 'volume of', 'threshold of'];

/**
 * Words after an activity word that say it was done: "sessions attended", "referrals
 * made", "vaccination administered". Not "kept" or "sustained": "a repayment plan kept
 * for 6 months" is an outcome.
 */
export const DONE_WORDS: readonly string[] = [
  'attended',
  'delivered',
  'held',
  'run',
  'completed',
  'made',
  'received',
  'offered',
  'provided',
  'provide',
  'booked',
  'distributed',
  'handed out',
  'carried out',
  'undertaken',
  'undertook',
  'conducted',
  'performed',
  'administered',
  'logged',
  'given',
  'arranged',
  'accepted',
  'signed',
  'agreed',
  'opened',
  'done',
];

/** Words before an activity word that say it was done: "completed NMS", "completion of a plan". */
export const DONE_BEFORE: readonly string[] = [
  'completed',
  'completion of',
  'completing',
  'successful completion of',
  'delivered',
  'delivery of',
  'provision of',
  'implemented',
  'complete a',
  'complete an',
  'complete the',
  'undertook a',
  'undertook an',
  'underwent',
  'had a',
  'had an',
  'received a',
  'received an',
];

/**
 * After people (or "number of" and the people counted), a word saying they were taken
 * on, passed on or served, not that their lives changed: "number of young people
 * engaged", "first-time moms served", "patients … offered or referred". Matched exactly
 * as written here, so "reaching settled accommodation" is not "reached".
 */
export const PEOPLE_PROCESSED: readonly string[] = [
  'engaged',
  'enrolled',
  'referred',
  'signposted',
  'registered',
  'recruited',
  'reached',
  'seen',
  'assessed',
  'contacted',
  'visited',
  'attending',
  'signed up',
  'taking part',
  'served',
  'supported',
  'helped',
  'treated',
  'onboarded',
  'offered',
  'identified',
  'diagnosed',
  'tested',
  'screened',
  'attached',
];

/** The people a service counts: after one of them, a PEOPLE_PROCESSED word says what was done to them. */
export const PEOPLE: readonly string[] = [
  'people',
  'person',
  'participant',
  'client',
  'patient',
  'family',
  'child',
  'children',
  'young people',
  'young person',
  'adult',
  'individual',
  'mother',
  'mom',
  'mum',
  'parent',
  'learner',
  'student',
  'resident',
  'user',
  'service user',
  'smoker',
  'case',
];

/**
 * Words between a processed word and what follows it that make it a means to a change:
 * "supported to quit for 4 weeks", "helped into work", "seen sleeping rough".
 */
export const PROCESSED_TOWARDS: readonly string[] = ['to', 'into', 'back into', 'sleeping', 'living', 'begging'];

/**
 * Taking part in the service itself: a verb of joining, starting, finishing or taking
 * part, with the service as its object ("sign up to the programme", "engage with the
 * service", "completing the 6-month programme", "starts to the programme").
 */
export const TAKING_PART: readonly string[] = [
  'sign up',
  'sign-up',
  'signs up',
  'enrol',
  'enroll',
  'enrolment',
  'enrollment',
  'register',
  'join',
  'start',
  'begin',
  'commence',
  'commencing',
  'onboarding',
  'complete',
  'completing',
  'completion',
  'finish',
  'attend',
  'engage',
  'engaging',
  'engagement',
  'access',
  'participate',
  'participating',
  'take part',
  'take up',
  'attach',
  'attachment',
];

/** The service, as the object of TAKING_PART: "the West London Zone programme", "the service". */
export const THE_SERVICE: readonly string[] = [
  'programme',
  'program',
  'service',
  'scheme',
  'course',
  'provision',
  'support',
  'intervention',
  'treatment',
  'project',
  'pathway',
  'session',
];

/** Who the provider is, after "by": "patients seen by the practice" are processed by the service; "seen by their GP" are not. */
export const THE_PROVIDER: readonly string[] = ['provider', 'service', 'practice', 'pharmacy', 'contractor', 'project', 'programme', 'staff', 'worker'];

/** Who does the service's work: "assessed by a geriatrician within 72 hours" is the service's event. */
export const CLINICIANS: readonly string[] = ['geriatrician', 'clinician', 'doctor', 'nurse', 'specialist', 'consultant', 'therapist', 'pharmacist', 'practitioner', 'worker', 'adviser', 'advisor', 'coach', 'mentor'];

/** The service acting on people: "enrolling high-risk mothers", "diagnosing new cases of HIV". */
export const SERVICE_VERBS: readonly string[] = [
  'enrolling',
  'recruiting',
  'referring',
  'engaging',
  're-engaging',
  'identifying',
  'diagnosing',
  'screening',
  'testing',
  'treating',
  'serving',
  'signposting',
  'onboarding',
];

/**
 * Process measures of care, paid whether or not anyone is better off: a status or a
 * reading recorded, a treatment prescribed, a register kept, a waiting time.
 */
export const PROCESS: readonly string[] = [
  'status recorded',
  'BP recorded',
  'blood pressure recorded',
  'BMI recorded',
  'weight recorded',
  'classification recorded',
  'measurement recorded',
  'a record of',
  'processes performed',
  'treated with',
  'prescribed',
  'maintains a register',
  'maintain a register',
  'register of patients',
  'time to surgery',
  'time to treatment',
  'time to assessment',
  'waiting time',
  'per hour',
  'hourly rate',
  'fixed fee',
  'per case',
  'per matter',
  'per referral',
  'target number of',
  // a fee named for the service's activity
  'service fee',
  'support fee',
  'delivery fee',
  'administration fee',
  'attachment fee',
  'referral fee',
  'assessment fee',
  'administrative costs',
];

/**
 * Activity that reads as a payment trigger only when the measure says nothing of a
 * change: "NEET participants", "engagement with support", "accessed services", "meet
 * quality standards". With a change named ("participants entering employment") the
 * measure is about the change.
 */
export const WEAK_ACTIVITY: readonly string[] = [
  'participant',
  'engagement',
  'engage',
  'engaged',
  'accessed',
  'access to',
  'support',
  'supported',
  'supporting',
  'helped',
  'help',
  'attached',
  'quality standard',
  'certification',
  'accreditation',
  'efficiency',
  'verifying',
  'milestone',
  'items of work',
];

/**
 * Words that say a measure is about a change in a person's life or a state held over
 * time: with one of them, WEAK_ACTIVITY is not enough to call the measure activity.
 */
export const CHANGE: readonly string[] = [
  // change
  'improve',
  'improving',
  'improvement',
  'increase',
  'increasing',
  'reduce',
  'reducing',
  'reduction',
  'decrease',
  'decreasing',
  'fewer',
  'less',
  'lower',
  'fall',
  'avoid',
  'prevent',
  'prevention',
  'relief',
  'gain',
  'achieve',
  'achieving',
  'achievement',
  'attain',
  'progress',
  'no longer',
  'no further',
  'ended',
  'move',
  'moving',
  'enter',
  'entering',
  'transition',
  'restore',
  'restoring',
  'restoration',
  'reunify',
  'reunified',
  'reunification',
  'quit',
  // a state held over time
  'sustain',
  'sustainment',
  'sustained',
  'maintain',
  'remain',
  'stay',
  'kept',
  'keep',
  'retain',
  'retention',
  'continuous',
  'consecutive',
  // the life domains a change is in
  'employment',
  'employed',
  'job',
  'work',
  'earning',
  'earnings',
  'income',
  'accommodation',
  'housing',
  'tenancy',
  'homelessness',
  'qualification',
  'reoffend',
  're-offend',
  'reoffending',
  're-offending',
  'reconviction',
  'offending',
  'independence',
  'travel independently',
  'free of',
  'free from',
  'drug-free',
  'abstinent',
  'readiness',
  'ready',
  'proficient',
  'literacy',
  'numeracy',
  'learning',
  'wellbeing',
  'well-being',
  'education',
  'volunteering',
];

/**
 * Services people use when things go wrong: counting their use (A&E visits, GP
 * appointments, hospital admissions) measures need, which going down is a change.
 */
export const OTHER_SERVICES: readonly string[] = [
  'A&E',
  'accident and emergency',
  'emergency',
  'GP',
  'hospital',
  'inpatient',
  'police',
  'jail',
  'custody',
  'court',
  'ambulance',
  'crisis',
  'special education',
  'social care',
  "children's social care",
  'statutory services',
];

/**
 * Joining education or work, which is a change of state even when written "start",
 * "enrolment" or "placing into": "started education, training or employment",
 * "enrollment of out-of-school girls in grades 2-8".
 */
export const EDUCATION_OR_WORK: readonly string[] = [
  'education',
  'school',
  'grade',
  'college',
  'university',
  'apprenticeship',
  'traineeship',
  'employment',
  'work',
  'job',
  'training or employment',
  'volunteering',
];

/** Words before a verb of staying that make what follows a state held ("stay in a job … or an education course"). */
export const STAYING: readonly string[] = ['stay', 'remain', 'sustain', 'maintain', 'retain', 'keep', 'kept'];

/** Words that, after a change is named, introduce the means to it: "attains a level of education by completing a course". */
export const MEANS: readonly string[] = ['by', 'through', 'via'];

/**
 * Words near a counted word (up to six words before it, four after) that make it a
 * measure of need going down, which is a change in people's lives: "fewer A&E
 * attendances", "reduction in the number of referrals to social care", "visits to A&E
 * fall". Not when negated: "no fewer than 8 sessions" is a count of activity.
 */
export const LESS_NEED: readonly string[] = [
  'fewer',
  'less',
  'lower',
  'reduction',
  'reduce',
  'reducing',
  'decrease',
  'fall in',
  'fall of',
  'falls by',
  'drop in the',
  'avoid',
  'avoided',
  'prevent',
];

/**
 * Phrases anywhere in a measure that make it a before-and-after comparison of how much
 * people need services: "GP appointments in the 6 months after joining, compared with
 * the 6 months before".
 */
export const COMPARISON: readonly string[] = ['compared with', 'compared to', 'before and after', 'change in', 'than before'];

/**
 * Words between a number and an activity word that stop the number counting it:
 * "within 30 weeks of starting", "2 days after referral".
 */
export const NUMBER_BREAKS: readonly string[] = [
  'day', 'week', 'month', 'year', 'hour', 'minute', 'of', 'from', 'after', 'since', 'within', 'by', 'to', 'in', 'per', 'before', 'until',
];

/** Words before a singular activity word that make it a point in time: "after referral", "since the first session". */
export const TIME_ANCHORS: readonly string[] = ['of', 'from', 'after', 'since', 'following', 'until', 'before', 'at', 'on', 'first', 'last', 'initial', 'upon', 'post'];
