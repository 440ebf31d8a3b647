import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeAction,
  CodeActionRequest,
  CompletionItem,
  CompletionRequest,
  DefinitionRequest,
  Diagnostic,
  DocumentFormattingRequest,
  DocumentSymbol,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  InsertTextFormat,
  Location,
  MarkupContent,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
  WorkspaceEdit,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import { LspClient } from './support/lsp-client';

/*
 * The bundled server, driven over stdio by a real JSON-RPC client, on a workspace of two
 * files: shared.outcome (cohorts) and main.outcome, which uses it.
 */

const SHARED = `cohort neet "Young people not in education, employment or training" {
  eligibility {
    age 16 to 24
    resident in "Northshire"
  }
  size 450
  referral by "Careers Service"
  segment care_leavers "Care leavers" { size 60 }
}
`;

const MAIN = `use "shared.outcome"
spec "Youth pathways" {
  budget £2,000,000
}
outcome job "Sustained employment" {
  for neet
  measure "26 weeks in paid work"
  evidence "HMRC payroll data"
  kind tangible
}
payment {
  model results
  pay £3,000 for job per participant
  pay £4,000 for job per participant in care_leavers
}
`;

/** 0-based line and character of the first `needle` (after `after`, if given). */
function pos(text: string, needle: string, after = ''): { line: number; character: number } {
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  assert.ok(offset >= 0, `${needle} not found`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('language server over stdio', function () {
  this.timeout(30_000);
  let dir: string;
  let client: LspClient;
  let mainUri: string;
  let sharedUri: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-lsp-'));
    fs.writeFileSync(path.join(dir, 'shared.outcome'), SHARED);
    fs.writeFileSync(path.join(dir, 'main.outcome'), MAIN);
    mainUri = LspClient.uri(path.join(dir, 'main.outcome'));
    sharedUri = LspClient.uri(path.join(dir, 'shared.outcome'));
    client = new LspClient();
    await client.initialize(dir);
    await client.open(mainUri, MAIN);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes findings for the open file, with code, source, rule link and exact range', async () => {
    const diagnostics = await client.diagnostics(mainUri);
    const upfront = diagnostics.find((d) => d.code === 'perverse-incentive/no-upfront');
    assert.ok(upfront, JSON.stringify(diagnostics.map((d) => d.code)));
    assert.equal(upfront.source, 'outcome-lint');
    assert.deepEqual(upfront.range, { start: pos(MAIN, 'model results'), end: { line: pos(MAIN, 'model results').line, character: pos(MAIN, 'model results').character + 13 } });
    assert.match(upfront.codeDescription!.href, /docs\/rules\/perverse-incentive\/no-upfront\.md$/);
    assert.ok(!diagnostics.some((d) => d.code === 'syntax/parse'));
  });

  it('the first findings of a file opened as the server starts already see what it uses', async () => {
    // The file is opened before the server has indexed the workspace: `use` reads the disk.
    await client.diagnostics(mainUri);
    const first = client.publishes(mainUri)[0].diagnostics;
    assert.ok(!first.some((d) => d.code === 'target-group/undefined'), JSON.stringify(first.map((d) => d.message)));
  });

  it('a used file that is not UTF-8 text makes its `use` unresolved, saying why', async () => {
    fs.writeFileSync(path.join(dir, 'latin.outcome'), Buffer.from('cohort old "Old" {\n  size 4 # \xa3\n}\n', 'latin1'));
    const uri = LspClient.uri(path.join(dir, 'uses-latin.outcome'));
    await client.open(uri, 'use "latin.outcome"\n');
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'structure/unresolved-use').map((d) => d.message), [
      'cannot use `latin.outcome`: latin.outcome is not UTF-8 text: the byte 0xA3 at line 2, column 12 is not valid UTF-8; save the file as UTF-8',
    ]);
  });

  it('lints files that are not open, in the background', async () => {
    const diagnostics = await client.diagnostics(sharedUri);
    assert.ok(Array.isArray(diagnostics));
  });

  it('an edit that introduces a finding shows it in the next version, and its fix removes it', async () => {
    const kind = pos(MAIN, 'tangible');
    await client.change(mainUri, 2, [{ range: { start: kind, end: { line: kind.line, character: kind.character + 8 } }, text: 'intangible' }]);
    const after = await client.diagnostics(mainUri, (p) => p.version === 2);
    const finding = after.find((d) => d.code === 'monetisation/intangible-paid');
    assert.ok(finding);
    assert.equal(finding.range.start.line, pos(MAIN, 'pay £3,000').line);
    await client.change(mainUri, 3, [{ range: { start: kind, end: { line: kind.line, character: kind.character + 10 } }, text: 'tangible' }]);
    const fixed = await client.diagnostics(mainUri, (p) => p.version === 3);
    assert.ok(!fixed.some((d) => d.code === 'monetisation/intangible-paid'));
  });

  it('hover on a finding gives the rule, its reasons and evidence', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: mainUri }, position: pos(MAIN, 'results') });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /\*\*perverse-incentive\/no-upfront\*\*/);
    assert.match(value, /working capital/);
    assert.match(value, /Demos Policy Commission/);
  });

  it('hover on an id from another file shows its definition summary', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: mainUri }, position: pos(MAIN, 'neet') });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /\*\*cohort `neet`\*\*: Young people not in education/);
    assert.match(value, /Size: 450 people/);
    assert.match(value, /age 16 to 24/);
    assert.match(value, /defined in shared\.outcome/);
  });

  it('hover on a pay line shows the most it can pay, worked out', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: mainUri }, position: pos(MAIN, 'pay £3,000') });
    // 450 in the cohort, less the 60 care leavers priced on their own line.
    assert.equal((hover!.contents as MarkupContent).value, 'This line can pay up to **£1,170,000**: 390 successes × £3,000.');
  });

  it('hover on an investor shows what the investors commit and the most they can earn, worked out', async () => {
    const text = `${MAIN.replace('budget £2,000,000', 'budget £2,000,000\n  term 3 years')}\nfinance {\n  investor "Severnmoor Fund" commitment £800k return up to 6% per year\n  investor "Kingsford Foundation" commitment £200k return up to 3% per year\n  provider paid fixed fee\n}\n`;
    await client.change(mainUri, 200, [{ text }]);
    await client.diagnostics(mainUri, (p) => p.version === 200);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: mainUri }, position: pos(text, 'investor "Kingsford') });
    // 3 years: £800,000 × 6% × 3 = £144,000 and £200,000 × 3% × 3 = £18,000.
    assert.equal(
      (hover!.contents as MarkupContent).value,
      'The investors commit **£1,000,000** and can earn at most £162,000 over the 36 months of the term.\n\n' +
        '- Severnmoor Fund: commits £800,000; return up to 6% a year, at most £144,000\n' +
        '- Kingsford Foundation: commits £200,000; return up to 3% a year, at most £18,000',
    );
    await client.change(mainUri, 201, [{ text: MAIN }]);
    await client.diagnostics(mainUri, (p) => p.version === 201);
  });

  it('go to definition jumps to the cohort in the other file', async () => {
    const location = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: mainUri }, position: pos(MAIN, 'neet') })) as Location;
    assert.equal(location.uri, sharedUri);
    assert.deepEqual(location.range, { start: { line: 0, character: 7 }, end: { line: 0, character: 11 } });
  });

  it('find references from the definition lists the uses in the other file', async () => {
    const refs = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: sharedUri },
      position: { line: 7, character: 12 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      refs!.map((r) => [path.basename(r.uri), r.range.start.line, r.range.start.character]),
      [
        ['shared.outcome', 7, 10],
        ['main.outcome', pos(MAIN, 'care_leavers').line, pos(MAIN, 'care_leavers').character],
      ],
    );
  });

  it('rename changes the definition and every use, across files', async () => {
    const edit = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: mainUri }, position: pos(MAIN, 'neet'), newName: 'young_people' })) as WorkspaceEdit;
    assert.deepEqual(Object.keys(edit.changes!).sort(), [mainUri, sharedUri].sort());
    assert.deepEqual(edit.changes![sharedUri], [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 11 } }, newText: 'young_people' }]);
    assert.equal(edit.changes![mainUri][0].newText, 'young_people');
  });

  it('rename refuses a name that is not an id, or that is taken', async () => {
    await assert.rejects(
      client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: mainUri }, position: pos(MAIN, 'neet'), newName: '2fast' }),
      /`2fast` is not an id/,
    );
    await assert.rejects(
      client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: mainUri }, position: pos(MAIN, 'neet'), newName: 'job' }),
      /`job` is already the id of an outcome/,
    );
  });

  it('the outline lists the spec, the outcome and the payment with its lines', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: mainUri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['use shared.outcome', 'Youth pathways', 'job', 'payment']);
    assert.deepEqual(symbols[3].children!.map((c) => c.name), ['pay £3,000 for job', 'pay £4,000 for job in care_leavers']);
    const shared = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: sharedUri } })) as DocumentSymbol[];
    assert.deepEqual([shared[0].name, shared[0].children!.map((c) => c.name)], ['neet', ['care_leavers']]);
  });

  it('workspace symbols find ids in every file', async () => {
    const found = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'care' });
    assert.deepEqual((found as { name: string }[]).map((s) => s.name), ['care_leavers']);
  });

  it('folds every multi-line block', async () => {
    const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: sharedUri } });
    assert.deepEqual(ranges!.map((r) => [r.startLine, r.endLine]), [[0, 8], [1, 4]]);
  });

  it('semantic tokens mark ids by what they name', async () => {
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: mainUri } });
    // First token: `job` declared on line 4, char 8, length 3, type function (2), declaration.
    assert.deepEqual(tokens!.data.slice(0, 5), [4, 8, 3, 2, 1]);
  });

  it('completes cohort and segment ids after `for`, outcomes after `pay … for`, values after `kind`, the words of a finance block, and block snippets', async () => {
    const complete = async (text: string, line: number, character: number): Promise<string[]> => {
      await client.change(mainUri, 10 + line + character, [{ text }]);
      const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: mainUri }, position: { line, character } })) as CompletionItem[];
      return items.map((i) => i.label).sort();
    };
    assert.deepEqual(await complete('use "shared.outcome"\noutcome o {\n  for \n}\n', 2, 6), ['care_leavers', 'neet']);
    assert.deepEqual(await complete('use "shared.outcome"\noutcome o {\n  kind \n}\n', 2, 7), ['intangible', 'output', 'tangible']);
    assert.deepEqual(await complete('outcome o { for x }\npayment {\n  pay £3 for \n}\n', 2, 13), ['o']);
    // A limit: what it is per, and the outcomes a `cap … for` can name.
    assert.deepEqual(await complete('outcome o { for x }\npayment {\n  cap £3 per \n}\n', 2, 13), ['participant', 'year']);
    assert.deepEqual(await complete('outcome o { for x }\npayment {\n  cap £3 for \n}\n', 2, 13), ['o']);
    assert.deepEqual(await complete('cohort c {\n  referrals 300 per year \n}\n', 1, 25), ['ramp', 'referral', 'referrals', 'segment', 'eligibility', 'exclude', 'size'].sort());
    const top = await complete('\n', 0, 0);
    for (const word of ['cohort', 'outcome', 'payment', 'spec', 'use', 'finance']) assert.ok(top.includes(word), word);
    // In a finance block: its two fields, then the words of each.
    assert.deepEqual(await complete('finance {\n  \n}\n', 1, 2), ['investor', 'provider']);
    assert.deepEqual(await complete('finance {\n  investor "Fund" \n}\n', 1, 18), ['commitment', 'investor', 'provider', 'return']);
    assert.deepEqual(await complete('finance {\n  provider paid \n}\n', 1, 16), ['fixed']);
    assert.deepEqual(await complete('finance {\n  provider paid 30% of \n}\n', 1, 23), ['outcome']);
    // At the top level, block snippets too: the finance one writes a whole block to fill in.
    await client.change(mainUri, 99, [{ text: 'fin' }]);
    const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: mainUri }, position: { line: 0, character: 3 } })) as CompletionItem[];
    const snippet = items.find((i) => i.label === 'finance' && i.insertTextFormat === InsertTextFormat.Snippet);
    assert.ok(snippet, JSON.stringify(items));
    assert.match(snippet.insertText ?? '', /^finance \{\n {2}investor "\$\{1:Investor\}" commitment £\$\{2:500,000\} return up to \$\{3:6\}% per year\n {2}provider paid \$\{4\|fixed fee,30% of outcome payments\|\}\n\}/);
    await client.change(mainUri, 100, [{ text: MAIN }]);
    await client.diagnostics(mainUri, (p) => p.version === 100);
  });

  it('offers the rule\'s quick fix, "disable for this line" and fix-all', async () => {
    const line = pos(MAIN, 'model results').line;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: mainUri },
      range: { start: { line, character: 2 }, end: { line, character: 2 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Pay 20% up front (add `upfront 20%`)'), titles.join('; '));
    assert.ok(titles.includes('Disable perverse-incentive/no-upfront for this line (with a reason)'));
    assert.ok(titles.includes('Show documentation for perverse-incentive/no-upfront'));
    const fix = actions.find((a) => a.title.startsWith('Pay 20%'))!;
    assert.deepEqual(fix.edit!.changes![mainUri], [{ range: { start: { line, character: 15 }, end: { line, character: 15 } }, newText: '\n  upfront 20%' }]);
    assert.ok(!fix.isPreferred, 'it changes what the spec says: a suggestion, not the preferred fix');
    const fixAll = async (): Promise<CodeAction[]> =>
      (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: mainUri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      })) as CodeAction[];
    // Nothing here is safe to fix in bulk: only suggestions.
    assert.deepEqual(await fixAll(), []);
    // An id's capitals are: fix-all corrects them, and still adds no upfront share.
    await client.change(mainUri, 150, [{ text: MAIN.replace('for job per participant in', 'for Job per participant in') }]);
    await client.diagnostics(mainUri, (p) => p.version === 150);
    const all = await fixAll();
    assert.equal(all.length, 1);
    assert.equal(all[0].edit!.changes![mainUri][0].newText, MAIN);
    // The light bulb's own request (no kind named, sent on every cursor move) does not
    // work out fix-all, which lints the file again.
    const bulb = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: mainUri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    assert.ok(!bulb.some((a) => a.kind === 'source.fixAll'), bulb.map((a) => a.title).join('; '));
    await client.change(mainUri, 151, [{ text: MAIN }]);
    await client.diagnostics(mainUri, (p) => p.version === 151);
  });

  it('shows the most each pay line and the whole spec can pay as inlay hints', async () => {
    const hints = await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: mainUri },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
    });
    assert.deepEqual(hints!.map((h) => h.label), [' up to £1,170,000 (390 × £3,000)', ' up to £240,000 (60 × £4,000)', ' most it can pay: £1,410,000 of budget £2,000,000']);
  });

  it('formats a document into the canonical layout, keeping comments', async () => {
    const messy = 'cohort a {size 3   # how many\n}\n';
    await client.change(mainUri, 200, [{ text: messy }]);
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: mainUri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(edits!.map((e) => e.newText), ['cohort a {\n  size 3  # how many\n}\n']);
    await client.change(mainUri, 201, [{ text: 'cohort a { size }' }]);
    const refused = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: mainUri }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(refused, null);
    await client.change(mainUri, 202, [{ text: MAIN }]);
    await client.diagnostics(mainUri, (p) => p.version === 202);
  });

  it('answers the extension\'s summary and rule list requests', async () => {
    const summary = await client.connection.sendRequest('outcome-lint/summary', { uri: mainUri });
    assert.deepEqual((summary as { payment: string }).payment, '£1,410,000 of £2,000,000');
    const rules = (await client.connection.sendRequest('outcome-lint/rules')) as { id: string }[];
    assert.ok(rules.some((r) => r.id === 'budget/exceeds'));
    const html = (await client.connection.sendRequest('outcome-lint/report', { uri: mainUri })) as string;
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.match(html, /<title>Risk report: Youth pathways<\/title>/);
    assert.doesNotMatch(html, /<script/i);
  });

  it('makes the report under the assumptions the webview changed, each with a link to change it again', async () => {
    const command = 'outcomeLint.changeReportAssumption';
    const page = (options: unknown, changeCommand?: unknown): Promise<string> =>
      client.connection.sendRequest('outcome-lint/report', { uri: mainUri, options, changeCommand }) as Promise<string>;
    // The spec has no term: the webview gives one, so there is a cash flow and a simulation.
    const html = await page({ term: '3 years', rateSpread: '20%', cost: '£900,000' }, command);
    assert.match(html, /standard deviation 20% points/);
    assert.match(html, /£900,000 over the term, as given/);
    // The only links are the command links, one for each option an assumption names.
    const links = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    assert.ok(links.length > 5 && links.every((l) => l.startsWith('command:outcomeLint.changeReportAssumption?')), links.join('\n'));
    const targets = links.map((l) => JSON.parse(decodeURIComponent(l.slice(l.indexOf('?') + 1)))[0]);
    // Each says what it changes and gives an example, for the editor's input box.
    assert.ok(targets.some((t) => t.name === 'cost' && t.words === 'the delivery cost' && t.example === '£1.2m'));
    assert.ok(targets.some((t) => t.name === 'successRate' && t.outcome === 'job' && t.words === 'the success rate of job'));
    // Without a command there are no links; a command that is not a command id is refused.
    assert.doesNotMatch(await page({}), /href=/);
    assert.match(await page({}, 'javascript:alert(1)'), /cannot report on this file yet/);
  });

  it('checks an assumption before the webview uses it, in the words of the command line', async () => {
    const problems = (options: unknown) => client.connection.sendRequest('outcome-lint/reportOptionProblems', { uri: mainUri, options }) as Promise<string[]>;
    assert.deepEqual(await problems({ rateSpread: '20%' }), []);
    assert.deepEqual(await problems({ rateSpread: '150%' }), ['--rate-spread 150%: give the spread of each success rate in percentage points, from 0% to 100%, such as 10%']);
    assert.match((await problems({ successRate: ['nojob=40%'] }))[0]!, /`nojob` is not an outcome this spec pays for/);
    assert.deepEqual(await problems('all of them'), ['the assumptions sent by the editor are not a list of options']);
  });

  it('re-lints a file when a file it uses changes in the editor', async () => {
    await client.open(sharedUri, SHARED);
    await client.change(sharedUri, 2, [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: 'cohort job { size 3 }\n' }]);
    const diagnostics: Diagnostic[] = await client.diagnostics(mainUri, (p) => p.diagnostics.some((d) => d.code === 'structure/duplicate-id'));
    const clash = diagnostics.find((d) => d.code === 'structure/duplicate-id')!;
    assert.equal(clash.range.start.line, pos(MAIN, 'job').line);
    assert.equal(clash.relatedInformation![0].location.uri, sharedUri);
  });
});
