import { formatMoney, numberText } from '../base/wording';
import { escapeXml, monthText, signedMoney } from './format';
import { basisLine, cashFlowChart, fanChartOf, financeSummary, headline, INVESTOR_HEAD, investorRows, peakText, quarterRows, simulationRows, SPLIT_HEAD, splitRows, tornadoChartOf } from './sections';
import { sha256Base64 } from './sha256';
import { AssumptionOption, RiskReport } from './types';
import { OPTION_EXAMPLE, OPTION_WORDS } from './option-names';

/*
 * The report as one self-contained HTML file: no script, no network, no external
 * resource. Its only style is one <style> element, allowed by the page's own
 * Content-Security-Policy through its SHA-256 hash (and a nonce, when the host gives
 * one), so the same file opens offline in a browser and in a CSP-strict VS Code
 * webview. It prints on A4.
 */

export interface HtmlOptions {
  /** A nonce the host's CSP allows (VS Code webviews); added to the <style> element. */
  readonly nonce?: string;
  /** Leave out the page's own CSP <meta> (when the host sets the policy). */
  readonly omitCsp?: boolean;
  /**
   * An editor command that changes one assumption (VS Code: a command link the webview
   * may follow). With it, each assumption an option can change gets a "change the …"
   * link, whose argument is that option ({ name, outcome }) with the words to ask for it
   * in and an example of its value ({ words, example }).
   */
  readonly changeCommand?: string;
}

const e = escapeXml;

/** Inline code (`like this`) in messages becomes <code>. */
function rich(text: string): string {
  return e(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

export const STYLE = `
:root { color-scheme: light dark; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; padding: 0;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif;
  color: var(--vscode-editor-foreground, #1c1c1e);
  background: var(--vscode-editor-background, #ffffff);
}
main { max-width: 980px; margin: 0 auto; padding: 24px 28px 40px; }
h1 { font-size: 26px; line-height: 1.2; margin: 2px 0 6px; }
h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #c9ced6; break-after: avoid; }
h3 { font-size: 16px; margin: 20px 0 6px; break-after: avoid; }
p { margin: 6px 0; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.92em; overflow-wrap: anywhere; }
.kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 12px; font-weight: 600; color: #8a4b08; margin: 0; }
.meta { color: #5b6270; font-size: 13.5px; }
.figures { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 12px; margin: 18px 0 8px; }
.figure { border: 1px solid #d5d9e0; border-radius: 8px; padding: 10px 14px; break-inside: avoid; min-width: 0; }
.figure .label { display: block; font-size: 13px; color: #5b6270; font-weight: 600; }
.figure .value { display: block; font-size: 24px; font-weight: 700; line-height: 1.25; margin: 2px 0; overflow-wrap: anywhere; font-variant-numeric: tabular-nums; }
.figure .detail { display: block; font-size: 12.5px; color: #5b6270; }
.figure.warn { border-color: #d9a441; background: rgba(217, 164, 65, 0.09); }
.figure.bad { border-color: #c0392b; background: rgba(192, 57, 43, 0.07); }
.notes { border-left: 4px solid #d9a441; padding: 4px 0 4px 14px; margin: 14px 0; }
.notes li { margin: 3px 0; }
.chart-box { break-inside: avoid; }
/* Below 660px the chart keeps its size and scrolls inside its box, so that its text stays legible. */
.chart-scroll { overflow-x: auto; }
svg.chart { display: block; width: 100%; min-width: 660px; height: auto; font-family: inherit; }
svg.chart .grid { stroke: #8a8f99; stroke-opacity: 0.25; stroke-width: 1; }
svg.chart .axis { stroke: #8a8f99; stroke-width: 1; }
svg.chart .tick { font-size: 13px; fill: currentColor; fill-opacity: 0.8; }
svg.chart .axis-title, svg.chart .note { font-size: 13px; fill: currentColor; fill-opacity: 0.7; }
svg.chart .term { stroke: #8a8f99; stroke-dasharray: 4 4; stroke-width: 1.2; }
svg.chart .gap { fill: #c0392b; fill-opacity: 0.18; stroke: none; }
svg.chart .cost { fill: none; stroke: #c0392b; stroke-width: 2.5; stroke-linejoin: round; }
svg.chart .income { fill: none; stroke: #1f6f8b; stroke-width: 2.5; stroke-linejoin: round; }
svg.chart .peak { stroke: #1c1c1e; stroke-width: 1.5; stroke-dasharray: 3 3; }
svg.chart .peak-label { font-size: 14px; font-weight: 700; fill: currentColor; paint-order: stroke; stroke: var(--vscode-editor-background, #ffffff); stroke-width: 4px; stroke-linejoin: round; }
/* The fan chart (fan-chart.ts) and the tornado chart (tornado-chart.ts). Lines that are neither data colour draw in currentColor, so they show on light and dark themes alike. */
svg.chart .band { fill: #1f6f8b; fill-opacity: 0.22; stroke: none; }
svg.chart .median { fill: none; stroke: #1f6f8b; stroke-width: 2.5; stroke-linejoin: round; }
svg.chart .median-point { fill: #1f6f8b; }
svg.chart .zero { stroke: currentColor; stroke-opacity: 0.75; stroke-width: 1.5; stroke-dasharray: 6 4; }
svg.chart .worse { fill: #c0392b; fill-opacity: 0.75; }
svg.chart .better { fill: #1f6f8b; fill-opacity: 0.75; }
svg.chart .nil { stroke: currentColor; stroke-opacity: 0.8; stroke-width: 2; }
svg.chart .base { stroke: currentColor; stroke-width: 1.5; }
svg.chart .bar-label { font-size: 13px; fill: currentColor; }
/* VS Code marks dark themes on <body>: the data blues and reds a step lighter there, as #1f6f8b is dim on a dark background. */
body.vscode-dark svg.chart .band { fill: #5aafd4; fill-opacity: 0.28; }
body.vscode-dark svg.chart .median { stroke: #5aafd4; }
body.vscode-dark svg.chart .median-point, body.vscode-dark svg.chart .better { fill: #5aafd4; }
body.vscode-dark svg.chart .worse { fill: #e2685a; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 22px; font-size: 13.5px; margin: 4px 0 0; padding: 0; list-style: none; }
.legend li { display: flex; align-items: center; gap: 8px; }
.swatch { display: inline-block; width: 26px; height: 0; border-top: 3px solid; }
.swatch.cost { border-color: #c0392b; }
.swatch.income { border-color: #1f6f8b; }
.swatch.gap { height: 12px; border: 0; background: rgba(192, 57, 43, 0.22); }
.caption { font-size: 13px; color: #5b6270; }
.table-wrap { overflow-x: auto; margin: 8px 0; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #dfe3e8; overflow-wrap: break-word; }
td.nowrap, span.nowrap { white-space: nowrap; }
th.topic { width: 10.5em; }
th { font-weight: 600; background: rgba(138, 143, 153, 0.12); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; overflow-wrap: normal; }
tr { break-inside: avoid; }
tr.total td { font-weight: 700; border-top: 2px solid #c9ced6; }
tr.planning td { background: rgba(31, 111, 139, 0.08); }
.neg { color: #b0281a; }
.changes { display: block; margin-top: 3px; font-size: 13px; }
a.change { color: var(--vscode-textLink-foreground, #0b63b6); margin-right: 12px; white-space: nowrap; }
.tag { display: inline-block; font-size: 12px; font-weight: 600; padding: 0 7px; border-radius: 9px; border: 1px solid #c9ced6; white-space: nowrap; }
.tag.error { border-color: #c0392b; color: #b0281a; }
.tag.warning { border-color: #d9a441; color: #8a5a00; }
.tag.option { border-color: #1f6f8b; color: #1f6f8b; }
.family { break-inside: avoid-page; }
.findings { margin: 4px 0 8px; padding-left: 20px; }
.findings li { margin: 4px 0; }
.why { font-size: 13.5px; margin: 6px 0 4px; }
blockquote { margin: 6px 0 10px; padding: 4px 12px; border-left: 3px solid #c9ced6; font-size: 13.5px; }
blockquote cite { display: block; font-size: 12px; color: #5b6270; font-style: normal; margin-top: 2px; }
footer { margin-top: 32px; font-size: 12.5px; color: #5b6270; }
@media (max-width: 640px) { .figures { grid-template-columns: repeat(2, minmax(0, 1fr)); } main { padding: 16px; } }
@page { size: A4; margin: 14mm 13mm; }
@media print {
  body { font-size: 10.5pt; color: #000; background: #fff; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 19pt; }
  h2 { font-size: 13.5pt; margin-top: 18pt; }
  .figures { grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 8px; }
  .figure .value { font-size: 16pt; }
  table { font-size: 9.5pt; }
  .table-wrap, .chart-scroll { overflow: visible; }
  svg.chart .peak-label { stroke: #fff; }
}
`;

/** "change the …" links for an editor, one for each option that changes an assumption. */
function changeLinks(change: readonly AssumptionOption[] | undefined, command: string | undefined): string {
  if (!command || !change?.length) return '';
  const links = change.map((option) => {
    // The editor asks for the value in these words, with this example.
    const words = `the ${OPTION_WORDS[option.name]}${option.outcome ? ` of ${option.outcome}` : ''}`;
    const href = `command:${command}?${encodeURIComponent(JSON.stringify([{ ...option, words, example: OPTION_EXAMPLE[option.name] }]))}`;
    return `<a class="change" href="${e(href)}">change ${e(words)}</a>`;
  });
  return `<span class="changes">${links.join(' ')}</span>`;
}

export function renderHtml(report: RiskReport, options: HtmlOptions = {}): string {
  const c = report.currency;
  const m = (minor: bigint | undefined): string => (minor === undefined ? 'unknown' : formatMoney(minor, c));
  const hash = sha256Base64(STYLE);
  const csp = `default-src 'none'; style-src 'sha256-${hash}'${options.nonce ? ` 'nonce-${options.nonce}'` : ''}; img-src data:; base-uri 'none'; form-action 'none'`;
  const out: string[] = [];
  out.push(
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    ...(options.omitCsp ? [] : [`<meta http-equiv="Content-Security-Policy" content="${csp}">`]),
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Risk report: ${e(report.title ?? report.file)}</title>`,
    `<style${options.nonce ? ` nonce="${e(options.nonce)}"` : ''}>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<p class="kicker">Provider’s risk report</p>`,
    `<h1>${e(report.title ?? report.file)}</h1>`,
    `<p class="meta">${[report.commissioner, report.file, report.paymentModel && `payment model: ${report.paymentModel}`, report.cashFlow && termText(report)]
      .filter(Boolean)
      .map((s) => `<span class="nowrap">${e(s!)}</span>`)
      .join(' · ')}</p>`,
    '</header>',
  );

  // Headline figures.
  out.push('<section class="figures" aria-label="Headline figures">');
  for (const f of headline(report)) {
    out.push(
      `<div class="figure${f.tone ? ` ${f.tone}` : ''}" data-figure="${f.key}"><span class="label">${e(f.label)}</span><span class="value">${e(f.value)}</span>${f.detail ? `<span class="detail">${rich(f.detail)}</span>` : ''}</div>`,
    );
  }
  out.push('</section>');
  const basis = basisLine(report);
  if (basis) out.push(`<p class="caption">${rich(basis)}</p>`);
  if (report.notes.length > 0) {
    out.push('<section class="notes" aria-label="Notes"><ul>', ...report.notes.map((n) => `<li>${rich(n)}</li>`), '</ul></section>');
  }

  // Cash flow.
  out.push('<section class="chart-box" aria-labelledby="cash-flow">', '<h2 id="cash-flow">Cash flow at the planning rates</h2>');
  const cash = report.cashFlow;
  if (cash) {
    out.push('<div class="chart-scroll">', cashFlowChart(report, 'cf'), '</div>');
    out.push(
      '<ul class="legend">',
      '<li><span class="swatch cost"></span>Cumulative cost</li>',
      '<li><span class="swatch income"></span>Cumulative income (upfront, instalments and results payments)</li>',
      `<li><span class="swatch gap"></span>${report.finance ? 'Working capital needed (the investors’ commitment funds it first)' : 'Working capital the provider must fund'}</li>`,
      '</ul>',
      `<p class="caption">Costs of ${m(cash.cost)} spread evenly over ${cash.termMonths} months; income when the schedule pays it. ${rich(firstPaymentText(report))}</p>`,
      ...(report.finance && cash.planning.flow.peakMonth !== undefined ? [`<p>${rich(peakText(report, m(cash.planning.flow.peak), monthText(cash, cash.planning.flow.peakMonth)))}</p>`] : []),
    );
  } else {
    out.push(`<p>No cash flow can be worked out: ${rich(report.cashFlowMissing.join('; '))}.</p>`);
  }
  out.push('</section>');

  // Sensitivity.
  if (cash) {
    out.push('<section aria-labelledby="sensitivity">', '<h2 id="sensitivity">Sensitivity: success below target</h2>');
    out.push(
      '<div class="table-wrap"><table><thead><tr><th>Success</th><th class="num">Paid in total</th><th class="num">of which on results</th><th class="num">Cost</th><th class="num">Net</th><th class="num">Peak working capital</th><th>Peak month</th></tr></thead><tbody>',
    );
    for (const s of [...cash.sensitivity].reverse()) {
      const f = s.flow;
      out.push(
        `<tr${s.factor === '100%' ? ' class="planning"' : ''}><td>${e(s.label)}</td><td class="num">${m(f.income)}</td><td class="num">${m(f.resultsIncome)}</td><td class="num">${m(f.cost)}</td><td class="num${f.net < 0n ? ' neg' : ''}">${e(signedMoney(f.net, c))}</td><td class="num">${m(f.peak)}</td><td>${f.peakMonth === undefined ? '—' : e(monthText(cash, f.peakMonth))}</td></tr>`,
      );
    }
    out.push('</tbody></table></div>', '<p class="caption">The cost and every other assumption stay the same in each row; only the success rates change.</p>', '</section>');
  }

  // The simulation.
  const sim = report.simulation;
  if (sim) {
    out.push('<section aria-labelledby="simulation">', '<h2 id="simulation">Under uncertainty: the simulation</h2>');
    out.push(
      `<p>${e(`${numberText(sim.assumptions.draws)} draws of the success rates, the referrals that arrive and the payment delays (see the assumptions for how each is drawn).`)}</p>`,
    );
    out.push(htmlTable(['Figure', 'Value'], simulationRows(report, sim).map(([what, value]) => [e(what), e(value)]), [1]));
    out.push('<div class="chart-scroll">', fanChartOf(report, sim, 'fan'), '</div>');
    out.push('<p class="caption">The service’s cash position (everything paid so far less everything spent) at the end of each month: the band holds the middle 80% of draws, the line the median.</p>');
    out.push('<div class="chart-scroll">', tornadoChartOf(report, sim, 'tornado'), '</div>');
    out.push('<p class="caption">The service’s net position over the contract at the planning rates, with one assumption at a time moved low and high; the widest bar moves it most.</p>');
    out.push('</section>');
  }

  // Investors and the provider.
  const finance = report.finance;
  if (finance) {
    out.push('<section aria-labelledby="investors">', '<h2 id="investors">Investors and the provider</h2>', `<p>${rich(financeSummary(report, finance))}</p>`);
    out.push(htmlTable([...INVESTOR_HEAD], investorRows(report, finance), [1, 3]));
    if (finance.scenarios.length > 0) {
      out.push(htmlTable([...SPLIT_HEAD], splitRows(report, finance), [1, 2, 3, 4, 5, 6]), '<p class="caption">The provider’s pay and net, and the investors’, in each row of the sensitivity table; the two nets add up to the service’s.</p>');
    }
    out.push('</section>');
  }

  // Who carries which risk.
  out.push('<section aria-labelledby="who">', '<h2 id="who">Who carries which risk</h2>');
  out.push('<div class="table-wrap"><table><thead><tr><th class="topic">Risk</th><th class="topic">Carried by</th><th class="num">Amount</th><th>Why</th></tr></thead><tbody>');
  for (const r of report.risks) {
    out.push(`<tr><td>${e(r.risk)}</td><td>${e(r.carriedBy)}</td><td class="num">${r.amount === undefined ? '—' : m(r.amount)}</td><td>${rich(r.detail)}</td></tr>`);
  }
  out.push('</tbody></table></div>', '</section>');

  // The most the spec can pay.
  const mx = report.maximum;
  out.push('<section aria-labelledby="maximum">', '<h2 id="maximum">The most the spec can pay</h2>');
  if (mx.lines.length === 0) {
    out.push('<p>The spec has no <code>pay</code> lines: nothing is paid on results.</p>');
  } else {
    out.push('<div class="table-wrap"><table><thead><tr><th>Pay line</th><th>Whom it prices</th><th class="num">Most it can pay</th></tr></thead><tbody>');
    for (const l of mx.lines) out.push(`<tr><td><code>${e(l.text)}</code></td><td>${e(l.whom)}</td><td class="num">${m(l.maximum)}</td></tr>`);
    out.push(`<tr class="total"><td colspan="2">Total of the prices</td><td class="num">${m(mx.total)}</td></tr>`);
    if (mx.cap !== undefined) out.push(`<tr><td colspan="2">Cap${mx.capBinds ? ' (it binds)' : ''}</td><td class="num">${m(mx.cap)}</td></tr>`);
    out.push(`<tr class="total"><td colspan="2">The most the spec can pay</td><td class="num">${m(mx.maximum)}</td></tr>`);
    if (mx.budget !== undefined) out.push(`<tr><td colspan="2">Budget</td><td class="num">${m(mx.budget)}</td></tr>`);
    if (mx.budgetHeadroom !== undefined) {
      out.push(
        `<tr><td colspan="2">${mx.budgetHeadroom < 0n ? 'Over budget by' : 'Left in the budget'}</td><td class="num${mx.budgetHeadroom < 0n ? ' neg' : ''}">${m(mx.budgetHeadroom < 0n ? -mx.budgetHeadroom : mx.budgetHeadroom)}</td></tr>`,
      );
    }
    out.push('</tbody></table></div>');
    if (mx.missing.length) out.push(`<p>Unknown: ${rich(mx.missing.join('; '))}.</p>`);
    out.push('<h3>By outcome</h3>', amountTable(mx.byOutcome, 'Outcome', m));
    out.push('<h3>By cohort or segment</h3>', amountTable(mx.byGroup, 'Cohort or segment', m));
    out.push('<p class="caption">Before the cap: as if every participant achieved every paid outcome.</p>');
  }
  out.push('</section>');

  // Findings.
  out.push('<section aria-labelledby="findings">', '<h2 id="findings">Findings</h2>');
  if (report.findings.length === 0) out.push('<p>outcome-lint finds nothing to report in this spec.</p>');
  for (const group of report.findings) {
    out.push(`<div class="family"><h3>${e(group.title)} (${group.findings.length})</h3><ul class="findings">`);
    for (const f of group.findings) {
      out.push(`<li><span class="tag ${f.severity}">${f.severity}</span> ${rich(f.message)} <span class="meta">line ${f.line} · ${e(f.code)}</span></li>`);
    }
    out.push('</ul>');
    for (const rule of group.rules) {
      out.push(`<p class="why"><strong>${e(rule.id)}</strong>: ${rich(rule.rationale)}</p>`);
      for (const ev of rule.evidence) out.push(`<blockquote>“${e(ev.quote)}”<cite>${e(ev.source)}</cite></blockquote>`);
    }
    out.push('</div>');
  }
  out.push('</section>');

  // Assumptions.
  out.push('<section aria-labelledby="assumptions">', '<h2 id="assumptions">Assumptions</h2>');
  out.push('<div class="table-wrap"><table><thead><tr><th class="topic">Assumption</th><th>Value</th><th>From</th></tr></thead><tbody>');
  for (const a of report.assumptions) {
    const from = a.source === 'spec' ? 'the spec' : a.source === 'option' ? 'an option' : 'default';
    out.push(`<tr><td>${e(a.topic)}</td><td>${rich(a.text)}${changeLinks(a.change, options.changeCommand)}</td><td><span class="tag${a.source === 'option' ? ' option' : ''}">${from}</span></td></tr>`);
  }
  out.push('</tbody></table></div>', '</section>');

  // Cash flow by quarter.
  if (cash) {
    out.push('<section aria-labelledby="quarters">', '<h2 id="quarters">Cash flow by quarter, at the planning rates</h2>');
    out.push(
      '<div class="table-wrap"><table><thead><tr><th>End of</th><th class="num">Cost in the quarter</th><th class="num">Paid in the quarter</th><th class="num">Cumulative cost</th><th class="num">Cumulative income</th><th class="num">Working capital needed</th></tr></thead><tbody>',
    );
    for (const q of quarterRows(cash)) {
      out.push(
        `<tr><td class="nowrap">${e(q.label)}</td><td class="num">${m(q.cost)}</td><td class="num">${m(q.income)}</td><td class="num">${m(q.cumulativeCost)}</td><td class="num">${m(q.cumulativeIncome)}</td><td class="num">${m(q.need)}</td></tr>`,
      );
    }
    out.push('</tbody></table></div>', '<p class="caption">Working capital needed: the most the provider is out of pocket in the quarter, before that month’s payments arrive.</p>', '</section>');
  }

  out.push(
    `<footer>Made by outcome-lint from ${e(report.file)}. Change the assumptions with <code>outcome-lint report ${e(report.file)} --success-rate 60% --cost £1.5m --start 2027-04-01</code>; see docs/report.md.</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  );
  return out.join('\n');
}

function termText(report: RiskReport): string {
  const cash = report.cashFlow!;
  return `${cash.termMonths} months${cash.start ? ` from ${cash.start}` : ''}`;
}

function firstPaymentText(report: RiskReport): string {
  const cash = report.cashFlow!;
  const f = cash.planning.flow;
  const c = report.currency;
  if (f.firstPaymentMonth === undefined) return 'Nothing is paid after the start.';
  return `The first payment after the start comes at the end of ${monthText(cash, f.firstPaymentMonth)}, when the provider has spent ${formatMoney(f.costBeforeFirstPayment!, c)}.`;
}

/** A plain table of text cells (escaped), the columns in `right` aligned as numbers; a negative amount marked. */
function htmlTable(head: readonly string[], rows: readonly (readonly string[])[], right: readonly number[]): string {
  const cls = (i: number, negative = false): string => (right.includes(i) ? ` class="num${negative ? ' neg' : ''}"` : '');
  const th = head.map((h, i) => `<th${cls(i)}>${e(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((cell, i) => `<td${cls(i, cell.startsWith('−'))}>${e(cell)}</td>`).join('')}</tr>`).join('');
  return `<div class="table-wrap"><table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function amountTable(rows: readonly { label: string; title?: string; amount: bigint | undefined }[], head: string, m: (x: bigint | undefined) => string): string {
  const body = rows.map((r) => `<tr><td><code>${e(r.label)}</code>${r.title ? ` ${e(r.title)}` : ''}</td><td class="num">${m(r.amount)}</td></tr>`).join('');
  return `<div class="table-wrap"><table><thead><tr><th>${e(head)}</th><th class="num">Most it can pay</th></tr></thead><tbody>${body}</tbody></table></div>`;
}
