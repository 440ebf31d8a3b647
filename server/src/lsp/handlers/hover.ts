import { Hover, HoverParams } from 'vscode-languageserver/node';
import { hoverAt } from '../../services/hover';
import { toHover } from '../convert';
import { Session } from '../session';

/** On a finding, its rule's reasons and evidence; on an id, what it stands for; on money, the figures worked out. */
export function hover(session: Session, { textDocument, position }: HoverParams): Hover | null {
  const doc = session.lint(session.id(textDocument.uri));
  const found = doc && hoverAt(doc.result, doc.index.offset(position));
  return found ? toHover(doc.index, found) : null;
}
