import { Config } from '../config/config';
import { Diagnostic } from '../base/diagnostic';
import { SpecModel } from '../model/model';
import { isTextNode, Text } from '../syntax/ast';
import { ParseResult } from '../syntax/parse';
import { isSpan } from '../base/span';
import { ItemEdit } from '../syntax/reparse';

/*
 * What a lint may keep from the lint before an edit: the language server's lint as
 * someone types in a long spec. When the edit changed the inside of one string and
 * nothing else, a rule that did not read that string last time finds the same things
 * again, only moved; so it is not run, and its findings are moved instead.
 *
 * That holds because a rule is a pure function of the spec, its options and what the
 * parser and the model found (checked to be unchanged); it reads strings only through
 * its context's `read`, which notes them (the tree itself is plain data and knows
 * nothing of this); and it uses positions only to point (findings,
 * fixes, insertion points) and to count lines, which an edit with no line break in or
 * beside it does not change. A finding that points inside the edited string could not
 * be moved with certainty, so its rule runs again. test/lint-reuse.test.ts compares the
 * result with a fresh lint after random edits, and fails when a guard here is dropped.
 */

/**
 * One rule's part of a lint: its findings (before suppression comments apply) and the
 * strings it read. When kept for the next lint, both are updated in place.
 */
export interface RuleRun {
  readonly found: Diagnostic[];
  readonly reads: Set<Text>;
  /** True when its findings were kept from the earlier lint, moved, and the rule not run. */
  readonly kept: boolean;
}

/** What an incremental lint remembers for the next one. */
export interface RuleRuns {
  readonly config: Config;
  /** The parses of the files seen through `use`. */
  readonly used: readonly (ParseResult | undefined)[];
  readonly byRule: ReadonlyMap<string, RuleRun>;
}

/** An edit inside one string that changed nothing else. */
export interface StringEdit {
  /** The string, before the edit. */
  readonly string: Text;
  /** Every string of the edited item, before the edit and after, in pairs. */
  readonly pairs: readonly (readonly [Text, Text])[];
  /** How far the text after the string moved. */
  readonly delta: number;
}

export interface Keep {
  readonly byRule: ReadonlyMap<string, RuleRun>;
  readonly edit: StringEdit;
}

/**
 * What the lint of the text after `edit` may keep from `earlier`, the lint before it:
 * nothing (undefined) unless the settings, the used files, the parser's and the model's
 * findings, and everything but the inside of one string are as they were, and that
 * string is not a `use` path (the one string the model reads).
 */
export function whatToKeep(
  earlier: { readonly model: SpecModel; readonly facts: { readonly text: string }; readonly runs?: RuleRuns } | undefined,
  edit: ItemEdit | undefined,
  now: { readonly model: SpecModel; readonly config: Config; readonly used: readonly (ParseResult | undefined)[] },
): Keep | undefined {
  const runs = earlier?.runs;
  if (!runs || !edit || edit.from !== earlier.model.parsed || runs.config !== now.config) return undefined;
  if (runs.used.length !== now.used.length || runs.used.some((p, i) => p === undefined || p !== now.used[i])) return undefined;
  // Rules report these as they are; they can change with no change to the rules' input
  // (mending an escape in a string, a used file going from unreadable to missing).
  if (!sameFindings(edit.from.diagnostics, now.model.parsed.diagnostics) || !sameFindings(earlier.model.diagnostics, now.model.diagnostics)) return undefined;
  if (edit.before.kind === 'use') return undefined;
  const changed = stringEdit(edit, earlier.facts.text);
  return changed && { byRule: runs.byRule, edit: changed };
}

/** A rule's run kept from the earlier lint, when the edit cannot have changed what it finds. */
export function keptRun(keep: Keep, id: string): RuleRun | undefined {
  const earlier = keep.byRule.get(id);
  if (!earlier || earlier.reads.has(keep.edit.string)) return undefined;
  if (!moveFindings(earlier.found, keep.edit)) return undefined;
  return { found: earlier.found, reads: followStrings(earlier.reads, keep.edit), kept: true };
}

/** The same findings in the same order, wherever they are. */
function sameFindings(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  const related = (d: Diagnostic): string => JSON.stringify(d.related?.map((r) => [r.message, r.uri]) ?? []);
  return a.length === b.length && a.every((d, i) => d.code === b[i].code && d.message === b[i].message && related(d) === related(b[i]));
}

/**
 * The edit, when it lies inside one string (quotes excluded), has no line break in or
 * beside it, and leaves everything else in its item as it was, only moved. `old` is
 * the text before the edit.
 */
function stringEdit(edit: ItemEdit, old: string): StringEdit | undefined {
  if (edit.nearLineBreak) return undefined;
  // Where a position of the old text is in the new one (NaN: inside what was replaced).
  const moved = (p: number): number => (p <= edit.start ? p : p >= edit.oldEnd ? p + edit.delta : NaN);
  const pairs: [Text, Text][] = [];
  if (!sameButValues(edit.before, edit.after, moved, pairs)) return undefined;
  // A string's span begins with its quote; a chosen word's (`results`, `must`), whose
  // node has the same shape, does not, and a rule reads those without `read`.
  const inside = pairs.find(([was]) => was.span.start < edit.start && edit.oldEnd < was.span.end && QUOTES.includes(old.charAt(was.span.start)));
  if (!inside || pairs.some(([was, now]) => was !== inside[0] && was.value !== now.value)) return undefined;
  return { string: inside[0], pairs, delta: edit.delta };
}

/** What opens a string: a straight quote, or a curly one (which the parser reads, and reports). */
const QUOTES = ['"', '\u201C'];

/**
 * Two trees alike but for the values of strings (and of chosen words, nodes of the
 * same shape), each position of the second being the first's `moved`; those values
 * are paired up.
 */
function sameButValues(a: unknown, b: unknown, moved: (p: number) => number, pairs: [Text, Text][]): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameButValues(x, b[i], moved, pairs));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  if (isSpan(x)) return isSpan(y) && y.start === moved(x.start) && y.end === moved(x.end);
  if (isTextNode(x)) {
    if (!isTextNode(y) || !sameButValues(x.span, y.span, moved, pairs)) return false;
    pairs.push([x, y]);
    return true;
  }
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => sameButValues(x[k], y[k], moved, pairs));
}

/**
 * Moves a rule's findings by the edit, in place (they own their spans, and the earlier
 * lint is used up, as its parse is); false, moving nothing, when one points inside the
 * edited string: only its rule can say where that goes now.
 */
export function moveFindings(found: Diagnostic[], edit: StringEdit): boolean {
  const { start, end } = edit.string.span;
  // Spans are read-only to everyone else; this and reparse.ts are the two that move them.
  const spans: { start: number; end: number }[] = [];
  for (const d of found) {
    spans.push(d.span);
    for (const r of d.related ?? []) if (r.uri === undefined) spans.push(r.span);
    for (const f of [...(d.fixes ?? []), ...(d.suggestions ?? [])]) for (const e of f.edits) spans.push(e.span);
  }
  // A span that starts or ends inside the string (not one around it, not one beside it).
  if (spans.some((s) => s.end > start && s.start < end && (s.start > start || s.end < end))) return false;
  for (const s of spans) {
    if (s.start >= end) s.start += edit.delta;
    if (s.end >= end) s.end += edit.delta;
  }
  return true;
}

/**
 * A kept rule's reads, following the edited item's strings to their new nodes, so that
 * the next edit there finds them. In place: the earlier lint is used up, as its parse is.
 */
export function followStrings(reads: Set<Text>, edit: StringEdit): Set<Text> {
  for (const [old, now] of edit.pairs) if (reads.delete(old)) reads.add(now);
  return reads;
}
