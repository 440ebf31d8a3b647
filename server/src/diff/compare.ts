import { Severity } from '../base/diagnostic';
import { formatMoney, numberText } from '../base/wording';
import {
  EntityKind,
  EntitySnapshot,
  FieldValue,
  Fields,
  FindingSnapshot,
  Money,
  moneyText,
  PriceSnapshot,
  REFERENCE_FIELDS,
  SectionName,
  SpecSnapshot,
  Target,
} from './snapshot';

/*
 * What changed between two snapshots of a spec, in its own terms: definitions added,
 * removed, renamed or changed field by field; prices; the money figures; other
 * blocks; findings introduced and resolved. docs/diff.md describes the output.
 *
 * Renames. Ids are what a spec's parts refer to each other by, so an id that
 * disappears while another of the same kind appears may be the same thing renamed.
 * A removed and an added definition of the same kind are a *rename candidate* when
 *
 *   - their titles are the same, or
 *   - (outcomes) their measures are the same, or
 *   - every field but the title is the same, and at least one is given,
 *
 * comparing texts without regard to case or runs of white space, and references
 * (`for`, a segment's cohort) through the renames already found: cohorts are matched
 * first, then segments, then outcomes. A candidate's *score* is the number of fields
 * (title included) given and equal in both. A pair is a rename when each is the
 * other's one best-scoring candidate; pairing repeats until no more pairs form.
 * Anything else (no candidate, or a tie for best) is a removal and an addition.
 * References are compared through the renames, so renaming a cohort does not show as
 * a change to every outcome that is for it, and its findings are not "resolved" and
 * "introduced" again.
 */

export interface FieldChange {
  readonly field: string;
  /** For a single value: before and after (one of them absent when added or removed). */
  readonly before?: string;
  readonly after?: string;
  /** For a list: the items added and removed. */
  readonly added?: readonly string[];
  readonly removed?: readonly string[];
}

export interface DefinitionChange {
  readonly kind: EntityKind;
  readonly change: 'added' | 'removed' | 'changed' | 'renamed';
  /** The id now (for a removal, the id it had). */
  readonly id: string;
  /** The id it had, for a rename. */
  readonly oldId?: string;
  /** Why a rename was recognised: `same title`, `same measure` or `same fields`. */
  readonly renamedBecause?: string;
  readonly title?: string;
  /** For a segment, its cohort. */
  readonly cohort?: string;
  /** For changes and renames, field by field. For additions and removals, empty. */
  readonly fields: readonly FieldChange[];
}

export interface PriceChange {
  readonly change: 'added' | 'removed' | 'changed';
  readonly outcome: string | undefined;
  readonly segment: string | undefined;
  readonly perParticipant: boolean;
  readonly threshold: string | undefined;
  readonly before?: string;
  readonly after?: string;
  /** `+£500 (+10.0%)`, when both amounts are known and in the same currency. */
  readonly difference?: string;
  /** Other parts of the line that changed: `per participant`, `threshold`. */
  readonly fields: readonly FieldChange[];
}

export type FigureName = 'budget' | 'maximum' | 'total' | 'cap' | 'headroom' | 'upfront' | 'commitment';

export interface Figure {
  readonly name: FigureName;
  readonly label: string;
  readonly before?: string;
  readonly after?: string;
  readonly difference?: string;
  readonly changed: boolean;
}

export interface FindingChange {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** What it is about, in words: "outcome `housed`", "the price for `desistance`". */
  readonly target: string;
}

export interface SectionChange {
  readonly section: SectionName;
  readonly fields: readonly FieldChange[];
}

export interface SnapshotDiff {
  readonly figures: readonly Figure[];
  readonly prices: readonly PriceChange[];
  readonly definitions: readonly DefinitionChange[];
  readonly sections: readonly SectionChange[];
  readonly findings: { readonly introduced: readonly FindingChange[]; readonly resolved: readonly FindingChange[] };
  /** Old id → new id, for every rename. */
  readonly renames: Readonly<Record<string, string>>;
}

export function hasChanges(diff: SnapshotDiff): boolean {
  return (
    diff.figures.some((f) => f.changed) ||
    diff.prices.length > 0 ||
    diff.definitions.length > 0 ||
    diff.sections.length > 0 ||
    diff.findings.introduced.length > 0 ||
    diff.findings.resolved.length > 0
  );
}

export function compareSnapshots(before: SpecSnapshot, after: SpecSnapshot): SnapshotDiff {
  const renames = new Map<string, string>();
  const definitions = compareDefinitions(before.entities, after.entities, renames);
  const rename = (id: string | undefined): string | undefined => (id === undefined ? undefined : (renames.get(id) ?? id));
  return {
    figures: compareFigures(before, after),
    prices: comparePrices(before.prices, after.prices, rename),
    definitions,
    sections: compareSections(before, after),
    findings: compareFindings(before.findings, after.findings, rename),
    renames: Object.fromEntries(renames),
  };
}

// ── fields ────────────────────────────────────────────────────────────────────

/** The changes between two sets of fields, in the order they are listed. */
export function compareFields(before: Fields, after: Fields): FieldChange[] {
  const names = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
  const changes: FieldChange[] = [];
  for (const field of names) {
    const b = before[field];
    const a = after[field];
    if (Array.isArray(b) || Array.isArray(a)) {
      const oldList = listOf(b);
      const newList = listOf(a);
      const added = minus(newList, oldList);
      const removed = minus(oldList, newList);
      if (added.length > 0 || removed.length > 0) {
        changes.push({ field, ...(added.length > 0 ? { added } : {}), ...(removed.length > 0 ? { removed } : {}) });
      }
    } else if (b !== a) {
      changes.push({ field, ...(b !== undefined ? { before: b as string } : {}), ...(a !== undefined ? { after: a as string } : {}) });
    }
  }
  return changes;
}

function listOf(value: FieldValue | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

/** Items of `a` not matched by an item of `b` (as multisets). */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  const result: string[] = [];
  for (const item of a) {
    const at = left.indexOf(item);
    if (at >= 0) left.splice(at, 1);
    else result.push(item);
  }
  return result;
}

// ── definitions and renames ───────────────────────────────────────────────────

const KINDS: readonly EntityKind[] = ['cohort', 'segment', 'outcome'];

/** An entity's fields with the ids it refers to put through the renames. */
function mapped(entity: EntitySnapshot, renames: ReadonlyMap<string, string>): Fields {
  const fields: Record<string, FieldValue | undefined> = { ...entity.fields };
  for (const name of REFERENCE_FIELDS[entity.kind]) {
    const value = fields[name];
    if (typeof value === 'string') fields[name] = renames.get(value) ?? value;
    else if (value) fields[name] = [...new Set(value.map((v) => renames.get(v) ?? v))].sort();
  }
  return fields;
}

const normal = (value: FieldValue | undefined): string | undefined =>
  value === undefined ? undefined : (typeof value === 'string' ? value : value.join('\u0000')).replace(/\s+/g, ' ').trim().toLowerCase();

interface Candidate {
  readonly removed: EntitySnapshot;
  readonly added: EntitySnapshot;
  readonly score: number;
  readonly because: string;
}

/** Whether two definitions of one kind may be one renamed, and how alike they are. */
function candidate(removed: EntitySnapshot, before: Fields, added: EntitySnapshot, after: Fields): Candidate | undefined {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const equal = (name: string): boolean => normal(before[name]) !== undefined && normal(before[name]) === normal(after[name]);
  const score = names.filter(equal).length;
  let because: string | undefined;
  if (equal('title')) because = 'same title';
  else if (removed.kind === 'outcome' && equal('measure')) because = 'same measure';
  else {
    const rest = names.filter((n) => n !== 'title');
    if (rest.some((n) => before[n] !== undefined) && rest.every((n) => normal(before[n]) === normal(after[n]))) because = 'same fields';
  }
  return because ? { removed, added, score, because } : undefined;
}

/** Pairs each removed definition with an added one when each is the other's single best candidate. */
function matchRenames(candidates: readonly Candidate[]): Candidate[] {
  const pairs: Candidate[] = [];
  let open = [...candidates];
  for (;;) {
    const bestFor = (side: 'removed' | 'added', entity: EntitySnapshot): Candidate | undefined => {
      const mine = open.filter((c) => c[side] === entity);
      const top = Math.max(...mine.map((c) => c.score));
      const best = mine.filter((c) => c.score === top);
      return best.length === 1 ? best[0] : undefined;
    };
    const formed = open.filter((c) => bestFor('removed', c.removed) === c && bestFor('added', c.added) === c);
    if (formed.length === 0) return pairs;
    pairs.push(...formed);
    open = open.filter((c) => !formed.some((f) => f.removed === c.removed || f.added === c.added));
  }
}

function compareDefinitions(before: readonly EntitySnapshot[], after: readonly EntitySnapshot[], renames: Map<string, string>): DefinitionChange[] {
  const key = (e: EntitySnapshot): string => `${e.kind}:${e.id}`;
  const oldByKey = new Map(before.map((e) => [key(e), e]));
  const newByKey = new Map(after.map((e) => [key(e), e]));
  const renamedFrom = new Map<EntitySnapshot, Candidate>();

  for (const kind of KINDS) {
    const removed = before.filter((e) => e.kind === kind && !newByKey.has(key(e)));
    const added = after.filter((e) => e.kind === kind && !oldByKey.has(key(e)));
    const candidates: Candidate[] = [];
    for (const r of removed) {
      const fields = mapped(r, renames);
      for (const a of added) {
        const c = candidate(r, fields, a, a.fields);
        if (c) candidates.push(c);
      }
    }
    for (const pair of matchRenames(candidates)) {
      renames.set(pair.removed.id, pair.added.id);
      renamedFrom.set(pair.added, pair);
    }
  }

  const renamedOld = new Set([...renamedFrom.values()].map((c) => c.removed));
  const changes: DefinitionChange[] = [];
  const describe = (e: EntitySnapshot) => ({
    ...(e.title !== undefined ? { title: e.title } : {}),
    ...(e.kind === 'segment' && typeof e.fields.cohort === 'string' ? { cohort: e.fields.cohort } : {}),
  });
  for (const now of after) {
    const rename = renamedFrom.get(now);
    const old = rename ? rename.removed : oldByKey.get(key(now));
    if (!old) {
      changes.push({ kind: now.kind, change: 'added', id: now.id, ...describe(now), fields: [] });
      continue;
    }
    const fields = compareFields(mapped(old, renames), now.fields);
    if (rename) {
      changes.push({ kind: now.kind, change: 'renamed', id: now.id, oldId: old.id, renamedBecause: rename.because, ...describe(now), fields });
    } else if (fields.length > 0) {
      changes.push({ kind: now.kind, change: 'changed', id: now.id, ...describe(now), fields });
    }
  }
  for (const old of before) {
    if (!newByKey.has(key(old)) && !renamedOld.has(old)) changes.push({ kind: old.kind, change: 'removed', id: old.id, ...describe(old), fields: [] });
  }
  const order = (c: DefinitionChange): number => KINDS.indexOf(c.kind);
  return changes.sort((a, b) => order(a) - order(b));
}

// ── prices ────────────────────────────────────────────────────────────────────

function comparePrices(
  before: readonly PriceSnapshot[],
  after: readonly PriceSnapshot[],
  rename: (id: string | undefined) => string | undefined,
): PriceChange[] {
  const old = before.map((p) => ({ ...p, outcome: rename(p.outcome), segment: rename(p.segment) }));
  const group = (p: PriceSnapshot): string => `${p.outcome ?? ''}\u0000${p.segment ?? ''}`;
  const unmatched = [...old];
  const pairs: [PriceSnapshot, PriceSnapshot][] = [];
  const added: PriceSnapshot[] = [];
  // A line is the same line when it prices the same outcome for the same group:
  // first with the same `per participant` and threshold, then in order.
  const take = (now: PriceSnapshot, exact: boolean): PriceSnapshot | undefined => {
    const at = unmatched.findIndex(
      (p) => group(p) === group(now) && (!exact || (p.perParticipant === now.perParticipant && p.threshold === now.threshold)),
    );
    return at >= 0 ? unmatched.splice(at, 1)[0] : undefined;
  };
  const rest: PriceSnapshot[] = [];
  for (const now of after) {
    const match = take(now, true);
    if (match) pairs.push([match, now]);
    else rest.push(now);
  }
  for (const now of rest) {
    const match = take(now, false);
    if (match) pairs.push([match, now]);
    else added.push(now);
  }

  const changes: PriceChange[] = [];
  const line = (p: PriceSnapshot) => ({ outcome: p.outcome, segment: p.segment, perParticipant: p.perParticipant, threshold: p.threshold });
  for (const [was, now] of pairs) {
    const fields: FieldChange[] = compareFields(
      { 'per participant': was.perParticipant ? 'yes' : 'no', threshold: was.threshold },
      { 'per participant': now.perParticipant ? 'yes' : 'no', threshold: now.threshold },
    );
    const amountChanged = !sameMoney(was.amount, now.amount);
    if (!amountChanged && fields.length === 0) continue;
    changes.push({
      change: 'changed',
      ...line(now),
      ...(was.amount ? { before: moneyText(was.amount) } : {}),
      ...(now.amount ? { after: moneyText(now.amount) } : {}),
      ...(amountChanged ? difference(was.amount, now.amount) : {}),
      fields,
    });
  }
  for (const now of added) changes.push({ change: 'added', ...line(now), ...(now.amount ? { after: moneyText(now.amount) } : {}), fields: [] });
  for (const was of unmatched) changes.push({ change: 'removed', ...line(was), ...(was.amount ? { before: moneyText(was.amount) } : {}), fields: [] });
  return changes;
}

function sameMoney(a: Money | undefined, b: Money | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.minor === b.minor && a.currency === b.currency);
}

/** `+£500 (+10.0%)`: exact money, and the change as a percentage to one decimal place. */
function difference(before: Money | undefined, after: Money | undefined, share = true): { difference?: string } {
  if (!before || !after || before.currency !== after.currency) return {};
  const delta = after.minor - before.minor;
  if (delta === 0n) return {};
  const sign = delta > 0n ? '+' : '-';
  const abs = delta > 0n ? delta : -delta;
  let percent = '';
  if (share && before.minor > 0n) {
    // Tenths of a percent, rounded half away from zero, in integers.
    const tenths = (abs * 2000n + before.minor) / (2n * before.minor);
    percent = ` (${sign}${tenths / 10n}.${tenths % 10n}%)`;
  }
  return { difference: `${sign}${formatMoney(abs, after.currency)}${percent}` };
}

// ── figures ───────────────────────────────────────────────────────────────────

function compareFigures(before: SpecSnapshot, after: SpecSnapshot): Figure[] {
  const b = before.figures;
  const a = after.figures;
  const moneyFigure = (name: FigureName, label: string, was: Money | undefined, now: Money | undefined, wasNote?: string, nowNote?: string): Figure => ({
    name,
    label,
    ...(was ? { before: moneyText(was) } : wasNote ? { before: wasNote } : {}),
    ...(now ? { after: moneyText(now) } : nowNote ? { after: nowNote } : {}),
    ...difference(was, now, name !== 'headroom'),
    changed: !sameMoney(was, now) || (was === undefined && now === undefined && wasNote !== nowNote),
  });
  const headroom = (f: typeof b): Money | undefined =>
    f.budget && f.maximum && f.budget.currency === f.maximum.currency ? { minor: f.budget.minor - f.maximum.minor, currency: f.budget.currency } : undefined;
  const unknown = (f: typeof b): string | undefined => (f.unknown !== undefined ? `unknown (${f.unknown})` : undefined);
  const figures: Figure[] = [
    moneyFigure('budget', 'budget', b.budget, a.budget),
    moneyFigure('maximum', 'most the spec can pay', b.maximum, a.maximum, unknown(b), unknown(a)),
    moneyFigure('total', 'before the cap', b.total, a.total),
    moneyFigure('cap', 'cap', b.cap, a.cap),
    moneyFigure('headroom', 'budget less the most it can pay', headroom(b), headroom(a)),
    moneyFigure('commitment', "investors' commitment", b.commitment, a.commitment),
  ];
  const upfront = (v: number | undefined): string | undefined => (v === undefined ? undefined : `${numberText(v)}%`);
  const points = b.upfront !== undefined && a.upfront !== undefined && a.upfront !== b.upfront ? pointsText(b.upfront, a.upfront) : undefined;
  figures.push({
    name: 'upfront',
    label: 'upfront share',
    ...(b.upfront !== undefined ? { before: upfront(b.upfront) } : {}),
    ...(a.upfront !== undefined ? { after: upfront(a.upfront) } : {}),
    ...(points ? { difference: points } : {}),
    changed: b.upfront !== a.upfront,
  });
  // The figure before the cap only matters where a cap is in play.
  return figures.filter((f) => (f.before !== undefined || f.after !== undefined) && (f.name !== 'total' || b.cap || a.cap));
}

/** `+5 points`, from percentages that may have decimals, without floating-point noise. */
function pointsText(before: number, after: number): string {
  const scale = 10 ** Math.max(decimals(before), decimals(after));
  const delta = Math.round(after * scale) - Math.round(before * scale);
  const abs = numberText(Math.abs(delta) / scale);
  return `${delta > 0 ? '+' : '-'}${abs} point${abs === '1' ? '' : 's'}`;
}

function decimals(value: number): number {
  return (String(value).split('.')[1] ?? '').length;
}

// ── other blocks ──────────────────────────────────────────────────────────────

const SECTIONS: readonly SectionName[] = ['spec', 'payment', 'subcontracting', 'contingency', 'finance', 'lines'];

function compareSections(before: SpecSnapshot, after: SpecSnapshot): SectionChange[] {
  return SECTIONS.map((section) => ({ section, fields: compareFields(before.sections[section], after.sections[section]) })).filter(
    (s) => s.fields.length > 0,
  );
}

// ── findings ──────────────────────────────────────────────────────────────────

function compareFindings(
  before: readonly FindingSnapshot[],
  after: readonly FindingSnapshot[],
  rename: (id: string | undefined) => string | undefined,
): SnapshotDiff['findings'] {
  const identity = (f: FindingSnapshot, target: Target): string => `${f.code}\u0000${target.kind}\u0000${target.ids.join('\u0001')}\u0000${target.text ?? ''}`;
  const old = before.map((f) => ({ finding: f, target: { ...f.target, ids: f.target.ids.map(rename) } }));
  const open = [...old];
  const introduced: FindingChange[] = [];
  const pending: FindingSnapshot[] = [];
  // The same rule on the same target is the same finding, whatever its line or
  // wording; several on one target pair up by message first, then in order.
  for (const f of after) {
    const at = open.findIndex((o) => identity(o.finding, o.target) === identity(f, f.target) && o.finding.message === f.message);
    if (at >= 0) open.splice(at, 1);
    else pending.push(f);
  }
  for (const f of pending) {
    const at = open.findIndex((o) => identity(o.finding, o.target) === identity(f, f.target));
    if (at >= 0) open.splice(at, 1);
    else introduced.push(findingChange(f, f.target));
  }
  return { introduced, resolved: open.map((o) => findingChange(o.finding, o.finding.target)) };
}

function findingChange(f: FindingSnapshot, target: Target): FindingChange {
  return { code: f.code, severity: f.severity, message: f.message, target: targetWords(target) };
}

/** What a finding is about, in words, for the report. */
export function targetWords(target: Target): string {
  const [first, second] = target.ids;
  const clip = (t: string | undefined): string => {
    const s = t ?? '';
    return s.length > 70 ? `${s.slice(0, 69)}…` : s;
  };
  switch (target.kind) {
    case 'cohort':
    case 'segment':
    case 'outcome':
      return `${target.kind} \`${first}\``;
    case 'price':
      return `the price for \`${first ?? '?'}\`${second ? ` in \`${second}\`` : ''}`;
    case 'spec':
    case 'payment':
    case 'subcontracting':
    case 'contingency':
    case 'finance':
      return `the \`${target.kind}\` block`;
    case 'requirement':
    case 'standard':
    case 'involve':
    case 'monitor':
      return `${target.kind} "${clip(target.text)}"`;
    case 'review':
      return `review ${clip(target.text)}`;
    case 'use':
      return `use "${clip(target.text)}"`;
    case 'file':
      return 'the file';
  }
}
