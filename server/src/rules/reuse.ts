import { Config } from '../config/config';
import { Diagnostic } from '../diagnostic';
import { SpecModel } from '../model/model';
import { Text, TopLevelItem } from '../syntax/ast';
import { ParseResult } from '../syntax/parse';
import { ItemEdit } from '../syntax/reparse';
import { TextNode } from '../syntax/text-node';

/*
 * What a lint may keep from the lint before an edit: the language server's lint as
 * someone types in a long spec. When the edit changed the inside of one string and
 * nothing else, a rule that did not read that string last time finds the same things
 * again, only moved; so it is not run, and its findings are moved instead.
 *
 * That holds because a rule is a pure function of the spec (and its options); it
 * reads strings only through their `value`, which `TextNode` notes; and it uses
 * positions only to point (findings, fixes, insertion points) and to count lines,
 * which an edit with no line break does not change. A finding that points inside the
 * edited string could not be moved with certainty, so its rule runs again.
 * test/lint-reuse.test.ts compares the result with a fresh lint after random edits.
 */

/** One rule's part of a lint: its findings (before suppression comments apply) and the strings it read. */
export interface RuleRun {
  readonly found: readonly Diagnostic[];
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
  readonly runs: ReadonlyMap<string, RuleRun>;
  readonly edit: StringEdit;
}

/**
 * What the lint of the text after `edit` may keep from `earlier`, the lint before it:
 * nothing (undefined) unless the settings, the used files and everything but the inside
 * of one string are as they were, and the model did not read that string.
 */
export function whatToKeep(
  earlier: { readonly model: SpecModel; readonly runs?: RuleRuns } | undefined,
  edit: ItemEdit | undefined,
  now: { readonly model: SpecModel; readonly config: Config; readonly used: readonly (ParseResult | undefined)[] },
): Keep | undefined {
  const runs = earlier?.runs;
  if (!runs || !edit || edit.from !== earlier.model.parsed || runs.config !== now.config) return undefined;
  if (runs.used.length !== now.used.length || runs.used.some((p, i) => p === undefined || p !== now.used[i])) return undefined;
  // A syntax error in the item (a string still open, say) makes "only a string changed" unsure.
  if (problemIn(edit.from, edit.before) || problemIn(now.model.parsed, edit.after)) return undefined;
  const changed = stringEdit(edit);
  if (!changed || runs.modelReads.has(changed.string)) return undefined;
  return { runs: runs.byRule, edit: changed };
}

function problemIn(parsed: ParseResult, item: TopLevelItem): boolean {
  return parsed.diagnostics.some((d) => item.span.start <= d.span.start && d.span.end <= item.span.end);
}

/** The edit, when it lies inside one string (quotes excluded), adds or removes no line break, and changes nothing else in its item. */
function stringEdit(edit: ItemEdit): StringEdit | undefined {
  if (/[\r\n]/.test(edit.removed) || /[\r\n]/.test(edit.inserted)) return undefined;
  const pairs: [TextNode, TextNode][] = [];
  if (!sameButStrings(edit.before, edit.after, pairs)) return undefined;
  const inside = pairs.find(([old]) => old.span.start < edit.start && edit.oldEnd < old.span.end);
  if (!inside || pairs.some(([old, now]) => old !== inside[0] && old.valueUnread !== now.valueUnread)) return undefined;
  return { string: inside[0], pairs, delta: edit.inserted.length - edit.removed.length };
}

/** Two trees alike but for positions and the values of strings, whose nodes are paired up. */
function sameButStrings(a: unknown, b: unknown, pairs: [TextNode, TextNode][]): boolean {
  if (a instanceof TextNode) {
    if (!(b instanceof TextNode)) return false;
    pairs.push([a, b]);
    return true;
  }
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameButStrings(x, b[i], pairs));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Spans are the only objects with a numeric start and end (as in reparse.ts): positions differ.
  if (typeof x.start === 'number' && typeof x.end === 'number') return typeof y.start === 'number' && typeof y.end === 'number';
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => sameButStrings(x[k], y[k], pairs));
}

/**
 * Moves a rule's findings by the edit, in place (they own their spans, and the earlier
 * lint is used up, as its parse is); false, moving nothing, when one points inside the
 * edited string: only its rule can say where that goes now.
 */
export function moveFindings(found: readonly Diagnostic[], edit: StringEdit): boolean {
  const { start, end } = edit.string.span;
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
