import { IToken } from 'chevrotain';
import { LintResult } from '../lint';
import { KEYWORDS } from '../syntax/keywords';
import { TOP_LEVEL_WORDS } from '../syntax/messages';
import { parser } from '../syntax/parser';
import { Identifier, lexer, LCurly, RCurly } from '../syntax/tokens';

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

export const BLOCK_SNIPPETS: readonly Completion[] = [
  { label: 'spec', kind: 'snippet', detail: 'a new specification', snippet: 'spec "${1:Title}" {\n  commissioner "${2:Council}"\n  term ${3:3} years from ${4:2027-04-01}\n  budget £${5:1,000,000}\n  service level ${6|must,needed,could|}\n}\n' },
  { label: 'cohort', kind: 'snippet', detail: 'who the service is for', snippet: 'cohort ${1:id} "${2:Description}" {\n  eligibility {\n    age ${3:16} to ${4:24}\n    resident in "${5:Area}"\n    criterion "${6:a recorded fact}"\n  }\n  size ${7:100}\n  referral by "${8:Referrer}"\n}\n' },
  { label: 'outcome', kind: 'snippet', detail: 'a result to achieve', snippet: 'outcome ${1:id} "${2:Description}" {\n  for ${3:cohort}\n  measure "${4:what is counted, and when}"\n  evidence "${5:data source}"\n  baseline ${6:10}%\n  target ${7:30}% by ${8:2030-03-31}\n  kind ${9|tangible,intangible,output|}\n}\n' },
  { label: 'payment', kind: 'snippet', detail: 'how results are paid for', snippet: 'payment {\n  model ${1|results,grant,block,mixed|}\n  upfront ${2:20}%\n  pay £${3:1,000} for ${4:outcome} per participant\n  cap £${5:500,000}\n  schedule "${6:quarterly in arrears}"\n}\n' },
  { label: 'contingency', kind: 'snippet', detail: 'the plan for failure', snippet: 'contingency {\n  step in "${1:who takes over}"\n  notice ${2:3} months\n  warning signs "${3:what to watch for}"\n  reserve £${4:100,000}\n}\n' },
  { label: 'subcontracting', kind: 'snippet', detail: 'prime and subcontractors', snippet: 'subcontracting {\n  prime "${1:Lead provider}"\n  management fee ${2:10}%\n  standard "${3:Merlin Standard}"\n}\n' },
];

export function completionsAt(result: LintResult, offset: number): Completion[] {
  const text = result.facts.text;
  const tokens = lexer.tokenize(text.slice(0, offset)).tokens;
  // A word the cursor is at the end of is being typed: complete it, don't build on it.
  const last = tokens[tokens.length - 1];
  const typing = last && last.startOffset + last.image.length === offset && /^[\p{L}_-]/u.test(last.image);
  const preceding = typing ? tokens.slice(0, -1) : tokens;
  const prefix = typing ? last.image.toLowerCase() : '';
  const start = currentItemStart(preceding);
  const paths = parser.computeContentAssist('file', preceding.slice(start));

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
  if (paths.some((p) => p.ruleStack.length === 1 || p.ruleStack[p.ruleStack.length - 1] === 'item')) {
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
    rule === 'outcomeField' ? ['cohort', 'segment'] : rule === 'payLine' ? (before === 'in' ? ['segment', 'cohort'] : ['outcome']) : [];
  return [...result.model.definitions.values()]
    .filter((d) => kinds.includes(d.kind))
    .map((d) => ({
      label: d.name.text,
      kind: d.kind,
      detail: d.kind === 'segment' ? `segment of ${d.cohort?.name?.text ?? '?'}` : (('title' in d.node && d.node.title?.value) || d.kind),
    }));
}
