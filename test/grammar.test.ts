/**
 * The TextMate grammar (grammar/outcome.tmLanguage.json), run by the engine VS Code
 * uses (vscode-textmate + vscode-oniguruma), checked for what a user sees: every
 * keyword coloured as one where the grammar expects it, ids spelt like keywords
 * coloured as names, and the lexical forms of the language reference.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { KEYWORDS } from '../server/src/syntax/keywords';
import { repoRoot } from './support/paths';

const ROOT = repoRoot;
const GRAMMAR_PATH = path.join(ROOT, 'grammar', 'outcome.tmLanguage.json');
const CONFIG_PATH = path.join(ROOT, 'grammar', 'language-configuration.json');
const WASM_PATH = path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');

interface Token {
  /** Absolute offset in the document (line breaks count as one character). */
  start: number;
  end: number;
  line: number;
  text: string;
  scopes: string[];
}

let grammar: vsctm.IGrammar;

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = fs.readFileSync(WASM_PATH);
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const onigLib: Promise<vsctm.IOnigLib> = Promise.resolve({
    createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
    createOnigString: (s: string) => oniguruma.createOnigString(s),
  });
  const registry = new vsctm.Registry({
    onigLib,
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== 'source.outcome') return null;
      return vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
    },
  });
  const g = await registry.loadGrammar('source.outcome');
  assert.ok(g, 'the grammar source.outcome did not load');
  return g;
}

/** Tokenize a whole document, line by line, carrying the rule stack across lines. */
function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let stack = vsctm.INITIAL;
  let offset = 0;
  src.split('\n').forEach((line, lineNo) => {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) {
      const end = Math.min(t.endIndex, line.length);
      if (end <= t.startIndex) continue;
      out.push({
        start: offset + t.startIndex,
        end: offset + end,
        line: lineNo,
        text: line.slice(t.startIndex, end),
        scopes: t.scopes,
      });
    }
    stack = r.ruleStack;
    offset += line.length + 1;
  });
  return out;
}

/** The tokens covering the `nth` occurrence of `needle` in `src`. */
function tokensAt(src: string, needle: string, nth = 0): Token[] {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = src.indexOf(needle, at + 1);
    assert.ok(at >= 0, `test bug: ${JSON.stringify(needle)} (#${nth}) not in ${JSON.stringify(src)}`);
  }
  const covering = tokenize(src).filter((t) => t.start < at + needle.length && t.end > at);
  assert.ok(covering.length > 0, `no token covers ${JSON.stringify(needle)}`);
  return covering;
}

function show(tokens: Token[]): string {
  return tokens.map((t) => `${JSON.stringify(t.text)} ${t.scopes.join(' ')}`).join('\n  ');
}

/** Every token covering the needle has a scope starting with `scope` (TextMate prefix match). */
function assertScope(src: string, needle: string, scope: string, nth = 0): void {
  const tokens = tokensAt(src, needle, nth);
  const ok = tokens.every((t) => t.scopes.some((s) => s === scope || s.startsWith(scope + '.')));
  assert.ok(ok, `${JSON.stringify(needle)} in ${JSON.stringify(src)} should be ${scope}, got\n  ${show(tokens)}`);
}

function assertNoScope(src: string, needle: string, scope: string, nth = 0): void {
  const tokens = tokensAt(src, needle, nth);
  const bad = tokens.filter((t) => t.scopes.some((s) => s === scope || s.startsWith(scope + '.')));
  assert.equal(bad.length, 0, `${JSON.stringify(needle)} in ${JSON.stringify(src)} should not be ${scope}, got\n  ${show(bad)}`);
}

/** What a theme colours as a keyword: keywords, language constants (enum values), units. */
function isKeywordScope(s: string): boolean {
  return /^(keyword|constant\.language|storage|support\.constant)\./.test(s);
}
function hasKeywordScope(t: Token): boolean {
  return t.scopes.some(isKeywordScope) && !t.scopes.some((s) => /^(string|comment|entity|variable)\./.test(s));
}

/**
 * Valid documents that between them use every keyword where the grammar expects it.
 * Alternatives that a single file could not hold (a second spec, a second payment)
 * are separate documents. A new keyword needs a line here.
 */
const EVERY_KEYWORD: string[] = [
  `# every keyword, in a valid position
use "shared/cohorts.outcome"

spec "Northshire Youth Pathways" {
  commissioner "Northshire County Council"
  term 3 years from 2027-04-01
  budget £1,800,000
  service level must
}

cohort neet "Young people not in education, employment or training" {
  eligibility {
    age 16 to 24
    resident in "Northshire"
    criterion "NEET for at least 26 weeks"
  }
  size 450
  referral by "Northshire Careers Service", "Jobcentre Plus work coaches"
  referrals 300 per year ramp 6 months
  exclude "already on a funded programme"
  segment care_leavers "Care leavers" {
    criterion "care leaver status"
    size 60
  }
}

cohort walk_ins { referral self }
cohort referred { referral provider }

outcome sustained_job "Sustained employment" {
  for neet, walk_ins
  measure "26 weeks in paid work"
  instrument "Warwick-Edinburgh Mental Wellbeing Scale"
  evidence "HMRC Real Time Information payroll data"
  baseline 12% source "CCIS destinations 2025"
  target 30% by 2030-03-31
  counterfactual "matched comparison group"
  kind tangible
  value £9,500 source "GMCA unit cost database"
  window 1 year
}

outcome confidence "Improved confidence" { for neet kind intangible window 12 months }
outcome starts { for referred kind output window 30 days }
outcome first_week { for neet window 1 week }
outcome first_day { for neet window 1 day }
outcome first_month { for neet window 1 month }

payment {
  model results
  upfront 20%
  pay £3,200 for sustained_job per participant
  pay £4,800 for sustained_job per participant in care_leavers threshold 5%
  cap £1,440,000
  cap £4,000 per participant
  cap £600,000 per year
  cap £500,000 for sustained_job
  schedule "quarterly in arrears"
}

subcontracting {
  prime "Any lead provider"
  management fee 12%
  standard "Merlin Standard"
}

requirement "The provider must deliver 10 weekly group workshops"
standard "Keeping Children Safe in Education"

contingency {
  step in "Council in-house youth service"
  notice 3 months
  warning signs "fewer than 60% of expected referrals"
  reserve £150,000
}

finance {
  investor "Severnmoor Social Investment Fund" commitment £900k return up to 7% per year
  provider paid fixed fee £1.2m
  provider paid 30% of outcome payments
}

review every 6 months with "young people's panel"
involve "young people's panel co-designs the referral process"
monitor "age, ethnicity, care status and disability"
`,
  `spec "B" { service level needed term 2 years }\npayment { model grant }`,
  `spec "C" { service level could }\npayment { model block }`,
  `payment { model mixed }\nreview every 2 weeks`,
];

describe('TextMate grammar (grammar/outcome.tmLanguage.json)', () => {
  before(async () => {
    grammar = await loadGrammar();
  });

  describe('keywords', () => {
    it('lists exactly the words of KEYWORDS in its #keywords rules', () => {
      const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
      const words = new Set<string>();
      for (const rule of raw.repository.keywords.patterns as { match: string }[]) {
        const group = /\(\?:([\p{L}|_-]+)\)/u.exec(rule.match);
        assert.ok(group, `a #keywords rule has no (?:word|word) group: ${rule.match}`);
        for (const w of group[1]!.split('|')) words.add(w);
      }
      const keywords = new Set<string>(KEYWORDS);
      const missing = [...keywords].filter((w) => !words.has(w));
      const extra = [...words].filter((w) => !keywords.has(w));
      assert.deepEqual(missing, [], `in KEYWORDS but not in the grammar's #keywords rules: ${missing.join(', ')}`);
      assert.deepEqual(extra, [], `in the grammar's #keywords rules but not in KEYWORDS: ${extra.join(', ')}`);
    });

    it('scopes every word of KEYWORDS as a keyword where a spec uses it', () => {
      const occurrences = new Map<string, Token[]>();
      for (const doc of EVERY_KEYWORD) {
        for (const t of tokenize(doc)) {
          const list = occurrences.get(t.text) ?? [];
          list.push(t);
          occurrences.set(t.text, list);
        }
      }
      const problems: string[] = [];
      for (const kw of KEYWORDS) {
        const seen = occurrences.get(kw) ?? [];
        if (seen.length === 0) {
          problems.push(`${kw}: not used in the test's EVERY_KEYWORD documents (add a valid line using it)`);
        } else if (!seen.some(hasKeywordScope)) {
          problems.push(`${kw}: never scoped as a keyword; got\n    ${show(seen).replace(/\n/g, '\n  ')}`);
        }
      }
      assert.deepEqual(problems, []);
    });

    it('scopes every word of KEYWORDS as a keyword on its own, too', () => {
      const problems = KEYWORDS.filter((kw) => !tokensAt(kw, kw).every(hasKeywordScope));
      assert.deepEqual(problems, []);
    });

    it('in a valid spec, every bare word is a keyword, a declared name or a reference', () => {
      const unknown = EVERY_KEYWORD.flatMap(tokenize).filter(
        (t) => t.scopes.includes('variable.other.outcome') || t.scopes.some((s) => s.startsWith('invalid.')),
      );
      assert.deepEqual(unknown.map((t) => `${t.text} ${t.scopes.join(' ')}`), []);
    });

    it('does not scope a word that is not a keyword as one', () => {
      for (const [src, word] of [
        ['colour 5', 'colour'],
        ['colour "red"', 'colour'],
        ['reviewer', 'reviewer'],
        ['care-review', 'care-review'],
        ['review_panel', 'review_panel'],
        ['sizes 4', 'sizes'],
        ['for2', 'for2'],
      ] as const) {
        const tokens = tokensAt(src, word);
        assert.equal(tokens.length, 1, `${word} should be one token, got\n  ${show(tokens)}`);
        assert.ok(!hasKeywordScope(tokens[0]!), `${word} should not be a keyword, got\n  ${show(tokens)}`);
      }
    });
  });

  describe('names and references spelt like keywords', () => {
    it('scopes the id after cohort as an entity name, not a keyword', () => {
      const src = 'cohort review {\n  size 450\n}';
      assertScope(src, 'cohort', 'keyword.declaration.outcome');
      assertScope(src, 'review', 'entity.name.type.outcome');
      assert.ok(!tokensAt(src, 'review').some(hasKeywordScope), 'review should not be a keyword here');
      assertScope(src, '{', 'punctuation.section.block.begin.outcome');
      assertScope(src, 'size', 'keyword.other.outcome'); // the name rule has ended
      assertScope(src, '450', 'constant.numeric');
    });

    it('scopes the ids after segment and outcome as names', () => {
      const src = 'cohort neet "NEET" {\n  segment for "odd" { size 10 }\n}\noutcome cap "Capped" { for neet }';
      assertScope(src, 'for', 'entity.name.type.outcome');
      assertNoScope(src, 'for', 'keyword');
      assertScope(src, '"odd"', 'string.quoted.double.outcome');
      assertScope(src, 'cap', 'entity.name.function.outcome');
      assertNoScope(src, 'cap', 'keyword');
      assertScope(src, '"Capped"', 'string.quoted.double.outcome');
      assertScope(src, 'neet', 'variable.other.reference.outcome', 1);
    });

    it('finds the name on the next line, and ends before a missing one', () => {
      const src = 'cohort\n  review "R" {\n}\ncohort "no id" {\n  size 3\n}';
      assertScope(src, 'review', 'entity.name.type.outcome');
      assertScope(src, '"no id"', 'string.quoted.double.outcome');
      assertScope(src, 'size', 'keyword.other.outcome');
    });

    it('scopes the ids after for (a list) and in as references', () => {
      const src = 'outcome o { for review, outcome, care-leavers kind output }';
      assertScope(src, 'review', 'variable.other.reference.outcome');
      assertScope(src, 'outcome', 'variable.other.reference.outcome', 1);
      assertScope(src, 'care-leavers', 'variable.other.reference.outcome');
      assertScope(src, ',', 'punctuation.separator.comma.outcome');
      assertScope(src, 'kind', 'keyword.other.outcome'); // the list has ended
      assertScope(src, 'output', 'constant.language.outcome');
      assertNoScope(src, 'review', 'keyword');
    });

    it('follows a for list across lines, and ends it without a comma', () => {
      const src = 'outcome o {\n  for neet,\n    size\n  measure "m"\n}';
      assertScope(src, 'size', 'variable.other.reference.outcome');
      assertScope(src, 'measure', 'keyword.other.outcome');
    });

    it('scopes pay … for ID … in ID', () => {
      const src = 'payment { pay £4,800 for value per participant in block threshold 5% }';
      assertScope(src, 'pay', 'keyword.other.outcome', 1); // 0 is inside payment
      assertScope(src, 'for', 'keyword.other.connective.outcome');
      assertScope(src, 'value', 'variable.other.reference.outcome');
      assertScope(src, 'per', 'keyword.other.connective.outcome');
      assertScope(src, 'participant', 'keyword.other.outcome');
      assertScope(src, 'in', 'keyword.other.connective.outcome');
      assertScope(src, 'block', 'variable.other.reference.outcome');
      assertScope(src, 'threshold', 'keyword.other.outcome');
      assertScope(src, '5%', 'constant.numeric.percentage.outcome');
    });

    it('scopes `of outcome payments` as keywords, not as the start of an outcome called `payments`', () => {
      const src = 'finance {\n  provider paid 30% of outcome payments\n}\noutcome housed { for sleepers }';
      assertScope(src, 'of', 'keyword.other.connective.outcome');
      assertScope(src, 'outcome', 'keyword.other.outcome');
      assertScope(src, 'payments', 'keyword.other.outcome');
      assertNoScope(src, 'payments', 'entity');
      // A real outcome after it is still a declaration.
      assertScope(src, 'outcome', 'keyword.declaration.outcome', 1);
      assertScope(src, 'housed', 'entity.name.function.outcome');
    });

    it('leaves resident in STRING a string', () => {
      const src = 'eligibility { resident in "Northshire" }';
      assertScope(src, 'in', 'keyword.other.connective.outcome');
      assertScope(src, '"Northshire"', 'string.quoted.double.outcome');
    });
  });

  describe('lexical forms', () => {
    it('scopes comments, with # as punctuation', () => {
      const src = 'size 450   # must | needed | could';
      assertScope(src, '# must | needed | could', 'comment.line.number-sign.outcome');
      assertScope(src, '#', 'punctuation.definition.comment.outcome');
      assertNoScope(src, 'must', 'constant.language');
      assertScope('# a whole-line comment', 'a whole-line comment', 'comment.line.number-sign.outcome');
    });

    it('scopes one-line strings with escapes, and flags invalid escapes', () => {
      const src = 'criterion "a \\"quoted\\" word, a \\\\ backslash and a bad \\q"';
      assertScope(src, '"a', 'string.quoted.double.outcome');
      assertScope(src, '"', 'punctuation.definition.string.begin.outcome');
      assertScope(src, '\\"', 'constant.character.escape.outcome');
      assertScope(src, '\\\\', 'constant.character.escape.outcome');
      assertScope(src, '\\q', 'invalid.illegal');
      assertScope(src, 'backslash', 'string.quoted.double.outcome');
      assertScope(src, '"', 'punctuation.definition.string.end.outcome', 3);
    });

    it('does not let an unterminated one-line string run on', () => {
      const src = 'measure "unterminated\nsize 4';
      assertScope(src, 'size', 'keyword.other.outcome');
    });

    it('does not read # inside a string as a comment', () => {
      const src = 'criterion "room #4 of the # hub" size 3';
      assertScope(src, '#4 of the # hub', 'string.quoted.double.outcome');
      assertNoScope(src, '#4 of the # hub', 'comment');
      assertScope(src, 'size', 'keyword.other.outcome');
    });

    it('keeps a triple-quoted string a string across lines', () => {
      const src = 'measure """first line, with "quotes" and # no comment\nsize cohort for in\n  last \\" line""" size 3';
      assertScope(src, '"""', 'punctuation.definition.string.begin.outcome');
      assertScope(src, 'first line, with "quotes" and # no comment', 'string.quoted.triple.outcome');
      assertNoScope(src, '# no comment', 'comment');
      assertScope(src, 'size cohort for in', 'string.quoted.triple.outcome');
      assertNoScope(src, 'size cohort for in', 'keyword');
      assertScope(src, '\\"', 'constant.character.escape.outcome');
      assertScope(src, '"""', 'punctuation.definition.string.end.outcome', 1);
      assertScope(src, 'size', 'keyword.other.outcome', 1);
      assertNoScope(src, 'size', 'string', 1);
    });

    it('scopes money', () => {
      for (const m of ['£1,800,000', '£250k', '€1.2m', '$12', '£3,200', '£1.8m']) {
        const src = `budget ${m}`;
        assertScope(src, m, 'constant.numeric.money.outcome');
        assertNoScope(src, m, 'punctuation.separator.comma');
      }
      assertScope('cap £250k', 'k', 'keyword.other.unit.multiplier.outcome');
    });

    it('scopes percentages, dates, durations and plain numbers', () => {
      assertScope('baseline 7.5% source "x"', '7.5%', 'constant.numeric.percentage.outcome');
      assertScope('upfront 20%', '%', 'keyword.other.unit.percentage.outcome');
      assertScope('term 3 years from 2027-04-01', '2027-04-01', 'constant.numeric.date.outcome');
      assertScope('target 30% by 2030-03-31', '2030-03-31', 'constant.numeric.date.outcome');
      assertScope('notice 26 weeks', '26 weeks', 'meta.duration.outcome');
      assertScope('notice 26 weeks', '26', 'constant.numeric.duration.outcome');
      assertScope('notice 26 weeks', 'weeks', 'keyword.other.unit.outcome');
      assertScope('window 1 year', 'year', 'keyword.other.unit.outcome');
      assertScope('size 1,200', '1,200', 'constant.numeric.decimal.outcome');
      assertScope('age 16 to 24', '24', 'constant.numeric.decimal.outcome');
      assertScope('size 2.5', '2.5', 'constant.numeric.decimal.outcome');
    });

    it('scopes braces and commas as punctuation', () => {
      const src = 'referral by "a", "b"\neligibility { age 16 to 24 }';
      assertScope(src, ',', 'punctuation.separator.comma.outcome');
      assertScope(src, '{', 'punctuation.section.block.begin.outcome');
      assertScope(src, '}', 'punctuation.section.block.end.outcome');
    });

    it('copes with a byte order mark and CRLF line endings', () => {
      const src = '\uFEFFspec "S" {\r\n  budget £5\r\n}\r\n';
      assertScope(src, 'spec', 'keyword.declaration.outcome');
      assertScope(src, '£5', 'constant.numeric.money.outcome');
      assertScope(src, '"S"', 'string.quoted.double.outcome');
    });
  });
});

describe('language configuration (grammar/language-configuration.json)', () => {
  const config = JSON.parse(fs.readFileSync(CONFIG_PATH, 'utf8'));

  it('has # as the line comment and braces as brackets', () => {
    assert.equal(config.comments.lineComment, '#');
    assert.deepEqual(config.brackets, [['{', '}']]);
    assert.equal(config.folding.offSide, false);
  });

  it('auto-closes { and " outside strings and comments', () => {
    const pairs = config.autoClosingPairs as { open: string; close: string; notIn?: string[] }[];
    for (const open of ['{', '"']) {
      const pair = pairs.find((p) => p.open === open);
      assert.ok(pair, `no auto-closing pair for ${open}`);
      assert.deepEqual([...(pair.notIn ?? [])].sort(), ['comment', 'string']);
    }
  });

  it('indents after a line ending in { and outdents a line starting with }', () => {
    const inc = new RegExp(config.indentationRules.increaseIndentPattern);
    const dec = new RegExp(config.indentationRules.decreaseIndentPattern);
    assert.ok(inc.test('cohort neet "NEET" {'));
    assert.ok(inc.test('payment {   # the money'));
    assert.ok(!inc.test('size 450'));
    assert.ok(!inc.test('# cohort {'));
    assert.ok(dec.test('  }'));
    assert.ok(!dec.test('  size 4 }'));
  });

  it('treats ids with - and _ (and money, dates) as one word', () => {
    const word = new RegExp(config.wordPattern, 'g');
    const text = 'for care_leavers, job-start pay £3,200 by 2027-04-01 upfront 7.5%';
    assert.deepEqual(text.match(word), ['for', 'care_leavers', 'job-start', 'pay', '£3,200', 'by', '2027-04-01', 'upfront', '7.5%']);
  });
});
