import { Config } from '../config/config';
import { Diagnostic } from '../base/diagnostic';
import { SpecModel } from '../model/model';
import { Text } from '../syntax/ast';
import { ParseResult } from '../syntax/parse';
import { isSpan } from '../base/span';
import { ItemEdit } from '../syntax/reparse';
import { TextNode } from '../syntax/text-node';

/*
 * What a lint may keep from the lint before an edit: the language server's lint as
 * someone types in a long spec. When the edit changed the inside of one string and
 * nothing else, a rule that did not read that string last time finds the same things
 * again, only moved; so it is not run, and its findings are moved instead.
 *
 * That holds because a rule is a pure function of the spec, its options and what the
 * parser and the model found (checked to be unchanged); it reads strings only through
 * their `value`, which `TextNode` notes; and it uses positions only to point (findings,
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
  /** The strings the model read (`use` paths). */
  readonly modelReads: Set<Text>;
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
 * findings, and everything but the inside of one string are as they were, and the model
 * did not read that string.
 */
export function whatToKeep(
  earlier: { readonly model: SpecModel; readonly runs?: RuleRuns } | undefined,
  edit: ItemEdit | undefined,
  now: { readonly model: SpecModel; readonly config: Config; readonly used: readonly (ParseResult | undefined)[] },
): Keep | undefined {
  const runs = earlier?.runs;
  if (!runs || !edit || edit.from !== earlier.model.parsed || runs.config !== now.config) return undefined;
  if (runs.used.length !== now.used.length || runs.used.some((p, i) => p === undefined || p !== now.used[i])) return undefined;
  // Rules report these as they are; they can change with no change to the rules' input
  // (mending an escape in a string, a used file going from unreadable to missing).
  if (!sameFindings(edit.from.diagnostics, now.model.parsed.diagnostics) || !sameFindings(earlier.model.diagnostics, now.model.diagnostics)) return undefined;
  const changed = stringEdit(edit);
  if (!changed || runs.modelReads.has(changed.string)) return undefined;
  return { byRule: runs.byRule, edit: changed };
}

/** The same findings in the same order, wherever they are. */
function sameFindings(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  const related = (d: Diagnostic): string => JSON.stringify(d.related?.map((r) => [r.message, r.uri]) ?? []);
  return a.length === b.length && a.every((d, i) => d.code === b[i].code && d.message === b[i].message && related(d) === related(b[i]));
}

/**
 * The edit, when it lies inside one string (quotes excluded), has no line break in or
 * beside it, and leaves everything else in its item as it was, only moved.
 */
function stringEdit(edit: ItemEdit): StringEdit | undefined {
  if (edit.nearLineBreak) return undefined;
  // Where a position of the old text is in the new one (NaN: inside what was replaced).
  const moved = (p: number): number => (p <= edit.start ? p : p >= edit.oldEnd ? p + edit.delta : NaN);
  const pairs: [TextNode, TextNode][] = [];
  if (!sameButStrings(edit.before, edit.after, moved, pairs)) return undefined;
  const inside = pairs.find(([old]) => old.span.start < edit.start && edit.oldEnd < old.span.end);
  if (!inside || pairs.some(([old, now]) => old !== inside[0] && old.valueUnread !== now.valueUnread)) return undefined;
  return { string: inside[0], pairs, delta: edit.delta };
}

/**
 * Two trees alike but for the values of strings, each position of the second being the
 * first's `moved`; their strings are paired up.
 */
function sameButStrings(a: unknown, b: unknown, moved: (p: number) => number, pairs: [TextNode, TextNode][]): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameButStrings(x, b[i], moved, pairs));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  if (isSpan(x)) return isSpan(y) && y.start === moved(x.start) && y.end === moved(x.end);
  if (a instanceof TextNode) {
    if (!(b instanceof TextNode) || !sameButStrings(a.span, b.span, moved, pairs)) return false;
    pairs.push([a, b]);
    return true;
  }
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => sameButStrings(x[k], y[k], moved, pairs));
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
    for (const f of d.fixes ?? []) for (const e of f.edits) spans.push(e.span);
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
