/*
 * Words for `perverse-incentive/output-payment`: how a `measure` reads when it counts
 * the service's own activity (sessions run, referrals made, leaflets handed out)
 * rather than a change in people's lives.
 *
 * A word from these lists is only evidence of a count when the words around it say
 * so (see output-payment.ts): "12 weekly sessions", "number of referrals", "sessions
 * attended", "home visits" count activity; "within 30 weeks of starting", "within 18
 * weeks of referral", "school attendance of 90%" and "fewer A&E attendances" do not.
 *
 * Each entry is matched in any of its forms (plural, -ing, -ed). To extend a list, add
 * one phrase per line under the right group.
 */

/**
 * Things a service does or hands out, that read as a count when plural on their own
 * ("sessions", "referrals to partner agencies") or with a number or "number of".
 */
export const ACTIVITY_NOUNS: readonly string[] = [
  // contact time
  'session',
  'taster session',
  'workshop',
  'class',
  'course',
  'appointment',
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
  'sign-up',
  'registration',
  // assessing and screening
  'assessment',
  'needs assessment',
  'screening',
  'health check',
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
 * number, "number of", or a word saying the activity was done ("visits made").
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
];

/** Phrases in which an activity word is not a count of activity. */
export const NOT_ACTIVITY: readonly string[] = [
  // a waiting time, not a count of referrals (NHS "referral to treatment")
  'referral to treatment',
  // getting a job is a change in someone's life, not the service's activity
  'job start',
  'start work',
  'start a job',
  'start employment',
  'start an apprenticeship',
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
];

/** Words before an activity word that make it a count: "number of referrals". */
export const COUNT_WORDS: readonly string[] = ['number of', 'count of', 'total', 'how many', 'tally of'];

/**
 * Words after an activity word that say it was done: "sessions attended", "referrals
 * made". Not "kept" or "sustained": "a repayment plan kept for 6 months" is an outcome.
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
  'booked',
  'distributed',
  'handed out',
  'carried out',
  'undertaken',
  'conducted',
  'logged',
  'given',
  'arranged',
  'accepted',
  'signed',
  'agreed',
  'opened',
];

/**
 * After "number of" (and the people counted), a word saying people were taken on or
 * passed on, not that their lives changed: "number of young people engaged". Matched
 * exactly as written here, so "reaching settled accommodation" is not "reached".
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
];

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
  'decrease',
  'fall',
  'drop',
  'avoid',
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
export const TIME_ANCHORS: readonly string[] = ['of', 'from', 'after', 'since', 'following', 'until', 'before', 'at', 'on', 'first', 'last', 'initial'];
