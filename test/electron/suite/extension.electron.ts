import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { expectedFindings } from '../../support/sample-findings';

/*
 * Runs inside a real VS Code (test/electron/run.ts) with the samples as the workspace.
 */

const folder = (): string => vscode.workspace.workspaceFolders![0]!.uri.fsPath;

async function findings(uri: vscode.Uri, ok: (d: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
  for (let i = 0; i < 300; i++) {
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'outcome-lint');
    if (ok(diagnostics)) return diagnostics;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`findings for ${uri.fsPath}: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.code))}`);
}

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

describe('outcome-lint in VS Code', () => {
  it('activates when a spec is opened', async () => {
    const document = await vscode.workspace.openTextDocument(path.join(folder(), 'reoffending.outcome'));
    await vscode.window.showTextDocument(document);
    const extension = vscode.extensions.getExtension('outcome-lint.outcome-lint')!;
    await findings(document.uri, (d) => d.length > 0);
    assert.equal(extension.isActive, true);
  });

  it('shows the findings the sample is meant to have, on their lines', async () => {
    const uri = vscode.Uri.file(path.join(folder(), 'reoffending.outcome'));
    // The workspace is a copy of samples/, README.md included.
    const expected = expectedFindings(folder()).get('reoffending.outcome')!;
    const severities = ['error', 'warning', 'info', 'info'];
    const diagnostics = await findings(uri, (d) => d.length === expected.length);
    assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1} ${codeOf(d)} ${severities[d.severity]}`).sort(), expected);
  });

  it('a quick fix removes its finding', async () => {
    const uri = vscode.Uri.file(path.join(folder(), 'reoffending.outcome'));
    const before = await findings(uri, (d) => d.length > 0);
    const [finding] = before.filter((d) => codeOf(d) === 'perverse-incentive/no-upfront');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, finding!.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('Pay 20% up front'));
    assert.ok(fix?.edit, `quick fixes: ${actions.map((a) => a.title).join(', ')}`);
    await vscode.workspace.applyEdit(fix.edit);
    const after = await findings(uri, (d) => d.length === before.length - 1);
    assert.ok(after.every((d) => codeOf(d) !== 'perverse-incentive/no-upfront'));
  });
});
