import { z } from 'zod';
import { DEFAULT_MAX_FILE_SIZE_MB, MAX_FILE_SIZE_RANGE_MB } from '../host/project';

/*
 * The editor's `outcomeLint.*` settings, pulled from the client. They come from a
 * workspace the user may not trust, so each is checked: a value that makes no sense is
 * named in the log, and its default is used instead.
 */

const SCHEMA = {
  enable: z.boolean(),
  maxProblems: z.number().int().min(1),
  inlayHints: z.boolean(),
  maxFileSizeMB: z.number().min(MAX_FILE_SIZE_RANGE_MB.min).max(MAX_FILE_SIZE_RANGE_MB.max),
} as const;

export interface ClientSettings {
  /** Lint as the user types. */
  readonly enable: boolean;
  /** The most findings shown for one file. */
  readonly maxProblems: number;
  readonly inlayHints: boolean;
  /** Larger files are not linted: one finding says so. */
  readonly maxFileSizeMB: number;
}

export const DEFAULT_SETTINGS: ClientSettings = { enable: true, maxProblems: 1000, inlayHints: true, maxFileSizeMB: DEFAULT_MAX_FILE_SIZE_MB };

/** The settings the client gave, each checked; `problems` names each value not used, one line each. */
export function readClientSettings(value: unknown): { settings: ClientSettings; problems: string[] } {
  const given = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  for (const [key, schema] of Object.entries(SCHEMA)) {
    if (given[key] === undefined || given[key] === null) continue;
    const checked = schema.safeParse(given[key]);
    if (checked.success) settings[key] = checked.data;
    else problems.push(`outcomeLint.${key}: ${JSON.stringify(given[key])} is not a valid value (${checked.error.issues[0]?.message ?? 'invalid'}); using ${JSON.stringify(settings[key])}`);
  }
  return { settings: settings as unknown as ClientSettings, problems };
}
