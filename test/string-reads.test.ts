import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import ts from 'typescript';
import { lintText } from './support/lint';
import { repoRoot } from './support/paths';

/*
 * Rules read a string of the spec only through their context's `read`, which notes who
 * read what: the language server keeps the findings of every rule that did not read the
 * string a keystroke changed (engine/reuse.ts). A `.value` of a string anywhere a rule
 * can reach would be a read the engine never hears of, and a finding kept when it should
 * have changed. This test finds every such `.value`, with the TypeScript compiler's own
 * idea of each expression's type, under rules/ and engine/ (but for the engine's own
 * reads: `read` itself, and the comparison of a string before and after an edit); and
 * the two other ways round `read`: a rule slicing the file's text itself (`facts.text`:
 * `facts.written(span)` refuses a span over a string), and a rule handing a string to a
 * helper outside rules/ and engine/, where this test does not look.
 */

const CHECKED = ['server/src/rules/', 'server/src/engine/'];
/** Where the engine itself reads: for `read`, and to compare a string before and after an edit. */
const READERS = ['server/src/engine/lint.ts', 'server/src/engine/reuse.ts'];
const AST = path.join(repoRoot, 'server/src/syntax/ast.ts');
const FACTS = path.join(repoRoot, 'server/src/engine/facts.ts');

/** True when `type` is the class `name` declared in `file`. */
function isDeclared(type: ts.Type, name: string, file: string): boolean {
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  return symbol?.getName() === name && (symbol.getDeclarations() ?? []).some((d) => path.resolve(d.getSourceFile().fileName) === file);
}

/** True when `type` is the tree's `Text`, or a union with it (`Text | undefined`). */
function isText(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.some(isText);
  return isDeclared(type, 'Text', AST);
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
      const inRule = relative.startsWith('server/src/rules/');
      // `facts.text`, the whole file, sliced by a rule.
      if (inRule && ts.isPropertyAccessExpression(node) && node.name.text === 'text' && isDeclared(checker.getTypeAtLocation(node.expression), 'SpecFacts', FACTS)) {
        found.push(`${where(node)} ${node.getText()}`);
      }
      // A string handed to a function of ours declared outside rules/ and engine/.
      if (inRule && ts.isCallExpression(node) && node.arguments.some((a) => isText(checker.getTypeAtLocation(a)))) {
        const declared = checker.getResolvedSignature(node)?.getDeclaration()?.getSourceFile().fileName;
        const home = declared && path.relative(repoRoot, declared).split(path.sep).join('/');
        if (home?.startsWith('server/src/') && !CHECKED.some((dir) => home.startsWith(dir))) found.push(`${where(node)} ${node.getText()} (a string handed to ${home})`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('rules read strings only through `read`', () => {
  it('`facts.written` gives the words of a figure as written, and refuses a span over a string', () => {
    const text = 'payment {\n  model results\n  upfront   0%\n}\noutcome job "Job" {\n  measure "26 weeks"\n}\n';
    const { facts } = lintText('/w/a.outcome', text);
    const upfront = facts.payment!.upfront!;
    assert.equal(facts.written(upfront.span), 'upfront 0%');
    const title = facts.outcomes[0].title!;
    assert.throws(() => facts.written({ start: title.span.start - 4, end: title.span.start + 2 }), /over a string: read strings with read\(\)/);
    assert.equal(facts.written({ start: upfront.span.start, end: facts.payment!.span.end }), 'upfront 0% }');
  });

  it('no `.value` of a string under rules/ or engine/', function () {
    this.timeout(60_000);
    const found = directReads();
    assert.deepEqual(found, [], `read each string with the context's read(text), not .value:\n${found.join('\n')}`);
  });
});
