import { decodeText } from '../host/decode-text';
import { readProblem, readRegularFile } from '../host/files';
import { UsageError } from './problems';
import { replaceFile } from './replace-file';

/*
 * Writing a spec back (`--fix`, `format --write`): a contract, so with care. The file is
 * written only if it is still what was read (a file someone saved meanwhile is left
 * alone); its byte order mark is kept (and the text keeps its line breaks, which fixes
 * and the formatter follow); and it is written whole or not at all (replace-file.ts):
 * through a symbolic link to the file it leads to, the link kept.
 */

/** Writes `text` over `file`, which must still hold `original` (the text as read, without its byte order mark). */
export function writeSpec(file: string, shown: string, original: string, text: string): void {
  let bytes: Buffer | undefined;
  try {
    bytes = readRegularFile(file);
  } catch (error) {
    throw new UsageError(`cannot write ${shown}: ${readProblem(error)}`);
  }
  if (!bytes || decodeText(bytes) !== original) throw new UsageError(`${shown} changed while outcome-lint was working on it, so it was not written: run it again`);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
  try {
    replaceFile(file, bom + text);
  } catch (error) {
    throw new UsageError(`cannot write ${shown}: ${readProblem(error)}; it is unchanged`);
  }
}
