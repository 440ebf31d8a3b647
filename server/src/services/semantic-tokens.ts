import { LintResult } from '../engine/lint';
import { definitionsOf, SymbolKind } from '../model/model';
import { Span } from '../base/span';

/*
 * Semantic tokens for ids: the editor colours a cohort, a segment and an outcome
 * alike wherever they appear, even where an id is spelt like a keyword.
 */

export const TOKEN_TYPES = ['namespace', 'enumMember', 'function', 'variable'] as const;
export const TOKEN_MODIFIERS = ['declaration'] as const;

const TYPE_OF: Readonly<Record<SymbolKind, (typeof TOKEN_TYPES)[number]>> = {
  cohort: 'namespace',
  segment: 'enumMember',
  outcome: 'function',
};

export interface SemanticToken {
  readonly span: Span;
  readonly type: (typeof TOKEN_TYPES)[number];
  readonly declaration: boolean;
}

export function semanticTokens(result: LintResult): SemanticToken[] {
  const model = result.model;
  const tokens: SemanticToken[] = [
    ...definitionsOf(model.file, model.uri).map((d) => ({ span: d.name.span, type: TYPE_OF[d.kind], declaration: true })),
    ...model.references.map((r) => ({ span: r.name.span, type: r.target ? TYPE_OF[r.target.kind] : ('variable' as const), declaration: false })),
  ];
  return tokens.sort((a, b) => a.span.start - b.span.start);
}
