import {
  CodeAction as LspCodeAction,
  CodeActionKind,
  CompletionItem,
  CompletionItemKind,
  Diagnostic as LspDiagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  InsertTextFormat,
  Location,
  Range,
  SemanticTokens,
  SemanticTokensBuilder,
  SymbolKind,
  TextEdit as LspTextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { Diagnostic, Severity, TextEdit } from '../base/diagnostic';
import { LineIndex } from '../base/line-index';
import { Span } from '../base/span';
import { RuleSet } from '../engine/lint';
import { ConfigProblem } from '../host/config-files';
import { SymbolKind as SpecSymbolKind } from '../model/model';
import { ruleDocUrl } from '../rules/links';
import { CodeAction } from '../services/code-actions';
import { Completion } from '../services/completion';
import { HoverContent } from '../services/hover';
import { InlayHint as InlayHintValue } from '../services/inlay-hints';
import { SemanticToken, TOKEN_TYPES } from '../services/semantic-tokens';
import { OutlineSymbol } from '../services/symbols';

/*
 * The one place that turns core values (spans, findings, symbols, edits…) into LSP ones.
 * Places in other files are given by `where`: the file's URI as the editor knows it,
 * and a line index of its text.
 */

/** A file's URI as the editor knows it, and a line index of its text. */
export type Where = (file: string | undefined) => { uri: string; index: LineIndex };

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toRange(index: LineIndex, span: Span): Range {
  return { start: index.position(span.start), end: index.position(span.end) };
}

/** A finding, linked to its rule's page; `where` places its related information in other files. */
export function toLspDiagnostic(d: Diagnostic, where: Where, rules: RuleSet): LspDiagnostic {
  const here = where(undefined);
  const lsp: LspDiagnostic = { range: toRange(here.index, d.span), severity: SEVERITY[d.severity], code: d.code, source: 'outcome-lint', message: d.message };
  if (rules.byId(d.code)) lsp.codeDescription = { href: ruleDocUrl(d.code) };
  if (d.code === 'structure/unused-suppression') lsp.tags = [DiagnosticTag.Unnecessary];
  if (d.related) {
    lsp.relatedInformation = d.related.map((r) => {
      const other = where(r.uri);
      return { location: { uri: other.uri, range: toRange(other.index, r.span) }, message: r.message };
    });
  }
  return lsp;
}

/** The one finding on a file too large to lint. */
export function tooLargeDiagnostic(limitMB: number): LspDiagnostic {
  const start = { line: 0, character: 0 };
  return { range: { start, end: start }, severity: DiagnosticSeverity.Warning, source: 'outcome-lint', message: `file too large to lint (limit ${limitMB} MB)` };
}

/** What is wrong with a settings file, marked in the file itself. */
export function toConfigDiagnostic(p: ConfigProblem): LspDiagnostic {
  const start = { line: 0, character: 0 };
  return {
    range: p.at ? { start: p.at.start, end: p.at.end } : { start, end: start },
    severity: DiagnosticSeverity.Error,
    source: 'outcome-lint',
    message: `${p.at?.message ?? p.message} (these settings are not used until this is fixed)`,
  };
}

export function toLocation(place: { uri: string; index: LineIndex }, span: Span): Location {
  return { uri: place.uri, range: toRange(place.index, span) };
}

export function toTextEdits(index: LineIndex, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => LspTextEdit.replace(toRange(index, e.span), e.newText));
}

export function toCodeAction(action: CodeAction, uri: string, index: LineIndex, where: Where, rules: RuleSet): LspCodeAction {
  const edit: WorkspaceEdit = { changes: { [uri]: toTextEdits(index, action.edits) } };
  return {
    title: action.title,
    kind: action.kind === 'source.fixAll' ? CodeActionKind.SourceFixAll : CodeActionKind.QuickFix,
    edit,
    ...(action.diagnostic ? { diagnostics: [toLspDiagnostic(action.diagnostic, where, rules)] } : {}),
    ...(action.preferred ? { isPreferred: true } : {}),
  };
}

const OUTLINE_KIND: Readonly<Record<OutlineSymbol['kind'], SymbolKind>> = {
  spec: SymbolKind.Module,
  cohort: SymbolKind.Class,
  segment: SymbolKind.EnumMember,
  outcome: SymbolKind.Function,
  payment: SymbolKind.Object,
  pay: SymbolKind.Field,
  block: SymbolKind.Struct,
  line: SymbolKind.Property,
};

export function toDocumentSymbol(index: LineIndex, s: OutlineSymbol): DocumentSymbol {
  return {
    name: s.name,
    ...(s.detail ? { detail: s.detail } : {}),
    kind: OUTLINE_KIND[s.kind],
    range: toRange(index, s.span),
    selectionRange: toRange(index, s.selection),
    children: s.children.map((c) => toDocumentSymbol(index, c)),
  };
}

/** The kind of symbol a cohort, segment or outcome is, as the outline shows it. */
export function definitionKind(kind: SpecSymbolKind): SymbolKind {
  return OUTLINE_KIND[kind];
}

const COMPLETION_KIND: Readonly<Record<Completion['kind'], CompletionItemKind>> = {
  keyword: CompletionItemKind.Keyword,
  cohort: CompletionItemKind.Class,
  segment: CompletionItemKind.EnumMember,
  outcome: CompletionItemKind.Function,
  snippet: CompletionItemKind.Snippet,
};

export function toCompletionItem(c: Completion): CompletionItem {
  return {
    label: c.label,
    kind: COMPLETION_KIND[c.kind],
    ...(c.detail ? { detail: c.detail } : {}),
    ...(c.snippet ? { insertText: c.snippet, insertTextFormat: InsertTextFormat.Snippet } : {}),
  };
}

export function toInlayHint(index: LineIndex, h: InlayHintValue): InlayHint {
  return { position: index.position(h.offset), label: ` ${h.label}`, paddingLeft: true, ...(h.tooltip ? { tooltip: h.tooltip } : {}) };
}

export function toHover(index: LineIndex, hover: HoverContent): Hover {
  return { contents: { kind: 'markdown', value: hover.markdown }, range: toRange(index, hover.span) };
}

/** Folding ranges of whole lines: a span within one line folds nothing. */
export function toFoldingRanges(index: LineIndex, spans: readonly Span[]): FoldingRange[] {
  return spans.map((s) => ({ startLine: index.position(s.start).line, endLine: index.position(s.end).line })).filter((r) => r.endLine > r.startLine);
}

export function toSemanticTokens(index: LineIndex, tokens: readonly SemanticToken[]): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  for (const token of tokens) {
    const start = index.position(token.span.start);
    builder.push(start.line, start.character, token.span.end - token.span.start, TOKEN_TYPES.indexOf(token.type), token.declaration ? 1 : 0);
  }
  return builder.build();
}
