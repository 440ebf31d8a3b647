import { Config } from '../../server/src/config/config';
import { lint, LintResult } from '../../server/src/engine/lint';
import { Project as EngineProject, projectOf, withText } from '../../server/src/engine/project';
import { Project } from '../../server/src/host/project';
import { FileAccess } from '../../server/src/model/file-access';
import { catalogue } from '../../server/src/rules/catalogue';

/**
 * Lints `text` as the file `file`, with every rule of the catalogue: other files come
 * through `access` (the disk, memory, or none), and every file takes `config`.
 */
export function lintText(file: string, text: string, access: FileAccess = noFiles, config?: Config): LintResult {
  return lint(textProject(file, text, access, config), file, { rules: catalogue });
}

/** A project in which `file` holds `text`: other files come through `access`, and every file takes `config`. */
export function textProject(file: string, text: string, access: FileAccess = noFiles, config?: Config): EngineProject {
  return withText(projectOf(access, config), file, text);
}

/** A project of these folders on the disk, as a front end makes one. */
export function diskProject(...roots: string[]): Project {
  return new Project({ roots, rules: catalogue });
}

/** For a file on its own: every `use` is refused. */
export const noFiles: FileAccess = {
  resolve: () => ({ refused: 'this file is not in a folder that outcome-lint can read' }),
  read: () => undefined,
  display: (uri) => uri,
};
