import { plural } from '../base/wording';
import { fixText } from '../engine/fixes';
import { Project } from '../host/project';
import { catalogue } from '../rules/catalogue';
import type { Io } from './io';
import { writeSpec } from './write-spec';

/*
 * `--fix` and `--fix-dry-run`: every safe fix of every file, applied in passes until none
 * is left (engine/fixes.ts). Suggestions, which change what a spec says, are never
 * applied here; the report that follows still lists them.
 */

interface Fixed {
  readonly file: string;
  readonly before: string;
  readonly after: string;
  readonly fixes: number;
}

/** The files that the safe fixes change, with their texts before and after. */
function fixedFiles(project: Project, files: readonly string[]): Fixed[] {
  return files.flatMap((file) => {
    const before = project.read(file) as string;
    const { text: after, fixed } = fixText(project, file, catalogue, before);
    return fixed > 0 && after !== before ? [{ file, before, after, fixes: fixed }] : [];
  });
}

/** `--fix`: writes each fixed file and says how many fixes went where; the project reads them again. */
export function fixFiles(project: Project, files: readonly string[], shown: (file: string) => string, io: Io): void {
  const fixed = fixedFiles(project, files);
  for (const f of fixed) {
    writeSpec(f.file, shown(f.file), f.before, f.after);
    project.changed(f.file);
  }
  const count = fixed.reduce((n, f) => n + f.fixes, 0);
  if (count > 0) io.stderr(`outcome-lint: applied ${plural(count, 'fix', 'fixes')} in ${plural(fixed.length, 'file')}; suggestions are left for you to choose`);
}

/** `--fix-dry-run`: what `--fix` would write, as a unified diff; empty when it would change nothing. */
export function showFixes(project: Project, files: readonly string[], shown: (file: string) => string): string {
  // Required here, not imported: the diff library is loaded only for a dry run.
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = require('diff') as typeof import('diff');
  return fixedFiles(project, files)
    .map((f) => {
      const name = shown(f.file);
      return createTwoFilesPatch(`a/${name}`, `b/${name}`, f.before, f.after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
    })
    .join('');
}
