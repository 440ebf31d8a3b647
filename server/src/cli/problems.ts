/**
 * A reason the command cannot run (exit code 2): a mistake on the command line, no
 * files, an unreadable file, an invalid config. Each line is printed as
 * `outcome-lint: <line>` on stderr, never with a stack trace.
 */
export class UsageError extends Error {
  readonly lines: readonly string[];

  constructor(...lines: string[]) {
    super(lines.join('; '));
    this.lines = lines;
  }
}

/**
 * Runs a command: a UsageError, thrown or (from a command that waits) rejected, becomes
 * its lines on stderr, each `outcome-lint: …`, and exit code 2. Anything else is a bug,
 * and goes on up.
 */
export function runReportingUsage(err: (line: string) => void, run: () => number): number;
export function runReportingUsage(err: (line: string) => void, run: () => number | Promise<number>): number | Promise<number>;
export function runReportingUsage(err: (line: string) => void, run: () => number | Promise<number>): number | Promise<number> {
  const usage = (error: unknown): number => {
    if (!(error instanceof UsageError)) throw error;
    for (const line of error.lines) err(`outcome-lint: ${line}`);
    return 2;
  };
  try {
    const code = run();
    return typeof code === 'number' ? code : code.catch(usage);
  } catch (error) {
    return usage(error);
  }
}
