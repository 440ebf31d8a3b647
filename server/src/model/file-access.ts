/**
 * How the core reaches other files, for `use`. The core does no I/O: the CLI and the
 * server each implement this (over the disk, or over open editor buffers and the
 * disk), and enforce that references never leave the workspace.
 */
export interface FileAccess {
  /**
   * The id (a URI or absolute path, as the host likes) of the file that `path` names
   * from inside the file `from`, or why it may not be used (outside the workspace…).
   */
  resolve(from: string, path: string): { uri: string } | { refused: string };
  /**
   * The file's text; what stops it being read as a spec (worded to follow its name,
   * such as "is not UTF-8 text: …"); or undefined when there is no such file.
   */
  read(uri: string): string | { problem: string } | undefined;
  /** A short name for messages: usually the path relative to the workspace. */
  display(uri: string): string;
}
