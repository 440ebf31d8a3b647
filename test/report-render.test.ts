import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { formatMoney } from '../server/src/base/wording';
import { headline, renderHtml, riskReport, RiskReport } from '../server/src/report/index';
import { repoRoot } from './support/paths';
import { catalogue } from '../server/src/rules/catalogue';
import { diskProject } from './support/lint';

/*
 * The HTML risk report in a real browser: Debian's Chromium (`apt-get install -y
 * chromium`; .ci/run installs it), driven by playwright-core. Never `npx playwright
 * install`: it downloads a browser, which these machines cannot. Where Chromium is
 * missing the test fails with one line saying what to install; it is never skipped.
 *
 * For two samples it checks that the page loads under its own strict CSP with nothing
 * blocked and nothing fetched, that the headline figures and the chart are there, that
 * no text is smaller than 11 px and nothing overflows, on screen and at A4 print width,
 * and that it prints to A4. Screenshots go to out/report-render/; with
 * OUTCOME_LINT_UPDATE_SCREENSHOTS=1 the top of each page is also saved as
 * docs/images/report-<sample>.png, the pictures in the README and docs/report.md.
 */

// Functions passed to page.evaluate run in the page; the tests are compiled without the DOM's types.
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const window: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const getComputedStyle: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const NodeFilter: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const SVGGraphicsElement: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = path.join(repoRoot, 'out', 'report-render');
const SAMPLES = ['youth-employment', 'homelessness', 'reoffending'];
/** A4 (210 mm) less the report's 13 mm side margins, at 96 px to the inch. */
const A4_CONTENT_WIDTH = Math.floor(((210 - 26) / 25.4) * 96);

function build(name: string): RiskReport {
  const file = path.join(repoRoot, 'samples', `${name}.outcome`);
  const built = riskReport(diskProject(path.join(repoRoot, 'samples')), file, catalogue, {}, `samples/${name}.outcome`);
  if ('problems' in built) throw new Error(built.problems.join('\n'));
  return built.report;
}

/** A narrow editor pane: tables and the chart may scroll inside their boxes, the page may not. */
const NARROW = 480;

interface PageProblems {
  small: string[];
  overflow: string[];
}

/** Text under 11 px (SVG text scaled as drawn) and boxes whose content does not fit. */
async function layoutProblems(page: Page, scrollingBoxes: boolean): Promise<PageProblems> {
  return page.evaluate((scrolling: boolean) => {
    const small: string[] = [];
    const overflow: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el || el.closest('title, desc')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      let size = parseFloat(style.fontSize);
      if (el instanceof SVGGraphicsElement) {
        const ctm = el.getScreenCTM()!;
        size *= Math.hypot(ctm.a, ctm.b);
      }
      if (size < 11) small.push(`${size.toFixed(1)}px: ${text.slice(0, 60)}`);
    }
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) overflow.push(`page is ${root.scrollWidth}px wide in a ${root.clientWidth}px window`);
    for (const el of Array.from(document.querySelectorAll('.table-wrap, .chart-scroll, .figure, .figure .value, header, section, p, li')) as any[]) {
      if (scrolling && el.closest('.table-wrap, .chart-scroll')) continue;
      if (el.scrollWidth > el.clientWidth + 1) overflow.push(`${el.className || el.tagName}: ${el.scrollWidth}px of content in ${el.clientWidth}px: ${el.textContent?.trim().slice(0, 60)}`);
    }
    for (const svg of Array.from(document.querySelectorAll('svg.chart')) as any[]) {
      const box = svg.getBoundingClientRect();
      for (const t of Array.from(svg.querySelectorAll('text')) as any[]) {
        const r = t.getBoundingClientRect();
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
          overflow.push(`chart text outside the chart: ${t.textContent}`);
        }
      }
    }
    return { small, overflow };
  }, scrollingBoxes);
}

describe('HTML risk report in headless Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` (as root), or \`bash .ci/run\` which does`);
    }
    fs.mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
  });

  for (const name of SAMPLES) {
    describe(name, () => {
      let report: RiskReport;
      let file: string;

      before(() => {
        report = build(name);
        file = path.join(OUT, `${name}.html`);
        fs.writeFileSync(file, renderHtml(report));
      });

      /** Opens the report; fails on anything its CSP blocks and on any request but the page itself. */
      async function open(width: number, media: 'screen' | 'print'): Promise<Page> {
        const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
        const problems: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
        });
        page.on('request', (r) => {
          if (r.url() !== `file://${file}`) problems.push(`fetched ${r.url()}`);
        });
        await page.emulateMedia({ media });
        await page.goto(`file://${file}`, { waitUntil: 'load' });
        assert.deepEqual(problems, [], `${name}: blocked or fetched`);
        // The <style> element is allowed by the page's own CSP (its hash): styles are applied.
        assert.equal(await page.locator('.figure').first().evaluate((el) => getComputedStyle(el).borderTopLeftRadius), '8px');
        return page;
      }

      it('shows the headline figures', async () => {
        const page = await open(1000, 'screen');
        const figures = headline(report);
        assert.ok(figures.length >= 5);
        for (const f of figures) {
          const value = page.locator(`[data-figure="${f.key}"] .value`);
          assert.equal(await value.isVisible(), true, f.key);
          assert.equal((await value.textContent())?.trim(), f.value, f.key);
        }
        // With investors (homelessness), the provider's part: what their commitment does not cover.
        const own = report.finance?.scenarios.find((s) => s.factor === '100%')?.providerWorkingCapital;
        assert.equal(
          await page.locator('[data-figure="peak"] .value').textContent(),
          formatMoney(own ?? report.cashFlow!.planning.flow.peak, report.currency),
        );
        assert.equal(await page.locator('[data-figure="investors"]').count(), report.finance ? 1 : 0);
        if (report.finance) assert.equal(await page.locator('#investors').isVisible(), true);
        await page.close();
      });

      it('draws the cash-flow chart, with the gap shaded', async () => {
        const page = await open(1000, 'screen');
        const chart = page.locator('svg.chart.cash-flow');
        assert.equal(await chart.count(), 1);
        const box = (await chart.boundingBox())!;
        assert.ok(box.width > 800 && box.height > 300, `chart is ${box.width}×${box.height}`);
        for (const part of ['polyline.cost', 'polyline.income', 'polygon.gap']) {
          const b = await page.locator(`svg.cash-flow ${part}`).boundingBox();
          assert.ok(b && b.width > 100, `${part} is drawn`);
        }
        const peak = report.cashFlow!.planning.flow;
        assert.equal(
          (await page.locator('svg.cash-flow .peak-label').textContent())?.startsWith(`Peak ${formatMoney(peak.peak, report.currency)}, month ${peak.peakMonth}`),
          true,
        );
        await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
        if (process.env.OUTCOME_LINT_UPDATE_SCREENSHOTS) {
          // The top of the report, down to the sensitivity table: what a reader sees first.
          const bottom = await page.locator('#sensitivity').evaluate((h) => h.parentElement!.getBoundingClientRect().bottom + window.scrollY);
          await page.screenshot({ path: path.join(repoRoot, 'docs', 'images', `report-${name}.png`), fullPage: true, clip: { x: 0, y: 0, width: 1000, height: Math.ceil(bottom + 16) } });
        }
        await page.close();
      });

      it('draws the simulation: the fan of cash positions and the tornado of assumptions', async () => {
        const page = await open(1000, 'screen');
        const sim = report.simulation!;
        const band = await page.locator('svg.fan polygon.band').boundingBox();
        assert.ok(band && band.width > 500, 'the P10–P90 band is drawn across the months');
        assert.ok((await page.locator('svg.fan polyline.median').boundingBox())!.width > 500, 'the median line is drawn');
        // One bar for each assumption the tornado varies, each named.
        const labels = await page.locator('svg.tornado .bar-label').allTextContents();
        assert.equal(labels.length, sim.sensitivity.bars.length);
        // A long label is cut with an ellipsis: what is shown begins the assumption's name.
        for (const bar of sim.sensitivity.bars) assert.ok(labels.some((l) => bar.label.startsWith(l.replace(/…$/, ''))), `no bar for ${bar.label}`);
        const text = await page.locator('#simulation').evaluate((h) => h.parentElement!.textContent ?? '');
        assert.ok(text.includes(`${(Math.round(sim.lossChance * 1000) / 10).toString()}%`), 'the chance of a loss is shown');
        assert.ok(text.includes(formatMoney(sim.reserve, report.currency)), 'the reserve is shown');
        await page.close();
      });

      for (const [label, width, media] of [
        ['on screen, 1000 px', 1000, 'screen'],
        ['at A4 print width', A4_CONTENT_WIDTH, 'print'],
        [`in a narrow ${NARROW} px pane (tables and chart scroll in their boxes)`, NARROW, 'screen'],
      ] as const) {
        it(`is legible and nothing overflows ${label}`, async () => {
          const page = await open(width, media);
          const { small, overflow } = await layoutProblems(page, width === NARROW);
          assert.deepEqual(small, [], 'text smaller than 11px');
          assert.deepEqual(overflow, [], 'overflow');
          await page.close();
        });
      }

      it('prints on A4', async () => {
        const page = await open(1000, 'print');
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        fs.writeFileSync(path.join(OUT, `${name}.pdf`), pdf);
        const text = pdf.toString('latin1');
        // The page objects themselves (a /Count may also belong to the outline of headings).
        const pages = [...text.matchAll(/\/Type\s*\/Page(?!s)/g)].length;
        assert.ok(pages >= 2 && pages <= 10, `${pages} pages`);
        // Every page is A4: 595 × 842 points.
        const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((b) => [Math.round(Number(b[1])), Math.round(Number(b[2]))]);
        assert.equal(boxes.length, pages);
        for (const box of boxes) assert.deepEqual(box, [595, 842]);
        await page.close();
      });
    });
  }

  it('carries no script, no external resource and a strict CSP', () => {
    const html = renderHtml(build('youth-employment'), { nonce: 'n0nce' });
    assert.doesNotMatch(html, /<script|\son\w+=|\ssrc=|\shref=|\sstyle="|url\((?!#)/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp?.startsWith("default-src 'none'; style-src 'sha256-"), csp);
    assert.doesNotMatch(csp!, /unsafe/);
    assert.match(html, /<style nonce="n0nce">/);
  });
});
