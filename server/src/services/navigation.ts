import { TextEdit } from '../base/diagnostic';
import { Definition, definitionsOf, SpecModel } from '../model/model';
import { Span } from '../base/span';
import { definitionAt, sameDefinition } from './at-offset';

/*
 * Find references and rename, across every file of the workspace: a file refers to a
 * definition when its model resolves an id to that very definition.
 */

export interface Location {
  readonly uri: string;
  readonly span: Span;
}

export function referencesTo(definition: Definition, models: readonly SpecModel[], includeDefinition: boolean): Location[] {
  const result: Location[] = includeDefinition ? [{ uri: definition.uri, span: definition.name.span }] : [];
  for (const model of models) {
    for (const reference of model.references) {
      if (reference.target && sameDefinition(reference.target, definition)) result.push({ uri: model.uri, span: reference.name.span });
    }
  }
  return result;
}

/** Ids: a letter, then letters, digits, `_` or `-` (see syntax/tokens.ts). */
const ID = /^[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F][\w\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F-]*$/;

export type RenameResult = { readonly edits: ReadonlyMap<string, TextEdit[]> } | { readonly refused: string };

/**
 * Renames the definition under the cursor and every reference to it. Refused when the
 * new name is not an id, or when a file that would see it already has that id.
 */
export function rename(model: SpecModel, offset: number, newName: string, models: readonly SpecModel[]): RenameResult {
  const definition = definitionAt(model, offset);
  if (!definition) return { refused: 'put the cursor on the id of a cohort, segment or outcome to rename it' };
  if (!ID.test(newName)) {
    return { refused: `\`${newName}\` is not an id: start with a letter, then use letters, digits, \`_\` or \`-\`` };
  }
  if (newName === definition.name.text) return { edits: new Map() };
  const locations = referencesTo(definition, models, true);
  const affected = new Set(locations.map((l) => l.uri));
  for (const m of models) {
    if (!affected.has(m.uri) && !m.visibleFiles.includes(definition.uri)) continue;
    const clash = m.definitions.get(newName);
    if (clash) return { refused: `\`${newName}\` is already the id of ${clash.kind === 'outcome' ? 'an' : 'a'} ${clash.kind} seen from ${m.uri === definition.uri ? 'this file' : 'a file that uses it'}` };
  }
  const edits = new Map<string, TextEdit[]>();
  for (const location of locations) {
    const list = edits.get(location.uri) ?? [];
    list.push({ span: location.span, newText: newName });
    edits.set(location.uri, list);
  }
  return { edits };
}

/** Every definition in the workspace whose id contains the query, for workspace symbols. */
export function workspaceDefinitions(models: readonly SpecModel[], query: string): Definition[] {
  const wanted = query.toLowerCase();
  return models.flatMap((m) => definitionsOf(m.file, m.uri)).filter((d) => d.name.text.toLowerCase().includes(wanted));
}
