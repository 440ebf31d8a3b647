import { DefinitionParams, Location, PrepareRenameParams, Range, ReferenceParams, RenameParams, WorkspaceEdit } from 'vscode-languageserver/node';
import { definitionAt } from '../../services/at-offset';
import { referencesTo, rename as renameIn } from '../../services/navigation';
import { toLocation, toRange, toTextEdits } from '../convert';
import { Session } from '../session';

/*
 * Go to definition, find references and rename: across every file the workspace holds.
 */

export function definition(session: Session, { textDocument, position }: DefinitionParams): Location | null {
  const doc = session.lint(session.id(textDocument.uri));
  const found = doc && definitionAt(doc.result.model, doc.index.offset(position));
  return found ? toLocation(session.place(found.uri), found.name.span) : null;
}

export function references(session: Session, { textDocument, position, context }: ReferenceParams): Location[] {
  const doc = session.lint(session.id(textDocument.uri));
  const found = doc && definitionAt(doc.result.model, doc.index.offset(position));
  if (!found) return [];
  const models = session.lintAll().map((r) => r.model);
  return referencesTo(found, models, context.includeDeclaration).map((l) => toLocation(session.place(l.uri), l.span));
}

export function prepareRename(session: Session, { textDocument, position }: PrepareRenameParams): { range: Range; placeholder: string } | null {
  const file = session.id(textDocument.uri);
  const doc = session.lint(file);
  const offset = doc?.index.offset(position);
  const found = doc && definitionAt(doc.result.model, offset!);
  if (!doc || !found) return null;
  const names = [...doc.result.model.references.map((r) => r.name), found.uri === file ? found.name : undefined];
  const name = names.find((n) => n && n.span.start <= offset! && offset! <= n.span.end);
  return name ? { range: toRange(doc.index, name.span), placeholder: name.text } : null;
}

/** The edits of a rename; refused (with the reason the editor shows) when the new name is not an id or is taken. */
export function rename(session: Session, { textDocument, position, newName }: RenameParams): WorkspaceEdit | null {
  const doc = session.lint(session.id(textDocument.uri));
  if (!doc) return null;
  const outcome = renameIn(doc.result.model, doc.index.offset(position), newName, session.lintAll().map((r) => r.model));
  if ('refused' in outcome) throw new Error(outcome.refused);
  const changes: WorkspaceEdit['changes'] = {};
  for (const [file, edits] of outcome.edits) {
    const where = session.place(file);
    changes[where.uri] = toTextEdits(where.index, edits);
  }
  return { changes };
}
