import { Span } from '../../base/span';
import * as ast from '../../syntax/ast';
import { clauseNumbers, defineRule, fromReport, isNegated, isNumberWord, memoByText, PhraseList, PhraseMatch, RuleContext, stem, Word, words } from '../../engine/kit';
import * as W from './output-payment-words';

/*
 * A `pay` line for an outcome of `kind output`, or for one whose `measure` pays for the
 * service's own activity. The finding is on each `pay` line for it, and quotes the words
 * that made the call.
 *
 * A measure pays for activity when it counts an event of the service ("12 weekly
 * sessions", "number of referrals", "sessions attended", "each clinic check", "referrals
 * to partner agencies"), when people taking part in the service is what is paid ("children
 * sign up to the programme", "completing the 6-month programme", "starts to the
 * programme"), when people are counted as processed ("families supported", "first-time
 * moms served", "patients offered or referred"), when the service acts on people
 * ("enrolling high-risk mothers"), or when it is a process of care ("smoking status
 * recorded", "time to surgery"). It does not when the word is a point in time ("within
 * 18 weeks of referral", "30 weeks of starting"), the use of another service ("A&E
 * visits"), joining education or work ("started education, training or employment",
 * "enrollment in grades 2-8"), the means to a change ("attains a level by completing a
 * course", "supported to quit"), a state held ("stay in … an education course"), negated
 * ("no A&E attendances"), or need going down ("fewer A&E attendances", "GP appointments …
 * compared with the 6 months before"). A few words ("participants", "engagement",
 * "support") read as activity only when nothing in the measure names a change.
 */

const list = (phrases: readonly string[]): PhraseList => new PhraseList(phrases);
const nouns = list(W.ACTIVITY_NOUNS);
const needingCount = list(W.ACTIVITY_NEEDING_A_COUNT);
const notActivity = list(W.NOT_ACTIVITY);
const attendanceAsOutcome = list(W.ATTENDANCE_AS_OUTCOME);
const countWords = list(W.COUNT_WORDS);
const doneWords = list(W.DONE_WORDS);
const doneBefore = list(W.DONE_BEFORE);
const lessNeed = list(W.LESS_NEED);
const comparison = list(W.COMPARISON);
const people = list(W.PEOPLE);
const takingPart = list(W.TAKING_PART);
const theService = list(W.THE_SERVICE);
const serviceVerbs = list(W.SERVICE_VERBS);
const process = list(W.PROCESS);
const weak = list(W.WEAK_ACTIVITY);
const theProvider = list(W.THE_PROVIDER);
const clinicians = list(W.CLINICIANS);
const change = list(W.CHANGE);
const otherServices = list(W.OTHER_SERVICES);
const educationOrWork = list(W.EDUCATION_OR_WORK);
const stems = (words: readonly string[]): Set<string> => new Set(words.map(stem));
const numberBreaks = stems(W.NUMBER_BREAKS);
const timeAnchors = stems(W.TIME_ANCHORS);
const staying = stems(W.STAYING);
const means = stems(W.MEANS);
const processed = W.PEOPLE_PROCESSED.map((p) => p.toLowerCase().split(' '));
const towards = W.PROCESSED_TOWARDS.map((p) => p.toLowerCase().split(' '));
/** Characters that end a clause: a part of a measure after one is about something else. */
const CLAUSE_BREAK = /[;:.\u2013\u2014]/;

/** Where in a text it pays for activity: offsets in the text, or undefined. */
export const activityIn: (text: string) => { start: number; end: number } | undefined = memoByText(findActivity);

/** A measure's words, with what the rules below ask of them worked out once. */
class Measure {
  readonly ws: readonly Word[];
  readonly clause: number[];
  private readonly found = new Map<PhraseList, PhraseMatch[]>();
  private readonly starting = new Map<PhraseList, Map<number, PhraseMatch>>();

  constructor(readonly text: string) {
    this.ws = words(text);
    this.clause = clauseNumbers(text, this.ws, CLAUSE_BREAK);
  }

  all(phrases: PhraseList): PhraseMatch[] {
    let found = this.found.get(phrases);
    if (!found) {
      found = phrases.find(this.ws);
      this.found.set(phrases, found);
      this.starting.set(phrases, new Map(found.map((m) => [m.index, m])));
    }
    return found;
  }

  /** The match of a list that starts at word i. */
  at(phrases: PhraseList, i: number): PhraseMatch | undefined {
    this.all(phrases);
    return this.starting.get(phrases)!.get(i);
  }

  /** The first match of a list starting in [from, to], in the clause of word `near`. */
  within(phrases: PhraseList, from: number, to: number, near: number): PhraseMatch | undefined {
    for (let k = Math.max(0, from); k <= to && k < this.ws.length; k++) {
      const m = this.at(phrases, k);
      if (m && this.clause[k] === this.clause[near]) return m;
    }
    return undefined;
  }

  /** True when a match of the list covers word i. */
  covers(phrases: PhraseList, i: number): boolean {
    return this.all(phrases).some((m) => m.index <= i && i < m.index + m.words.length);
  }

  stem(i: number): string {
    return this.ws[i]?.stem ?? '';
  }

  lower(i: number): string {
    return this.ws[i]?.text.toLowerCase() ?? '';
  }

  end(m: PhraseMatch): number {
    return m.index + m.words.length - 1;
  }

  span(first: number, last: number): { start: number; end: number } {
    let start = this.ws[first].start;
    while (start > 0 && /[\d,.£$€]/.test(this.text[start - 1])) start--; // "1,000" is words "1" and "000"
    return { start, end: this.ws[last].end };
  }
}

function findActivity(text: string): { start: number; end: number } | undefined {
  const m = new Measure(text);
  const ws = m.ws;
  if (ws.length === 0) return undefined;
  if (m.all(comparison).length > 0 || attendanceAsOutcome.findAffirmed(ws).length > 0) return undefined;
  const less = m.all(lessNeed).filter((l) => !isNegated(ws, l.index));
  const nearLess = (first: number, last: number): boolean => less.some((l) => l.index >= first - 6 && l.index <= last + 4);

  /** Why the words [first, last] are not the service's activity, if they are not. */
  const notTheService = (first: number, last: number): boolean => {
    if (isNegated(ws, first) || nearLess(first, last)) return true;
    for (let k = first; k <= last; k++) if (m.covers(notActivity, k)) return true;
    // The use of another service: "A&E visits", "GP appointments", "visits to A&E".
    if (m.within(otherServices, first - 3, first - 1, first) || m.within(otherServices, last + 1, last + 3, last)) return true;
    // Joining education or work: "started education", "enrollment … in grades 2-8", "an education course".
    if (m.within(educationOrWork, last + 1, last + 4, last) || m.within(educationOrWork, first - 1, first - 1, first)) return true;
    // A state held: "stay in a job for 4 weeks or an education course".
    for (let k = Math.max(0, first - 7); k < first; k++) if (staying.has(ws[k].stem) && m.clause[k] === m.clause[first]) return true;
    // The means to a change named before it: "attains a level of education by completing a course".
    for (let k = Math.max(0, first - 3); k < first; k++) {
      if (means.has(ws[k].stem) && m.all(change).some((c) => c.index < k && m.clause[c.index] === m.clause[k])) return true;
    }
    return false;
  };

  const found =
    doneByStaff(m, notTheService) ??
    countedOrDone(m, notTheService) ??
    takingPartIn(m, notTheService) ??
    peopleProcessed(m, notTheService) ??
    serviceActing(m, notTheService) ??
    processOfCare(m);
  if (found) return found;

  // Weak words count only when nothing names a change, and no activity is said not to
  // happen ("no referral to children's social care" is need avoided).
  if (m.all(change).some((c) => !isNegated(ws, c.index))) return undefined;
  if ([...m.all(nouns), ...m.all(needingCount)].some((n) => isNegated(ws, n.index))) return undefined;
  const hit = m.all(weak).find((w) => !notTheService(w.index, m.end(w)) && !timeAnchors.has(m.stem(w.index - 1)));
  return hit && m.span(hit.index, m.end(hit));
}

type Check = (first: number, last: number) => boolean;

/** An activity noun counted ("12 sessions", "number of referrals", "each clinic check"), done ("sessions attended", "completed NMS") or plural ("referrals to partner agencies"). */
function countedOrDone(m: Measure, notTheService: Check): { start: number; end: number } | undefined {
  const ws = m.ws;
  const counts = m.all(countWords).filter((c) => !isNegated(ws, c.index));
  const candidates = [
    ...m.all(nouns).map((match) => ({ match, needsCount: false })),
    ...m.all(needingCount).map((match) => ({ match, needsCount: true })),
  ].sort((a, b) => a.match.index - b.match.index);

  for (const { match, needsCount } of candidates) {
    const first = match.index;
    const last = m.end(match);
    if (notTheService(first, last)) continue;
    // "starts" is a count of starts only as a plural noun; "starting", "start work" are not.
    if (match.phrase === 'start' && match.words[0].text.toLowerCase() !== 'starts') continue;
    const plural = match.words.some((w) => /s$/i.test(w.text) && w.text.toLowerCase() !== w.stem);

    const counted = counts.find((c) => m.end(c) < first && m.end(c) >= first - 5 && m.clause[c.index] === m.clause[first]);
    if (!plural && !counted && timeAnchors.has(ws[first - 1]?.stem ?? '')) continue;
    const number = numberBefore(ws, first);
    const done = doneAfter(ws, last);
    const doneFirst = doneBeforeIt(m, first);
    // A compound ("home visits", "programme starts") is a noun even when its last word is also a verb.
    if (counted || number !== undefined || done || doneFirst || (plural && (!needsCount || match.words.length > 1))) {
      const from = counted ? counted.index : doneFirst ? doneFirst.index : number ?? first;
      // Run on over activity words that follow, with at most one word between: "8 workshop
      // sessions", "one-to-one mentoring sessions attended".
      let upTo = last;
      for (const next of candidates) {
        if (next.match.index > upTo && next.match.index <= upTo + 2) upTo = m.end(next.match);
      }
      const doneLater = upTo > last ? doneAfter(ws, upTo) : undefined;
      const finish = doneLater ?? done;
      return m.span(from, Math.max(finish ? m.end(finish) : 0, upTo));
    }
  }

  // "number of young people engaged", "the number of people the centers have helped",
  // "each completed NMS they provide"
  for (const c of counts) {
    const after = m.end(c) + 1;
    for (let k = after; k < Math.min(ws.length, after + 6) && m.clause[k] === m.clause[c.index]; k++) {
      const hit = processedAt(m, k) ?? (m.at(doneWords, k) && m.end(m.at(doneWords, k)!));
      if (hit !== undefined && !notTheService(c.index, hit)) return m.span(c.index, hit);
    }
  }

  // The service itself, done: "services delivered", "implemented legal services".
  for (const s of m.all(theService)) {
    const done = doneAfter(ws, m.end(s)) ?? doneBeforeIt(m, s.index);
    if (!done || notTheService(s.index, m.end(s))) continue;
    return m.span(Math.min(s.index, done.index), Math.max(m.end(s), m.end(done)));
  }

  // A clause that is only a name for an activity: "PBR Attachment", "follow-up attendance".
  for (const { match } of candidates) {
    const last = m.end(match);
    const clause = m.clause[last];
    const isLast = m.clause[last + 1] !== clause;
    const short = match.index - 3 < 0 || m.clause[match.index - 3] !== clause;
    if (!needsCountOf(match) && isLast && short && !notTheService(match.index, last)) {
      const first = m.clause.indexOf(clause);
      return m.span(first, last);
    }
  }
  return undefined;
}

const needsCountOf = (match: PhraseMatch): boolean => W.ACTIVITY_NEEDING_A_COUNT.includes(match.phrase);

/** The last word of a processed phrase ("signed up") starting at word k, unless it leads on to a change ("supported to quit", "seen sleeping rough"). */
function processedAt(m: Measure, k: number): number | undefined {
  const hit = processed.find((p) => p.every((part, n) => m.lower(k + n) === part));
  if (!hit) return undefined;
  const last = k + hit.length - 1;
  if (towards.some((t) => t.every((part, n) => m.lower(last + 1 + n) === part))) return undefined;
  return last;
}

/** An event done to someone by the service's staff: "assessed by a geriatrician within 72 hours of admission". */
function doneByStaff(m: Measure, notTheService: Check): { start: number; end: number } | undefined {
  for (let k = 0; k < m.ws.length; k++) {
    const hit = processedAt(m, k);
    if (hit === undefined || m.stem(hit + 1) !== 'by' || !['a', 'an'].includes(m.lower(hit + 2))) continue;
    const who = m.within(clinicians, hit + 3, hit + 4, hit);
    if (who && !notTheService(k, hit)) return m.span(k, m.end(who));
  }
  return undefined;
}

/** Taking part in the service: "sign up to the programme", "engage with the service", "completing the 6-month programme", "treatment starts". */
function takingPartIn(m: Measure, notTheService: Check): { start: number; end: number } | undefined {
  for (const verb of m.all(takingPart)) {
    const first = verb.index;
    const last = m.end(verb);
    if (notTheService(first, last)) continue;
    // "after enrolment", "from the start date": a point in time.
    if (timeAnchors.has(m.stem(first - 1)) || m.stem(last + 1) === 'date') continue;
    const object = m.within(theService, last + 1, last + 7, last) ?? m.within(theService, first - 2, first - 1, first);
    if (!object || notTheService(object.index, m.end(object))) continue;
    const from = Math.min(first, object.index);
    const to = Math.max(last, m.end(object));
    return m.span(from, to);
  }
  return undefined;
}

/** People counted as processed: "first-time moms served", "patients … offered or referred", "patients have actively engaged". */
function peopleProcessed(m: Measure, notTheService: Check): { start: number; end: number } | undefined {
  for (const who of m.all(people)) {
    const last = m.end(who);
    for (let k = last + 1; k <= last + 6 && k < m.ws.length; k++) {
      if (m.clause[k] !== m.clause[last]) break;
      const hit = processedAt(m, k);
      if (hit === undefined) continue;
      // "people who are referred by their GP", "children seen by a health visitor": who refers is not the service.
      if (m.stem(hit + 1) === 'by' && !m.within(theProvider, hit + 2, hit + 4, hit)) break;
      if (!notTheService(k, hit)) return m.span(who.index, hit);
    }
  }
  return undefined;
}

/** The service acting on people: "enrolling high-risk mothers", "diagnosing new cases of HIV". */
function serviceActing(m: Measure, notTheService: Check): { start: number; end: number } | undefined {
  for (const verb of m.all(serviceVerbs)) {
    if (notTheService(verb.index, m.end(verb))) continue;
    const whom = m.within(people, verb.index + 1, verb.index + 4, verb.index);
    const cases = m.stem(verb.index + 1) === 'new' || m.stem(verb.index + 1) === 'patient';
    if (whom) return m.span(verb.index, m.end(whom));
    if (cases) return m.span(verb.index, verb.index + 2);
  }
  return undefined;
}

/** A process of care, paid whether or not anyone is better off: "smoking status recorded", "time to surgery". */
function processOfCare(m: Measure): { start: number; end: number } | undefined {
  const hit = m.all(process).find((p) => !isNegated(m.ws, p.index));
  return hit && m.span(hit.index, m.end(hit));
}

/** A word saying the activity was done that ends up to three words before it: "completed NMS", "the successful completion of a Personal Housing Plan". */
function doneBeforeIt(m: Measure, first: number): PhraseMatch | undefined {
  for (let k = Math.max(0, first - 6); k < first; k++) {
    const d = m.at(doneBefore, k);
    if (d && m.end(d) >= first - 4 && m.end(d) < first && m.clause[k] === m.clause[first]) return d;
  }
  return undefined;
}

/** The index of a number up to three words before `index`, with nothing between that makes it a time or a rate. */
function numberBefore(ws: readonly Word[], index: number): number | undefined {
  for (let k = index - 1; k >= Math.max(0, index - 3); k--) {
    // "6-week review session": a number joined to a unit is a length of time, not a count.
    if (ws[k].text.includes('-') || numberBreaks.has(ws[k].stem)) return undefined;
    if (isNumberWord(ws[k])) return k;
  }
  return undefined;
}

/**
 * A word saying the activity was done, right after it, one word later, or after "has
 * been" and the like: "sessions attended", "visits made by", "a consultation has been
 * undertaken".
 */
function doneAfter(ws: readonly Word[], last: number): PhraseMatch | undefined {
  let from = last + 1;
  while (from < last + 4 && AUXILIARIES.has(ws[from]?.text.toLowerCase() ?? '')) from++;
  const next = ws.slice(from, from + 3);
  const done = doneWords.find(next).find((d) => d.index <= (from > last + 1 ? 0 : 1));
  return done && { ...done, index: done.index + from };
}

const AUXILIARIES = new Set(['has', 'have', 'had', 'been', 'was', 'were', 'is', 'are', 'be']);

export const rule = defineRule({
  meta: {
    id: 'perverse-incentive/output-payment',
    family: 'perverse-incentive',
    severity: 'warning',
    summary: 'A price is paid for activity (an output), not for a change in people\'s lives.',
    rationale:
      'Paying for sessions delivered, referrals made, people enrolled or assessments completed buys more ' +
      'sessions, referrals, enrolments and assessments, whether or not anyone is better off. The provider is ' +
      'rewarded for being busy, the count is easy to inflate, and the contract becomes an input contract with an ' +
      'outcomes label. Pay for the change the activity is meant to bring about (a job kept, a tenancy sustained, ' +
      'no reoffence), and track activity for management, unpaid.',
    evidence: [
      fromReport(
        'Accountability in public sector/third sector relations has become limited to accounting for how money is spent and the achievement of specified tasks. It encourages a practice of compliance to stated measures and inhibits creativity.',
        'Session Three, Theme 2 (accountability and value for money)',
      ),
      fromReport(
        'Failure associated with beneficiary levels and outcomes (i.e. where services or projects fail to impact on people or communities, even though they may have been successfully implemented and the organisations which run them continue).',
        'Session Two, Witness 4 (learning from failure)',
      ),
    ],
    examples: {
      fires:
        'use "shared.outcome"\noutcome sessions "Mentoring sessions" {\n  for neet\n  measure "number of mentoring sessions attended"\n}\n' +
        'payment {\n  model results\n  upfront 20%\n  pay £150 for sessions per participant\n}\n',
      passes:
        'use "shared.outcome"\noutcome sessions "Mentoring sessions" {\n  for neet\n  measure "number of mentoring sessions attended"\n}\n' +
        'outcome job "Sustained employment" {\n  for neet\n  measure "26 weeks in paid work within 30 weeks of starting"\n}\n' +
        'payment {\n  model results\n  upfront 20%\n  pay £3,200 for job per participant\n}\n',
      fix:
        'Pay for the change the activity should bring about, and keep the activity count as an unpaid outcome for ' +
        'managing the contract. If an output payment is deliberate (a small start-up fee), keep it small and ' +
        'explain it in a suppression comment.',
    },
  },
  check({ facts, read, report }) {
    for (const outcome of facts.paidOutcomes) {
      const name = outcome.name!.text;
      const pays = facts.paysFor(outcome);
      const kind = outcome.outcomeKind;
      if (kind?.value?.value === 'output') {
        for (const pay of pays) {
          report({
            at: pay.span,
            message: `\`${name}\` is of kind output (a count of activity, not a change in people's lives), but this line pays for it`,
            related: [{ message: `\`${name}\` is declared an output here`, span: kind.span }],
          });
        }
        continue;
      }
      const found = activityOf(outcome, read);
      if (!found) continue;
      for (const pay of pays) {
        report({
          at: pay.span,
          message: `\`${name}\` is paid for, but its ${found.where} counts activity ("${found.quote}"), not a change in people's lives`,
          related: [{ message: `the ${found.where} of \`${name}\``, span: found.at }],
        });
      }
    }
  },
});

/** The activity an outcome's measure (or, with no measure, its title) counts. */
function activityOf(outcome: ast.OutcomeBlock, read: RuleContext['read']): { where: string; quote: string; at: Span } | undefined {
  const measure = outcome.measure;
  const source = measure?.value ? { where: 'measure', text: read(measure.value), at: measure.span } : outcome.title ? { where: 'title', text: read(outcome.title), at: outcome.title.span } : undefined;
  if (!source) return undefined;
  const found = activityIn(source.text);
  if (!found) return undefined;
  return { where: source.where, quote: source.text.slice(found.start, found.end).replace(/\s+/g, ' '), at: source.at };
}
