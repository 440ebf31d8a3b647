import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkSync, Diagnostics } from 'recheck';
import ts from 'typescript';
import { repoRoot } from './support/paths';

/*
 * No regular expression in the shipped code may backtrack catastrophically: a crafted
 * text (a tender document, a finding message) must not make a match take polynomial or
 * exponential time. recheck decides it for each expression: by automata theory where it
 * can, and by fuzzing for look-arounds. It runs here on its pure JavaScript backend, so
 * the test needs neither Java nor recheck's native binary.
 *
 * The expressions are found by parsing the sources with the TypeScript compiler: every
 * regular expression literal, and every `new RegExp(…)`. A `RegExp` built from a value
 * must be listed in DYNAMIC below, with the strings it can be built from.
 */

const SOURCE_DIRS = ['server/src', 'client/src'];

/** A `RegExp` built from a value, and every pattern it can be built from. */
interface Dynamic {
  readonly file: string;
  readonly call: string;
  readonly why: string;
  readonly instances: readonly { source: string; flags: string }[];
}

// None today: keywords were the last (one pattern each); `tokenize` now looks them up.
const DYNAMIC: readonly Dynamic[] = [];

interface Found {
  readonly source: string;
  readonly flags: string;
  /** `file:line` */
  readonly where: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

/**
 * A literal that is the `pattern` of a Chevrotain token. Chevrotain matches token
 * patterns only at the lexer's current offset (it adds the sticky flag, see
 * `addStickyFlag` in chevrotain's lexer), so they are checked as sticky: a search from
 * every offset, which recheck assumes otherwise, never happens.
 */
function lexerPattern(node: ts.Node): boolean {
  const property = node.parent;
  if (!ts.isPropertyAssignment(property) || property.name.getText() !== 'pattern') return false;
  const call = property.parent.parent;
  return ts.isCallExpression(call) && call.expression.getText() === 'createToken';
}

function isStringLiteral(node: ts.Node | undefined): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node));
}

/** The regular expressions in one source file, and its `RegExp`s built from values. */
function regexesIn(file: string): { literals: Found[]; dynamic: { call: string; where: string }[] } {
  const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const literals: Found[] = [];
  const dynamic: { call: string; where: string }[] = [];
  const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText();
      const slash = literal.lastIndexOf('/');
      const flags = literal.slice(slash + 1) + (lexerPattern(node) ? 'y' : '');
      literals.push({ source: literal.slice(1, slash), flags, where: where(node) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === 'RegExp') {
      const [pattern, flags] = node.arguments ?? [];
      if (isStringLiteral(pattern) && (flags === undefined || isStringLiteral(flags))) {
        const sticky = lexerPattern(node) ? 'y' : '';
        literals.push({ source: pattern.text, flags: (flags?.text ?? '') + sticky, where: where(node) });
      } else {
        dynamic.push({ call: node.getText(), where: where(node) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { literals, dynamic };
}

/** recheck's verdicts, by `/source/flags`: the same expression in several places is checked once. */
const verdicts = new Map<string, Diagnostics>();

function verdict(source: string, flags: string): Diagnostics {
  const key = `/${source}/${flags}`;
  let known = verdicts.get(key);
  if (!known) {
    // `auto`: automata theory where recheck can, fuzzing (seeded) for look-arounds.
    known = checkSync(source, flags, { checker: 'auto', randomSeed: 20261209, timeout: 60_000 });
    verdicts.set(key, known);
  }
  return known;
}

/** Why an expression fails the check, or undefined when recheck proves it safe. */
function problem(found: Found): string | undefined {
  const result = verdict(found.source, found.flags);
  const regex = `/${found.source}/${found.flags}`;
  if (result.status === 'vulnerable') {
    return `${found.where}: ${regex} is vulnerable (${result.complexity.summary}); recheck's attack string: ${result.attack.pattern}`;
  }
  if (result.status === 'unknown') {
    const detail = 'message' in result.error ? `: ${result.error.message}` : '';
    return `${found.where}: ${regex}: recheck could not decide (${result.error.kind}${detail})`;
  }
  return undefined;
}

describe('every regular expression in the shipped code is safe from catastrophic backtracking (recheck)', function () {
  // recheck takes up to a few seconds for an expression with long words in it.
  this.timeout(120_000);

  const files = SOURCE_DIRS.flatMap(sourceFiles).sort();
  const found = new Map(files.map((file) => [file, regexesIn(file)]));
  let backend: string | undefined;

  before(() => {
    backend = process.env.RECHECK_SYNC_BACKEND;
    process.env.RECHECK_SYNC_BACKEND = 'pure';
  });
  after(() => {
    if (backend === undefined) delete process.env.RECHECK_SYNC_BACKEND;
    else process.env.RECHECK_SYNC_BACKEND = backend;
  });

  it('finds the expressions (the search itself works)', () => {
    const literals = [...found.values()].flatMap((f) => f.literals);
    assert.ok(literals.length > 100, `only ${literals.length} regular expressions found`);
    assert.ok(literals.some((f) => f.where.startsWith('server/src/engine/kit/words.ts')), 'the word matcher is among them');
    assert.ok(literals.some((f) => f.flags.includes('y') && f.where.startsWith('server/src/syntax/tokens.ts')), 'token patterns are checked as sticky');
  });

  it('every RegExp built from a value is listed, with the patterns it can be built from', () => {
    const dynamic = [...found.values()].flatMap((f) => f.dynamic);
    for (const d of dynamic) {
      assert.ok(
        DYNAMIC.some((listed) => d.where.startsWith(`${listed.file}:`) && listed.call === d.call),
        `${d.where}: ${d.call} builds a RegExp from a value: list it in DYNAMIC with what it is built from`,
      );
    }
    for (const listed of DYNAMIC) {
      assert.ok(dynamic.some((d) => d.where.startsWith(`${listed.file}:`) && d.call === listed.call), `${listed.file}: ${listed.call} is listed but no longer in the code`);
    }
  });

  for (const file of files) {
    const { literals } = found.get(file)!;
    if (literals.length === 0) continue;
    it(`${file} (${literals.length})`, () => {
      const problems = literals.map(problem).filter((p) => p !== undefined);
      assert.deepEqual(problems, []);
    });
  }

  for (const listed of DYNAMIC) {
    it(`${listed.file}: ${listed.call}, built from ${listed.why}`, () => {
      const problems = listed.instances.map((i) => problem({ ...i, where: listed.file })).filter((p) => p !== undefined);
      assert.deepEqual(problems, []);
    });
  }
});
