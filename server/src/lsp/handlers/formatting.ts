import { DocumentFormattingParams, TextEdit } from 'vscode-languageserver/node';
import { LineIndex } from '../../base/line-index';
import { format } from '../../format/format';
import { toTextEdits } from '../convert';
import { Session } from '../session';

/**
 * The whole document in the canonical layout; nothing for a file with syntax errors
 * (reformatting half-understood text could lose some) or one too large to lint, with
 * the reason for the editor to show.
 */
export function formatting(session: Session, { textDocument }: DocumentFormattingParams): { edits: TextEdit[] | null; refused?: string } {
  const file = session.id(textDocument.uri);
  const text = session.text(file);
  if (text === undefined) return { edits: null };
  if (session.tooLarge(file)) return { edits: null, refused: `the file is larger than ${session.settings.maxFileSizeMB} MB` };
  const formatted = format(text);
  if ('refused' in formatted) return { edits: null, refused: formatted.refused };
  if (formatted.text === text) return { edits: [] };
  return { edits: toTextEdits(new LineIndex(text), [{ span: { start: 0, end: text.length }, newText: formatted.text }]) };
}
