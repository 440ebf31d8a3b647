import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { CODE_SERVER_ENTRY, CODE_SERVER_READY, NODE24_BINARY } from './install-paths';

/*
 * The real VS Code workbench (code-server, installed by scripts/provision-editors) with
 * the extension installed from its .vsix, driven by Debian's Chromium. Every run has
 * its own user data, extensions and temp folders, so nothing leaks between runs or
 * into the machine's own VS Code.
 *
 * The selectors are VS Code's own DOM (pinned with code-server's version). The helpers
 * wait for what a user would see, never for a fixed time.
 */

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** One finding as the Problems panel shows it. */
export interface ProblemRow {
  message: string;
  code: string;
  line: number;
  column: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs / 1000} s`);
}

export class Workbench {
  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly server: ChildProcess,
    readonly workspace: string,
    private readonly home: string,
  ) {}

  /**
   * Installs the .vsix into a fresh code-server, starts it on a free port and opens
   * `workspace` in Chromium. `home` is a scratch folder for this run.
   */
  static async start(vsix: string, workspace: string, home: string): Promise<Workbench> {
    if (!fs.existsSync(CODE_SERVER_READY)) {
      throw new Error('code-server is not installed: run `npm test` (its pretest installs it) or `node out/scripts/provision-editors.js`');
    }
    const dirs = { user: path.join(home, 'user'), ext: path.join(home, 'extensions'), xdg: path.join(home, 'xdg'), tmp: path.join(home, 'tmp') };
    for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
    fs.mkdirSync(path.join(dirs.user, 'User'), { recursive: true });
    fs.writeFileSync(
      path.join(dirs.user, 'User', 'settings.json'),
      JSON.stringify({
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        // As client/README.md recommends: fix-all on save, which applies safe fixes only.
        '[outcome]': { 'editor.codeActionsOnSave': { 'source.fixAll': 'explicit' } },
      }),
    );
    const env = {
      ...process.env,
      XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
      XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
      TMPDIR: dirs.tmp,
    };
    const common = ['--user-data-dir', dirs.user, '--extensions-dir', dirs.ext];
    const install = spawnSync(NODE24_BINARY, [CODE_SERVER_ENTRY, ...common, '--install-extension', vsix], { env, encoding: 'utf8' });
    if (install.status !== 0 || !/successfully installed/.test(install.stdout)) {
      throw new Error(`installing the .vsix failed: ${install.stdout}${install.stderr}`);
    }

    const port = await freePort();
    const log = fs.openSync(path.join(home, 'code-server.log'), 'a');
    // Its own process group, so that stop() ends the file watchers it starts as well.
    const server = spawn(
      NODE24_BINARY,
      [CODE_SERVER_ENTRY, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', ...common],
      { env, detached: true, stdio: ['ignore', log, log] },
    );
    try {
      await waitForHealth(`http://127.0.0.1:${port}/healthz`, server, 60_000);
      const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      return new Workbench(page, browser, server, workspace, home);
    } catch (error) {
      Workbench.kill(server);
      throw error;
    }
  }

  private static kill(server: ChildProcess): void {
    try {
      process.kill(-server.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }

  /** What the extension wrote in its "Outcome Lint" output channel, from VS Code's log files. */
  extensionLog(): string {
    const logs = path.join(this.home, 'user', 'logs');
    const files = fs.existsSync(logs) ? (fs.readdirSync(logs, { recursive: true }) as string[]).filter((f) => f.endsWith(path.join('outcome-lint.outcome-lint', 'Outcome Lint.log'))) : [];
    return files.map((f) => fs.readFileSync(path.join(logs, f), 'utf8')).join('');
  }

  async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    Workbench.kill(this.server);
  }

  /** Opens a file from the Explorer, as a user clicks it, and waits for its editor. */
  async openFile(name: string): Promise<void> {
    await this.page.getByRole('treeitem', { name }).first().click();
    await this.page.waitForSelector(`.tab.active[aria-label*="${name}"]`, { timeout: 30_000 });
    await this.page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
    await this.page.locator('.monaco-editor .view-lines').first().click();
  }

  /** Runs a command by its title from the Command Palette. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** The Problems panel's filter that showProblemsFor set. */
  private problemsFilter: string | undefined;

  /** Opens the Problems panel, showing only `file`'s findings. */
  async showProblemsFor(file: string): Promise<void> {
    if (!(await this.page.locator('.markers-panel').isVisible())) await this.runCommand('View: Focus Problems');
    this.problemsFilter = `**/${file}`;
    await this.keepProblemsFilter();
  }

  /**
   * Sets the filter again when the panel lost it. Typed into a workbench that had just
   * started, it was once not in effect for the whole minute the first scenario waited:
   * the panel listed every file's findings.
   */
  private async keepProblemsFilter(): Promise<void> {
    if (this.problemsFilter === undefined) return;
    const input = this.page.locator('input[aria-label="Filter Problems"]');
    if ((await input.inputValue()) !== this.problemsFilter) await input.fill(this.problemsFilter);
  }

  /** The findings the Problems panel lists now (after showProblemsFor). */
  async problems(): Promise<ProblemRow[]> {
    await this.keepProblemsFilter();
    const texts = await this.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    const rows: ProblemRow[] = [];
    for (const text of texts) {
      const match = /^([\s\S]*)\noutcome-lint\n([\w-]+\/[\w-]+)\n\[Ln (\d+), Col (\d+)\]$/.exec(text.trim());
      if (match) rows.push({ message: match[1]!, code: match[2]!, line: Number(match[3]), column: Number(match[4]) });
    }
    return rows;
  }

  /** Waits until the Problems panel's findings satisfy `ok`, and returns them. */
  async waitForProblems(ok: (rows: ProblemRow[]) => boolean, timeoutMs = 30_000): Promise<ProblemRow[]> {
    let rows: ProblemRow[] = [];
    return this.until(
      async () => {
        rows = await this.problems();
        return ok(rows) ? rows : undefined;
      },
      () => `the Problems panel shows ${JSON.stringify(rows.map((r) => `${r.line} ${r.code}`))}`,
      timeoutMs,
    );
  }

  /**
   * Asks `probe` every 100 ms until it gives a value; after `timeoutMs`, fails with
   * `failure()`. For what VS Code renders in steps (hovers, panels, webviews).
   */
  async until<T>(probe: () => Promise<T | undefined>, failure: () => string, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(failure());
      await this.page.waitForTimeout(100);
    }
  }

  /** Moves the cursor to a 1-based line and column with Go to Line. */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.waitForSelector(`.statusbar-item[aria-label^="Ln ${line}, Col ${column}"], .statusbar-item:has-text("Ln ${line}, Col ${column}")`, { timeout: 10_000 });
  }

  /** The text of the status bar item the extension adds. */
  async statusText(): Promise<string> {
    const item = this.page.locator('.statusbar-item', { hasText: 'findings' }).first();
    await item.waitFor({ timeout: 30_000 });
    return item.innerText();
  }

  async screenshot(file: string): Promise<void> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file });
  }
}
