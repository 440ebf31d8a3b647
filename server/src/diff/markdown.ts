import { markdownCell, markdownCode as code, markdownRich, markdownText } from '../base/markdown';
import { plural } from '../base/wording';
import type { SpecDiff } from './versions';
import { DefinitionChange, FieldChange, PriceChange, SectionChange } from './compare';
import { SectionName } from './snapshot';

/*
 * The diff as Markdown for a pull-request comment (GitHub-flavoured: tables and
 * nested lists), and as JSON for tools. The comment starts with a hidden marker so
 * that a CI job can find and update its own comment instead of adding one per push.
 * Every text from a spec goes in through base/markdown.ts, as text or code, never as
 * Markdown.
 */

export const COMMENT_MARKER = '<!-- outcome-lint diff -->';

export interface RenderOptions {
  /** What the files were compared with, for git mode: `origin/main (3f2c1a9)`. */
  readonly base?: string;
}

export function renderJson(diffs: readonly SpecDiff[], options: RenderOptions = {}): string {
  return `${JSON.stringify({ ...(options.base ? { base: options.base } : {}), files: diffs }, null, 2)}\n`;
}

export function renderMarkdown(diffs: readonly SpecDiff[], options: RenderOptions = {}): string {
  const out: string[] = [COMMENT_MARKER, '## What the specification changes mean', ''];
  if (options.base) out.push(`Compared with ${code(options.base)}.`, '');
  if (diffs.length === 0) {
    out.push('No changes: no `.outcome` file changed.', '');
    return out.join('\n');
  }
  const changed = diffs.filter((d) => d.status !== 'unchanged').length;
  if (diffs.length > 1) out.push(`${plural(changed, 'specification')} changed in meaning, ${diffs.length - changed} not.`, '');
  for (const diff of diffs) out.push(...fileSection(diff));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function fileSection(diff: SpecDiff): string[] {
  const name =
    diff.old !== undefined && diff.new !== undefined && diff.old !== diff.new
      ? `${code(diff.old)} → ${code(diff.new)}`
      : code(diff.new ?? diff.old ?? '?');
  const out = [`### ${name}`, ''];
  if (diff.status === 'unchanged') {
    out.push(diff.layoutOnly ? 'No changes in meaning: the files differ only in comments, layout or the way values are written.' : 'No changes.', '');
    return out;
  }
  if (diff.status === 'added') out.push('**New file.**', '');
  if (diff.status === 'removed') out.push('**File removed.**', '');

  if (diff.figures.some((f) => f.changed)) {
    out.push('| | before | after | change |', '| --- | ---: | ---: | ---: |');
    for (const f of diff.figures) {
      out.push(`| ${f.changed ? `**${f.label}**` : f.label} | ${cell(f.before)} | ${cell(f.after)} | ${f.changed ? cell(f.difference) : 'unchanged'} |`);
    }
    out.push('');
  }

  if (diff.prices.length > 0) {
    out.push('**Prices**', '');
    for (const p of diff.prices) out.push(...priceLines(p));
    out.push('');
  }

  const groups: [string, DefinitionChange[]][] = [
    ['Cohorts and segments', diff.definitions.filter((d) => d.kind !== 'outcome')],
    ['Outcomes', diff.definitions.filter((d) => d.kind === 'outcome')],
  ];
  for (const [heading, changes] of groups) {
    if (changes.length === 0) continue;
    out.push(`**${heading}**`, '');
    for (const c of changes) out.push(...definitionLines(c));
    out.push('');
  }

  // A removed file's blocks and findings go with it; the figures and definitions above say what is lost.
  if (diff.sections.length > 0 && diff.status === 'changed') {
    out.push('**Other changes**', '');
    for (const s of diff.sections) out.push(...sectionLines(s));
    out.push('');
  }

  const { introduced, resolved } = diff.status === 'removed' ? { introduced: [], resolved: [] } : diff.findings;
  if (introduced.length > 0) {
    out.push(`**Findings introduced (${introduced.length})**`, '');
    for (const f of introduced) out.push(`- ${f.severity} ${code(f.code)} on ${markdownRich(f.target)}: ${markdownRich(f.message)}`);
    out.push('');
  }
  if (resolved.length > 0) {
    out.push(`**Findings resolved (${resolved.length})**`, '');
    for (const f of resolved) out.push(`- ${f.severity} ${code(f.code)} on ${markdownRich(f.target)}: ${markdownRich(f.message)}`);
    out.push('');
  }
  return out;
}

function priceLines(p: PriceChange): string[] {
  const label = `for ${code(p.outcome ?? '?')}${p.perParticipant ? ' per participant' : ' (a single sum)'}${p.segment ? ` in ${code(p.segment)}` : ''}${
    p.threshold ? ` with threshold ${markdownText(p.threshold)}` : ''
  }`;
  switch (p.change) {
    case 'added':
      return [`- **added** ${p.after ?? 'a price'} ${label}`];
    case 'removed':
      return [`- **removed** ${p.before ?? 'a price'} ${label}`];
    case 'changed': {
      const amount = p.before !== p.after ? `: ${p.before ?? 'no amount'} → ${p.after ?? 'no amount'}${p.difference ? `, ${p.difference}` : ''}` : '';
      return [`- **changed** price ${label}${amount}`, ...p.fields.map((f) => `  - ${fieldWords(f)}`)];
    }
  }
}

function definitionLines(c: DefinitionChange): string[] {
  const what = `${c.kind} ${code(c.id)}${c.kind === 'segment' && c.cohort ? ` (in ${code(c.cohort)})` : ''}${c.title ? ` “${markdownText(c.title)}”` : ''}`;
  switch (c.change) {
    case 'added':
      return [`- **added** ${what}`];
    case 'removed':
      return [`- **removed** ${what}`];
    case 'renamed':
      return [
        `- **renamed** ${c.kind} ${code(c.oldId ?? '?')} → ${code(c.id)} (${c.renamedBecause})${c.fields.length > 0 ? ', and changed:' : ''}`,
        ...c.fields.map((f) => `  - ${fieldWords(f)}`),
      ];
    case 'changed':
      return [`- **changed** ${what}`, ...c.fields.map((f) => `  - ${fieldWords(f)}`)];
  }
}

const SECTION_NAMES: Readonly<Record<SectionName, string>> = {
  spec: '`spec`',
  payment: '`payment`',
  subcontracting: '`subcontracting`',
  contingency: '`contingency`',
  finance: '`finance`',
  lines: '',
};

function sectionLines(s: SectionChange): string[] {
  const prefix = SECTION_NAMES[s.section];
  return s.fields.map((f) => `- ${prefix ? `${prefix} ` : ''}${fieldWords(f)}`);
}

/** `size: 1,200 → 1,300`, `eligibility: added …; removed …`, `measure: added …`. */
function fieldWords(f: FieldChange): string {
  // A field may be named by the spec's text: `investor "…"`.
  const field = markdownText(f.field);
  if (f.added !== undefined || f.removed !== undefined) {
    const parts = [
      ...(f.added ?? []).map((v) => `added ${code(v)}`),
      ...(f.removed ?? []).map((v) => `removed ${code(v)}`),
    ];
    return `${field}: ${parts.join('; ')}`;
  }
  if (f.before === undefined) return `${field}: added ${code(f.after ?? '')}`;
  if (f.after === undefined) return `${field}: removed (was ${code(f.before)})`;
  return `${field}: ${code(f.before)} → ${code(f.after)}`;
}

/** A figure: an amount, a percentage, or why it is unknown, written by outcome-lint. */
function cell(text: string | undefined): string {
  return text === undefined ? '—' : markdownCell(text);
}
