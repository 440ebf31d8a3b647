import { Config, defaultConfig } from '../config/config';
import { FileAccess } from '../model/file-access';

/**
 * What the engine needs of the files it lints: each file's text, where a `use` leads
 * (a `FileAccess`), and the settings each file is linted with. The host's project
 * (host/project.ts) is the one every front end uses; rule examples and tests make
 * small ones with `projectOf`.
 */
export interface Project extends FileAccess {
  /** The settings the file is linted with: its `.outcomelintrc.json`, or the defaults. */
  configFor(file: string): Config;
}

/** A project of the files `access` reaches, every one linted with `config`. */
export function projectOf(access: FileAccess, config: Config = defaultConfig): Project {
  return {
    resolve: (from, path) => access.resolve(from, path),
    read: (file) => access.read(file),
    display: (file) => access.display(file),
    configFor: () => config,
  };
}

/** The same project, but for `file`, which holds `text` (a fix applied, a version at a commit). */
export function withText(project: Project, file: string, text: string): Project {
  return {
    resolve: (from, path) => project.resolve(from, path),
    read: (f) => (f === file ? text : project.read(f)),
    display: (f) => project.display(f),
    configFor: (f) => project.configFor(f),
  };
}
