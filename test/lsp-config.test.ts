import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { LspClient } from './support/lsp-client';

/*
 * The server reads `.outcomelintrc.json` (the CLI's schema), reloads it when the editor
 * says it changed on disk, and shows what is wrong with a broken one in the file itself.
 */

const SPEC = `spec "Config test" {
  commissioner "Kingsford City Council"
  term 2 years from 2026-04-01
  budget £100k
}

cohort people "People" {
  eligibility {
    resident in "Kingsford"
  }
  size 100
  referral by "Jobcentre Plus"
}

outcome jobs "Jobs" {
  for people
  measure "in work for 26 weeks"
  evidence "HMRC RTI"
  baseline 10% source "ONS"
  kind tangible
  window 12 months
}

payment {
  model results
  pay £500 for jobs per participant
  cap £50k
}
`;

describe('language server: .outcomelintrc.json', function () {
  this.timeout(30_000);
  let dir: string;
  let client: LspClient;
  let specUri: string;
  let configFile: string;
  let configUri: string;
  let version = 1;

  const codes = async (accept: (v: number | undefined) => boolean): Promise<string[]> =>
    (await client.diagnostics(specUri, (p) => accept(p.version))).map((d) => String(d.code));

  /** Writes the config file and tells the server, as an editor's file watcher does. */
  async function writeConfig(text: string): Promise<void> {
    fs.writeFileSync(configFile, text);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: FileChangeType.Changed }] });
  }

  /** Touches the spec so that the next publish for it is recognisable by its version. */
  async function relint(): Promise<number> {
    version++;
    await client.change(specUri, version, [{ text: SPEC }]);
    return version;
  }

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-lsp-config-'));
    configFile = path.join(dir, '.outcomelintrc.json');
    configUri = LspClient.uri(configFile);
    fs.writeFileSync(configFile, JSON.stringify({ rules: { 'perverse-incentive/no-upfront': 'off' } }));
    fs.writeFileSync(path.join(dir, 'spec.outcome'), SPEC);
    specUri = LspClient.uri(path.join(dir, 'spec.outcome'));
    client = new LspClient();
    await client.initialize(dir);
    await client.open(specUri, SPEC);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a rule the config turns off finds nothing', async () => {
    const found = await codes((v) => v === 1);
    assert.ok(!found.includes('perverse-incentive/no-upfront'), found.join(', '));
  });

  it('a changed config is read again, and the rule is back', async () => {
    await writeConfig('{ "rules": {} }');
    const v = await relint();
    assert.ok((await codes((p) => p === v)).includes('perverse-incentive/no-upfront'));
  });

  it('a broken config is marked in the config file, at the mistake, and the defaults apply meanwhile', async () => {
    const broken = '{\n  "rules": {\n    "perverse-incentive/no-upfront": "of"\n  }\n}\n';
    await writeConfig(broken);
    const v = await relint();
    assert.ok((await codes((p) => p === v)).includes('perverse-incentive/no-upfront'));
    const marked = await client.diagnostics(configUri, (p) => p.diagnostics.length > 0);
    assert.equal(marked.length, 1);
    assert.equal(marked[0]!.source, 'outcome-lint');
    assert.match(String(marked[0]!.message), /`of` is not a severity: use off, info, warning or error/);
    // The value's place: line 3 (0-based 2), from the opening quote of "of".
    const column = broken.split('\n')[2]!.indexOf('"of"');
    assert.deepEqual(marked[0]!.range, { start: { line: 2, character: column }, end: { line: 2, character: column + 4 } });
  });

  it('fixing it clears the mark and applies the config again', async () => {
    await writeConfig(JSON.stringify({ rules: { 'perverse-incentive/no-upfront': 'off' } }));
    const v = await relint();
    assert.ok(!(await codes((p) => p === v)).includes('perverse-incentive/no-upfront'));
    await client.diagnostics(configUri, (p) => p.diagnostics.length === 0);
  });
});
