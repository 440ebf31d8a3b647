import { CompletionItem, CompletionParams } from 'vscode-languageserver/node';
import { completionsAt } from '../../services/completion';
import { toCompletionItem } from '../convert';
import { Session } from '../session';

/** What may come next at the cursor: keywords, the ids that fit, block snippets. */
export function completion(session: Session, { textDocument, position }: CompletionParams): CompletionItem[] {
  const doc = session.lint(session.id(textDocument.uri));
  return doc ? completionsAt(doc.result, doc.index.offset(position)).map(toCompletionItem) : [];
}
