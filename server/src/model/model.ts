import { Diagnostic } from '../base/diagnostic';
import * as ast from '../syntax/ast';
import { parse, ParseResult } from '../syntax/parse';
import { FileAccess } from './file-access';
import { invalidValues } from './invalid-values';

/*
 * The semantic model of one file: what it can see through `use`, every definition
 * and every reference resolved (or marked unresolved).
 */

export type SymbolKind = 'cohort' | 'segment' | 'outcome';

export interface Definition {
  readonly kind: SymbolKind;
  readonly name: ast.Name;
  /** The file it is defined in. */
  readonly uri: string;
  readonly node: ast.CohortBlock | ast.SegmentBlock | ast.OutcomeBlock;
  /** For a segment, the cohort it belongs to. */
  readonly cohort?: ast.CohortBlock;
}

/** Where an id is used, and what the grammar lets it name there. */
export type ReferenceRole =
  | 'outcome-for' // `for` inside an outcome: a cohort or segment
  | 'pay-outcome' // `pay … for O`: an outcome
  | 'pay-in' // `pay … in S`: a segment (or cohort)
  | 'cap-outcome'; // `cap £… for O`: an outcome

export interface Reference {
  readonly name: ast.Name;
  readonly role: ReferenceRole;
  /** The definition it names, when there is one of a kind that fits. */
  readonly target: Definition | undefined;
  /** A definition with that name but of a kind that does not fit here. */
  readonly wrongKind: Definition | undefined;
}

export interface SpecModel {
  readonly uri: string;
  readonly parsed: ParseResult;
  readonly file: ast.FileNode;
  /** Every definition visible in this file (its own and those `use` brings), by id. */
  readonly definitions: ReadonlyMap<string, Definition>;
  /** This file's references, in text order. */
  readonly references: readonly Reference[];
  /** The files this file sees through `use`, directly or through other files. */
  readonly visibleFiles: readonly string[];
  /**
   * Every file a `use` line led to, read or not: the visible files, and those missing or
   * unreadable. When any of them appears, changes or goes, this file's lint changes.
   */
  readonly usedFiles: readonly string[];
  /** Model findings: `structure/duplicate-id`, `structure/unresolved-use`, `structure/invalid-value`. */
  readonly diagnostics: readonly Diagnostic[];
}

/** A cohort's or segment's `size`, when it is a whole number of at least 1. */
export function sizeOf(node: { size: ast.Field<ast.NumberValue> | undefined } | undefined): number | undefined {
  const value = node?.size?.value?.value;
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : undefined;
}

const REFERENCE_FITS: Readonly<Record<ReferenceRole, readonly SymbolKind[]>> = {
  'outcome-for': ['cohort', 'segment'],
  'pay-outcome': ['outcome'],
  'pay-in': ['segment', 'cohort'],
  'cap-outcome': ['outcome'],
};

/** Parses files at most once per analysis, whichever way they are reached. */
/**
 * Parses by URI, shared by the files linted together, so that each text is parsed once.
 * An entry must be the parse of the file's text as the caller of `analyse` and its
 * `FileAccess` see it now. A `Map` is one (the CLI's); the server keeps each parse with
 * the document's text.
 */
export interface ParseCache {
  get(uri: string): ParseResult | undefined;
  set(uri: string, parsed: ParseResult): void;
}

export function definitionsOf(file: ast.FileNode, uri: string): Definition[] {
  const result: Definition[] = [];
  for (const item of file.items) {
    if (item.kind === 'cohort') {
      if (item.name) result.push({ kind: 'cohort', name: item.name, uri, node: item });
      for (const segment of item.segments) {
        if (segment.name) result.push({ kind: 'segment', name: segment.name, uri, node: segment, cohort: item });
      }
    } else if (item.kind === 'outcome' && item.name) {
      result.push({ kind: 'outcome', name: item.name, uri, node: item });
    }
  }
  return result;
}

export function analyse(uri: string, text: string, access: FileAccess, cache: ParseCache = new Map()): SpecModel {
  const parsed = cache.get(uri) ?? parse(text);
  cache.set(uri, parsed);
  const diagnostics: Diagnostic[] = [];
  const { visible: uses, tried } = resolveUses(uri, parsed.file, access, cache, diagnostics);

  const definitions = new Map<string, Definition>();
  const clash = (definition: Definition, existing: Definition, reportAt: ast.Node): void => {
    const where = existing.uri === uri ? '' : ` in ${access.display(existing.uri)}`;
    diagnostics.push({
      code: 'structure/duplicate-id',
      severity: 'error',
      message:
        `\`${definition.name.text}\` is already defined as ${existing.kind === 'outcome' ? 'an' : 'a'} ${existing.kind}${where}; ` +
        'cohorts, segments and outcomes seen together need different ids',
      span: reportAt.span,
      related: [
        {
          message: `the other \`${definition.name.text}\``,
          span: existing.name.span,
          ...(existing.uri === uri ? {} : { uri: existing.uri }),
        },
      ],
    });
  };

  // What `use` brings in first. A clash between two used files is reported on the
  // `use` line that brought the second; one inside a single used file is that file's
  // own finding, reported when it is linted.
  for (const { file, tree, via } of uses) {
    for (const definition of definitionsOf(tree, file)) {
      const existing = definitions.get(definition.name.text);
      if (!existing) definitions.set(definition.name.text, definition);
      else if (existing.uri !== definition.uri) clash(definition, existing, via.path ?? via);
    }
  }
  // Then this file's own definitions, which win: go-to-definition stays in this file.
  const own = new Set<string>();
  for (const definition of definitionsOf(parsed.file, uri)) {
    const existing = definitions.get(definition.name.text);
    if (existing) clash(definition, existing, definition.name);
    if (!own.has(definition.name.text)) definitions.set(definition.name.text, definition);
    own.add(definition.name.text);
  }

  const references = resolveReferences(parsed.file, definitions);
  diagnostics.push(...invalidValues(parsed.file));
  return {
    uri,
    parsed,
    file: parsed.file,
    definitions,
    references,
    visibleFiles: uses.map((u) => u.file),
    usedFiles: [...tried],
    diagnostics,
  };
}

interface VisibleFile {
  readonly file: string;
  /** Its tree: carried here, because a cache need not keep what it is given. */
  readonly tree: ast.FileNode;
  /** The `use` line of the analysed file through which it is seen. */
  readonly via: ast.UseItem;
}

/** How deep a chain of `use` lines may go (a file that uses one that uses one…) before it is refused. */
export const MAX_USE_DEPTH = 10_000;

/**
 * Follows `use` lines depth first. What a used file uses is visible too. A missing
 * file or a cycle is reported on the analysed file's own `use` line that leads to it.
 * The walk keeps its own stack (a chain thousands of files deep must not overflow the
 * call stack) and the files on the current path in a set, so each step costs the same
 * however deep the chain.
 */
function resolveUses(uri: string, file: ast.FileNode, access: FileAccess, cache: ParseCache, diagnostics: Diagnostic[]): { visible: VisibleFile[]; tried: Set<string> } {
  const visible: VisibleFile[] = [];
  const seen = new Set<string>([uri]);
  const tried = new Set<string>();
  const unresolved = (via: ast.UseItem, message: string): void => {
    diagnostics.push({ code: 'structure/unresolved-use', severity: 'error', message, span: via.path?.span ?? via.span });
  };
  interface Frame {
    readonly from: string;
    readonly uses: ast.UseItem[];
    next: number;
    /** The analysed file's own `use` line this frame is reached through (undefined for the analysed file). */
    readonly via: ast.UseItem | undefined;
  }
  const usesOf = (tree: ast.FileNode): ast.UseItem[] => tree.items.filter((i): i is ast.UseItem => i.kind === 'use' && i.path !== undefined);
  const stack: Frame[] = [{ from: uri, uses: usesOf(file), next: 0, via: undefined }];
  const path = new Set<string>([uri]);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const use = frame.uses[frame.next++];
    if (!use) {
      stack.pop();
      path.delete(frame.from);
      continue;
    }
    const root = frame.via ?? use;
    const written = use.path!.value;
    const target = access.resolve(frame.from, written);
    if ('refused' in target) {
      if (!frame.via) unresolved(use, `cannot use \`${written}\`: ${target.refused}`);
      continue;
    }
    tried.add(target.uri);
    if (path.has(target.uri)) {
      const chain = stack.map((f) => f.from);
      const names = [...chain.slice(chain.indexOf(target.uri)), target.uri].map((u) => access.display(u));
      unresolved(root, `\`${root.path?.value ?? written}\` leads back to a file that uses it: ${names.join(' → ')}; a \`use\` chain must not go round in a circle`);
      continue;
    }
    if (seen.has(target.uri)) continue;
    if (stack.length > MAX_USE_DEPTH) {
      unresolved(root, `\`${root.path?.value ?? written}\` leads through a chain of more than ${MAX_USE_DEPTH.toLocaleString('en-GB')} files, each using the next: outcome-lint follows no deeper`);
      for (const dropped of stack.splice(1)) path.delete(dropped.from);
      continue;
    }
    let parsed = cache.get(target.uri);
    if (!parsed) {
      const text = access.read(target.uri);
      if (typeof text !== 'string') {
        const shown = access.display(target.uri);
        if (!frame.via) unresolved(use, text ? `cannot use \`${written}\`: ${shown} ${text.problem}` : `\`${written}\` does not exist (looked for ${shown})`);
        continue;
      }
      parsed = parse(text);
      cache.set(target.uri, parsed);
    }
    seen.add(target.uri);
    visible.push({ file: target.uri, tree: parsed.file, via: root });
    path.add(target.uri);
    stack.push({ from: target.uri, uses: usesOf(parsed.file), next: 0, via: root });
  }
  return { visible, tried };
}

function resolveReferences(file: ast.FileNode, definitions: ReadonlyMap<string, Definition>): Reference[] {
  const references: Reference[] = [];
  const refer = (name: ast.Name | undefined, role: ReferenceRole): void => {
    if (!name) return;
    const found = definitions.get(name.text);
    const fits = found !== undefined && REFERENCE_FITS[role].includes(found.kind);
    references.push({ name, role, target: fits ? found : undefined, wrongKind: fits ? undefined : found });
  };
  for (const item of file.items) {
    if (item.kind === 'outcome') {
      for (const line of item.for) for (const name of line.value ?? []) refer(name, 'outcome-for');
    } else if (item.kind === 'payment') {
      for (const pay of item.pays) {
        refer(pay.outcome, 'pay-outcome');
        refer(pay.segment, 'pay-in');
      }
      for (const limit of item.limits) if (limit.scope.kind === 'outcome') refer(limit.scope.outcome, 'cap-outcome');
    }
  }
  return references;
}
