import { CstNode, ILexingError, IRecognitionException, IToken } from 'chevrotain';
import { Diagnostic, Fix } from '../base/diagnostic';
import { FileNode, TopLevelItem } from './ast';
import { AstBuilder, fileNode } from './build-ast';
import { pointsAtFound, topLevelStray, TOP_LEVEL_WORDS } from './messages';
import { theParser } from './parser';
import { Span } from '../base/span';
import { KEYWORDS } from './keywords';
import { CurlyQuotedString, tokenize, UnterminatedString, UnterminatedTripleString } from './tokens';

export interface ParseResult {
  readonly file: FileNode;
  /** Syntax errors (`syntax/parse`) and fields given twice (`structure/duplicate-field`). */
  readonly diagnostics: Diagnostic[];
}

/**
 * Parses one file. Never throws: every problem becomes a diagnostic, and everything
 * that could be recovered is in the tree.
 */
export function parse(text: string): ParseResult {
  try {
    return parseText(text);
  } catch (error) {
    // A bug in outcome-lint, not in the user's text: keep the server and CLI alive
    // and say so plainly.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      file: { span: { start: 0, end: text.length }, items: [], comments: [] },
      diagnostics: [
        {
          code: 'syntax/parse',
          severity: 'error',
          message: `outcome-lint could not read this file because of an internal error (${reason}); please report it`,
          span: { start: 0, end: Math.min(1, text.length) },
        },
      ],
    };
  }
}

function parseText(text: string): ParseResult {
  const lexed = tokenize(text);
  const tokens = lexed.tokens;
  const diagnostics: Diagnostic[] = [];
  const error = (message: string, span: Span, fixes?: Fix[]): void => {
    diagnostics.push({ code: 'syntax/parse', severity: 'error', message, span, ...(fixes ? { fixes } : {}) });
  };

  const lexingSpans = lexed.errors.map(lexingSpan);
  for (const token of tokens) {
    if (token.tokenType === UnterminatedString) {
      error(
        'this text in quotes has no closing `"` on its line; for text over several lines, use """ … """',
        { start: token.startOffset, end: token.startOffset + token.image.length },
      );
    } else if (token.tokenType === CurlyQuotedString) {
      error('this text is in curly quotes, as word processors type them: use straight quotes "…"', {
        start: token.startOffset,
        end: token.startOffset + token.image.length,
      });
    } else if (token.tokenType === UnterminatedTripleString) {
      error('this text starting with `"""` is never closed: add `"""` where it ends', {
        start: token.startOffset,
        end: token.startOffset + 3,
      });
    }
  }

  // Capitalised keywords are rare: look for them in the tree only when the text has one.
  const capitalised = lexed.capitalisedKeyword;
  const builder = new AstBuilder();
  const built = new Map<CstNode, TopLevelItem | undefined>();
  const build = (cst: CstNode): TopLevelItem | undefined => {
    for (const token of capitalised ? capitalisedKeywords(cst) : []) {
      const span = { start: token.startOffset, end: token.startOffset + token.image.length };
      // Safe to apply: the word was read as the keyword already; only its case changes.
      const lower = token.image.toLowerCase();
      // The edit has a span of its own: reparse moves every span of a parse once, in place.
      error(`write \`${token.tokenType.name}\` in lower case: keywords are lower-case words`, span, [{ title: `Write \`${lower}\``, edits: [{ span: { ...span }, newText: lower }] }]);
    }
    return builder.item(cst);
  };
  const parser = theParser();
  parser.onItem = (cst) => {
    built.set(cst, build(cst));
    // Its tree is done with: let it go now, not when the whole file is parsed.
    (cst as { children: CstNode['children'] }).children = {};
  };

  // The grammar is `item*`. When the parser stops at text that begins no item, we
  // report that text once, skip to the next line that begins an item, and go on.
  const cstFiles: CstNode[] = [];
  const parseErrors: { message: string; span: Span; readonly token: IToken }[] = [];
  let position = 0;
  try {
    while (position < tokens.length) {
      parser.text = text;
      parser.input = tokens.slice(position);
      cstFiles.push(parser.file());
      let stray: IToken | undefined;
      for (const e of parser.errors) {
        if (e.name === 'NotAllInputParsedException') stray = e.token;
        else parseErrors.push({ message: e.message, span: recognitionSpan(text, tokens, e), token: e.token });
      }
      if (!stray) break;
      const first = tokens.indexOf(stray, position);
      let next = first + 1;
      while (next < tokens.length && !(beginsItem(tokens[next]) && firstOnLine(text, tokens, next))) next++;
      const last = tokens[next - 1];
      parseErrors.push({ message: topLevelStray(stray), span: { start: stray.startOffset, end: last.startOffset + last.image.length }, token: stray });
      position = next;
    }
  } finally {
    parser.onItem = undefined;
  }

  // One slip, one message: an unreadable character inside text already reported as
  // unknown says nothing new, and an error right beside an unreadable character
  // (`budget £ }`, `upfront 20 %`) is that character's fault.
  // Each step below looks things up by offset in sorted lists (binary search), so that
  // a file with thousands of mistakes still takes time in proportion to its length.
  const byStart = (span: Span): number => span.start;
  for (const p of parseErrors) {
    if (!pointsAtFound.has(p.token)) continue;
    // Unknown text runs on to the next token, unreadable characters included.
    const nextStart = tokens[firstAtLeast(tokens, (t) => t.startOffset, p.span.end)]?.startOffset ?? text.length;
    let end: number | undefined;
    for (let i = firstAtLeast(lexingSpans, byStart, p.span.end); i < lexingSpans.length && lexingSpans[i].start < nextStart; i++) {
      if (lexingSpans[i].end <= nextStart) end = lexingSpans[i].end;
    }
    if (end !== undefined) p.span = { start: p.span.start, end };
  }
  // Unknown text already covers the unreadable characters inside it.
  const unknown = parseErrors.filter((p) => pointsAtFound.has(p.token)).map((p) => p.span).sort((a, b) => a.start - b.start);
  const furthestEnd: number[] = [];
  unknown.forEach((span, i) => furthestEnd.push(Math.max(span.end, furthestEnd[i - 1] ?? -1)));
  lexed.errors.forEach((lexError, i) => {
    const span = lexingSpans[i];
    const before = firstAtLeast(unknown, byStart, span.start + 1) - 1;
    const inside = before >= 0 && furthestEnd[before] >= span.end;
    if (!inside) error(lexingMessage(text, lexError), span);
  });
  for (const p of parseErrors) {
    const near = lexingSpans[firstAtLeast(lexingSpans, byStart, p.span.start - 2)];
    const beside = !pointsAtFound.has(p.token) && near !== undefined && near.start <= p.span.end + 2;
    if (!beside) error(p.message, p.span);
  }

  // An item that recovery gave up on inside is in the tree without having been handed
  // to onItem: it is built here, in its place.
  const items = cstFiles
    .flatMap((file) => (file.children.item ?? []) as CstNode[])
    .map((cst) => (built.has(cst) ? built.get(cst) : build(cst)))
    .filter((item): item is TopLevelItem => item !== undefined);
  for (const problem of builder.problems) {
    diagnostics.push({ severity: 'error', ...problem });
  }
  return { file: fileNode(items, lexed.groups.comments ?? [], text.length), diagnostics: dedupe(diagnostics) };
}

const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);

/** Keywords used as keywords (not as ids) but not written in lower case: `Cohort`. */
function capitalisedKeywords(node: CstNode): IToken[] {
  const found: IToken[] = [];
  for (const [key, elements] of Object.entries(node.children)) {
    for (const element of elements ?? []) {
      if ('children' in element) found.push(...capitalisedKeywords(element));
      else if (key !== 'Identifier' && KEYWORD_SET.has(key) && element.image !== key && !element.isInsertedInRecovery) {
        found.push(element);
      }
    }
  }
  return found;
}

function beginsItem(token: IToken): boolean {
  return TOP_LEVEL_WORDS.includes(token.tokenType.name);
}

function firstOnLine(text: string, tokens: IToken[], index: number): boolean {
  if (index === 0) return true;
  const before = tokens[index - 1];
  return /[\r\n]/.test(text.slice(before.startOffset + before.image.length, tokens[index].startOffset));
}

function lexingSpan(lexError: ILexingError): Span {
  return { start: lexError.offset, end: lexError.offset + lexError.length };
}

function lexingMessage(text: string, lexError: ILexingError): string {
  const found = text.slice(lexError.offset, lexError.offset + lexError.length);
  if (/^[£$€]/.test(found)) return `expected an amount after \`${found[0]}\`, such as ${found[0]}2,000`;
  if (found.startsWith('%')) return '`%` must follow its number directly, as in 20%';
  if (/^[\u201C\u201D\u2018\u2019]/.test(found)) {
    return `\`${found[0]}\` is a curly quote (as word processors type): use straight quotes " around text`;
  }
  const shown = found.length > 20 ? `${found.slice(0, 20)}…` : found;
  return `\`${shown}\` is not part of the language here: ids are letters, digits, \`_\` and \`-\`; text goes in quotes`;
}

/**
 * Where a parse error points: at the unexpected text when that is the mistake, else
 * just after the word that wanted something (the token before), so that a missing
 * value is flagged at the end of its own line rather than on the next one.
 */
function recognitionSpan(text: string, tokens: IToken[], e: IRecognitionException): Span {
  const found = e.token;
  const foundIsReal = Number.isFinite(found.startOffset) && found.tokenType.name !== 'EOF';
  // Chevrotain sets `previousToken` on its exceptions but does not declare it.
  const hint = (e as IRecognitionException & { previousToken?: IToken }).previousToken;
  const previous = lastRealTokenBefore(tokens, foundIsReal ? found.startOffset : text.length, hint);
  const sameLine = foundIsReal && previous !== undefined &&
    !/[\r\n]/.test(text.slice(previous.startOffset + previous.image.length, found.startOffset));
  if (foundIsReal && pointsAtFound.has(found)) {
    // The words recovery skipped are the unknown field: cover them all.
    const skipped = (e.resyncedTokens ?? []).filter((t) => Number.isFinite(t.startOffset));
    const last = skipped.length > 0 ? skipped[skipped.length - 1] : found;
    return { start: found.startOffset, end: Math.max(found.startOffset + found.image.length, last.startOffset + last.image.length) };
  }
  if (foundIsReal && (sameLine || !previous)) {
    return { start: found.startOffset, end: found.startOffset + found.image.length };
  }
  if (previous) return { start: previous.startOffset, end: previous.startOffset + previous.image.length };
  return { start: 0, end: Math.min(1, text.length) };
}

function lastRealTokenBefore(tokens: IToken[], offset: number, hint: IToken | undefined): IToken | undefined {
  if (hint && Number.isFinite(hint.startOffset) && !hint.isInsertedInRecovery && hint.startOffset < offset) return hint;
  return tokens[firstAtLeast(tokens, (t) => t.startOffset, offset) - 1];
}

/** Binary search: the index of the first of `sorted` (ascending by `key`) whose key is ≥ `value`; its length if none. */
function firstAtLeast<T>(sorted: readonly T[], key: (item: T) => number, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (key(sorted[mid]) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Recovery can report twice at one place; the first message is the one that explains. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics
    .filter((d) => {
      const key = `${d.code}:${d.span.start}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
