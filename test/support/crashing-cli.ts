import { runProcess } from '../../server/src/cli/run';

/* A command line that fails as a bug would, run by the CLI's own process runner: for the test of what the user sees then. */

runProcess(() => {
  throw new Error('a bug\n    at a line that must not be shown');
});
