import { Fix } from '../../base/diagnostic';
import * as ast from '../../syntax/ast';
import * as W from './method-words';
import { clauseNumbers, defineRule, dutyWords, fromReport, isNumberWord, memoByText, PhraseList, PhraseMatch, SpecFacts, stem, Word, words } from '../../engine/kit';

/*
 * A `requirement` that says how the provider must work: counts of sessions or hours,
 * frequencies, staffing numbers, ratios, caseloads and qualifications, named
 * programmes and venues. Each kind is found in the requirement's words; a part is left
 * alone when its clause is a legal or safety duty, a contract-management matter, a
 * freedom left to the provider, or negated ("no weekly sessions are required").
 */

const activities = new PhraseList(W.ACTIVITIES);
const frequencies = new PhraseList(W.FREQUENCIES);
const staff = new PhraseList(W.STAFF);
const caseload = new PhraseList(W.CASELOAD);
const cases = new PhraseList(W.CASES);
const atATime = new PhraseList(W.AT_A_TIME);
const qualifications = new PhraseList(W.QUALIFICATIONS);
const participants = new PhraseList(W.PARTICIPANTS);
const programmes = new PhraseList(W.PROGRAMMES);
const freedoms = new PhraseList(W.FREEDOMS);
const settings = new PhraseList(W.SETTINGS);
const styles = new PhraseList(W.STYLES);
const opening = new PhraseList(W.OPENING);
const equipment = new PhraseList(W.EQUIPMENT);
const limits = W.LIMITS.map((l) => words(l).map((w) => w.stem));

const stems = (list: readonly string[]): Set<string> => new Set(list.map(stem));
const frequencyUnits = stems(W.FREQUENCY_UNITS);
const deliveryVerbs = stems(W.DELIVERY_VERBS);
const hiringVerbs = stems(W.HIRING_VERBS);
const caseloadVerbs = stems(W.CASELOAD_VERBS);
const achieving = stems(W.ACHIEVING);
const programmeNouns = stems(W.PROGRAMME_NOUNS);
const venues = stems(W.VENUES);
const deadlineWords = stems(W.DEADLINE_WORDS);
const governance = stems(W.GOVERNANCE);
const reporting = stems(W.REPORTING);
const connectors = stems(W.CONNECTORS);
const articles = new Set(['a', 'an', 'the']);
const deliveredFrom = stems(W.DELIVERED_FROM);
const BREAKERS = stems(W.BREAKERS);
const VERBS = stems(W.PHRASE_VERBS);
const HOLDING = stems(W.HOLDING);
const NEGATIONS = new Set(W.NEGATIONS);
const LIMIT_AFTER = stems(W.LIMIT_AFTER);
const styled = stems(W.STYLED);
const describingProviders = new Set(W.DESCRIBING_PROVIDERS);
const offered = new PhraseList(W.OFFERED);
const offering = stems(W.OFFERING);
const MODALS = stems(['must', 'should', 'shall', 'will']);
const ONLY = stems(['only', 'solely', 'exclusively']);
const undertaking = new PhraseList(W.UNDERTAKING);
const namingNumbers = stems(W.NAMING_NUMBERS);
/** Characters that end a clause. */
const CLAUSE_BREAK = /[;,.:()!?\u2013\u2014]/;

/** Words [start, end) of a requirement that prescribe method. */
interface Part {
  readonly start: number;
  readonly end: number;
}

class Requirement {
  readonly ws: readonly Word[];
  /** The clause of each word: clauses are separated by punctuation. */
  readonly clause: number[];
  private readonly matches = new Map<PhraseList, Map<number, PhraseMatch>>();
  private readonly lastOf = new Map<object, Int32Array>();

  constructor(readonly text: string) {
    this.ws = words(text);
    const ws = this.ws;
    // "Adviser(s) who …": a plural in brackets is part of its word.
    const plural = (i: number, between: string): boolean =>
      (ws[i].text === 's' && between === '(') || (ws[i - 1].text === 's' && text[ws[i - 1].start - 1] === '(' && /^\)\s*$/.test(between));
    this.clause = clauseNumbers(text, ws, CLAUSE_BREAK, plural);
  }

  /** The match of a list starting at word i. */
  at(list: PhraseList, i: number): PhraseMatch | undefined {
    let byIndex = this.matches.get(list);
    if (!byIndex) {
      byIndex = new Map(list.find(this.ws).map((m) => [m.index, m]));
      this.matches.set(list, byIndex);
    }
    return byIndex.get(i);
  }

  all(list: PhraseList): PhraseMatch[] {
    this.at(list, -1);
    return [...this.matches.get(list)!.values()];
  }

  stem(i: number): string | undefined {
    return this.ws[i]?.stem;
  }

  same(i: number, j: number): boolean {
    return this.clause[i] !== undefined && this.clause[i] === this.clause[j];
  }

  isNumber(i: number): boolean {
    const w = this.ws[i];
    if (!w || !isNumberWord(w)) return false;
    if (/^(19|20)\d\d$/.test(w.text)) return false; // a year: "Care Act 2014"
    if (namingNumbers.has(this.ws[i - 1]?.stem ?? '')) return false; // a name: "Tier 3 services"
    return this.text[w.end] !== '%'; // a share, not a count
  }

  isCapitalised(i: number): boolean {
    const w = this.ws[i];
    return i > 0 && w !== undefined && /^\p{Lu}/u.test(w.text);
  }

  /** True when no breaking word lies strictly between i and j, and both are in one clause. */
  phrase(i: number, j: number): boolean {
    if (!this.same(i, j)) return false;
    for (let k = i + 1; k < j; k++) if (BREAKERS.has(this.ws[k].stem)) return false;
    return true;
  }

  /** The last word at or before word i whose stem is in the set; -1 if none. */
  lastIn(set: ReadonlySet<string>, i: number): number {
    return this.last(set, (k) => set.has(this.ws[k].stem), i);
  }

  /** The last match of a list that starts at or before word i; undefined if none. */
  lastMatch(list: PhraseList, i: number): PhraseMatch | undefined {
    return this.at(list, this.last(list, (k) => this.at(list, k) !== undefined, i));
  }

  /**
   * The last word at or before i that is a hit, from a table made once per question: a
   * requirement of thousands of words asks it for every word in it.
   */
  private last(question: object, hit: (k: number) => boolean, i: number): number {
    let table = this.lastOf.get(question);
    if (!table) {
      table = new Int32Array(this.ws.length);
      for (let k = 0; k < this.ws.length; k++) table[k] = hit(k) ? k : k > 0 ? table[k - 1] : -1;
      this.lastOf.set(question, table);
    }
    return i < 0 || this.ws.length === 0 ? -1 : table[Math.min(i, this.ws.length - 1)];
  }

  hasIn(set: ReadonlySet<string>, from: number, to: number): boolean {
    for (let k = Math.max(0, from); k < Math.min(to, this.ws.length); k++) if (set.has(this.ws[k].stem)) return true;
    return false;
  }

  negated(start: number): boolean {
    for (let k = Math.max(0, start - 5); k < start; k++) {
      if (!this.same(k, start)) continue;
      const word = this.ws[k].text.toLowerCase().replace(/’/g, "'");
      if (NEGATIONS.has(word) && !LIMIT_AFTER.has(this.stem(k + 1) ?? '')) return true;
    }
    return false;
  }

  /** The limit phrase ("no more than", "at least") that ends just before word i, if any. */
  limitBefore(i: number): number {
    for (const limit of limits) {
      const from = i - limit.length;
      if (from >= 0 && limit.every((s, k) => this.ws[from + k].stem === s) && this.same(from, i)) return from;
    }
    return i;
  }
}

/** A meeting or contact with the commissioner, or about contract management. */
function isGovernance(r: Requirement, start: number, end: number): boolean {
  // "report the number of sessions delivered each month"
  const reported = r.lastIn(reporting, start - 1);
  if (reported >= 0 && r.same(reported, start)) return true;
  // "contract meetings", "monitoring visits", "performance review meetings"
  for (let k = Math.max(0, start - 2); k < start; k++) if (governance.has(r.ws[k].stem) && r.same(k, start)) return true;
  // "… with the council", "… to the commissioner"
  for (let k = end; k < end + 3 && k < r.ws.length; k++) {
    if ((r.ws[k].stem === 'with' || r.ws[k].stem === 'to') && r.hasIn(governance, k + 1, k + 4) && r.same(k, end - 1)) return true;
  }
  return false;
}

function activityParts(r: Requirement): { parts: Part[]; activity: PhraseMatch[] } {
  const parts: Part[] = [];
  const activity = r
    .all(activities)
    // "meet the contract manager" is a verb; "meetings" the activity.
    .filter((m) => !/^meets?$/i.test(m.words[0].text))
    .filter((m) => !isGovernance(r, m.index, m.index + m.words.length));
  for (const m of activity) {
    const end = m.index + m.words.length;
    // A count: "12 weekly sessions", "3 hours", "a 10-week course".
    for (let i = m.index; i >= m.index - 4 && i >= 0; i--) {
      if (!r.isNumber(i) || !r.phrase(i, m.index)) continue;
      if (deadlineWords.has(r.stem(i - 1) ?? '')) break; // "within 48 hours"
      let last = end;
      // "… a week", "… per month"
      if (['a', 'per', 'each', 'every'].includes(r.stem(end) ?? '') && frequencyUnits.has(r.stem(end + 1) ?? '') && r.same(end, end + 1)) last = end + 2;
      parts.push({ start: i, end: last });
      break;
    }
  }
  return { parts, activity };
}

function frequencyParts(r: Requirement, activity: PhraseMatch[]): Part[] {
  const parts: Part[] = [];
  const found: Part[] = r.all(frequencies).map((m) => ({ start: m.index, end: m.index + m.words.length }));
  for (let i = 0; i < r.ws.length; i++) {
    // "every 2 weeks"
    if (r.stem(i) === 'every' && r.isNumber(i + 1) && frequencyUnits.has(r.stem(i + 2) ?? '')) found.push({ start: i, end: i + 3 });
    // "3 times a week"
    if (r.isNumber(i) && r.stem(i + 1) === 'time' && ['a', 'per', 'each', 'every'].includes(r.stem(i + 2) ?? '') && frequencyUnits.has(r.stem(i + 3) ?? '')) {
      found.push({ start: i, end: i + 4 });
    }
  }
  // The activities by where they start, and the longest: each frequency looks at the few words around it.
  const activityAt = new Map(activity.map((m) => [m.index, m]));
  const longest = activity.reduce((most, m) => Math.max(most, m.words.length), 0);
  const firstActivity = (from: number, to: number, fits: (m: PhraseMatch) => boolean): PhraseMatch | undefined => {
    for (let k = Math.max(0, from); k <= to; k++) {
      const m = activityAt.get(k);
      if (m && fits(m)) return m;
    }
    return undefined;
  };
  for (const f of found) {
    if (isGovernance(r, f.start, f.end)) continue;
    // Attached to an activity: "weekly sessions", "sessions every week".
    const after = firstActivity(f.end, f.end + 2, (m) => r.phrase(f.end - 1, m.index));
    const before = firstActivity(f.start - 4 - longest, f.start - 1, (m) => m.index + m.words.length >= f.start - 4 && r.same(m.index, f.start));
    if (after) {
      parts.push({ start: f.start, end: after.index + after.words.length });
      continue;
    }
    if (before) {
      // "sessions every week"; but only "every 2 weeks" from "sessions must run every 2 weeks".
      const end = before.index + before.words.length;
      parts.push({ start: r.hasIn(VERBS, end, f.start) ? f.start : before.index, end: f.end });
      continue;
    }
    // After a verb of delivery, with nothing about the contract between: "visit each family fortnightly".
    for (let v = f.start - 1; v >= f.start - 8 && v >= 0; v--) {
      if (!r.same(v, f.start)) break;
      if (governance.has(r.ws[v].stem)) break;
      if (deliveryVerbs.has(r.ws[v].stem)) {
        if (!r.hasIn(governance, f.end, f.end + 3)) parts.push({ start: v, end: f.end });
        break;
      }
    }
  }
  return parts;
}

function staffingParts(r: Requirement): Part[] {
  const parts: Part[] = [];
  // Where the last staff word starting in [from, to] ends (each call looks at a few words).
  const staffEnding = (from: number, to: number, fits: (k: number) => boolean = () => true): number | undefined => {
    let best: number | undefined;
    for (let k = Math.max(0, from); k <= to; k++) {
      const m = r.at(staff, k);
      if (m && fits(k)) best = k + m.words.length;
    }
    return best;
  };
  for (let i = 0; i < r.ws.length; i++) {
    // Staffing numbers: "45 full-time equivalent reablement workers".
    if (r.isNumber(i)) {
      const end = staffEnding(i + 1, i + 4, (k) => r.phrase(i, k));
      if (end !== undefined) parts.push({ start: i, end });
      // A caseload: "15 families at a time".
      for (let k = i + 1; k <= i + 3; k++) {
        const c = r.at(cases, k);
        if (!c || !r.phrase(i, k)) continue;
        const t = r.at(atATime, k + c.words.length);
        if (t) parts.push({ start: i, end: k + c.words.length + t.words.length });
        else if (r.hasIn(caseloadVerbs, i - 4, i)) parts.push({ start: i, end: k + c.words.length });
        break;
      }
      // A ratio: "1:10", "a 1:10 staff ratio".
      if (r.isNumber(i + 1) && /^\s*:\s*$/.test(r.text.slice(r.ws[i].end, r.ws[i + 1].start))) {
        const ratioWord = [i + 2, i + 3, i + 4].find((k) => r.stem(k) === 'ratio' && r.same(i, k));
        const timeOfDay = /^(am|pm)$/i.test(r.ws[i + 2]?.text ?? '');
        if (!timeOfDay && (r.ws[i].text === '1' || ratioWord !== undefined)) parts.push({ start: i, end: (ratioWord ?? i + 1) + 1 });
      }
    }
    // "for every 10 workers", "per 15 families".
    const per = r.stem(i) === 'for' && r.stem(i + 1) === 'every' ? i + 2 : r.stem(i) === 'per' ? i + 1 : -1;
    if (per > 0 && r.isNumber(per)) {
      let start = i;
      for (let k = i - 1; k >= i - 4 && k >= 0; k--) if (r.isNumber(k) && r.phrase(k, i)) start = k;
      const staffBefore = start < i && staffEnding(start, i) !== undefined;
      const staffAfter = staffEnding(per + 1, per + 3);
      const casesAfter = [per + 1, per + 2].map((k) => r.at(cases, k)).find((m) => m);
      if (staffBefore || staffAfter !== undefined) {
        const end = Math.max(staffAfter ?? 0, casesAfter ? casesAfter.index + casesAfter.words.length : 0, per + 1);
        parts.push({ start, end });
      }
    }
    // Hiring: "must employ a full-time coordinator".
    if (hiringVerbs.has(r.ws[i].stem)) {
      const end = staffEnding(i + 1, i + 5, (k) => r.phrase(i, k));
      if (end !== undefined) parts.push({ start: i + 1, end });
    }
  }
  // Caseloads and ratios: "caseloads of no more than 15".
  for (const m of r.all(caseload)) {
    const end = m.index + m.words.length;
    for (let k = m.index - 5; k <= end + 8; k++) {
      if (k < 0 || !r.isNumber(k) || !r.same(k, m.index)) continue;
      if (k < m.index) parts.push({ start: k, end });
      else {
        const c = r.at(cases, k + 1) ?? r.at(staff, k + 1);
        parts.push({ start: m.index, end: c ? k + 1 + c.words.length : k + 1 });
      }
      break;
    }
  }
  return parts;
}

function qualificationParts(r: Requirement): Part[] {
  const parts: Part[] = [];
  for (const q of r.all(qualifications)) {
    const qEnd = q.index + q.words.length;
    // "qualified social workers", "accredited practitioners"
    const next = [qEnd, qEnd + 1, qEnd + 2].map((k) => r.at(staff, k)).find((m) => m && r.phrase(q.index, m.index));
    if (next) {
      parts.push({ start: q.index, end: next.index + next.words.length });
      continue;
    }
    // "Every key worker must hold a Level 4 qualification": the staff are the subject.
    const subject = r.lastMatch(staff, q.index - 1);
    if (!subject || !r.same(subject.index, q.index)) continue;
    const between = (r.lastMatch(participants, q.index - 1)?.index ?? -1) > subject.index;
    if (between || r.hasIn(achieving, q.index - 3, q.index)) continue;
    let start = q.index;
    // "a Level 4 qualification"
    if (r.isNumber(start - 1) && r.stem(start - 2) === 'level') start -= 2;
    // "2 years' experience", "3 years of experience"
    if (q.words[0].stem === 'experience') {
      const of = r.stem(start - 1) === 'of' ? 1 : 0;
      if (r.stem(start - 1 - of) === 'year' && r.isNumber(start - 2 - of)) start -= 2 + of;
    }
    if (q.words[0].stem === 'qualifi' && start === q.index) {
      // "workers must be qualified": quote from the staff noun.
      start = subject.index;
    }
    // "a relevant degree", "lived experience": up to two words before it.
    for (let k = 0; k < 2 && start === q.index - k && start > subject.index + subject.words.length; k++) {
      const before = r.ws[start - 1];
      if (!r.same(start - 1, start) || BREAKERS.has(before.stem) || HOLDING.has(before.stem) || articles.has(before.stem)) break;
      start--;
    }
    // "trained to Level 2 standards"
    let end = qEnd;
    if (r.stem(end) === 'level' && /^\d/.test(r.ws[end + 1]?.text ?? '')) end += r.stem(end + 2) === 'standard' ? 3 : 2;
    parts.push({ start, end });
  }
  return parts;
}

function programmeParts(r: Requirement): Part[] {
  const parts: Part[] = [];
  const covered = new Set<number>();
  for (const p of r.all(programmes)) {
    // "Housing First" the model, not "find housing first".
    if (!/^\p{Lu}/u.test(p.words[0].text) && /^\p{Lu}/u.test(p.phrase)) continue;
    if (describesProviders(r, p.index)) continue;
    let end = p.index + p.words.length;
    // "Triple P parenting programme"
    for (let k = end; k <= end + 2 && k < r.ws.length; k++) {
      if (!r.same(p.index, k) || BREAKERS.has(r.ws[k].stem) || articles.has(r.ws[k].stem)) break;
      if (programmeNouns.has(r.ws[k].stem)) {
        end = k + 1;
        break;
      }
    }
    for (let k = p.index; k < end; k++) covered.add(k);
    parts.push({ start: p.index, end });
  }
  // A capitalised name before a programme noun: "the Peterborough model".
  for (let n = 0; n < r.ws.length; n++) {
    if (!programmeNouns.has(r.ws[n].stem) || covered.has(n)) continue;
    if (governance.has(r.stem(n - 1) ?? '')) continue; // "the MoJ payment model"
    let start = -1;
    for (let k = n - 1; k >= n - 3 && k >= 0 && r.same(k, n); k--) {
      if (r.isCapitalised(k)) start = k;
      else if (start >= 0 ? !['of', 'and'].includes(r.ws[k].stem) : BREAKERS.has(r.ws[k].stem) || articles.has(r.ws[k].stem)) break;
    }
    if (start >= 0 && !describesProviders(r, start)) parts.push({ start, end: n + 1 });
  }
  return parts;
}

/** True when the programme at word i says which providers are meant: "Providers delivering the Work programme are required to …". */
function describesProviders(r: Requirement, i: number): boolean {
  const verb = r.stem(i - 1) === 'the' ? i - 2 : i - 1;
  return describingProviders.has(r.ws[verb]?.text.toLowerCase() ?? '') && r.stem(verb - 1) === 'provider';
}

/** Where or how the service is delivered: "face-to-face contact", "in their home", "within a GP practice". */
function settingParts(r: Requirement): Part[] {
  return r.all(settings).flatMap((m) => {
    const end = m.index + m.words.length;
    if (isGovernance(r, m.index, end)) return [];
    // "face-to-face contact": the activity it describes, quoted with it.
    const activity = r.at(activities, end);
    return [{ start: m.index, end: activity ? end + activity.words.length : end }];
  });
}

/** The style or intensity of the work: "a persistent, assertive and challenging approach", "practical 'hands on' support". */
function styleParts(r: Requirement): Part[] {
  const parts: Part[] = [];
  for (const m of r.all(styles)) {
    const from = m.index + m.words.length;
    for (let k = from; k < from + 5 && k < r.ws.length; k++) {
      // Commas may list styles ("persistent, assertive and challenging"); other punctuation ends the phrase.
      if (/[;.:()!?]/.test(r.text.slice(r.ws[k - 1].end, r.ws[k].start))) break;
      if (BREAKERS.has(r.ws[k].stem) && !['and', 'or'].includes(r.ws[k].stem)) break;
      if (styled.has(r.ws[k].stem)) {
        // "a written Service Plan": to the last word of the noun.
        let end = k + 1;
        while (end < r.ws.length && styled.has(r.ws[end].stem) && r.same(k, end)) end++;
        if (!isGovernance(r, m.index, end)) parts.push({ start: m.index, end });
        break;
      }
    }
  }
  return parts;
}

/** When the service is open: "opening hours", "8am – 6pm", "06.30 to 22.00", "seven days a week". */
function openingParts(r: Requirement): Part[] {
  const parts: Part[] = r.all(opening).map((m) => ({ start: m.index, end: m.index + m.words.length }));
  for (let i = 0; i < r.ws.length; i++) {
    const end = timeOfDay(r, i);
    if (end === undefined) continue;
    // A range: "8am – 6pm", "06.30 to 22.00".
    let last = end;
    for (let k = end; k <= end + 2 && k < r.ws.length; k++) {
      const next = timeOfDay(r, k);
      if (next !== undefined) {
        last = next;
        break;
      }
    }
    // "from 9am to 5pm"
    const start = ['from', 'between'].includes(r.stem(i - 1) ?? '') ? i - 1 : i;
    if (last > end || /^\d+(am|pm)$/i.test(r.ws[end - 1].text)) parts.push({ start, end: last });
    i = last - 1;
  }
  return parts.filter((p) => !isGovernance(r, p.start, p.end));
}

/** The end of a time of day that starts at word i ("8am", "8.00am", "22.00"), or undefined. */
function timeOfDay(r: Requirement, i: number): number | undefined {
  const w = r.ws[i];
  if (!w) return undefined;
  if (/^\d{1,2}(am|pm)$/i.test(w.text)) return i + 1;
  const next = r.ws[i + 1];
  if (!/^\d{1,2}$/.test(w.text) || !next || !/^[.:]$/.test(r.text.slice(w.end, next.start))) return undefined;
  if (Number(w.text) > 24 || !/^[0-5]\d(am|pm)?$/i.test(next.text)) return undefined;
  return i + 2;
}

/** An activity that must be offered or given: "a fasting glucose test should be offered to patients with …". */
function offeredParts(r: Requirement): Part[] {
  const parts: Part[] = [];
  for (let i = 0; i + 2 < r.ws.length; i++) {
    if (!MODALS.has(r.ws[i].stem) || r.stem(i + 1) !== 'be' || !offering.has(r.ws[i + 2].stem) || !r.same(i, i + 2)) continue;
    const what = r.lastMatch(offered, i - 1);
    if (what && what.index >= i - 4 && r.same(what.index, i)) {
      let start = what.index;
      while (start > 0 && r.same(start - 1, what.index) && !BREAKERS.has(r.ws[start - 1].stem) && !articles.has(r.ws[start - 1].stem) && start > what.index - 3) start--;
      parts.push({ start, end: what.index + what.words.length });
    }
  }
  return parts;
}

/** An activity put on the provider: "to undertake the Intervention consultation", "deliver group sessions". */
function undertakingParts(r: Requirement, activity: readonly PhraseMatch[]): Part[] {
  const parts: Part[] = [];
  const activityAt = new Map(activity.map((a) => [a.index, a]));
  for (const v of r.all(undertaking)) {
    const from = v.index + v.words.length;
    let what: PhraseMatch | undefined;
    for (let k = from; k <= from + 3 && !what; k++) {
      const a = activityAt.get(k);
      if (a && r.phrase(v.index, a.index)) what = a;
    }
    if (what && !isGovernance(r, what.index, what.index + what.words.length)) parts.push({ start: from, end: what.index + what.words.length });
  }
  return parts;
}

/** A schedule of contact: "weekly for 4 weeks; 2 weekly until birth of the baby". */
function scheduleParts(r: Requirement): Part[] {
  const parts: Part[] = [];
  for (const f of r.all(frequencies)) {
    const end = f.index + f.words.length;
    const next = r.stem(end);
    if (!r.same(f.index, end)) continue;
    if (next === 'until' || (next === 'for' && r.isNumber(end + 1))) parts.push({ start: f.index, end: next === 'for' ? end + 3 : end + 1 });
  }
  return parts.filter((p) => !isGovernance(r, p.start, p.end));
}

/** Staff limited to one role: "Employment specialists provide only vocational services". */
function roleParts(r: Requirement): Part[] {
  const parts: Part[] = [];
  for (const m of r.all(staff)) {
    const end = m.index + m.words.length;
    for (let k = end; k <= end + 2 && k < r.ws.length; k++) {
      if (ONLY.has(r.ws[k].stem) && r.same(m.index, k)) {
        parts.push({ start: m.index, end: Math.min(r.ws.length, k + 3) });
        break;
      }
    }
  }
  return parts;
}

/** Equipment the provider must have: "a blood pressure monitor and an ABPM device". */
function equipmentParts(r: Requirement): Part[] {
  return r.all(equipment).map((m) => {
    let start = m.index;
    // "an ABPM device", "a dial-a-ride minibus": the name or kind before it.
    while (start > 0 && r.same(start - 1, m.index) && (r.isCapitalised(start - 1) || r.ws[start - 1].text.includes('-'))) start--;
    // "minibus service": the service it is for.
    let end = m.index + m.words.length;
    if (styled.has(r.stem(end) ?? '') && r.same(end, m.index)) end++;
    return { start, end };
  });
}

function venueParts(r: Requirement): Part[] {
  const parts: Part[] = [];
  for (let v = 1; v < r.ws.length; v++) {
    if (!venues.has(r.ws[v].stem)) continue;
    for (let p = v - 1; p >= v - 5 && p >= 0 && r.same(p, v); p--) {
      const word = r.ws[p].stem;
      if (['at', 'in', 'from'].includes(word)) {
        // "referrals from the Transfer of Care Hub" is a route in, not a venue.
        if (word === 'from' && !deliveredFrom.has(r.stem(p - 1) ?? '')) break;
        let named = false;
        for (let k = p + 1; k <= v; k++) if (r.isCapitalised(k) || /^council['’]s$/i.test(r.ws[k].text)) named = true;
        if (named && !isGovernance(r, p + 1, v + 1)) parts.push({ start: p + 1, end: v + 1 });
        break;
      }
      if (BREAKERS.has(word) || ['to', 'by', 'for', 'of', 'on'].includes(word)) break;
    }
  }
  return parts;
}


/** The phrases of a requirement that prescribe method, as written; empty when there are none. */
export const prescribedMethod: (text: string) => readonly string[] = memoByText(findPrescribedMethod);

function findPrescribedMethod(text: string): string[] {
  const r = new Requirement(text);
  if (r.ws.length === 0) return [];
  // A clause that names a legal or safety duty is left alone: it belongs in a `standard`.
  const skip = new Set(dutyWords(r.ws).map((i) => r.clause[i]));
  for (const m of r.all(freedoms)) skip.add(r.clause[m.index]);

  const { parts: counts, activity } = activityParts(r);
  const parts = [
    ...counts,
    ...frequencyParts(r, activity),
    ...staffingParts(r),
    ...qualificationParts(r),
    ...programmeParts(r),
    ...venueParts(r),
    ...settingParts(r),
    ...styleParts(r),
    ...openingParts(r),
    ...equipmentParts(r),
    ...offeredParts(r),
    ...roleParts(r),
    ...undertakingParts(r, activity),
    ...scheduleParts(r),
  ]
    .filter((p) => !skip.has(r.clause[p.start]) && !skip.has(r.clause[p.end - 1]) && !r.negated(p.start))
    .sort((a, b) => a.start - b.start || b.end - a.end);

  // Join parts that overlap, or that only small words separate: "12 weekly sessions of the Triple P programme".
  const merged: Part[] = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    const bridged = (from: number, to: number): boolean => {
      if (to - from > 3 || !r.same(from - 1, to)) return false;
      for (let k = from; k < to; k++) if (!connectors.has(r.ws[k].stem)) return false;
      return true;
    };
    // "Individual Placement and Support (IPS)": the abbreviation is the same programme.
    const abbreviation = last && p.start === last.end && p.end === p.start + 1 && /^\s*\(\s*$/.test(text.slice(r.ws[last.end - 1].end, r.ws[p.start].start));
    if (last && (p.start < last.end || (p.start === last.end && r.same(last.end - 1, p.start)) || abbreviation || bridged(last.end, p.start))) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, p.end) };
    else merged.push(p);
  }
  return merged.map((p) => {
    let start = r.limitBefore(p.start);
    if (start === p.start && articles.has(r.stem(start - 1) ?? '') && r.same(start - 1, start)) start--;
    let end = r.ws[p.end - 1].end;
    // An opening bracket quoted is closed: "(IPS)".
    if (text.slice(r.ws[start].start, end).split('(').length > text.slice(r.ws[start].start, end).split(')').length && /^\s*\)/.test(text.slice(end))) end = text.indexOf(')', end) + 1;
    return text.slice(r.ws[start].start, end).replace(/\s+/g, ' ');
  });
}

/** The phrases as a list in a sentence, each once: "IPS" twice, or "Individual Placement and Support (IPS)", is one. */
function list(items: readonly string[]): string {
  const abbreviated = new Set(items.flatMap((item) => [...item.matchAll(/\(([^()]+)\)/g)].map((m) => m[1])));
  const seen = new Set<string>();
  const once = items.filter((item) => {
    const key = item.toLowerCase();
    if (seen.has(key) || abbreviated.has(item)) return false;
    seen.add(key);
    return true;
  });
  return once.length <= 1 ? once.join('') : `${once.slice(0, -1).join(', ')} and ${once[once.length - 1]}`;
}

export const rule = defineRule({
  meta: {
    id: 'over-prescription/method',
    family: 'over-prescription',
    severity: 'warning',
    summary: 'A `requirement` prescribes how the provider must work: sessions, frequencies, staffing, a named programme or venue.',
    rationale:
      'An outcomes specification buys a change in people\'s lives and leaves the provider free to find the best ' +
      'way to bring it about. A requirement that fixes the number of sessions, how often they run, how many ' +
      'staff with which qualifications, which programme or which building turns the contract back into one for ' +
      'inputs: the provider is paid to follow the recipe even when it is not working, cannot adapt to the people ' +
      'in front of it, and the commissioner carries the risk that the method was wrong. Say what should change ' +
      'for people (an `outcome`) and leave the method to the provider. Legal and safety duties (safeguarding, DBS ' +
      'checks, data protection, health and safety) are not method: they belong in a `standard`, and this rule ' +
      'leaves them alone.',
    evidence: [
      fromReport(
        'The challenge of getting better at outcomes based commissioning (particularly getting state organisations to stop specifying how as well as what)',
        'Session One, roundtable (key issues raised in discussion)',
      ),
      fromReport(
        'Localism could be very powerful in supporting the design of more creative programmes and partnerships if decisions and power are devolved and judgement is privileged over close prescription',
        'Session One, Theme 2 (partnerships and subcontracting)',
      ),
    ],
    examples: {
      fires:
        'use "shared.outcome"\n\noutcome sustained_job "Sustained employment" {\n  for neet\n  measure "26 weeks in paid work"\n}\n\n' +
        'requirement "The provider must deliver 10 weekly group workshops of 2 hours"\n',
      passes:
        'use "shared.outcome"\n\noutcome sustained_job "Sustained employment" {\n  for neet\n  measure "26 weeks in paid work"\n}\n\n' +
        'requirement "The provider must share the case-level data needed to verify claims with the council"\n' +
        'standard "Keeping Children Safe in Education safeguarding duties"\n',
      fix:
        'Say what should change for people as an `outcome`, and leave how to the provider. The quick fix turns ' +
        'the requirement into an outcome to fill in. A legal or safety duty belongs in a `standard`.',
    },
  },
  check({ facts, read, report }) {
    const ids = freeOutcomeIds(facts);
    for (const item of facts.textItems('requirement')) {
      const text = read(item.text);
      if (text === undefined) continue;
      const prescribed = prescribedMethod(text);
      if (prescribed.length === 0) continue;
      report({
        at: item.span,
        message: `this requirement prescribes how to work (${list(prescribed)}): say what should change for people, and leave how to the provider`,
        suggestions: [toOutcome(facts, item, text, ids.next().value)],
      });
    }
  },
});

/** `new_outcome`, `new_outcome_2`, … skipping ids the spec already defines: one for each stub. */
function* freeOutcomeIds(facts: SpecFacts): Generator<string, never> {
  for (let k = 1; ; k++) {
    const id = k === 1 ? 'new_outcome' : `new_outcome_${k}`;
    if (!facts.model.definitions.has(id)) yield id;
  }
}

/** Replaces the requirement with an outcome stub that keeps its text as the title. */
function toOutcome(facts: SpecFacts, item: ast.TextItem, text: string, id: string): Fix {
  const cohort =
    facts.cohorts.find((c) => c.name)?.name?.text ??
    [...facts.model.definitions.values()].find((d) => d.kind === 'cohort')?.name.text;
  const title = text.trim().replace(/\s+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const lines = [`outcome ${id} "${title}" {`, ...(cohort ? [`  for ${cohort}`] : []), '  measure "…"', '}'];
  return { title: `Turn this requirement into an outcome to fill in (\`outcome ${id}\`)`, edits: [facts.edits.replaceItem(item, lines)] };
}
