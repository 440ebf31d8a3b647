import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ast from '../server/src/syntax/ast';
import { LineIndex } from '../server/src/base/line-index';
import { parse } from '../server/src/syntax/parse';
import { OutcomeParser } from '../server/src/syntax/parser';
import { buildLexer, tokenize } from '../server/src/syntax/tokens';
import { repoRoot } from './support/paths';

const root = repoRoot;
const samplesDir = path.join(root, 'samples');

type ItemOf<K> = K extends 'requirement' | 'standard' | 'involve' | 'monitor' ? ast.TextItem : Extract<ast.TopLevelItem, { kind: K }>;

function only<K extends ast.TopLevelItem['kind']>(file: ast.FileNode, kind: K): ItemOf<K> {
  const found = file.items.filter((i) => i.kind === kind);
  assert.equal(found.length, 1, `one ${kind} expected`);
  return found[0] as ItemOf<K>;
}

function textAt(text: string, span: ast.Node['span'] | undefined): string {
  assert.ok(span, 'span expected');
  return text.slice(span.start, span.end);
}

describe("parse: Chevrotain's own checks of the grammar", () => {
  // The shipped lexer and parser skip these checks to start faster; they must pass.
  it('the token definitions pass', () => {
    assert.deepEqual(buildLexer(true).lexerDefinitionErrors, []);
  });

  it('the grammar passes (LL(1): no ambiguity, left recursion or unreachable alternative)', () => {
    assert.doesNotThrow(() => new OutcomeParser(true));
  });
});

describe('tokenize: keywords and ids', () => {
  const types = (text: string): string[] => tokenize(text).tokens.map((t) => `${t.image}:${t.tokenType.name}`);

  it('a whole word that is a keyword, in any case, is that keyword; a longer word is an id', () => {
    assert.deepEqual(types('in instrument inside Cohort OUTCOME self-referral for_all café'), [
      'in:in',
      'instrument:instrument',
      'inside:Identifier',
      'Cohort:cohort',
      'OUTCOME:outcome',
      'self-referral:Identifier',
      'for_all:Identifier',
      'café:Identifier',
    ]);
  });

  it('a keyword is still accepted where an id is wanted (`cohort review { … }`)', () => {
    const { file, diagnostics } = parse('cohort review "People due a review" {\n  size 10\n}\n');
    assert.deepEqual(diagnostics, []);
    assert.equal(only(file, 'cohort').name?.text, 'review');
  });
});

describe('parse: the samples', () => {
  const samples = fs.readdirSync(samplesDir).filter((f) => f.endsWith('.outcome'));

  it('there are samples for six service areas and a shared file', () => {
    assert.ok(samples.length >= 7, samples.join(', '));
  });

  for (const sample of samples) {
    it(`${sample} parses with no syntax errors`, () => {
      const result = parse(fs.readFileSync(path.join(samplesDir, sample), 'utf8'));
      assert.deepEqual(result.diagnostics.map((d) => d.message), []);
      assert.ok(result.file.items.length > 0);
    });
  }

  it('together the samples use every kind of item', () => {
    const kinds = new Set(samples.flatMap((s) => parse(fs.readFileSync(path.join(samplesDir, s), 'utf8')).file.items.map((i) => i.kind)));
    for (const kind of ['use', 'spec', 'cohort', 'outcome', 'payment', 'subcontracting', 'requirement', 'standard', 'contingency', 'finance', 'review', 'involve', 'monitor']) {
      assert.ok(kinds.has(kind as ast.TopLevelItem['kind']), `no sample has a ${kind}`);
    }
  });
});

describe('parse: the example in the language design', () => {
  const text = [
    'spec "Northshire Youth Pathways" {',
    '  commissioner "Northshire County Council"',
    '  term 3 years from 2027-04-01',
    '  budget £1,800,000',
    '  service level needed            # must | needed | could',
    '}',
    'cohort neet "Young people" {',
    '  eligibility {',
    '    age 16 to 24',
    '    resident in "Northshire"',
    '    criterion "NEET for at least 26 weeks"',
    '  }',
    '  size 450',
    '  referral by "Northshire Careers Service", "Jobcentre Plus work coaches"',
    '  segment care_leavers "Care leavers" {',
    '    criterion "care leaver status"',
    '  }',
    '}',
    'outcome sustained_job "Sustained employment" {',
    '  for neet',
    '  measure "26 weeks in paid work"',
    '  baseline 12% source "CCIS destinations 2025"',
    '  target 30% by 2030-03-31',
    '  kind tangible',
    '  value £9,500 source "GMCA unit cost database"',
    '  window 30 weeks',
    '}',
    'payment {',
    '  model results',
    '  upfront 20%',
    '  pay £3,200 for sustained_job per participant',
    '  pay £4,800 for sustained_job per participant in care_leavers threshold 10%',
    '  cap £1.44m',
    '}',
    'review every 6 months with "young people\'s panel"',
  ].join('\n');
  const result = parse(text);

  it('has no errors', () => assert.deepEqual(result.diagnostics, []));

  it('reads the spec block', () => {
    const spec = only(result.file, 'spec');
    assert.equal(spec.title?.value, 'Northshire Youth Pathways');
    assert.equal(spec.term?.value?.amount, 3);
    assert.equal(spec.term?.value?.unit, 'year');
    assert.deepEqual([spec.term?.from?.year, spec.term?.from?.month, spec.term?.from?.day], [2027, 4, 1]);
    assert.equal(spec.budget?.value?.minor, 180_000_000n);
    assert.equal(spec.serviceLevel?.value?.value, 'needed');
    assert.equal(textAt(text, spec.serviceLevel?.keyword), 'service level');
  });

  it('reads the cohort, its criteria, referrers and segment', () => {
    const cohort = only(result.file, 'cohort');
    assert.equal(cohort.name?.text, 'neet');
    assert.equal(textAt(text, cohort.name?.span), 'neet');
    assert.deepEqual(cohort.eligibility?.criteria.map((c) => c.kind), ['age', 'resident', 'criterion']);
    assert.equal(cohort.size?.value?.value, 450);
    assert.deepEqual(cohort.referrals[0].referrers.map((r) => r.value), ['Northshire Careers Service', 'Jobcentre Plus work coaches']);
    assert.equal(cohort.segments[0].name?.text, 'care_leavers');
    assert.equal(textAt(text, cohort.segments[0].span).split('\n')[0], 'segment care_leavers "Care leavers" {');
  });

  it('reads the outcome fields with exact values', () => {
    const outcome = only(result.file, 'outcome');
    assert.equal(outcome.for[0].value?.[0].text, 'neet');
    assert.equal(outcome.baseline?.value?.value, 12);
    assert.equal(outcome.baseline?.rateKind, 'percent');
    assert.equal(outcome.baseline?.source?.value, 'CCIS destinations 2025');
    assert.equal(outcome.target?.by?.source, '2030-03-31');
    assert.equal(outcome.outcomeKind?.value?.value, 'tangible');
    assert.equal(outcome.value?.value?.minor, 950_000n);
    assert.deepEqual([outcome.window?.value?.amount, outcome.window?.value?.unit], [30, 'week']);
  });

  it('reads pay lines with their parts and spans', () => {
    const payment = only(result.file, 'payment');
    assert.equal(payment.model?.value?.value, 'results');
    assert.equal(payment.upfront?.value?.value, 20);
    const [flat, segment] = payment.pays;
    assert.equal(textAt(text, flat.span), 'pay £3,200 for sustained_job per participant');
    assert.equal(flat.amount?.minor, 320_000n);
    assert.equal(textAt(text, flat.perParticipant), 'per participant');
    assert.equal(flat.segment, undefined);
    assert.equal(segment.segment?.text, 'care_leavers');
    assert.equal(segment.threshold?.value, 10);
    assert.equal(payment.cap?.value?.minor, 144_000_000n);
  });

  it('keeps comments with their text', () => {
    assert.equal(result.file.comments.length, 1);
    assert.equal(result.file.comments[0].text, ' must | needed | could');
  });
});

describe('parse: a finance block', () => {
  const text = [
    'finance {',
    '  investor "Severnmoor Social Investment Fund" commitment £900k return up to 7.5% per year',
    '  investor "Kingsford Community Foundation"',
    '  provider paid fixed fee £1,200,000.50',
    '  provider paid 30% of outcome payments',
    '}',
    '',
  ].join('\n');
  const result = parse(text);
  const finance = only(result.file, 'finance');

  it('has no errors', () => assert.deepEqual(result.diagnostics, []));

  it('reads each investor, with its commitment and return exactly', () => {
    const [fund, foundation] = finance.investors;
    assert.equal(fund.name?.value, 'Severnmoor Social Investment Fund');
    assert.equal(fund.commitment?.minor, 90_000_000n);
    assert.equal(fund.maximumReturn?.source, '7.5%');
    assert.equal(textAt(text, fund.keyword), 'investor');
    assert.equal(textAt(text, fund.span), 'investor "Severnmoor Social Investment Fund" commitment £900k return up to 7.5% per year');
    // Commitment and return may be left out.
    assert.deepEqual([foundation.name?.value, foundation.commitment, foundation.maximumReturn], ['Kingsford Community Foundation', undefined, undefined]);
  });

  it('reads how the provider is paid: a fixed fee and a share', () => {
    assert.equal(textAt(text, finance.fixedFee?.keyword), 'provider paid fixed fee');
    assert.equal(finance.fixedFee?.amount?.minor, 120_000_050n);
    assert.equal(textAt(text, finance.share?.keyword), 'provider paid');
    assert.equal(finance.share?.value?.value, 30);
    assert.equal(textAt(text, finance.share?.span), 'provider paid 30% of outcome payments');
  });

  it('a fixed fee without an amount is a fee all the same', () => {
    const fee = only(parse('finance { provider paid fixed fee }').file, 'finance').fixedFee;
    assert.ok(fee);
    assert.equal(fee.amount, undefined);
  });

  it('half typed, keeps what it can read and the items after it', () => {
    const half = 'finance {\n  investor "Fund" commitment\n  provider paid\n  provider paid 40% of outcome\n}\ncohort sleepers { size 120 }\n';
    const parsed = parse(half);
    assert.deepEqual(parsed.file.items.map((i) => i.kind), ['finance', 'cohort']);
    const block = only(parsed.file, 'finance');
    assert.equal(block.investors[0].name?.value, 'Fund');
    assert.equal(block.investors[0].commitment, undefined);
    // A bare `provider paid` says neither, and is kept as neither.
    assert.equal(block.fixedFee, undefined);
    assert.equal(block.share?.value?.value, 40);
    assert.deepEqual(
      parsed.diagnostics.map((d) => d.message),
      [
        'expected a currency amount after `commitment`, such as £2,000; found `provider`',
        'expected `fixed` or a percentage (such as 20%) after `paid`; found `provider`',
        'expected `payments` after `outcome`; found `}`',
      ],
    );
  });

  it('a slip before `of outcome payments` is one error: `outcome` there begins no outcome', () => {
    const slip = parse('finance {\n  provider paid share 30% of outcome payments\n}\noutcome housed { for sleepers }\n');
    assert.deepEqual(slip.diagnostics.map((d) => d.message), ['expected `fixed` or a percentage (such as 20%) after `paid`; found `share`']);
    assert.deepEqual(slip.file.items.map((i) => ('name' in i && i.name ? `${i.kind}:${i.name.text}` : i.kind)), ['finance', 'outcome:housed']);
  });
});

describe('parse: lexical forms', () => {
  it('reads money exactly, with k and m and every currency', () => {
    const text = 'payment { cap £1.8m pay $250k for a pay €3,200.50 for b pay £0.015 for c }';
    const payment = only(parse(text).file, 'payment');
    assert.equal(payment.cap?.value?.minor, 180_000_000n);
    assert.deepEqual(payment.pays.map((p) => [p.amount?.currency, p.amount?.minor, p.amount?.exact]), [
      ['$', 25_000_000n, true],
      ['€', 320_050n, true],
      ['£', 1n, false],
    ]);
  });

  it('decodes escapes in one-line and triple-quoted strings', () => {
    const text = 'requirement "say \\"yes\\" or \\\\"\nrequirement """first line\nsecond \\"line\\""""';
    const [one, triple] = parse(text).file.items as ast.TextItem[];
    assert.equal(one.text?.value, 'say "yes" or \\');
    assert.equal(triple.text?.value, 'first line\nsecond "line"');
    assert.deepEqual(parse(text).diagnostics, []);
  });

  it('an unterminated triple-quoted string is one error at its opening quotes', () => {
    const text = 'cohort a { size 3 }\nrequirement """The provider must\n  keep a named worker\n';
    const result = parse(text);
    assert.deepEqual(
      result.diagnostics.map((d) => [d.message, textAt(text, d.span)]),
      [['this text starting with `"""` is never closed: add `"""` where it ends', '"""']],
    );
    assert.deepEqual(result.file.items.map((i) => i.kind), ['cohort', 'requirement']);
  });

  it('reads a byte order mark and CRLF line endings', () => {
    const text = '\uFEFFcohort a {\r\n  size 3\r\n}\r\n';
    const result = parse(text);
    assert.deepEqual(result.diagnostics, []);
    assert.equal(only(result.file, 'cohort').size?.value?.value, 3);
  });

  it('reads a capitalised keyword as the keyword, asks for lower case, and keeps its meaning', () => {
    const text = 'spec "s" { service level Must term 3 Years }';
    const result = parse(text);
    assert.deepEqual(result.diagnostics.map((d) => [d.message, textAt(text, d.span)]), [
      ['write `must` in lower case: keywords are lower-case words', 'Must'],
      ['write `years` in lower case: keywords are lower-case words', 'Years'],
    ]);
    const spec = only(result.file, 'spec');
    assert.equal(spec.serviceLevel?.value?.value, 'must');
    assert.equal(spec.term?.value?.unit, 'year');
  });

  it('accepts ids spelt like keywords, and accented letters', () => {
    const text = 'cohort review { size 3 segment self { size 1 } }\noutcome café { for review, self }';
    const result = parse(text);
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(only(result.file, 'outcome').for[0].value?.map((n) => n.text), ['review', 'self']);
    assert.equal(only(result.file, 'outcome').name?.text, 'café');
  });
});

describe('parse: spans are right on lines with £, emoji and CRLF', () => {
  const text = '# 💷 money first\r\nrequirement "📣 £20 a week"\r\npayment {\r\n  cap £1,000 pay 30 for job\r\n}\r\n';
  const result = parse(text);
  const index = new LineIndex(text);

  it('the error after £ and emoji points at the right LSP and CLI column', () => {
    assert.equal(result.diagnostics.length, 1);
    const d = result.diagnostics[0];
    assert.equal(textAt(text, d.span), '30');
    assert.deepEqual(index.position(d.span.start), { line: 3, character: 17 });
    assert.deepEqual(index.lineColumn(d.span.start), { line: 4, column: 18 });
  });

  it('a string with emoji and £ has exact span and value', () => {
    const requirement = only(result.file, 'requirement');
    assert.equal(requirement.text?.value, '📣 £20 a week');
    assert.equal(textAt(text, requirement.text?.span), '"📣 £20 a week"');
    // The emoji is two UTF-16 units: the closing quote is at character 26 of line 1.
    assert.deepEqual(index.position(requirement.text!.span.end - 1), { line: 1, character: 26 });
  });

  it('the line index treats \\r\\n, \\n and a lone \\r as one line break each', () => {
    const mixed = new LineIndex('a\r\nb\nc\rd');
    assert.equal(mixed.lineCount, 4);
    assert.deepEqual(mixed.position(7), { line: 3, character: 0 });
    assert.equal(mixed.offset({ line: 1, character: 99 }), 4);
    assert.equal(mixed.lineEnd(0), 1);
  });
});

describe('parse: recovery keeps the rest of the file', () => {
  it('one typo in the first block yields one error and every later block', () => {
    const text = 'cohort a {\n  size 3 4\n}\noutcome b {\n  for a\n}\npayment { pay £3 for b }\nreview every 6 months\n';
    const result = parse(text);
    assert.equal(result.diagnostics.length, 1, JSON.stringify(result.diagnostics));
    assert.deepEqual(result.file.items.map((i) => i.kind), ['cohort', 'outcome', 'payment', 'review']);
  });

  it('tokens inserted by recovery never give a node a span outside the text', () => {
    const text = 'payment { pay £3 for }';
    const result = parse(text);
    const payment = only(result.file, 'payment');
    assert.equal(payment.pays[0].outcome, undefined);
    assert.equal(textAt(text, payment.pays[0].span), 'pay £3 for');
  });
});

describe('parse: a field word at the start of the next line is the next field, whatever ends the line', () => {
  // The parser reads where a line ends from the text between two tokens (the lexer keeps
  // offsets only): a newline, a carriage return, or a comment and then either.
  for (const [name, between] of [
    ['a newline', '\n'],
    ['CRLF', '\r\n'],
    ['a lone carriage return', '\r'],
    ['a comment, then a newline', '  # to do\n'],
  ] as const) {
    it(`after \`for\` and ${name}, \`measure\` is read as the measure, and the id as missing`, () => {
      const text = `outcome job {\n  for${between}  measure "26 weeks in work"\n}\n`;
      const result = parse(text);
      const outcome = only(result.file, 'outcome');
      assert.equal(outcome.measure?.value?.value, '26 weeks in work');
      assert.deepEqual(result.diagnostics.map((d) => d.message), ['expected a cohort or segment id (such as `neet`) after `for`; found `measure`']);
    });
  }

  it('on one line, a keyword after `for` is an id (`for review`)', () => {
    const result = parse('outcome job { for review }\n');
    assert.deepEqual(only(result.file, 'outcome').for[0]?.value?.map((n) => n.text), ['review']);
    assert.deepEqual(result.diagnostics, []);
  });

  it('`of outcome payments` split over two lines is not the phrase: `outcome` begins an outcome', () => {
    const phrase = parse('finance {\n  provider paid 30% of outcome payments\n}\n');
    assert.equal(only(phrase.file, 'finance').share?.value?.value, 30);
    const split = parse('finance {\n  provider paid 30% of\noutcome payments {\n}\n');
    assert.ok(split.file.items.some((i) => i.kind === 'outcome'), JSON.stringify(split.file.items.map((i) => i.kind)));
  });
});
