import * as fs from 'node:fs';
import { decodeText } from '../host/decode-text';
import { ioProblem, UsageError } from './problems';

/*
 * Reading a spec, once: the one reader of every command (lint, export, diff, report). A
 * file that cannot be read, or that is not UTF-8 text, stops the run (exit code 2) with
 * one line naming the file and, for bad bytes, where they are: linting the rest would
 * hide that a spec was never checked.
 */

/**
 * A file's text without its byte order mark, or a UsageError saying why not. `read`
 * gets the bytes: from the disk, or from memory in tests.
 */
export function readSpec(file: string, shown: string, read: (file: string) => Buffer = fs.readFileSync): string {
  let bytes: Buffer;
  try {
    bytes = read(file);
  } catch (error) {
    throw new UsageError(`cannot read ${shown}: ${ioProblem(error)}`);
  }
  return decodeSpec(bytes, shown);
}

/** A spec's bytes (from a file, or from git) as text without its byte order mark, or a UsageError. */
export function decodeSpec(bytes: Buffer, shown: string): string {
  const decoded = decodeText(bytes);
  if (typeof decoded !== 'string') throw new UsageError(`${shown} ${decoded.problem}`);
  return decoded;
}
