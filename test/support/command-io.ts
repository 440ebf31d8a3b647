import { CommandIo } from '../../server/src/cli/commands';

/** A subcommand's io that keeps what it writes: stdout as text, stderr as lines. */
export function commandIo(cwd: string): CommandIo & { stdout: string; stderr: string[] } {
  const result = {
    cwd,
    stdout: '',
    stderr: [] as string[],
    out: (text: string) => {
      result.stdout += text;
    },
    err: (line: string) => {
      result.stderr.push(line);
    },
  };
  return result;
}
