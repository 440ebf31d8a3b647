import * as ast from '../syntax/ast';
import { Span } from '../base/span';

/** An outline entry: what the editor's Outline view and breadcrumbs show. */
export interface OutlineSymbol {
  readonly name: string;
  readonly detail: string | undefined;
  readonly kind: 'spec' | 'cohort' | 'segment' | 'outcome' | 'payment' | 'pay' | 'block' | 'line';
  /** The whole construct. */
  readonly span: Span;
  /** What to select when the entry is chosen: its id or keyword. */
  readonly selection: Span;
  readonly children: readonly OutlineSymbol[];
}

export function outline(file: ast.FileNode): OutlineSymbol[] {
  return file.items.map((item) => symbolOf(item));
}

function symbolOf(item: ast.TopLevelItem): OutlineSymbol {
  switch (item.kind) {
    case 'spec':
      return { name: item.title?.value ?? 'spec', detail: 'spec', kind: 'spec', span: item.span, selection: item.title?.span ?? item.keyword, children: [] };
    case 'cohort':
      return {
        name: item.name?.text ?? 'cohort',
        detail: item.title?.value,
        kind: 'cohort',
        span: item.span,
        selection: item.name?.span ?? item.keyword,
        children: item.segments.map((s) => ({
          name: s.name?.text ?? 'segment',
          detail: s.title?.value,
          kind: 'segment' as const,
          span: s.span,
          selection: s.name?.span ?? s.keyword,
          children: [],
        })),
      };
    case 'outcome':
      return { name: item.name?.text ?? 'outcome', detail: item.title?.value, kind: 'outcome', span: item.span, selection: item.name?.span ?? item.keyword, children: [] };
    case 'payment':
      return {
        name: 'payment',
        detail: item.model?.value?.value,
        kind: 'payment',
        span: item.span,
        selection: item.keyword,
        children: item.pays.map((p) => ({
          name: `pay ${p.amount?.source ?? ''} for ${p.outcome?.text ?? '…'}${p.segment ? ` in ${p.segment.text}` : ''}`,
          detail: undefined,
          kind: 'pay' as const,
          span: p.span,
          selection: p.keyword,
          children: [],
        })),
      };
    case 'subcontracting':
    case 'contingency':
    case 'finance':
      return { name: item.kind, detail: undefined, kind: 'block', span: item.span, selection: item.keyword, children: [] };
    case 'use':
      return { name: `use ${item.path?.value ?? ''}`, detail: undefined, kind: 'line', span: item.span, selection: item.keyword, children: [] };
    case 'review':
      return { name: 'review', detail: undefined, kind: 'line', span: item.span, selection: item.keyword, children: [] };
    default:
      return { name: item.kind, detail: item.text?.value, kind: 'line', span: item.span, selection: item.keyword, children: [] };
  }
}

/** Folding: every block whose braces are on different lines, as offset pairs. */
export function foldingSpans(file: ast.FileNode): Span[] {
  const spans: Span[] = [];
  const add = (braces: ast.Braces | undefined): void => {
    if (braces?.close) spans.push({ start: braces.open.start, end: braces.close.end });
  };
  for (const item of file.items) {
    if ('braces' in item) add(item.braces);
    if (item.kind === 'cohort') {
      add(item.eligibility?.braces);
      for (const segment of item.segments) add(segment.braces);
    }
  }
  return spans;
}
