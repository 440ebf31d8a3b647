import { DocumentSymbol, DocumentSymbolParams, FoldingRange, FoldingRangeParams, SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver/node';
import { workspaceDefinitions } from '../../services/navigation';
import { foldingSpans, outline } from '../../services/symbols';
import { definitionKind, toDocumentSymbol, toFoldingRanges, toLocation } from '../convert';
import { Session } from '../session';

/* The outline of a file, the workspace's symbols, and folding. */

export function documentSymbols(session: Session, { textDocument }: DocumentSymbolParams): DocumentSymbol[] {
  const doc = session.lint(session.id(textDocument.uri));
  return doc ? outline(doc.result.model.file).map((s) => toDocumentSymbol(doc.index, s)) : [];
}

export function workspaceSymbols(session: Session, { query }: WorkspaceSymbolParams): SymbolInformation[] {
  return workspaceDefinitions(session.lintAll().map((r) => r.model), query).map((d) => ({
    name: d.name.text,
    kind: definitionKind(d.kind),
    location: toLocation(session.place(d.uri), d.name.span),
  }));
}

export function foldingRanges(session: Session, { textDocument }: FoldingRangeParams): FoldingRange[] {
  const doc = session.lint(session.id(textDocument.uri));
  return doc ? toFoldingRanges(doc.index, foldingSpans(doc.result.model.file)) : [];
}
