import { InlayHint, InlayHintParams } from 'vscode-languageserver/node';
import { inlayHints as hintsOf } from '../../services/inlay-hints';
import { toInlayHint } from '../convert';
import { Session } from '../session';

/** The most each `pay` line, and the whole spec, can pay, at the end of the line. */
export function inlayHints(session: Session, { textDocument }: InlayHintParams): InlayHint[] {
  const doc = session.settings.inlayHints ? session.lint(session.id(textDocument.uri)) : undefined;
  return doc ? hintsOf(doc.result).map((h) => toInlayHint(doc.index, h)) : [];
}
