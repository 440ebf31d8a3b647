import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests, SilentReporter } from '@vscode/test-electron';
import { repoRoot, samplesDir } from '../support/paths';

/*
 * The @vscode/test-electron suite: the extension in a downloaded VS Code (activation,
 * diagnostics, a quick fix). Where VS Code cannot be downloaded (no internet, as on
 * our CI), it says so in one line and stops: the code-server test
 * (test/e2e/vscode/run.ts) is the proof there. Linux without a display: run it under
 * `xvfb-run -a`.
 */

async function main(): Promise<number> {
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version: 'stable', cachePath: path.join(repoRoot, '.e2e', 'vscode-test'), timeout: 30_000, reporter: new SilentReporter() });
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]!.replace(/\s*-\s*Resolving version.*$/, '');
    console.log(`@vscode/test-electron suite skipped: VS Code cannot be downloaded here (${reason}); the code-server test is the proof on this machine.`);
    return 0;
  }
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-electron-'));
  fs.cpSync(samplesDir, workspace, { recursive: true });
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
    return 0;
  } catch (error) {
    console.error(`@vscode/test-electron suite failed: ${(error as Error).message}`);
    return 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
