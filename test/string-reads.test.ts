import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import ts from 'typescript';
import { repoRoot } from './support/paths';

/*
 * Rules read a string of the spec only through their context's `read`, which notes who
 * read what: the language server keeps the findings of every rule that did not read the
 * string a keystroke changed (engine/reuse.ts). A `.value` of a string anywhere a rule
 * can reach would be a read the engine never hears of, and a finding kept when it should
 * have changed. This test finds every such `.value`, with the TypeScript compiler's own
 * idea of each expression's type, under rules/ and engine/ (but for the engine's own
 * reads: `read` itself, and the comparison of a string before and after an edit).
 */

const CHECKED = ['server/src/rules/', 'server/src/engine/'];
/** Where the engine itself reads: for `read`, and to compare a string before and after an edit. */
const READERS = ['server/src/engine/lint.ts', 'server/src/engine/reuse.ts'];
const AST = path.join(repoRoot, 'server/src/syntax/ast.ts');

/** True when `type` is the tree's `Text`, or a union with it (`Text | undefined`). */
function isText(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.some(isText);
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  return symbol?.getName() === 'Text' && (symbol.getDeclarations() ?? []).some((d) => path.resolve(d.getSourceFile().fileName) === AST);
}

function directReads(): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(repoRoot, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('cannot read tsconfig.json');
  const program = ts.createProgram({ rootNames: config.fileNames.filter((f) => CHECKED.some((dir) => f.includes(dir))), options: config.options });
  const checker = program.getTypeChecker();
  const found: string[] = [];
  for (const source of program.getSourceFiles()) {
    const relative = path.relative(repoRoot, source.fileName).split(path.sep).join('/');
    if (!CHECKED.some((dir) => relative.startsWith(dir)) || READERS.includes(relative)) continue;
    const where = (node: ts.Node): string => `${relative}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && node.name.text === 'value' && isText(checker.getTypeAtLocation(node.expression))) {
        found.push(`${where(node)} ${node.getText()}`);
      }
      if (ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression) && node.argumentExpression.text === 'value' && isText(checker.getTypeAtLocation(node.expression))) {
        found.push(`${where(node)} ${node.getText()}`);
      }
      // `const { value } = text`, and `({ value }) => …` given a string.
      if (ts.isObjectBindingPattern(node) && isText(checker.getTypeAtLocation(node)) && node.elements.some((e) => (e.propertyName ?? e.name).getText() === 'value')) {
        found.push(`${where(node)} ${node.getText()}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('rules read strings only through `read`', () => {
  it('no `.value` of a string under rules/ or engine/', function () {
    this.timeout(60_000);
    const found = directReads();
    assert.deepEqual(found, [], `read each string with the context's read(text), not .value:\n${found.join('\n')}`);
  });
});
