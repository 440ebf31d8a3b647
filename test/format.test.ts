import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { format } from '../server/src/format/format';
import { parse } from '../server/src/syntax/parse';
import { tokenize } from '../server/src/syntax/tokens';
import { layoutMutation, samples } from './support/fuzz-inputs';
import { assertFormatsWell, checkFormat, formatted } from './support/fuzz-properties';

/*
 * The formatter: one canonical layout, idempotent, and never a change of meaning:
 * the formatted text parses to the same tree (spans aside), with the same comments and
 * the same findings.
 */

describe('format', () => {
  describe('the samples', () => {
    for (const sample of samples) {
      it(`${sample.name} formats, idempotently and with the same meaning`, () => {
        const once = assertFormatsWell(sample.text);
        assert.deepStrictEqual(
          parse(once).file.comments.map((c) => c.text),
          parse(sample.text).file.comments.map((c) => c.text.trimEnd()),
          'every comment survives, in order',
        );
      });
    }

    it('are in the canonical layout: formatting changes nothing, their aligned comments included', () => {
      for (const sample of samples) assert.equal(formatted(sample.text), sample.text, sample.name);
    });
  });

  describe('layout', () => {
    const messy = [
      '# head   ',
      '',
      '',
      '   spec "Messy" {commissioner "Council" term 3 years from 2027-04-01 budget £1.8m service level needed}',
      'cohort review "Review cohort" { eligibility { age 16 to 24 resident in "X" } size 1,200 # big',
      '\t\tsegment self { size 3 }',
      ' referral by "a",   # first',
      '  "b"',
      '',
      '',
      '',
      '        # before exclude',
      ' exclude """multi',
      '   line""" }',
      'outcome for "For" {  for review,',
      'self',
      '  measure "m \\"quoted\\""   ',
      '\tvalue £9,500 source "s"',
      '',
      '  # at end',
      '',
      '}  # after close',
      'outcome value { for self }',
      'payment{ pay £3,200 for value per participant in self threshold 20% pay £1 for for }',
      'requirement "r1" requirement "r2"',
      '',
      '',
      'standard "s" review every 6 months with "panel" subcontracting {}',
      'contingency { # nothing yet',
      '}',
      '# the end   ',
    ];
    const expected = [
      '# head',
      '',
      'spec "Messy" {',
      '  commissioner "Council"',
      '  term 3 years from 2027-04-01',
      '  budget £1.8m',
      '  service level needed',
      '}',
      '',
      'cohort review "Review cohort" {',
      '  eligibility {',
      '    age 16 to 24',
      '    resident in "X"',
      '  }',
      '  size 1,200  # big',
      '  segment self {',
      '    size 3',
      '  }',
      '  referral by "a",  # first',
      '    "b"',
      '',
      '  # before exclude',
      '  exclude """multi',
      '   line"""',
      '}',
      '',
      'outcome for "For" {',
      '  for review, self',
      '  measure "m \\"quoted\\""',
      '  value £9,500 source "s"',
      '',
      '  # at end',
      '}  # after close',
      '',
      'outcome value {',
      '  for self',
      '}',
      '',
      'payment {',
      '  pay £3,200 for value per participant in self threshold 20%',
      '  pay £1 for for',
      '}',
      '',
      'requirement "r1"',
      'requirement "r2"',
      '',
      'standard "s"',
      'review every 6 months with "panel"',
      '',
      'subcontracting {}',
      '',
      'contingency {  # nothing yet',
      '}',
      '# the end',
      '',
    ];

    it('gives one exact layout for a messy file', () => {
      const input = messy.join('\n');
      assert.equal(formatted(input), expected.join('\n'));
      assertFormatsWell(input);
    });

    it('keeps CRLF line breaks and the byte order mark', () => {
      const input = `\ufeff${messy.join('\r\n')}`;
      assert.equal(formatted(input), `\ufeff${expected.join('\r\n')}`);
      assertFormatsWell(input);
    });

    it('uses the first line break of the file, but never changes the ones inside text', () => {
      const input = 'requirement """a\r\nb""" monitor "m"\ninvolve "i"\n';
      assert.equal(formatted(input), 'requirement """a\r\nb"""\r\nmonitor "m"\r\ninvolve "i"\r\n');
      assert.equal(formatted('monitor "m" involve "i"'), 'monitor "m"\ninvolve "i"\n');
    });

    it('ends the file with exactly one line break', () => {
      assert.equal(formatted('use "a.outcome"'), 'use "a.outcome"\n');
      assert.equal(formatted('use "a.outcome"\n\n\n\n'), 'use "a.outcome"\n');
      assert.equal(formatted('# only a comment'), '# only a comment\n');
      assert.equal(formatted(''), '');
      assert.equal(formatted(' \n\t\n'), '');
    });

    it('expands one-line blocks, and is the same whatever the input layout', () => {
      const layouts = [
        'cohort neet { size 450 segment care_leavers { size 60 } }',
        'cohort neet {\nsize 450\nsegment care_leavers {\nsize 60\n}\n}',
        'cohort\n  neet\n{\n\n  size\n 450 segment\ncare_leavers{size 60}}\n\n\n',
        '\tcohort  neet   {\tsize   450\r\n\t\t\tsegment care_leavers    {  size 60  }  }',
      ];
      const canonical = 'cohort neet {\n  size 450\n  segment care_leavers {\n    size 60\n  }\n}\n';
      assert.equal(formatted(layouts[0]), canonical);
      assert.equal(formatted(layouts[1]), canonical);
      assert.equal(formatted(layouts[2]), canonical);
      assert.equal(formatted(layouts[3]), canonical.replace(/\n/g, '\r\n'));
    });

    it('lays out a finance block as the other blocks, one investor or `provider paid` to a line, and round-trips it', () => {
      const input =
        'payment { pay £1 for o } finance{investor "Severnmoor Fund"   commitment £900k\n return up to 7% per year  # the lead investor\n' +
        'investor "Kingsford Foundation" provider paid fixed fee £1.2m provider paid 30%  of outcome\tpayments}review every 3 months';
      const canonical =
        'payment {\n  pay £1 for o\n}\n\nfinance {\n  investor "Severnmoor Fund" commitment £900k return up to 7% per year  # the lead investor\n' +
        '  investor "Kingsford Foundation"\n  provider paid fixed fee £1.2m\n  provider paid 30% of outcome payments\n}\n\nreview every 3 months\n';
      assert.equal(formatted(input), canonical);
      assert.equal(formatted(canonical), canonical);
      assertFormatsWell(input);
    });

    it('keeps one blank line where the writer had some inside a block, never after `{` or before `}`', () => {
      const input = 'outcome o {\n\n\n  for a\n\n\n\n  measure "m"\n  kind output\n\n}\n';
      assert.equal(formatted(input), 'outcome o {\n  for a\n\n  measure "m"\n  kind output\n}\n');
    });

    it('puts one blank line around top-level blocks, and keeps runs of one-line items together', () => {
      const input = 'use "a.outcome" use "b.outcome" cohort a {} cohort b {} requirement "r" standard "s"\n\nmonitor "m" payment {}';
      assert.equal(
        formatted(input),
        'use "a.outcome"\nuse "b.outcome"\n\ncohort a {}\n\ncohort b {}\n\nrequirement "r"\nstandard "s"\n\nmonitor "m"\n\npayment {}\n',
      );
    });

    it('puts the blank line between blocks before the comments that lead into the next one', () => {
      assert.equal(formatted('cohort a {}\n# about b\ncohort b {}'), 'cohort a {}\n\n# about b\ncohort b {}\n');
      // …unless the writer already separated them somewhere among those comments.
      assert.equal(
        formatted('cohort a {}\n# closing a\n\n# about b\ncohort b {}'),
        'cohort a {}\n# closing a\n\n# about b\ncohort b {}\n',
      );
    });
  });

  describe('comments', () => {
    it('keeps own-line comments before the token that followed them, at its level', () => {
      const input = [
        '# file',
        'cohort a {',
        '# before size',
        '        size 3',
        '    segment s {',
        '# inside s, at the end',
        '}',
        '          # end of a',
        '}',
      ].join('\n');
      assert.equal(
        formatted(input),
        ['# file', 'cohort a {', '  # before size', '  size 3', '  segment s {', '    # inside s, at the end', '  }', '  # end of a', '}', ''].join('\n'),
      );
    });

    it('keeps trailing comments at the end of their line, two spaces after the token', () => {
      assert.equal(
        formatted('cohort a { # opens\n size 3\t\t# size\n} # closes\n'),
        'cohort a {  # opens\n  size 3  # size\n}  # closes\n',
      );
    });

    it("keeps the column of trailing comments aligned on neighbouring lines; a lone one goes two spaces after the code", () => {
      const aligned = ['payment {', '  model results', '  upfront 15%                   # paid in the first quarter', '  cap £1.44m                    # 80% of the budget', '}', ''].join('\n');
      assert.equal(formatted(aligned), aligned);
      // Re-indented, aligned comments keep their column; where the text now reaches it, two spaces.
      assert.equal(
        formatted('payment {\n      upfront 15%         # first quarter\n      cap £1.44m          # 80%\n  pay £3,200 for job per participant in young_parents # a long line\n}\n'),
        'payment {\n  upfront 15%             # first quarter\n  cap £1.44m              # 80%\n  pay £3,200 for job per participant in young_parents  # a long line\n}\n',
      );
      // A comment in a column of its own is spacing, which the layout holds: two spaces.
      assert.equal(formatted('cohort a {\n  size 3                                        # lone\n\n  referral by "GPs"  # another\n}\n'), 'cohort a {\n  size 3  # lone\n\n  referral by "GPs"  # another\n}\n');
    });

    it('lets a comment inside a field end the line, and goes on one level deeper', () => {
      assert.equal(
        formatted('outcome o { for a, # first\n b, # second\n # own line\n c }'),
        'outcome o {\n  for a,  # first\n    b,  # second\n    # own line\n    c\n}\n',
      );
      assert.equal(formatted('cohort a # named a\n{ size 3 }'), 'cohort a  # named a\n  {\n  size 3\n}\n');
    });

    it('keeps `#` inside text as text', () => {
      assert.equal(formatted('requirement "item #3" # real comment'), 'requirement "item #3"  # real comment\n');
    });

    it('never drops a comment, wherever it is', () => {
      // A comment after every token of a sample.
      const text = samples.find((s) => s.name === 'youth-employment.outcome')!.text;
      const tokens = tokenize(text).tokens;
      let commented = '';
      let at = 0;
      tokens.forEach((token, i) => {
        const end = token.startOffset + token.image.length;
        commented += `${text.slice(at, end)} # c${i}\n`;
        at = end;
      });
      commented += text.slice(at);
      const once = assertFormatsWell(commented);
      const texts = parse(once).file.comments.map((c) => c.text);
      for (let i = 0; i < tokens.length; i++) assert.ok(texts.includes(` c${i}`), `comment c${i} lost`);
      assert.deepStrictEqual(texts, parse(commented).file.comments.map((c) => c.text.trimEnd()));
    });
  });

  describe('values', () => {
    it('writes every value exactly as in the source', () => {
      const input = [
        'spec "S" { budget £1.8m term 1 year }',
        'cohort c { size 1,200 eligibility { criterion "C:\\\\forms \\"x\\"" } }',
        'outcome o { baseline 7.5% source """ a\n  "b" """ value €250k target 1,000 by 2030-03-31 window 26 weeks }',
        'payment { cap $2,000.50 }',
      ].join('\n');
      const once = formatted(input);
      for (const value of ['£1.8m', '1 year', '1,200', '"C:\\\\forms \\"x\\""', '7.5%', '""" a\n  "b" """', '€250k', '1,000', '2030-03-31', '26 weeks', '$2,000.50']) {
        assert.ok(once.includes(value), `${value} not kept in:\n${once}`);
      }
      assertFormatsWell(input);
    });
  });

  describe('refusal', () => {
    const broken = [
      'cohort a { size }',
      'cohort a { size 3',
      'Cohort a { size 3 }',
      'cohort a { size 1,20 }',
      'requirement "unterminated\n',
      'outcome o {\n  for\n  measure "m"\n}',
      'this is prose\ncohort a {}',
      'requirement “curly”',
      'budget £ 3',
    ];
    for (const text of broken) {
      it(`refuses a file with a syntax error: ${JSON.stringify(text)}`, () => {
        const result = format(text);
        assert.ok('refused' in result, `formatted: ${JSON.stringify(result)}`);
        assert.match(result.refused, /syntax error/);
      });
    }

    it('formats a file whose only findings are not syntax errors, keeping everything', () => {
      const input = 'cohort a { size 3 size 4 eligibility { age 24 to 16 } }';
      assert.equal(formatted(input), 'cohort a {\n  size 3\n  size 4\n  eligibility {\n    age 24 to 16\n  }\n}\n');
      assertFormatsWell(input);
    });
  });

  describe('property: mutations of the samples', () => {
    it('format is idempotent and keeps the meaning, or refuses a file with syntax errors (300 runs)', function () {
      this.timeout(120_000);
      let formattedCount = 0;
      fc.assert(
        fc.property(layoutMutation, (text) => {
          if (checkFormat(text) === 'formatted') formattedCount++;
        }),
        { numRuns: 300, seed: 20261201 },
      );
      // Enough of the mutations must still parse for the property to mean something.
      assert.ok(formattedCount >= 100, `only ${formattedCount} of 300 mutations parsed`);
    });
  });
});
