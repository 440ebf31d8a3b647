import { EOF, IParserErrorMessageProvider, IToken, TokenType, tokenMatcher } from 'chevrotain';
import { nearest } from '../base/did-you-mean';
import { KEYWORDS } from './keywords';
import { Comma, DateLit, Identifier, LCurly, Money, NumberLit, Percent, RCurly, StringLit } from './tokens';

/*
 * Syntax errors in the writer's words. Chevrotain hands us the expected token types,
 * the token found, the token before it and the rule; we answer with what the writer
 * should have put there, after which word, and an example. Token class names never
 * reach the user.
 */

/** What each block's fields start with, for "is not a field of" messages. */
const BLOCK_FIELDS: Readonly<Record<string, { noun: string; fields: string[] }>> = {
  specBlock: { noun: 'spec', fields: ['commissioner', 'term', 'budget', 'service level'] },
  cohortBlock: { noun: 'cohort', fields: ['eligibility', 'size', 'referral', 'referrals', 'segment', 'exclude'] },
  eligibilityBlock: { noun: 'eligibility', fields: ['age', 'resident in', 'criterion'] },
  segmentBlock: { noun: 'segment', fields: ['age', 'resident in', 'criterion', 'size'] },
  outcomeBlock: {
    noun: 'outcome',
    fields: ['for', 'measure', 'instrument', 'evidence', 'baseline', 'target', 'counterfactual', 'kind', 'value', 'window'],
  },
  paymentBlock: { noun: 'payment', fields: ['model', 'upfront', 'pay', 'cap', 'schedule'] },
  subcontractingBlock: { noun: 'subcontracting', fields: ['prime', 'management fee', 'standard'] },
  contingencyBlock: { noun: 'contingency', fields: ['step in', 'notice', 'warning signs', 'reserve'] },
  financeBlock: { noun: 'finance', fields: ['investor', 'provider paid'] },
};

export const TOP_LEVEL_WORDS = [
  'spec', 'cohort', 'outcome', 'payment', 'subcontracting', 'requirement', 'standard',
  'contingency', 'finance', 'review', 'involve', 'monitor', 'use',
];

interface Wanted {
  what: string;
  example?: string;
}

/** What a token type means to a writer, in the rule where it is expected. */
function describe(type: TokenType, ruleName: string, previous: IToken | undefined): Wanted {
  const after = previous?.image;
  if (type === Identifier) {
    switch (ruleName) {
      case 'cohortBlock':
        return { what: 'an id for the cohort', example: '`neet`' };
      case 'segmentBlock':
        return { what: 'an id for the segment', example: '`care_leavers`' };
      case 'outcomeBlock':
        return { what: 'an id for the outcome', example: '`sustained_job`' };
      case 'payLine':
        return after === 'in'
          ? { what: 'a segment id', example: '`care_leavers`' }
          : { what: 'an outcome id', example: '`sustained_job`' };
      default:
        return { what: 'a cohort or segment id', example: '`neet`' };
    }
  }
  if (type === StringLit) {
    switch (ruleName) {
      case 'specBlock':
        return { what: "the specification's title in quotes", example: '"Northshire Youth Pathways"' };
      case 'useItem':
        return { what: 'a file name in quotes', example: '"shared-cohorts.outcome"' };
      case 'investorLine':
        return { what: "the investor's name in quotes", example: '"Severnmoor Social Investment Fund"' };
      default:
        return { what: 'text in quotes', example: '"…"' };
    }
  }
  if (type === NumberLit) {
    if (ruleName === 'duration') return { what: 'a duration', example: '6 months' };
    if (after === 'age' || after === 'to') return { what: 'an age', example: '16' };
    return { what: 'a number', example: '450' };
  }
  if (type === Percent) return { what: 'a percentage', example: '20%' };
  if (type === Money) return { what: 'a currency amount', example: '£2,000' };
  if (type === DateLit) return { what: 'a date', example: '2030-03-31' };
  if (type === LCurly) return { what: '`{`' };
  if (type === RCurly) return { what: '`}`' };
  if (type === Comma) return { what: '`,`' };
  return { what: `\`${type.name}\`` };
}

function isEnd(token: IToken): boolean {
  return token.tokenType.name === 'EOF';
}

function shown(token: IToken): string {
  if (isEnd(token)) return 'the end of the file';
  const image = token.image.length > 40 ? `${token.image.slice(0, 39)}…` : token.image;
  return `\`${image.replace(/\r?\n[\s\S]*/, '…')}\``;
}

function afterPrevious(previous: IToken | undefined): string {
  return previous && previous.image && !isEnd(previous) ? ` after \`${previous.image}\`` : '';
}

/** A hint when what was found is nearly what was wanted. */
function hint(expected: TokenType, actual: IToken, ruleName: string): string {
  // `return 6%`, `return up to 6%`: the one way a return is written.
  if (ruleName === 'investorLine' && KEYWORDS.includes(expected.name as never)) return ' (a return is written `return up to 6% per year`)';
  if (expected === Money && tokenMatcher(actual, NumberLit)) {
    return ` (put the currency sign first: £${withSeparators(actual.image)})`;
  }
  if (expected === Percent && tokenMatcher(actual, NumberLit)) return ` (write it as ${actual.image}%)`;
  if (expected === NumberLit && tokenMatcher(actual, Percent) && actual.image.length > 1) {
    return ` (a count, without %)`;
  }
  return '';
}

function withSeparators(digits: string): string {
  const [whole, fraction] = digits.replace(/,/g, '').split('.');
  let grouped = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += ',';
    grouped += whole[i];
  }
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function orList(items: string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique.join('');
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** "did you mean `measure`?" for a misspelt or capitalised word. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  if (!/^[A-Za-z][A-Za-z_-]*$/.test(word) || word.length > 30) return '';
  // A keyword's first word (`step` of `step in`), fewer edits away than half its length.
  const best = nearest(word, candidates, { name: (c) => c.split(' ')[0], limit: (length) => Math.min(2, Math.ceil(length / 2) - 1) });
  if (!best) return '';
  return best.distance === 0 ? ` Did you mean \`${best.candidate}\`? Keywords are written in lower case.` : ` Did you mean \`${best.candidate}\`?`;
}

/**
 * Tokens whose error is about the token itself (a word a block does not know), so the
 * error points at it rather than after the word before it. Filled by the provider.
 */
export const pointsAtFound = new WeakSet<IToken>();

function unknownInBlock(ruleName: string, actual: IToken): string | undefined {
  const block = BLOCK_FIELDS[ruleName];
  if (!block) return undefined;
  if (isEnd(actual)) return `the ${block.noun} block is not closed: add \`}\` at its end`;
  pointsAtFound.add(actual);
  const fields = orList(block.fields.map((f) => `\`${f}\``));
  if (TOP_LEVEL_WORDS.includes(actual.image) && !block.fields.includes(actual.image)) {
    return `the ${block.noun} block is not closed before ${shown(actual)}: add \`}\` at its end`;
  }
  return (
    `${shown(actual)} is not part of ${/^[aeiou]/.test(block.noun) ? 'an' : 'a'} ${block.noun} block, which holds ${fields}; ` +
    `or is a \`}\` missing before it?` +
    didYouMean(actual.image, block.fields)
  );
}

export const messageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    // The file's repetition of items recovers by skipping text that begins no item.
    if (expected === EOF) return topLevelStray(actual);
    if (expected === RCurly) {
      const message = unknownInBlock(ruleName, actual);
      if (message) return message;
    }
    const wanted = describe(expected, ruleName, previous);
    const example = wanted.example ? `, such as ${wanted.example}` : '';
    const found = isEnd(actual) ? '' : `; found ${shown(actual)}`;
    return `expected ${wanted.what}${afterPrevious(previous)}${example}${found}${hint(expected, actual, ruleName)}`;
  },

  buildNotAllInputParsedMessage({ firstRedundant }) {
    return topLevelStray(firstRedundant);
  },

  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const first = actual[0];
    const found = isEnd(first) ? '' : `; found ${shown(first)}`;
    if (ruleName === 'providerPaid' && previous?.tokenType.name === 'of') {
      return 'expected `outcome payments` after `of`, on the same line, as in `provider paid 30% of outcome payments`';
    }
    if (ruleName === 'unit') {
      return `expected a unit of time${afterPrevious(previous)}: days, weeks, months or years${found}`;
    }
    const options = expectedPathsPerAlt.flatMap((paths) =>
      paths.map((path) => {
        if (path.length === 1 && KEYWORDS.includes(path[0].name as never)) return `\`${path[0].name}\``;
        const wanted = describe(path[0], ruleName, previous);
        return wanted.example ? `${wanted.what} (such as ${wanted.example})` : wanted.what;
      }),
    );
    return `expected ${orList(options)}${afterPrevious(previous)}${found}`;
  },

  buildEarlyExitMessage({ actual, previous }) {
    return `unexpected ${shown(actual[0])}${afterPrevious(previous)}`;
  },
};

/** Text at the top level of a file that does not begin an item. */
export function topLevelStray(token: IToken): string {
  pointsAtFound.add(token);
  if (token.tokenType === RCurly) return '`}` closes nothing here: remove it, or look above for a block missing its `{`';
  return (
    `${shown(token)} does not begin anything a specification holds; ` +
    `each part starts with one of ${orList(TOP_LEVEL_WORDS.map((w) => `\`${w}\``))}.` +
    didYouMean(token.image, TOP_LEVEL_WORDS)
  );
}
