import { Io } from '../../server/src/cli/io';

/** A command's io that keeps what it writes: standard output as text (`out`), standard error as lines (`err`). */
export function commandIo(cwd: string): Io & { out: string; err: string[] } {
  const result = {
    cwd,
    env: {},
    stdoutIsTTY: false,
    stdin: () => Buffer.alloc(0),
    out: '',
    err: [] as string[],
    stdout: (text: string) => {
      result.out += text;
    },
    stderr: (line: string) => {
      result.err.push(line);
    },
  };
  return result;
}
