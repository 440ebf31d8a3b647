import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './support/paths';

/*
 * A second, independent LSP client: headless Neovim (`apt-get install neovim`; .ci/run
 * installs it) drives dist/server.js through test/e2e/nvim.lua. Where Neovim is missing
 * the test fails with one line saying what to install; it is never skipped silently.
 */

const SHARED = 'cohort neet "Young people" {\n  eligibility { age 16 to 24 }\n  size 450\n  referral by "Careers Service"\n}\n';
const MAIN =
  'use "shared.outcome"\nspec "Youth pathways" { budget £2m }\noutcome job "Sustained employment" {\n  for neet\n  measure "26 weeks in paid work"\n  evidence "HMRC payroll data"\n}\npayment {\n  model results\n  pay £3,000 for job per participant\n}\n';

interface Step {
  step: string;
  value: unknown;
}

describe('Neovim drives the language server', function () {
  this.timeout(60_000);
  let steps: Map<string, unknown>;
  let dir: string;

  before(function () {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    if (version.error) throw new Error('Neovim is not installed: run `apt-get install -y neovim` (as root), or `bash .ci/run` which does');
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-nvim-')));
    fs.writeFileSync(path.join(dir, 'shared.outcome'), SHARED);
    fs.writeFileSync(path.join(dir, 'main.outcome'), MAIN);
    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(repoRoot, 'test/e2e/nvim.lua')}`], {
      encoding: 'utf8',
      timeout: 50_000,
      env: { ...process.env, OUTCOME_SERVER: path.join(repoRoot, 'dist/server.js'), OUTCOME_DIR: dir, OUTCOME_FILE: path.join(dir, 'main.outcome'), XDG_STATE_HOME: dir, XDG_DATA_HOME: dir },
    });
    const lines = `${run.stdout}`.split('\n').filter((l) => l.startsWith('{'));
    steps = new Map(lines.map((l) => JSON.parse(l) as Step).map((s) => [s.step, s.value]));
    assert.equal(steps.get('error'), undefined, `Neovim: ${String(steps.get('error'))}\n${run.stderr}`);
    assert.equal(run.status, 0, `nvim exited with ${run.status}: ${run.stderr}`);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('shows the server\'s diagnostics', () => {
    const diagnostics = steps.get('diagnostics') as { code: string; line: number; col: number }[];
    const upfront = diagnostics.find((d) => d.code === 'perverse-incentive/no-upfront');
    assert.deepEqual(upfront && [upfront.line, upfront.col], [8, 2]);
  });

  it('hover shows the cohort from the other file', () => {
    assert.match(String(steps.get('hover')), /\*\*cohort `neet`\*\*: Young people \(defined in shared\.outcome\)/);
  });

  it('go to definition lands in shared.outcome', () => {
    const definition = steps.get('definition') as { uri: string; range: { start: { line: number; character: number } } };
    assert.ok(definition.uri.endsWith('/shared.outcome'));
    assert.deepEqual(definition.range.start, { line: 0, character: 7 });
  });

  it('rename edits both files', () => {
    const rename = steps.get('rename') as { changes: Record<string, { newText: string }[]> };
    assert.deepEqual(Object.keys(rename.changes).map((u) => path.basename(u)).sort(), ['main.outcome', 'shared.outcome']);
  });

  it('offers the quick fix and the suppression as code actions', () => {
    const titles = steps.get('codeActions') as string[];
    assert.ok(titles.includes('Pay 20% up front (add `upfront 20%`)'), titles.join('; '));
    assert.ok(titles.includes('Disable perverse-incentive/no-upfront for this line (with a reason)'));
  });
});
