import { createToken, ILexingResult, Lexer, TokenType } from 'chevrotain';
import { KEYWORDS, Keyword } from './keywords';

/*
 * Token types. Literal patterns are deliberately a little wider than the language
 * (e.g. `1,23` lexes as one number) so that a slip gets one precise message from
 * `values.ts` instead of a cascade of syntax errors.
 */

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  // A byte order mark and no-break spaces are layout too.
  pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
});

export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });

/** Category of every string token, finished or not. */
export const StringLit = createToken({ name: 'StringLit', pattern: Lexer.NA });
export const TripleString = createToken({
  name: 'TripleString',
  // A quote inside is fine unless it starts `"""`; `\"` is an escaped quote. Written as
  // one or two quotes followed by anything else, not as a look-ahead, so that the
  // regex-safety test decides it by automata theory rather than by fuzzing.
  pattern: /"""(?:[^"\\]|\\[\s\S]|""?(?:[^"\\]|\\[\s\S]))*"""/,
  categories: [StringLit],
  line_breaks: true,
});
/**
 * `"""` never closed: runs to the end of the file; `parse` reports it. (Tried only where
 * `TripleString` did not match, so no unescaped `"""` follows.)
 */
export const UnterminatedTripleString = createToken({
  name: 'UnterminatedTripleString',
  pattern: /"""[\s\S]*/,
  categories: [StringLit],
  line_breaks: true,
});
export const SimpleString = createToken({
  name: 'SimpleString',
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/,
  categories: [StringLit],
});
/** `"` never closed on its line: runs to the end of the line; `parse` reports it. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/,
  categories: [StringLit],
});

/** “Text in curly quotes”, as pasted from a word processor: read, and reported. */
export const CurlyQuotedString = createToken({
  name: 'CurlyQuotedString',
  pattern: /\u201C[^\u201C\u201D\r\n]*\u201D/,
  categories: [StringLit],
});

export const DateLit = createToken({ name: 'DateLit', pattern: /\d{4}-\d{1,2}-\d{1,2}/ });
export const Money = createToken({ name: 'Money', pattern: /[£$€]\d(?:[\d,]*\d)?(?:\.\d+)?[kKmM]?/ });
export const Percent = createToken({ name: 'Percent', pattern: /\d(?:[\d,]*\d)?(?:\.\d+)?%/ });
export const NumberLit = createToken({ name: 'NumberLit', pattern: /\d(?:[\d,]*\d)?(?:\.\d+)?/ });

export const LCurly = createToken({ name: 'LCurly', pattern: /{/ });
export const RCurly = createToken({ name: 'RCurly', pattern: /}/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });

/**
 * A letter, then letters, digits, `_` or `-`. Letters are Latin ones, accented too
 * (`café`), which keeps the lexer's first-character optimisation that the Unicode
 * `\p{L}` class would switch off.
 */
export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F][\w\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F-]*/,
});

/**
 * One token type per keyword, named by the word itself. Each belongs to the
 * `Identifier` category, so wherever the grammar wants an id, a keyword is accepted.
 *
 * The lexer itself has no keyword patterns: it reads every word as an `Identifier`,
 * and `tokenize` then gives a word that is a keyword its keyword's type. One pattern
 * instead of a hundred tried at each word makes lexing about twice as fast, and reads
 * words exactly as keyword patterns with `Identifier` as their longer alternative
 * would: `in` is a keyword, `instrument` another, `inside` an id.
 */
export const keywordTokens: ReadonlyMap<Keyword, TokenType> = new Map(
  KEYWORDS.map((word) => [word, createToken({ name: word, pattern: Lexer.NA, categories: [Identifier] })]),
);

/**
 * Keywords by their lower-case spelling. A keyword is read in any case so that
 * `Cohort` still reads as the keyword it was meant to be; `parse` then asks for
 * lower case (one error, and the block is kept).
 */
const keywordByWord: ReadonlyMap<string, TokenType> = new Map([...keywordTokens].map(([word, type]) => [word as string, type]));

export function kw(word: Keyword): TokenType {
  return keywordTokens.get(word)!;
}

/** Units of time, which follow the number in a duration. */
export const UNIT_WORDS = ['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years'] as const;

/** What the lexer reads, in the order it tries them. */
const lexerTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  TripleString,
  UnterminatedTripleString,
  SimpleString,
  UnterminatedString,
  CurlyQuotedString,
  StringLit,
  DateLit,
  Money,
  Percent,
  NumberLit,
  LCurly,
  RCurly,
  Comma,
  Identifier,
];

/** What the parser reads: the lexer's token types and the keywords `tokenize` gives. */
export const vocabulary: TokenType[] = [...lexerTokens, ...keywordTokens.values()];

/**
 * `checked` makes Chevrotain check the token definitions as it builds the lexer. The
 * checks cost about a tenth of a second at every start of the CLI and the server, so
 * the shipped lexer skips them and `test/parse.test.ts` builds a checked one.
 */
export function buildLexer(checked: boolean): Lexer {
  return new Lexer(lexerTokens, {
    // Offsets only (see `tokenize`): where lines end, the parser reads from the text (`parser.ts`).
    positionTracking: 'onlyOffset',
    ensureOptimizations: true,
    skipValidations: !checked,
  });
}

const lexer = buildLexer(false);

export interface Tokens extends ILexingResult {
  /** Whether some keyword is not written in lower case (`Cohort`), which `parse` reports. */
  readonly capitalisedKeyword: boolean;
}

/** The text's tokens, keywords told apart from ids, and what could not be read. */
export function tokenize(text: string): Tokens {
  const lexed = lexer.tokenize(text);
  let capitalisedKeyword = false;
  for (const token of lexed.tokens) {
    // The lexer tracks start offsets only (lines and columns cost it more than the rest of
    // lexing); the parser's node locations need the end too.
    token.endOffset = token.startOffset + token.image.length - 1;
    if (token.tokenType !== Identifier) continue;
    const keyword = keywordByWord.get(token.image.toLowerCase());
    if (keyword) {
      token.tokenType = keyword;
      token.tokenTypeIdx = keyword.tokenTypeIdx!;
      capitalisedKeyword ||= token.image !== keyword.name;
    }
  }
  return { ...lexed, capitalisedKeyword };
}
