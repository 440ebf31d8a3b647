import { markdownCell, markdownCode, markdownRich as rich, markdownText as text } from '../base/markdown';
import { formatMoney, numberText } from '../base/wording';
import { monthText, signedMoney } from './format';
import { basisLine, financeSummary, headline, INVESTOR_HEAD, investorRows, peakText, quarterRows, simulationRows, SPLIT_HEAD, splitRows } from './sections';
import { RiskReport } from './types';

/*
 * The report as Markdown: the same sections as the HTML, with tables instead of the
 * chart. Text from the spec goes in as the HTML escapes it: as text, or code, or
 * (where the HTML makes `code` of backticks) as text with code spans; never as Markdown.
 */

/** A table; each cell is Markdown. */
function table(head: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string[] {
  const align = head.map((_, i) => (right.includes(i) ? '---:' : '---'));
  return [`| ${head.map(markdownCell).join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((r) => `| ${r.map(markdownCell).join(' | ')} |`), ''];
}

export function renderMarkdown(report: RiskReport): string {
  const c = report.currency;
  const m = (minor: bigint | undefined): string => (minor === undefined ? 'unknown' : formatMoney(minor, c));
  const cash = report.cashFlow;
  const out: string[] = [];
  out.push(`# Provider’s risk report: ${text(report.title ?? report.file)}`, '');
  const meta = [
    report.commissioner && text(report.commissioner),
    markdownCode(report.file),
    report.paymentModel && `payment model: ${text(report.paymentModel)}`,
    cash && text(`${cash.termMonths} months${cash.start ? ` from ${cash.start}` : ''}`),
  ];
  out.push(meta.filter(Boolean).join(' · '), '');

  out.push('## Headline figures', '');
  out.push(...table(['Figure', 'Value', ''], headline(report).map((f) => [f.label, `**${f.value}**`, f.detail ? rich(f.detail) : ''])));
  const basis = basisLine(report);
  if (basis) out.push(rich(basis), '');
  if (report.notes.length) out.push(...report.notes.map((n) => `> - ${rich(n)}`), '');

  out.push('## Cash flow at the planning rates', '');
  if (cash) {
    const f = cash.planning.flow;
    out.push(
      `Costs of ${m(cash.cost)} spread evenly over ${cash.termMonths} months. ` +
        (f.peakMonth === undefined ? 'Income keeps ahead of cost throughout. ' : `${peakText(report, `**${m(f.peak)}**`, monthText(cash, f.peakMonth))} `) +
        (f.firstPaymentMonth === undefined
          ? 'Nothing is paid after the start.'
          : `The first payment after the start comes at the end of ${monthText(cash, f.firstPaymentMonth)}, when ${m(f.costBeforeFirstPayment)} has been spent.`) +
        ` Over the contract it is paid ${m(f.income)} (${signedMoney(f.net, c)} after costs).`,
      '',
    );
    out.push(
      ...table(
        ['End of', 'Cost in the quarter', 'Paid in the quarter', 'Cumulative cost', 'Cumulative income', 'Working capital needed'],
        quarterRows(cash).map((q) => [q.label, m(q.cost), m(q.income), m(q.cumulativeCost), m(q.cumulativeIncome), m(q.need)]),
        [1, 2, 3, 4, 5],
      ),
    );
    out.push('## Sensitivity: success below target', '');
    out.push(
      ...table(
        ['Success', 'Paid in total', 'of which on results', 'Cost', 'Net', 'Peak working capital', 'Peak month'],
        [...cash.sensitivity].reverse().map((s) => [
          s.label,
          m(s.flow.income),
          m(s.flow.resultsIncome),
          m(s.flow.cost),
          signedMoney(s.flow.net, c),
          m(s.flow.peak),
          s.flow.peakMonth === undefined ? '—' : monthText(cash, s.flow.peakMonth),
        ]),
        [1, 2, 3, 4, 5],
      ),
    );
  } else {
    out.push(`No cash flow can be worked out: ${rich(report.cashFlowMissing.join('; '))}.`, '');
  }
  const sim = report.simulation;
  if (sim) {
    out.push('## Under uncertainty: the simulation', '', `${numberText(sim.assumptions.draws)} draws of the success rates, the referrals that arrive and the payment delays (see the assumptions for how each is drawn). The HTML report draws the fan and tornado charts.`, '');
    out.push(...table(['Figure', 'Value'], simulationRows(report, sim).map(([what, value]) => [text(what), text(value)]), [1]));
  }
  const finance = report.finance;
  if (finance) {
    out.push('## Investors and the provider', '', rich(financeSummary(report, finance)), '');
    out.push(...table([...INVESTOR_HEAD], investorRows(report, finance).map((r) => [text(r[0]), ...r.slice(1)]), [1, 3]));
    if (finance.scenarios.length > 0) out.push(...table([...SPLIT_HEAD], splitRows(report, finance), [1, 2, 3, 4, 5, 6]));
  }

  out.push('## Who carries which risk', '');
  out.push(...table(['Risk', 'Carried by', 'Amount', 'Why'], report.risks.map((r) => [text(r.risk), text(r.carriedBy), r.amount === undefined ? '—' : m(r.amount), rich(r.detail)]), [2]));

  const mx = report.maximum;
  out.push('## The most the spec can pay', '');
  if (mx.lines.length === 0) {
    out.push('The spec has no `pay` lines: nothing is paid on results.', '');
  } else {
    const rows: string[][] = mx.lines.map((l) => [markdownCode(l.text), text(l.whom), m(l.maximum)]);
    rows.push(['**Total of the prices**', '', `**${m(mx.total)}**`]);
    if (mx.cap !== undefined) rows.push([`Cap${mx.capBinds ? ' (it binds)' : ''}`, '', m(mx.cap)]);
    rows.push(['**The most the spec can pay**', '', `**${m(mx.maximum)}**`]);
    if (mx.budget !== undefined) rows.push(['Budget', '', m(mx.budget)]);
    if (mx.budgetHeadroom !== undefined) rows.push([mx.budgetHeadroom < 0n ? 'Over budget by' : 'Left in the budget', '', m(mx.budgetHeadroom < 0n ? -mx.budgetHeadroom : mx.budgetHeadroom)]);
    out.push(...table(['Pay line', 'Whom it prices', 'Most it can pay'], rows, [2]));
    if (mx.missing.length) out.push(`Unknown: ${rich(mx.missing.join('; '))}.`, '');
    out.push('By outcome (before the cap):', '', ...table(['Outcome', 'Most it can pay'], mx.byOutcome.map((r) => [`${markdownCode(r.label)}${r.title ? ` ${text(r.title)}` : ''}`, m(r.amount)]), [1]));
    out.push('By cohort or segment (before the cap):', '', ...table(['Cohort or segment', 'Most it can pay'], mx.byGroup.map((r) => [markdownCode(r.label), m(r.amount)]), [1]));
  }

  out.push('## Findings', '');
  if (report.findings.length === 0) out.push('outcome-lint finds nothing to report in this spec.', '');
  for (const group of report.findings) {
    out.push(`### ${text(group.title)} (${group.findings.length})`, '');
    for (const f of group.findings) out.push(`- **${f.severity}** ${rich(f.message)} (line ${f.line}, ${markdownCode(f.code)})`);
    out.push('');
    for (const rule of group.rules) {
      out.push(`**${text(rule.id)}**: ${rich(rule.rationale)}`, '');
      for (const ev of rule.evidence) out.push(`> “${text(ev.quote)}”  `, `> — ${text(ev.source)}`, '');
    }
  }

  out.push('## Assumptions', '');
  out.push(...table(['Assumption', 'Value', 'From'], report.assumptions.map((a) => [text(a.topic), rich(a.text), a.source === 'spec' ? 'the spec' : a.source === 'option' ? 'an option' : 'default'])));
  return out.join('\n');
}
