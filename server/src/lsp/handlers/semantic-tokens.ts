import { SemanticTokens, SemanticTokensParams } from 'vscode-languageserver/node';
import { semanticTokens as tokensOf } from '../../services/semantic-tokens';
import { toSemanticTokens } from '../convert';
import { Session } from '../session';

/** Ids coloured by what they name (cohorts, segments, outcomes), their definitions marked. */
export function semanticTokens(session: Session, { textDocument }: SemanticTokensParams): SemanticTokens {
  const doc = session.lint(session.id(textDocument.uri));
  return doc ? toSemanticTokens(doc.index, tokensOf(doc.result)) : { data: [] };
}
