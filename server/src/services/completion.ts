import { IToken } from 'chevrotain';
import { LintResult } from '../engine/lint';
import { KEYWORDS } from '../syntax/keywords';
import { TOP_LEVEL_WORDS } from '../syntax/messages';
import { theParser } from '../syntax/parser';
import { Identifier, LCurly, RCurly, tokenize } from '../syntax/tokens';
import { BLOCK_SNIPPETS } from './templates';

/*
 * Completion from the grammar itself: Chevrotain's content assist says which tokens may
 * come next after the text before the cursor; keywords are offered as they are, and
 * where an id may come, the ids that fit (cohorts and segments after `for`, outcomes
 * after `pay … for`, segments after `in`). At the top level, whole-block snippets.
 */

export interface Completion {
  readonly label: string;
  readonly kind: 'keyword' | 'cohort' | 'segment' | 'outcome' | 'snippet';
  readonly detail?: string;
  /** Snippet text (LSP snippet syntax: $1, ${1:placeholder}); otherwise the label. */
  readonly snippet?: string;
}

const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);


export function completionsAt(result: LintResult, offset: number): Completion[] {
  const text = result.facts.text;
  const tokens = tokenize(text.slice(0, offset)).tokens;
  // A word the cursor is at the end of is being typed: complete it, don't build on it.
  const last = tokens[tokens.length - 1];
  const typing = last && last.startOffset + last.image.length === offset && /^[\p{L}_-]/u.test(last.image);
  const preceding = typing ? tokens.slice(0, -1) : tokens;
  const prefix = typing ? last.image.toLowerCase() : '';
  const start = currentItemStart(preceding);
  const paths = theParser().computeContentAssist('file', preceding.slice(start));

  const found = new Map<string, Completion>();
  const add = (c: Completion): void => {
    if (c.label.toLowerCase().startsWith(prefix) && !found.has(`${c.kind}:${c.label}`)) found.set(`${c.kind}:${c.label}`, c);
  };
  const before = preceding[preceding.length - 1]?.image;
  for (const path of paths) {
    const next = path.nextTokenType;
    const rule = path.ruleStack[path.ruleStack.length - 1];
    if (KEYWORD_SET.has(next.name)) {
      add({ label: next.name, kind: 'keyword' });
    } else if (next === Identifier) {
      for (const c of idsFor(result, rule, before)) add(c);
    }
  }
  // Where an item may begin: its rule (`cohortBlock`) right under `file` and `item`, wanting its first word.
  if (paths.some((p) => p.ruleStack.length === 3 && TOP_LEVEL_WORDS.includes(p.nextTokenType.name))) {
    for (const s of BLOCK_SNIPPETS) add(s);
  }
  return [...found.values()];
}

/** Where the top-level item the cursor is in begins: content assist needs no more. */
function currentItemStart(tokens: readonly IToken[]): number {
  let depth = 0;
  let start = 0;
  tokens.forEach((token, i) => {
    if (token.tokenType === LCurly) depth++;
    else if (token.tokenType === RCurly) depth = Math.max(0, depth - 1);
    else if (depth === 0 && TOP_LEVEL_WORDS.includes(token.tokenType.name)) start = i;
  });
  return start;
}

function idsFor(result: LintResult, rule: string | undefined, before: string | undefined): Completion[] {
  const kinds =
    rule === 'outcomeField' ? ['cohort', 'segment'] : rule === 'payLine' ? (before === 'in' ? ['segment', 'cohort'] : ['outcome']) : rule === 'capLine' ? ['outcome'] : [];
  return [...result.model.definitions.values()]
    .filter((d) => kinds.includes(d.kind))
    .map((d) => ({
      label: d.name.text,
      kind: d.kind,
      detail: d.kind === 'segment' ? `segment of ${d.cohort?.name?.text ?? '?'}` : (('title' in d.node && d.node.title?.value) || d.kind),
    }));
}
