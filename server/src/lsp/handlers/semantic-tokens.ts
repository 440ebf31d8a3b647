import { SemanticTokens, SemanticTokensBuilder, SemanticTokensParams } from 'vscode-languageserver/node';
import { semanticTokens as tokensOf, TOKEN_TYPES } from '../../services/semantic-tokens';
import { Session } from '../session';

/** Ids coloured by what they name (cohorts, segments, outcomes), their definitions marked. */
export function semanticTokens(session: Session, { textDocument }: SemanticTokensParams): SemanticTokens {
  const doc = session.lint(session.id(textDocument.uri));
  const builder = new SemanticTokensBuilder();
  for (const token of doc ? tokensOf(doc.result) : []) {
    const start = doc!.index.position(token.span.start);
    builder.push(start.line, start.character, token.span.end - token.span.start, TOKEN_TYPES.indexOf(token.type), token.declaration ? 1 : 0);
  }
  return builder.build();
}
