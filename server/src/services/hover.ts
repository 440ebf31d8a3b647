import * as ast from '../syntax/ast';
import { LintResult } from '../engine/lint';
import { Definition } from '../model/model';
import { formatMoney, numberText, plural } from '../base/wording';
import { wholeMonthsIn } from '../base/durations';
import { investorTotals } from '../model/finance';
import { Span } from '../base/span';
import { definitionAt } from './at-offset';

/*
 * What the editor shows on hover, as Markdown: on a finding, the rule's reasons and
 * evidence; on an id, what it is; on a price, budget, cap or investor, the computed figures.
 */

export interface HoverContent {
  readonly markdown: string;
  readonly span: Span;
}

const within = (span: Span, offset: number): boolean => span.start <= offset && offset <= span.end;

export function hoverAt(result: LintResult, offset: number): HoverContent | undefined {
  const parts: string[] = [];
  let span: Span | undefined;
  for (const d of result.diagnostics) {
    if (!within(d.span, offset)) continue;
    const rule = result.rules.byId(d.code);
    if (!rule) continue;
    parts.push(findingHover(rule.meta.id, rule.meta.summary, rule.meta.rationale, rule.meta.evidence));
    span ??= d.span;
  }
  const definition = definitionAt(result.model, offset);
  if (definition) {
    parts.push(definitionHover(definition, result));
    span ??= definition.name.span;
  } else {
    const figures = figuresAt(result, offset);
    if (figures) {
      parts.push(figures.markdown);
      span ??= figures.span;
    }
  }
  return parts.length > 0 && span ? { markdown: parts.join('\n\n---\n\n'), span } : undefined;
}

function findingHover(id: string, summary: string, rationale: string, evidence: readonly { quote: string; source: string }[]): string {
  const quotes = evidence.map((e) => `> ${e.quote}\n>\n> — ${e.source}`).join('\n\n');
  return [`**${id}**: ${summary}`, rationale, quotes].filter((s) => s.length > 0).join('\n\n');
}

function sizeText(size: ast.Field<ast.NumberValue> | undefined): string {
  return size?.value ? `${size.value.source} people` : 'no size given';
}

function definitionHover(definition: Definition, result: LintResult): string {
  const node = definition.node;
  const where = definition.uri === result.model.uri ? '' : ` (defined in ${result.facts.access.display(definition.uri)})`;
  if (node.kind === 'cohort') {
    const criteria = (node.eligibility?.criteria ?? []).map((c) => `- ${criterionText(c)}`);
    const referral = node.referrals.map((r) => (r.route?.value === 'by' ? `referred by ${r.referrers.map((x) => x.value).join(', ')}` : `referral: ${r.route?.value ?? '?'}`));
    return [
      `**cohort \`${definition.name.text}\`**${node.title ? `: ${node.title.value}` : ''}${where}`,
      `Size: ${sizeText(node.size)}.${node.segments.length > 0 ? ` Segments: ${node.segments.map((s) => `\`${s.name?.text}\``).join(', ')}.` : ''}`,
      criteria.length > 0 ? `Eligibility:\n${criteria.join('\n')}` : 'No eligibility criteria.',
      ...referral.map((r) => `${r[0].toUpperCase()}${r.slice(1)}.`),
    ].join('\n\n');
  }
  if (node.kind === 'segment') {
    return [
      `**segment \`${definition.name.text}\`**${node.title ? `: ${node.title.value}` : ''} of cohort \`${definition.cohort?.name?.text ?? '?'}\`${where}`,
      `Size: ${sizeText(node.size)}.`,
      ...node.criteria.map((c) => `- ${criterionText(c)}`),
    ].join('\n\n');
  }
  const outcome = node as ast.OutcomeBlock;
  const pays = result.facts.payment?.pays.filter((p) => p.outcome?.text === definition.name.text) ?? [];
  const lines = [
    `**outcome \`${definition.name.text}\`**${outcome.title ? `: ${outcome.title.value}` : ''}${where}`,
    outcome.measure?.value ? `Measure: ${outcome.measure.value.value}` : 'No measure given.',
    outcome.evidence?.value ? `Evidence: ${outcome.evidence.value.value}` : 'No evidence source given.',
  ];
  if (outcome.outcomeKind?.value) lines.push(`Kind: ${outcome.outcomeKind.value.value}`);
  if (pays.length > 0) lines.push(`Priced: ${pays.map((p) => result.facts.text.slice(p.span.start, p.span.end)).map((t) => `\`${t}\``).join('; ')}`);
  return lines.join('\n\n');
}

function criterionText(c: ast.Criterion): string {
  if (c.kind === 'age') return `age ${c.from?.source ?? '?'} to ${c.to?.source ?? '?'}`;
  if (c.kind === 'resident') return `resident in ${c.place?.value ?? '?'}`;
  return c.text?.value ?? '?';
}

/** On a `pay` line, the `budget` or the `cap`: the maximum payment worked out; on an `investor` line, the investors'. */
function figuresAt(result: LintResult, offset: number): HoverContent | undefined {
  const max = result.facts.maximumPayment;
  const line = max.lines.find((l) => within(l.pay.span, offset));
  if (line) {
    const { pay } = line;
    let text: string;
    if (line.amount === undefined) text = `The most this line can pay is unknown: ${line.missing.join('; ')}.`;
    else if (line.successes === undefined) text = `This line pays one sum of ${formatMoney(line.amount, pay.amount?.currency)}.`;
    else text = `This line can pay up to **${formatMoney(line.amount, pay.amount?.currency)}**: ${numberText(line.successes)} successes × ${pay.amount?.source}.`;
    return { markdown: text, span: pay.span };
  }
  const finance = result.facts.finance;
  const investor = finance?.investors.find((i) => within(i.span, offset));
  if (finance && investor) return { markdown: investorsText(result, finance), span: investor.span };
  const budget = result.facts.spec?.budget;
  const cap = result.facts.payment?.cap;
  const at = [budget, cap].find((f) => f && within(f.span, offset));
  if (!at) return undefined;
  return { markdown: totalText(result), span: at.span };
}

/** "The spec can pay up to £1,440,000 (the cap; £2,006,000 before it) against a budget of £1,800,000." */
export function totalText(result: LintResult): string {
  const max = result.facts.maximumPayment;
  const currency = max.currency;
  const budget = result.facts.spec?.budget?.value;
  const against = budget ? ` against a budget of ${formatMoney(budget.minor, budget.currency)}` : '';
  if (max.maximum === undefined) return `The most the spec can pay is unknown: ${max.missing.join('; ')}.`;
  if (max.capOnly) return `The spec can pay at most its cap, ${formatMoney(max.maximum, currency)}${against}; the total before the cap is unknown: ${max.missing.join('; ')}.`;
  const capped = max.cap !== undefined && max.total !== undefined && max.cap < max.total ? ` (the cap; ${formatMoney(max.total, currency)} before it)` : '';
  return `The spec can pay up to **${formatMoney(max.maximum, currency)}**${capped}${against}.`;
}

/**
 * What the investors commit and the most they can earn over the term, in total and each:
 * "The investors commit **£1,000,000** and can earn at most £216,000 over the 48 months of the term."
 */
function investorsText(result: LintResult, finance: ast.FinanceBlock): string {
  const term = result.facts.spec?.term?.value;
  const months = term ? wholeMonthsIn(term) : undefined;
  const totals = investorTotals(finance, months);
  const money = (minor: bigint | undefined): string | undefined => (minor === undefined || !totals.currency ? undefined : formatMoney(minor, totals.currency));
  const over = months === undefined ? '' : ` over the ${plural(months, 'month')} of the term`;
  const committed = money(totals.commitment);
  const earned = money(totals.maximumReturn);
  const head = committed
    ? `The investors commit **${committed}**${earned ? ` and can earn at most ${earned}${over}` : ''}.`
    : 'What the investors commit in total is unknown.';
  const each = totals.investors.map(({ line, maximumReturn }) => {
    const terms = [
      line.commitment ? `commits ${formatMoney(line.commitment.minor, line.commitment.currency)}` : 'no commitment given',
      line.maximumReturn ? `return up to ${line.maximumReturn.source} a year${maximumReturn !== undefined ? `, at most ${money(maximumReturn)}` : ''}` : 'no return given',
    ];
    return `- ${line.name ? line.name.value : 'an investor'}: ${terms.join('; ')}`;
  });
  const unknown = totals.missing.length > 0 && (!committed || !earned) ? [`Unknown: ${totals.missing.join('; ')}.`] : [];
  return [head, each.join('\n'), ...unknown].join('\n\n');
}

/** "£1,410,000 of £2,000,000": the most the spec can pay against its budget, for a status bar. */
export function paymentSummary(result: LintResult): string | undefined {
  const max = result.facts.maximumPayment;
  if (!result.facts.payment || max.lines.length === 0) return undefined;
  const budget = result.facts.spec?.budget?.value;
  const most = max.maximum === undefined ? '?' : formatMoney(max.maximum, max.currency);
  return budget ? `${most} of ${formatMoney(budget.minor, budget.currency)}` : most;
}
