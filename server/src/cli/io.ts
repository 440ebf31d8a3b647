/** What a command needs from the process, so that it can be run in a test too. */
export interface Io {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdoutIsTTY: boolean;
  /** Standard input, read to its end (`--stdin`). */
  stdin(): Buffer;
  /** Writes text as it is (it ends with a newline). */
  stdout(text: string): void;
  /** Writes one line (a newline is added). The process's own (index.ts) shows its control characters escaped. */
  stderr(line: string): void;
}
