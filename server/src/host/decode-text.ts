import { isUtf8 } from 'node:buffer';

/*
 * A spec's bytes as text: the one decoder of every file outcome-lint reads (through the
 * project, host/project.ts: the files it lints and the files they `use`) and of settings
 * files. What is not UTF-8 text is refused with where the first bad byte is, never read
 * with replacement characters.
 */

/**
 * The text without its byte order mark, or the problem, worded to follow the file's
 * name: "is not UTF-8 text: the byte 0xA3 at line 2, column 10 is not valid UTF-8; …".
 */
export function decodeText(bytes: Uint8Array): string | { problem: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: 'is saved as UTF-16: save it as UTF-8, which outcome-lint reads' };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { problem: `is not a text file (it has a NUL byte at ${where(bytes, nul)}); is it really an outcome specification?` };
  }
  if (!isUtf8(bytes)) {
    const bad = firstInvalidUtf8(bytes);
    const byte = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
    return { problem: `is not UTF-8 text: the byte 0x${byte} at ${where(bytes, bad)} is not valid UTF-8; save the file as UTF-8` };
  }
  const text = Buffer.from(bytes).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** "line 3, column 9" of a byte offset, columns in UTF-16 code units as everywhere else. */
function where(bytes: Uint8Array, offset: number): string {
  const before = Buffer.from(bytes.subarray(0, offset)).toString('utf8').replace(/^\uFEFF/, '');
  const lines = before.split(/\r\n|\r|\n/);
  return `line ${lines.length}, column ${lines[lines.length - 1].length + 1}`;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let length: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else {
      return i;
    }
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return bytes.length;
}
