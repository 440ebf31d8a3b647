import { strict as assert } from 'node:assert';
import { fanChart, FanInput } from '../server/src/report/fan-chart';
import type { TornadoBar } from '../server/src/report/simulation';
import { tornadoChart, TornadoInput } from '../server/src/report/tornado-chart';
import { allElements, parseXml, points, select, XmlElement } from './support/svg';

/*
 * The fan and tornado charts, read back as a reader would: from the SVG's own axis
 * labels to the values the shapes stand for. Amounts are written in pounds and passed
 * in pence.
 */

const gbp = (pounds: number): number => pounds * 100;

/** "−£250k" → -25,000,000 pence; "£1.5m", "£0", "£12,500". */
function labelValue(label: string): number {
  const m = /^(−?)£([\d,.]+)([km]?)$/.exec(label);
  assert.ok(m, `not a money label: ${label}`);
  const units = Number(m[2].replace(/,/g, '')) * (m[3] === 'm' ? 1e6 : m[3] === 'k' ? 1e3 : 1);
  return (m[1] ? -1 : 1) * units * 100;
}

/** A linear map from one coordinate to value, fitted through the first and last labelled ticks. */
function scaleFrom(ticks: { at: number; value: number }[]): { value: (at: number) => number; perUnit: number } {
  assert.ok(ticks.length >= 2, 'an axis has at least two ticks');
  const a = ticks[0];
  const b = ticks[ticks.length - 1];
  const perUnit = (b.value - a.value) / (b.at - a.at);
  const value = (at: number): number => a.value + (at - a.at) * perUnit;
  for (const t of ticks) assert.ok(Math.abs(value(t.at) - t.value) <= Math.abs(perUnit) * 0.2, `ticks are evenly spaced: ${t.value} at ${t.at}`);
  return { value, perUnit };
}

const num = (e: XmlElement, attr: string): number => {
  const v = Number(e.attrs[attr]);
  assert.ok(Number.isFinite(v), `${e.name}.${attr} = ${e.attrs[attr]}`);
  return v;
};

/** The viewBox, and that every text's estimated box (0.6 em a character, 13px) lies inside it. */
function assertTextInside(svg: XmlElement): void {
  const [, , w, h] = svg.attrs.viewBox.split(' ').map(Number);
  for (const t of select(svg, 'text')) {
    const width = t.text.length * 13 * 0.6;
    const x = num(t, 'x');
    const y = num(t, 'y');
    const anchor = t.attrs['text-anchor'] ?? 'start';
    const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
    assert.ok(left >= 0 && left + width <= w, `text “${t.text}” spans x ${left.toFixed(0)}–${(left + width).toFixed(0)} in a ${w} wide chart`);
    assert.ok(y - 13 >= 0 && y + 4 <= h, `text “${t.text}” at y ${y} in a ${h} high chart`);
  }
}

function assertPlainSvg(svg: XmlElement, cls: string): void {
  assert.equal(svg.name, 'svg');
  assert.deepEqual(svg.attrs.class.split(' '), ['chart', cls]);
  assert.equal(svg.attrs.role, 'img');
  const [title, desc] = svg.attrs['aria-labelledby'].split(' ');
  assert.ok(allElements(svg).some((e) => e.name === 'title' && e.attrs.id === title && e.text.length > 0), 'titled');
  assert.ok(allElements(svg).some((e) => e.name === 'desc' && e.attrs.id === desc && e.text.length > 0), 'described');
  for (const e of allElements(svg)) {
    assert.notEqual(e.name, 'script');
    assert.equal(e.attrs.style, undefined, `<${e.name}> has no style attribute`);
    assert.ok(!Object.keys(e.attrs).some((a) => a.startsWith('on')), `<${e.name}> has no event handler`);
  }
}

describe('report charts', function () {
  describe('fan chart', function () {
    const input = (p10: number[], p50: number[], p90: number[], more: Partial<FanInput> = {}): FanInput => ({
      p10: p10.map(gbp),
      p50: p50.map(gbp),
      p90: p90.map(gbp),
      termMonths: p10.length - 1,
      start: undefined,
      currency: '£',
      id: 'fan',
      ...more,
    });
    // A provider that goes out of pocket, then (at the median) recovers.
    const mixed = input(
      [0, -30_000, -70_000, -120_000, -150_000, -140_000, -110_000],
      [0, -20_000, -45_000, -70_000, -60_000, -30_000, 10_000],
      [0, -10_000, -20_000, -15_000, 20_000, 60_000, 120_000],
    );

    /** The chart, parsed, with its value-from-y and month-from-x maps read off its own axes. */
    function read(fan: FanInput) {
      const svg = parseXml(fanChart(fan));
      const yTicks = select(svg, 'text', 'tick').filter((t) => t.attrs['text-anchor'] === 'end');
      const y = scaleFrom(yTicks.map((t) => ({ at: num(t, 'y'), value: labelValue(t.text) })));
      const xTicks = select(svg, 'text', 'tick').filter((t) => t.attrs['text-anchor'] === 'middle');
      return { svg, yTicks, y, xTicks };
    }

    it('is well-formed SVG with a title, a description, no script and no style attribute', function () {
      const { svg } = read(mixed);
      assertPlainSvg(svg, 'fan');
      assert.match(select(svg, 'desc')[0].text, /median cash position is \+£10,000; 8 draws in 10 end between −£110,000 and \+£120,000/);
    });

    it('shades the band exactly between the P10 and P90 lines, with the median inside it', function () {
      const { svg, y, xTicks } = read(mixed);
      const x = scaleFrom(xTicks.map((t) => ({ at: num(t, 'x'), value: Number(t.text) })));
      const tol = Math.abs(y.perUnit) * 0.1;
      const band = points(select(svg, 'polygon', 'band')[0].attrs.points);
      const last = mixed.p10.length - 1;
      assert.equal(band.length, 2 * (last + 1));
      band.forEach(([px, py], k) => {
        const month = Math.round(x.value(px));
        assert.ok(Math.abs(x.value(px) - month) < 0.01, `point ${k} is on a month`);
        const expected = k <= last ? mixed.p90[month] : mixed.p10[month];
        assert.ok(Math.abs(y.value(py) - expected) <= tol, `band point ${k} (month ${month}) reads ${y.value(py)}, not ${expected}`);
      });
      const median = points(select(svg, 'polyline', 'median')[0].attrs.points);
      assert.equal(median.length, last + 1);
      median.forEach(([px, py]) => {
        const month = Math.round(x.value(px));
        const v = y.value(py);
        assert.ok(v >= mixed.p10[month] - tol && v <= mixed.p90[month] + tol, `median at month ${month} reads ${v}`);
        assert.ok(Math.abs(v - mixed.p50[month]) <= tol);
      });
    });

    it('draws the zero line across the plot where 0 falls on the axis', function () {
      const { svg, yTicks, y } = read(mixed);
      const zero = select(svg, 'line', 'zero').sort((a, b) => num(b, 'x2') - num(b, 'x1') - (num(a, 'x2') - num(a, 'x1')))[0];
      assert.equal(zero.attrs.y1, zero.attrs.y2);
      assert.ok(Math.abs(y.value(num(zero, 'y1'))) <= Math.abs(y.perUnit) * 0.1, `zero line reads ${y.value(num(zero, 'y1'))}`);
      assert.equal(yTicks.find((t) => t.text === '£0')?.attrs.y, zero.attrs.y1, 'the £0 label is on the zero line');
    });

    it('covers 0 and the whole band on the y axis, whether values are negative, positive or both', function () {
      const cases: [string, FanInput][] = [
        ['mixed', mixed],
        ['all negative', input([-10_000, -400_000, -900_000], [-5_000, -300_000, -600_000], [-1_000, -200_000, -250_000])],
        ['all positive', input([20_000, 40_000, 60_000], [30_000, 60_000, 90_000], [40_000, 80_000, 1_500_000])],
        ['all zero', input([0, 0, 0], [0, 0, 0], [0, 0, 0])],
      ];
      for (const [name, fan] of cases) {
        const { yTicks } = read(fan);
        const values = yTicks.map((t) => labelValue(t.text));
        const all = [...fan.p10, ...fan.p50, ...fan.p90];
        assert.ok(values.includes(0), `${name}: 0 is labelled (${yTicks.map((t) => t.text)})`);
        assert.ok(Math.min(...values) <= Math.min(...all) && Math.max(...values) >= Math.max(...all), `${name}: axis ${values} covers the band`);
        assert.equal(new Set(yTicks.map((t) => t.text)).size, yTicks.length, `${name}: no two labels alike`);
        assert.ok(
          yTicks.every((t) => !t.text.includes('-')),
          `${name}: negative amounts are written −£…: ${yTicks.map((t) => t.text)}`,
        );
      }
    });

    it('labels months by calendar month from the start date, and marks the end of the term', function () {
      const months = Array.from({ length: 25 }, (_, m) => -m * 1000);
      const { svg, xTicks } = read(input(months, months, months, { start: '2027-04-01', termMonths: 18 }));
      assert.deepEqual(
        xTicks.map((t) => t.text),
        ['Apr 2027', 'Jul 2027', 'Oct 2027', 'Jan 2028', 'Apr 2028', 'Jul 2028', 'Oct 2028', 'Jan 2029', 'Apr 2029'],
      );
      assert.equal(select(svg, 'text', 'axis-title').length, 0, 'no “months from the start” title under calendar months');
      assert.equal(select(svg, 'text', 'note').find((t) => t.text === 'end of term')?.attrs.x, select(svg, 'line', 'term')[0].attrs.x1);
    });

    it('draws one or two months, and refuses percentiles of different lengths', function () {
      for (const fan of [input([-500], [0], [300]), input([0, -5_000], [0, -2_000], [0, 1_000])]) {
        const { svg } = read(fan);
        assertPlainSvg(svg, 'fan');
        assertTextInside(svg);
      }
      assert.equal(select(parseXml(fanChart(input([-500], [0], [300]))), 'circle', 'median-point').length, 1, 'a single month shows as a point');
      assert.throws(() => fanChart(input([0, 1], [0, 1], [0])), /same length/);
      assert.throws(() => fanChart(input([], [], [])), /at least 1/);
    });

    it('escapes the id, and keeps every text inside the chart', function () {
      const text = fanChart({ ...mixed, id: 'x"><script>alert(1)</script>' });
      assert.ok(!text.includes('<script'), 'no raw <script');
      const svg = parseXml(text);
      assert.ok(svg.attrs['aria-labelledby'].startsWith('x"><script>'));
      assertTextInside(svg);
      assertTextInside(read(input(Array.from({ length: 121 }, (_, m) => -m * 1e6), Array(121).fill(0), Array(121).fill(0), { start: '2027-01-01' })).svg);
    });
  });

  describe('tornado chart', function () {
    const bars: TornadoBar[] = [
      { label: 'Referrals', low: gbp(-20_000), high: gbp(30_000), lowText: '400', highText: '800' },
      { label: 'Success rate: sustained_job', low: gbp(-90_000), high: gbp(60_000), lowText: '40%', highText: '80%' },
      { label: 'Payment delay', low: gbp(12_000), high: gbp(-8_000), lowText: '1 month', highText: '6 months' },
      { label: 'Delivery cost', low: gbp(35_000), high: gbp(-25_000), lowText: '£1.2m', highText: '£1.8m' },
    ];
    const input = (more: Partial<TornadoInput> = {}): TornadoInput => ({ base: gbp(5_000), bars, currency: '£', id: 'tornado', ...more });

    function read(t: TornadoInput) {
      const svg = parseXml(tornadoChart(t));
      // The axis labels are the svg's own tick texts; the setting texts are inside the bars.
      const axisTicks = svg.children.filter((e) => e.name === 'text' && e.attrs.class === 'tick');
      const x = scaleFrom(axisTicks.map((e) => ({ at: num(e, 'x'), value: labelValue(e.text) })));
      const rows = select(svg, 'g', 'bar');
      return { svg, axisTicks, x, rows };
    }

    it('is well-formed SVG with a title, a description, no script and no style attribute', function () {
      const { svg } = read(input());
      assertPlainSvg(svg, 'tornado');
      assert.match(select(svg, 'desc')[0].text, /net position is \+£5,000\. Success rate: sustained_job: −£90,000 at 40%, \+£60,000 at 80%\./);
    });

    it('puts the widest swing at the top', function () {
      const { rows } = read(input());
      assert.deepEqual(
        rows.map((r) => select(r, 'text', 'bar-label')[0].text),
        ['Success rate: sustained_job', 'Delivery cost', 'Referrals', 'Payment delay'],
      );
      const ys = rows.map((r) => num(select(r, 'text', 'bar-label')[0], 'y'));
      assert.deepEqual([...ys].sort((a, b) => a - b), ys, 'top to bottom');
    });

    it('ends each bar at its low and high values on the axis, split at the base into worse and better', function () {
      const { svg, x, rows } = read(input());
      const tol = Math.abs(x.perUnit) * 0.2;
      const base = select(svg, 'line', 'base')[0];
      assert.ok(Math.abs(x.value(num(base, 'x1')) - gbp(5_000)) <= tol, 'the base line is at the base');
      for (const row of rows) {
        const bar = bars.find((b) => b.label === select(row, 'text', 'bar-label')[0].text)!;
        const worse = select(row, 'rect', 'worse')[0];
        const better = select(row, 'rect', 'better')[0];
        const lo = Math.min(bar.low, bar.high);
        const hi = Math.max(bar.low, bar.high);
        assert.ok(Math.abs(x.value(num(worse, 'x')) - lo) <= tol, `${bar.label}: left end reads ${x.value(num(worse, 'x'))}, not ${lo}`);
        assert.ok(Math.abs(x.value(num(worse, 'x') + num(worse, 'width')) - gbp(5_000)) <= tol, `${bar.label}: worse part ends at the base`);
        assert.ok(Math.abs(x.value(num(better, 'x')) - gbp(5_000)) <= tol, `${bar.label}: better part starts at the base`);
        assert.ok(Math.abs(x.value(num(better, 'x') + num(better, 'width')) - hi) <= tol, `${bar.label}: right end reads ${x.value(num(better, 'x') + num(better, 'width'))}, not ${hi}`);
        // Each setting's text is beside its own end: the low setting's at the low value.
        const texts = select(row, 'text', 'tick');
        const lowAt = texts.find((t) => t.text === bar.lowText)!;
        const highAt = texts.find((t) => t.text === bar.highText)!;
        const expectLeft = bar.low < bar.high ? lowAt : highAt;
        const expectRight = bar.low < bar.high ? highAt : lowAt;
        assert.equal(expectLeft.attrs['text-anchor'], 'end', `${bar.label}: ${expectLeft.text} is left of the bar`);
        assert.ok(x.value(num(expectLeft, 'x')) < lo && x.value(num(expectRight, 'x')) > hi, `${bar.label}: setting texts outside the bar's ends`);
      }
    });

    it('draws a bar entirely on one side of the base in one colour, and the axis reaches the base', function () {
      const { x, rows, axisTicks } = read(input({ base: gbp(-200_000), bars: [bars[0]] }));
      assert.equal(select(rows[0], 'rect', 'worse').length, 0);
      const better = select(rows[0], 'rect', 'better')[0];
      const tol = Math.abs(x.perUnit) * 0.2;
      assert.ok(Math.abs(x.value(num(better, 'x')) - gbp(-20_000)) <= tol);
      assert.ok(labelValue(axisTicks[0].text) <= gbp(-200_000), 'the axis covers the base');
    });

    it('shows an assumption that changes nothing as a thin mark at the base', function () {
      const still: TornadoBar = { label: 'Inflation', low: gbp(5_000), high: gbp(5_000), lowText: '2%', highText: '4%' };
      const { x, rows } = read(input({ bars: [...bars, still] }));
      const row = rows[rows.length - 1];
      assert.equal(select(row, 'text', 'bar-label')[0].text, 'Inflation');
      assert.equal(select(row, 'rect').length, 0);
      const mark = select(row, 'line', 'nil')[0];
      assert.ok(Math.abs(x.value(num(mark, 'x1')) - gbp(5_000)) <= Math.abs(x.perUnit) * 0.2);
      assert.ok(num(mark, 'y2') - num(mark, 'y1') > 0, 'the mark has height');
      assert.ok(select(row, 'text', 'tick').some((t) => t.text.includes('2%') && t.text.includes('4%')));
      // Every bar still and at 0: still an axis, still parses.
      assertPlainSvg(read(input({ base: 0, bars: [{ ...still, low: 0, high: 0 }] })).svg, 'tornado');
    });

    it('escapes labels from the spec and cuts long ones, keeping every text inside the chart', function () {
      const hostile = '<script>x</script> & job';
      const long = `Success rate: ${'very_long_outcome_identifier_'.repeat(4)}`;
      const text = tornadoChart(input({ bars: [{ ...bars[0], label: hostile }, { ...bars[1], label: long }], id: 't"<script>' }));
      assert.ok(!text.includes('<script'), 'no raw <script');
      const { svg, rows } = read(input({ bars: [{ ...bars[0], label: hostile }, { ...bars[1], label: long }] }));
      assert.ok(select(svg, 'text', 'bar-label').some((t) => t.text === hostile), 'the label reads as written');
      const cut = select(rows[0], 'text', 'bar-label')[0].text;
      assert.ok(cut.endsWith('…') && long.startsWith(cut.slice(0, -1)), `long label cut: ${cut}`);
      assert.ok(select(rows[0], 'title')[0].text.startsWith(long), 'the full label is in the bar’s title');
      assertTextInside(svg);
      assertTextInside(read(input()).svg);
      assertTextInside(read(input({ base: gbp(95_000) })).svg);
      assertTextInside(parseXml(tornadoChart(input({ bars: [{ ...bars[0], lowText: 'x'.repeat(60), highText: 'y'.repeat(60) }] }))));
    });

    it('labels the axis exactly when amounts are large and close together', function () {
      const close: TornadoBar = { label: 'Referrals', low: gbp(1_990_000), high: gbp(2_012_000), lowText: '400', highText: '800' };
      const { axisTicks } = read(input({ base: gbp(2_000_000), bars: [close] }));
      const labels = axisTicks.map((t) => t.text);
      assert.equal(new Set(labels).size, labels.length, `distinct: ${labels}`);
      // read() fits the axis through its labels and checks every label lies on that line.
      assert.ok(labels.includes('£2,000,000') || labels.includes('£2m'), `${labels}`);
    });

    it('says so in a paragraph when there are no assumptions to show', function () {
      const out = tornadoChart(input({ bars: [] }));
      const p = parseXml(out);
      assert.equal(p.name, 'p');
      assert.match(p.text, /No assumption was varied/);
    });
  });
});
