import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runReport } from '../server/src/cli/report-command';
import { FileAccess } from '../server/src/model/file-access';
import { catalogue } from '../server/src/rules/catalogue';
import { fraction, percentOf, roundHalfUp, spread } from '../server/src/report/exact';
import { moneyJson, reportJson } from '../server/src/report/json';
import { headline, renderHtml, renderMarkdown, riskReport, RiskReport } from '../server/src/report/index';
import { readReportOptions, ReportOptionsInput } from '../server/src/report/options';
import { wholeMonthsIn } from '../server/src/base/durations';
import { paymentMonth, readSchedule } from '../server/src/report/schedule';
import { sha256Base64 } from '../server/src/report/sha256';
import { commandIo } from './support/command-io';
import { readText, repoRoot } from './support/paths';
import { diskProject, textProject } from './support/lint';
import { assertNoMarkupFromSpec } from './support/markdown';

/*
 * The provider's risk report, checked against figures worked by hand. Amounts are
 * written in pounds for reading and compared exactly, in pence.
 */

const gbp = (pounds: number): bigint => BigInt(Math.round(pounds * 100));

function memory(files: Record<string, string>): FileAccess {
  return { resolve: (_from, target) => ({ uri: target }), read: (uri) => files[uri], display: (uri) => uri };
}

function reportOf(text: string, options: ReportOptionsInput = {}): RiskReport {
  const built = riskReport(textProject('main', text, memory({ main: text })), 'main', catalogue, options);
  if ('problems' in built) throw new Error(built.problems.join('\n'));
  return built.report;
}

function problemsOf(text: string, options: ReportOptionsInput): string[] {
  const built = riskReport(textProject('main', text, memory({ main: text })), 'main', catalogue, options);
  return 'problems' in built ? built.problems : [];
}

function sample(name: string, options: ReportOptionsInput = {}): RiskReport {
  const file = path.join(repoRoot, 'samples', `${name}.outcome`);
  const built = riskReport(textProject(file, readText(file), diskProject(path.join(repoRoot, 'samples'))), file, catalogue, options, `samples/${name}.outcome`);
  if ('problems' in built) throw new Error(built.problems.join('\n'));
  return built.report;
}

const scenario = (r: RiskReport, factor: string) => r.cashFlow!.sensitivity.find((s) => s.factor === factor)!.flow;

/*
 * Nothing up front, paid monthly in arrears. 120 people at £2,000, target 50%: £120,000
 * earned at target, so the break-even cost is £120,000, £10,000 a month over 12 months.
 * £10,000 of successes a month, each evidenced 6 months after enrolment: months 6 to 17
 * each pay £10,000. By the end of month 6 the provider has spent £60,000 and been paid
 * nothing; from then on it is paid £10,000 a month for the £10,000 it spends, so the gap
 * never grows: the peak is the cost incurred before the first payment.
 */
const ZERO_UPFRONT = `
spec "Zero upfront" { term 12 months from 2027-01-01 budget £200,000 }
cohort c { size 120 }
outcome job { for c target 50% window 6 months }
payment {
  model results
  upfront 0%
  pay £2,000 for job per participant
  schedule "monthly in arrears"
}
`;

/*
 * A cap that binds. 160 people at £1,000 (£160,000) capped at £64,000, 10% (£6,400) up
 * front as an advance, target 50%, window 3 months, quarterly in arrears, 16 months.
 * At target £80,000 is earned: £5,000 for each enrolment month, evidenced 2 months later
 * and paid at the end of the quarter: cumulative earnings £5,000 (month 3), £20,000 (6),
 * £35,000 (9), £50,000 (12), £65,000 (15), £80,000 (18). Results pay earnings less the
 * £6,400 advance, at most £57,600: £0, £13,600, £28,600, £43,600, £57,600. Cost £64,000
 * (break even), £4,000 a month. Need(m) = 4,000·m − income before month m: the largest
 * is month 6, £24,000 − £6,400 = £17,600.
 */
const CAPPED = `
spec "Capped" { term 16 months from 2027-04-01 budget £70,000 }
cohort c { size 160 }
outcome o { for c target 50% window 3 months }
payment {
  model results
  upfront 10%
  pay £1,000 for o per participant
  cap £64,000
  schedule "quarterly in arrears"
}
`;

describe('risk report: 0% upfront (worked by hand)', () => {
  const r = reportOf(ZERO_UPFRONT);

  it('puts the whole contract value at risk', () => {
    assert.equal(r.split.contractValue, gbp(240_000));
    assert.equal(r.split.upfront, 0n);
    assert.equal(r.split.guaranteed, 0n);
    assert.equal(r.split.atRisk, gbp(240_000));
    assert.equal(r.split.atRiskShare, '100%');
    assert.equal(r.maximum.budgetHeadroom, -gbp(40_000));
  });

  it('defaults the cost to break even at target: £120,000 over 12 months', () => {
    assert.equal(r.cashFlow!.cost, gbp(120_000));
    assert.deepEqual(
      r.cashFlow!.planning.flow.months.slice(1, 13).map((m) => m.cost),
      Array.from({ length: 12 }, () => gbp(10_000)),
    );
  });

  it('pays £10,000 at the end of each of months 6 to 17', () => {
    const months = r.cashFlow!.planning.flow.months;
    assert.equal(months.length, 18);
    assert.deepEqual(
      months.map((m) => m.income),
      [0, 0, 0, 0, 0, 0, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10].map((k) => gbp(k * 1000)),
    );
  });

  it('needs peak working capital equal to the cost incurred before the first payment', () => {
    const f = r.cashFlow!.planning.flow;
    assert.equal(f.firstPaymentMonth, 6);
    assert.equal(f.costBeforeFirstPayment, gbp(60_000));
    assert.equal(f.peak, gbp(60_000));
    assert.equal(f.peak, f.costBeforeFirstPayment);
    assert.equal(f.peakMonth, 6);
    assert.equal(f.net, 0n);
  });

  it('shows what falls short at 75% and 50% of target', () => {
    // 75%: £7,500 a month from month 6; the gap grows to 12·£10,000 − 6·£7,500 = £75,000 at month 12.
    assert.deepEqual([scenario(r, '75%').income, scenario(r, '75%').net, scenario(r, '75%').peak, scenario(r, '75%').peakMonth], [gbp(90_000), -gbp(30_000), gbp(75_000), 12]);
    assert.deepEqual([scenario(r, '50%').income, scenario(r, '50%').net, scenario(r, '50%').peak, scenario(r, '50%').peakMonth], [gbp(60_000), -gbp(60_000), gbp(90_000), 12]);
    assert.equal(r.cashFlow!.sensitivity[0].label, '50% of target');
  });

  it('prints the month of the peak with its calendar month', () => {
    assert.match(renderMarkdown(r), /£60,000\*\* of working capital, in month 6 \(Jun 2027\)/);
  });
});

describe('risk report: a cap that binds (worked by hand)', () => {
  const r = reportOf(CAPPED);

  it('takes the cap as the contract value, 10% of it guaranteed', () => {
    assert.equal(r.maximum.total, gbp(160_000));
    assert.equal(r.maximum.maximum, gbp(64_000));
    assert.equal(r.maximum.capBinds, true);
    assert.deepEqual([r.split.contractValue, r.split.upfront, r.split.atRisk], [gbp(64_000), gbp(6_400), gbp(57_600)]);
    assert.deepEqual([r.split.guaranteedShare, r.split.atRiskShare], ['10%', '90%']);
    assert.equal(r.maximum.budgetHeadroom, gbp(6_000));
  });

  it('stops paying at the cap: £80,000 earned at target, £64,000 paid', () => {
    const f = r.cashFlow!.planning.flow;
    assert.equal(f.earned, gbp(80_000));
    assert.equal(f.income, gbp(64_000));
    assert.equal(f.unpaid, gbp(16_000));
    assert.equal(r.cashFlow!.cost, gbp(64_000));
    assert.ok(r.notes.some((n) => n.includes('£16,000 of them is never paid')));
  });

  it('recovers the advance first, then pays by the quarter', () => {
    const income = r.cashFlow!.planning.flow.months.map((m) => m.cumulativeIncome);
    // Month 18's earnings are all above the cap, so the months end with the term.
    assert.equal(income.length, 17);
    assert.deepEqual(
      income,
      [6.4, 6.4, 6.4, 6.4, 6.4, 6.4, 20, 20, 20, 35, 35, 35, 50, 50, 50, 64, 64].map((k) => gbp(k * 1000)),
    );
  });

  it('needs £17,600 of working capital at most, in month 6', () => {
    const f = r.cashFlow!.planning.flow;
    assert.deepEqual(
      f.months.map((m) => m.need),
      [0, -2.4, 1.6, 5.6, 9.6, 13.6, 17.6, 8, 12, 16, 5, 9, 13, 2, 6, 10, 0].map((k) => gbp(k * 1000)),
    );
    assert.deepEqual([f.peak, f.peakMonth, f.firstPaymentMonth, f.costBeforeFirstPayment], [gbp(17_600), 6, 6, gbp(24_000)]);
  });

  it('below target the cap no longer binds', () => {
    const at75 = scenario(r, '75%');
    assert.deepEqual([at75.earned, at75.income, at75.unpaid, at75.net], [gbp(60_000), gbp(60_000), 0n, -gbp(4_000)]);
    // Paid by the quarter from £48,750 earned by month 15: £60,000 − £37,500 before month 15.
    assert.deepEqual([at75.peak, at75.peakMonth], [gbp(22_500), 15]);
    const at50 = scenario(r, '50%');
    assert.deepEqual([at50.income, at50.net], [gbp(40_000), -gbp(24_000)]);
  });

  it('pays the upfront on top of results with --upfront additional', () => {
    const f = reportOf(CAPPED, { upfront: 'additional' }).cashFlow!.planning.flow;
    assert.deepEqual(
      f.months.map((m) => m.cumulativeIncome),
      [6.4, 6.4, 6.4, 11.4, 11.4, 11.4, 26.4, 26.4, 26.4, 41.4, 41.4, 41.4, 56.4, 56.4, 56.4, 64, 64].map((k) => gbp(k * 1000)),
    );
    assert.deepEqual([f.peak, f.peakMonth, f.firstPaymentMonth], [gbp(12_600), 6, 3]);
  });

  it('takes a cost and a success rate from the options', () => {
    const r2 = reportOf(CAPPED, { cost: '£48k', successRate: ['25%'] });
    const f = r2.cashFlow!.planning.flow;
    assert.equal(f.cost, gbp(48_000));
    assert.equal(f.earned, gbp(40_000));
    assert.equal(f.net, -gbp(8_000));
    assert.equal(r2.cashFlow!.sensitivity[2].label, '100% of the planning success rates');
    assert.ok(r2.assumptions.some((a) => a.topic === 'Success rate: o' && a.source === 'option' && a.text.startsWith('25%')));
    assert.equal(reportOf(CAPPED, { cost: '150%' }).cashFlow!.cost, gbp(96_000));
  });
});

/*
 * Investors fund delivery: the 0% upfront example above, with two investors committing
 * £50,000 (up to 6% a year) and £20,000 (up to 3% a year) over its 12 months: £70,000
 * committed, and at most £3,000 + £600 = £3,600 of return. The service's working capital
 * peaks at £60,000 (target), £75,000 (75%) and £90,000 (50%): the commitment funds up to
 * £70,000 of it, the provider only the rest: £0, £5,000 and £20,000.
 */
const INVESTED = (paid: string): string => `${ZERO_UPFRONT}
finance {
  investor "Severnmoor Social Investment Fund" commitment £50,000 return up to 6% per year
  investor "Kingsford Community Foundation" commitment £20,000 return up to 3% per year
${paid}
}
`;

describe('risk report: investors fund delivery (worked by hand)', () => {
  const row = (r: RiskReport, factor: string) => r.finance!.scenarios.find((s) => s.factor === factor)!;
  const split = (r: RiskReport) =>
    ['100%', '75%', '50%'].map((f) => {
      const s = row(r, f);
      return [s.paid, s.providerPaid, s.providerNet, s.providerWorkingCapital, s.investorsNet, s.investorsWorkingCapital];
    });

  it("shows the investors' commitment and the most they can earn over the term", () => {
    const r = reportOf(INVESTED('  provider paid fixed fee'));
    const f = r.finance!;
    assert.deepEqual([f.commitment, f.maximumReturn], [gbp(70_000), gbp(3_600)]);
    assert.deepEqual(
      f.investors.map((i) => [i.name, i.commitment, i.returnRate, i.maximumReturn]),
      [
        ['Severnmoor Social Investment Fund', gbp(50_000), '6%', gbp(3_000)],
        ['Kingsford Community Foundation', gbp(20_000), '3%', gbp(600)],
      ],
    );
  });

  it('a fixed fee (the delivery cost, with no amount) leaves the results with the investors, and the working capital beyond their commitment with the provider', () => {
    const r = reportOf(INVESTED('  provider paid fixed fee'));
    assert.equal(r.finance!.resultsRisk, 'investors');
    // Paid by the commissioner, provider paid, provider's net, provider's working capital, investors' net, drawn from the commitment.
    assert.deepEqual(split(r), [
      [gbp(120_000), gbp(120_000), 0n, 0n, 0n, gbp(60_000)],
      [gbp(90_000), gbp(120_000), 0n, gbp(5_000), -gbp(30_000), gbp(70_000)],
      [gbp(60_000), gbp(120_000), 0n, gbp(20_000), -gbp(60_000), gbp(70_000)],
    ]);
    // The service's own figures are unchanged: the split is of them.
    assert.deepEqual([r.cashFlow!.planning.flow.peak, scenario(r, '75%').net], [gbp(60_000), -gbp(30_000)]);
    const figures = Object.fromEntries(headline(r).map((h) => [h.key, [h.label, h.value]]));
    assert.deepEqual(figures.peak, ['Provider’s working capital', '£0']);
    assert.deepEqual(figures['net-75'], ['Provider’s net at 75% of target', '£0']);
    assert.deepEqual(figures.investors, ['Investors’ commitment', '£70,000']);
    assert.deepEqual(figures['investors-return'], ['Investors’ maximum return', '£3,600']);
    assert.deepEqual(figures['investors-net-75'], ['Investors’ net at 75% of target', '−£30,000']);
    const carried = Object.fromEntries(r.risks.map((x) => [x.risk, x.carriedBy]));
    assert.equal(carried['Results fall short of target'], 'Investors (the provider is paid a fixed fee)');
    assert.equal(carried['Funding the service before results are paid (working capital)'], 'Investors, up to their commitment; the provider beyond it');
    assert.ok(r.assumptions.some((a) => a.topic === "Provider's pay" && a.source === 'default' && a.text.includes('taken as the delivery cost (£120,000)')));
    // And nothing up front is no finding: the investors fund the working capital.
    assert.ok(!r.findings.some((g) => g.findings.some((x) => x.code === 'perverse-incentive/no-upfront')));
  });

  it('paid only a share of outcome payments, the provider carries the results', () => {
    const r = reportOf(INVESTED('  provider paid 60% of outcome payments'));
    assert.equal(r.finance!.resultsRisk, 'provider');
    // 60% of £120,000, £90,000 and £60,000 of outcome payments: £72,000, £54,000 and £36,000, against £120,000 of cost.
    assert.deepEqual(split(r), [
      [gbp(120_000), gbp(72_000), -gbp(48_000), 0n, gbp(48_000), gbp(60_000)],
      [gbp(90_000), gbp(54_000), -gbp(66_000), gbp(5_000), gbp(36_000), gbp(70_000)],
      [gbp(60_000), gbp(36_000), -gbp(84_000), gbp(20_000), gbp(24_000), gbp(70_000)],
    ]);
    assert.ok(r.notes.some((n) => n.includes("left with +£48,000, more than the investors' maximum return of £3,600")));
    assert.equal(r.risks.find((x) => x.risk === 'Results fall short of target')?.carriedBy, 'Provider (the investors pay it only a share of outcome payments)');
    assert.ok(r.findings.some((g) => g.findings.some((x) => x.code === 'perverse-incentive/risk-passed-down')));
  });

  it('a fee with its amount and a share on top: each in its place', () => {
    const r = reportOf(INVESTED('  provider paid fixed fee £100,000\n  provider paid 10% of outcome payments'));
    assert.equal(r.finance!.resultsRisk, 'both');
    // £100,000 + 10% of £120,000, £90,000, £60,000.
    assert.deepEqual(
      split(r).map(([, paid, provider, , investors]) => [paid, provider, investors]),
      [
        [gbp(112_000), -gbp(8_000), gbp(8_000)],
        [gbp(109_000), -gbp(11_000), -gbp(19_000)],
        [gbp(106_000), -gbp(14_000), -gbp(46_000)],
      ],
    );
  });

  it('says so when the spec does not say how the provider is paid, or what the investors commit', () => {
    const r = reportOf(INVESTED(''));
    assert.equal(r.finance!.resultsRisk, 'unknown');
    assert.deepEqual(split(r)[1], [gbp(90_000), undefined, undefined, gbp(5_000), undefined, gbp(70_000)]);
    assert.deepEqual(headline(r).find((h) => h.key === 'net-75')?.detail, 'paid £90,000 for costs of £120,000, investors and provider together');
    const noTerm = reportOf(INVESTED('  provider paid fixed fee').replace('term 12 months from 2027-01-01 ', ''));
    assert.equal(noTerm.finance!.maximumReturn, undefined);
    assert.ok(noTerm.finance!.missing.includes('the spec has no `term`, so the return cannot be counted'));
    const noCommitment = reportOf(INVESTED('  provider paid fixed fee').replace('commitment £20,000 ', ''));
    assert.deepEqual([noCommitment.finance!.commitment, row(noCommitment, '100%').providerWorkingCapital], [undefined, undefined]);
  });

  it('prints the investors and the split in every output', () => {
    const r = reportOf(INVESTED('  provider paid fixed fee'));
    const md = renderMarkdown(r);
    assert.ok(md.includes('## Investors and the provider'), md);
    assert.ok(md.includes('| Severnmoor Social Investment Fund | £50,000 | 6% a year | £3,000 |'), md);
    assert.ok(md.includes('| All investors | £70,000 |  | £3,600 |'), md);
    assert.ok(md.includes('| 75% of target | £90,000 | £120,000 | £0 | £5,000 | −£30,000 | £70,000 |'), md);
    assert.ok(md.includes('the investors’ commitment of £70,000 funds £60,000 of it, and the provider nothing.'), md);
    const html = renderHtml(r);
    assert.ok(html.includes('<h2 id="investors">Investors and the provider</h2>'));
    assert.ok(html.includes('<td class="num neg">−£30,000</td>'));
    assert.ok(html.includes('Working capital needed (the investors’ commitment funds it first)'));
    const json = JSON.parse(reportJson(r)) as { finance: { commitment: string; scenarios: { providerWorkingCapital: string }[] } };
    assert.equal(json.finance.commitment, '70000.00');
    assert.deepEqual(json.finance.scenarios.map((s) => s.providerWorkingCapital), ['20000.00', '5000.00', '0.00']);
    // Without investors, no such section.
    assert.equal(reportOf(ZERO_UPFRONT).finance, undefined);
    assert.ok(!renderMarkdown(reportOf(ZERO_UPFRONT)).includes('Investors and the provider'));
  });
});

describe('risk report: limits and referrals in the cash flow (worked by hand)', () => {
  // ZERO_UPFRONT earns £10,000 a month in months 6 to 17 at target (£120,000).
  const paidBy = (r: RiskReport): number[] => r.cashFlow!.planning.flow.months.map((m) => Math.round(Number(m.income) / 100));

  it('`cap … for O` stops that outcome\'s payments once reached; the other outcome goes on', () => {
    // job: £10,000 a month from month 6, stopped at £70,000 (months 6 to 12); course: £5,000 a month in months 6 to 17.
    const r = reportOf(
      ZERO_UPFRONT.replace('outcome job', 'outcome course { for c target 50% window 6 months }\noutcome job')
        .replace('  schedule', '  pay £1,000 for course per participant\n  cap £70,000 for job\n  schedule'),
      { cost: '£130,000' },
    );
    assert.equal(r.maximum.maximum, gbp(190_000)); // £360,000 of prices, job's £240,000 limited to £70,000
    const paid = paidBy(r);
    assert.deepEqual(paid.slice(6, 13), [15_000, 15_000, 15_000, 15_000, 15_000, 15_000, 15_000]);
    assert.deepEqual(paid.slice(13, 18), [5_000, 5_000, 5_000, 5_000, 5_000]);
    assert.equal(r.cashFlow!.planning.flow.resultsIncome, gbp(130_000));
    assert.equal(r.cashFlow!.planning.flow.unpaid, gbp(50_000));
  });

  it('`cap … per year` pays at most the cap in each contract year: what is due above it that year is never paid', () => {
    // Year 1 (months 1–12): £70,000 due in months 6–12, £50,000 paid (months 6–10). Year 2: £50,000 due, all paid.
    const r = reportOf(ZERO_UPFRONT.replace('  schedule', '  cap £50,000 per year\n  schedule'), { cost: '£120,000' });
    assert.equal(r.maximum.maximum, gbp(100_000)); // 2 years of payments (12-month term, 6-month window)
    const paid = paidBy(r);
    assert.deepEqual(paid.slice(6, 18), [10_000, 10_000, 10_000, 10_000, 10_000, 0, 0, 10_000, 10_000, 10_000, 10_000, 10_000]);
    assert.equal(r.cashFlow!.planning.flow.resultsIncome, gbp(100_000));
    assert.equal(r.cashFlow!.planning.flow.unpaid, gbp(20_000));
    assert.ok(r.assumptions.some((a) => a.topic === 'Limits' && /£50,000 of results is paid in each contract year/.test(a.text)));
  });

  it('referrals enrol people as they arrive: 60 a year with no ramp fill 60 of 120 places in 12 months', () => {
    // 5 people a month; half the cohort arrives, so £60,000 is earned at target, £5,000 a month in months 6 to 17.
    const r = reportOf(ZERO_UPFRONT.replace('cohort c { size 120 }', 'cohort c { size 120 referrals 60 per year }'), { cost: '£60,000' });
    assert.deepEqual(paidBy(r).slice(6, 18), Array(12).fill(5_000));
    assert.ok(r.notes.some((n) => /bring about 60 people over the 12 months of the term, fewer than its size of 120/.test(n)), r.notes.join('\n'));
  });

  it('a ramp brings people in slowly, and the size stops enrolment once reached', () => {
    // 240 a year = 20 a month, ramp 3 months: 6.67, 13.33, 20, then 20 a month; 120 reached in month 7
    // (6.67 + 13.33 + 20 × 4 = 100 by month 6, 20 more in month 7). At £2,000 × 50% = £1,000 a person;
    // arrivals are counted in thousandths of a person, rounded down (6.666 by month 1, 20 by month 2: 13.334 in month 2).
    const r = reportOf(ZERO_UPFRONT.replace('cohort c { size 120 }', 'cohort c { size 120 referrals 240 per year ramp 3 months }'), { cost: '£120,000' });
    const paid = paidBy(r);
    assert.deepEqual(paid.slice(6, 13), [6_666, 13_334, 20_000, 20_000, 20_000, 20_000, 20_000]);
    assert.equal(paid.slice(13).reduce((a, b) => a + b, 0), 0);
    assert.ok(r.assumptions.some((a) => a.topic === 'Referrals' && /in month 7/.test(a.text)));
  });
});

describe('risk report: thresholds, single sums and instalments', () => {
  const THRESHOLD = `
spec "T" { term 12 months budget £100k }
cohort c { size 100 }
outcome o { for c baseline 40% target 50% window 2 months }
payment {
  pay £100 for o per participant
  pay £50 for o per participant threshold 10%
  schedule "annually in arrears"
}
`;
  it('reads a threshold as points over the baseline: met at target, not at 75% of it', () => {
    const r = reportOf(THRESHOLD);
    const at100 = scenario(r, '100%');
    assert.deepEqual(
      at100.lines.map((l) => [l.earned, l.met]),
      [
        [gbp(5_000), undefined],
        [gbp(2_500), true],
      ],
    );
    const at75 = scenario(r, '75%');
    assert.deepEqual(at75.lines.map((l) => l.met), [undefined, false]);
    // No start date: months are numbered only.
    assert.equal(r.cashFlow!.start, undefined);
    assert.ok(r.assumptions.some((a) => a.topic === 'Start' && a.source === 'default'));
  });

  it('pays a threshold line once the whole cohort is known, by the schedule', () => {
    const f = scenario(reportOf(THRESHOLD), '100%');
    // Per-person payments: enrolment months 1–11 are evidenced by month 12 and paid then;
    // month 12's enrolment (evidenced in month 13) and the threshold line in month 24.
    // £5,000 spread over 12 months: the first 11 months' share is floor(£5,000 × 11/12) = £4,583.33.
    assert.equal(f.months[12].income, gbp(4_583.33));
    assert.equal(f.months[24].income, gbp(416.67) + gbp(2_500));
    assert.equal(f.months.length, 25);
  });

  it('says so when a threshold is never reached at the planning rate', () => {
    const r = reportOf(THRESHOLD.replace('threshold 10%', 'threshold 12%'));
    assert.ok(r.notes.some((n) => n.includes('pays nothing') && n.includes('10 points above its 40% baseline, short of the 12% threshold')));
  });

  const GRANT = `
spec "G" { term 12 months from 2026-09-01 budget £120,000 }
cohort f { size 40 }
outcome plans { for f target 30 }
payment {
  model grant
  pay £12,000 for plans
  schedule "quarterly in advance"
}
`;
  it('pays a grant in instalments, and a single sum at the end of the term', () => {
    const r = reportOf(GRANT);
    assert.deepEqual([r.split.contractValue, r.split.instalments, r.split.atRisk, r.split.guaranteedShare], [gbp(120_000), gbp(108_000), gbp(12_000), '90%']);
    const f = r.cashFlow!.planning.flow;
    assert.deepEqual(
      f.months.map((m) => m.income),
      [27, 0, 0, 27, 0, 0, 27, 0, 0, 27, 0, 0, 12].map((k) => gbp(k * 1000)),
    );
    // The single sum is paid only when its target is reached: not at 75% of it.
    assert.equal(scenario(r, '75%').income, gbp(108_000));
  });

  it('reports what it cannot work out instead of guessing', () => {
    const r = reportOf('spec "S" { budget £10k }\ncohort c { }\noutcome o { for c }\npayment { pay £10 for o per participant }\n');
    assert.equal(r.cashFlow, undefined);
    assert.ok(r.cashFlowMissing.some((m) => m.includes('`term`')));
    assert.ok(r.cashFlowMissing.some((m) => m.includes('cohort `c` has no size')));
    assert.equal(reportOf('spec "S" { term 1 year }\n').cashFlowMissing[0], 'the spec has no `payment` block');
  });
});

describe('risk report: samples', () => {
  it('youth-employment: 15% upfront, cap binds, peak £610,234.45 in month 21', () => {
    const r = sample('youth-employment');
    assert.deepEqual([r.maximum.total, r.maximum.maximum, r.maximum.budget], [gbp(8_252_000), gbp(1_650_000), gbp(1_800_000)]);
    assert.deepEqual([r.split.upfront, r.split.atRisk, r.split.atRiskShare], [gbp(247_500), gbp(1_402_500), '85%']);
    assert.deepEqual(
      r.maximum.byOutcome.map((o) => [o.label, o.amount]),
      [
        ['sustained_job', gbp(6_290_000)],
        ['learning', gbp(1_962_000)],
      ],
    );
    assert.deepEqual(
      r.maximum.byGroup.map((g) => [g.label, g.amount]),
      [
        ['youth', gbp(4_998_000)],
        ['care-leavers', gbp(1_530_000)],
        ['send (segment of youth)', gbp(1_332_000)],
        ['young-parents (segment of care-leavers)', gbp(392_000)],
      ],
    );
    const f = r.cashFlow!.planning.flow;
    // 28% of £6,290,000 + 18% of £1,962,000 = £2,114,360 earned, £464,360 above the cap.
    assert.deepEqual([f.earned, f.unpaid, f.income], [gbp(2_114_360), gbp(464_360), gbp(1_650_000)]);
    assert.deepEqual([f.peak, f.peakMonth, f.firstPaymentMonth], [gbp(610_234.45), 21, 18]);
    assert.deepEqual([scenario(r, '75%').net, scenario(r, '50%').net], [-gbp(64_230), -gbp(592_820)]);
  });

  it('reoffending: nothing up front, and at target the threshold is not reached', () => {
    const r = sample('reoffending');
    assert.deepEqual([r.split.upfront, r.split.atRiskShare], [0n, '100%']);
    const f = r.cashFlow!.planning.flow;
    assert.deepEqual([f.income, f.peak, f.peakMonth, r.cashFlow!.cost], [0n, gbp(4_200_000), 60, gbp(4_200_000)]);
    assert.ok(r.notes.some((n) => n.includes('desistance at 48% is 6 points above its 42% baseline, short of the 7.5% threshold')));
    // Above the threshold (a 50% success rate is 8 points over the baseline) it pays.
    // The cohort's result is known once the last man's year is up (month 71), paid annually (72):
    // the provider funds the whole cost first.
    const above = sample('reoffending', { successRate: ['desistance=50%'] }).cashFlow!.planning.flow;
    assert.deepEqual([above.earned, above.income, above.firstPaymentMonth], [gbp(2_800_000), gbp(2_800_000), 72]);
    assert.deepEqual([above.peak, above.peakMonth, above.costBeforeFirstPayment], [gbp(2_800_000), 60, gbp(2_800_000)]);
  });

  it('every sample gets a report, and every finding lands in a family', () => {
    for (const name of ['youth-employment', 'homelessness', 'reoffending', 'social-prescribing', 'family-support', 'adult-social-care']) {
      const r = sample(name);
      assert.ok(r.assumptions.length > 3, name);
      for (const group of r.findings) for (const f of group.findings) assert.equal(catalogue.byId(f.code)?.meta.family, group.family, f.code);
      JSON.parse(reportJson(r));
    }
    const social = sample('social-prescribing');
    assert.equal(social.maximum.budgetHeadroom, -gbp(150_000));
    assert.ok(social.risks.some((x) => x.risk === 'Paying more than the budget' && x.amount === gbp(150_000)));
    assert.deepEqual(
      sample('reoffending').findings.map((g) => g.family),
      ['perverse-incentive'],
    );
  });
});

describe('risk report: while a spec is being written', () => {
  it('never throws on a half-typed or mangled spec (the editor shows the report as the spec is edited)', () => {
    const access = diskProject(path.join(repoRoot, 'samples'));
    for (const name of ['youth-employment', 'homelessness', 'reoffending', 'family-support']) {
      const file = path.join(repoRoot, 'samples', `${name}.outcome`);
      const text = readText(file);
      const step = Math.ceil(text.length / 40);
      for (let cut = 0; cut <= text.length; cut += step) {
        for (const t of [text.slice(0, cut), text.slice(0, cut) + text.slice(cut + 37)]) {
          const built = riskReport(textProject(file, t, access), file, catalogue, { draws: '100' });
          assert.ok('report' in built);
          renderHtml(built.report);
          renderMarkdown(built.report);
          reportJson(built.report);
        }
      }
    }
  });

  it('does not work out a cash flow over centuries', () => {
    const r = reportOf(ZERO_UPFRONT.replace('term 12 months', 'term 900 years'));
    assert.equal(r.cashFlow, undefined);
    assert.deepEqual(r.cashFlowMissing, ['the term is 10,800 months, more than the 50 years a cash flow is worked out for']);
  });
});

describe('risk report: assumptions given as options', () => {
  const problems = (input: ReportOptionsInput): string[] => {
    const read = readReportOptions(input);
    return 'problems' in read ? read.problems : [];
  };

  it('refuses nonsense with one clear message each', () => {
    assert.deepEqual(problems({ successRate: ['150%'] }), [
      '--success-rate 150%: a success rate cannot be more than 100% (it is the share of participants who achieve the outcome)',
    ]);
    assert.deepEqual(problems({ successRate: ['lots'] }), [
      '--success-rate lots: a success rate is a percentage from 0% to 100%, such as 60%, or OUTCOME=60% for one outcome',
    ]);
    assert.deepEqual(problems({ cost: '-5' }), [
      '--cost -5: give the delivery cost as money, such as £1.2m, £850,000 or 850000, or as a share of the break-even cost, such as 110%',
    ]);
    assert.match(problems({ cost: '£0' })[0], /^--cost £0: the delivery cost must be more than nothing/);
    assert.match(problems({ cost: '£1.234' })[0], /fraction of a penny/);
    assert.deepEqual(problems({ start: '2027-02-30' }), ['--start 2027-02-30: 2027-02-30 is not a date in the calendar']);
    assert.deepEqual(problems({ start: '1/4/2027' }), ['--start 1/4/2027: write the start date as year-month-day, such as 2027-04-01']);
    assert.deepEqual(problems({ term: '3 decades' }), ['--term 3 decades: give a duration such as 3 years, 36 months, 26 weeks or 91 days']);
    assert.deepEqual(problems({ term: '0 months' }), ['--term 0 months: a duration must be longer than no time at all']);
    assert.match(problems({ upfront: 'maybe' })[0], /^--upfront maybe: choose advance/);
    assert.equal(problems({ successRate: ['60%', 'o=50%'], cost: '£1.2m', start: '2027-04-01', term: '3 years', window: '26 weeks', upfront: 'additional' }).length, 0);
  });

  it('checks outcome ids and currency against the spec', () => {
    assert.deepEqual(problemsOf(CAPPED, { successRate: ['nope=50%'] }), ['--success-rate nope=…: `nope` is not an outcome this spec pays for (it pays for `o`)']);
    assert.deepEqual(problemsOf(CAPPED, { cost: '$50k' }), ["--cost $50k: the spec's money is in £, so give the cost in £ too"]);
  });

  it('prints every assumption with where it comes from', () => {
    const r = reportOf(CAPPED, { start: '2028-01-01' });
    const topics = r.assumptions.map((a) => a.topic);
    for (const t of ['Contract value', 'Upfront', 'Term', 'Start', 'Success rate: o', 'Window: o', 'Schedule', 'Delivery cost', 'Enrolment', 'Cap', 'Money', 'Sensitivity']) {
      assert.ok(topics.includes(t), t);
    }
    assert.equal(r.assumptions.find((a) => a.topic === 'Start')!.source, 'option');
    assert.equal(r.cashFlow!.start, '2028-01-01');
    const md = renderMarkdown(r);
    for (const a of r.assumptions) assert.ok(md.includes(a.topic), a.topic);
  });
});

describe('risk report: text from the spec', () => {
  // Each text would add HTML, a link, an image, emphasis, a heading, a list item or a
  // table cell to the Markdown if it went in as it is.
  const HOSTILE = `
spec "<img src=x onerror=alert(1)> | [click](https://evil.example) **bold** \`code\`" {
  commissioner "# Fake heading <script>alert(1)</script> | x"
  term 12 months from 2027-01-01
  budget £200,000
}
cohort c_1 "- list <b>item</b> | cell" {
  eligibility {
    criterion "<iframe src=evil> [x](y) | z"
  }
  size 120
  referral by "<b>A</b>"
}
outcome job__x "Title ![img](http://e/x.png) \`a|b\` <img src=y onerror=alert(2)>" {
  for c_1
  target 50%
  window 6 months
}
requirement "The provider must run <img src=z onerror=alert(3)> weekly | sessions"
payment {
  model results
  upfront 0%
  pay £2,000 for job__x per participant
  schedule "<svg onload=alert(4)> | monthly"
}
`;

  it('goes into the Markdown as text, never as HTML or Markdown', () => {
    const markdown = renderMarkdown(reportOf(HOSTILE));
    assertNoMarkupFromSpec(markdown);
    const lines = markdown.split('\n');
    assert.equal(lines[0], '# Provider’s risk report: \\<img src=x onerror=alert(1)\\> | \\[click\\](https://evil.example) \\*\\*bold\\*\\* \\`code\\`');
    // The commissioner begins a line: its `#` is not a heading.
    assert.match(lines[2], /^\\# Fake heading \\<script\\>alert\(1\)\\<\/script\\> \| x · `main` · /);
    assert.ok(markdown.includes('| `job__x` Title !\\[img\\](http://e/x.png) \\`a\\|b\\` \\<img src=y onerror=alert(2)\\> | £240,000 |'), markdown);
    assert.ok(markdown.includes('| Schedule | “\\<svg onload=alert(4)\\> \\| monthly” read as monthly in arrears'), markdown);
    assert.ok(markdown.includes('| Success rate: job\\_\\_x | 50%: the outcome\'s `target`. | the spec |'), markdown);
  });

  it('keeps control characters out of the Markdown, escaped', () => {
    const markdown = renderMarkdown(reportOf(HOSTILE.replace('# Fake heading', '\u001b]0;pwned\u0007')));
    assert.doesNotMatch(markdown, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    // `\x1b` written in Markdown: its backslash escaped.
    assert.match(markdown.split('\n')[2], /^\\\\x1b\\\]0;pwned\\\\x07 /);
  });
});

describe('risk report: building blocks', () => {
  it('reads schedules', () => {
    const read = (text: string | undefined) => {
      const s = readSchedule(text);
      return [s.periodMonths, s.timing, s.lagMonths, s.understood];
    };
    assert.deepEqual(read('quarterly in arrears, on claims verified against HMRC RTI'), [3, 'arrears', 0, true]);
    assert.deepEqual(read('monthly in arrears'), [1, 'arrears', 0, true]);
    assert.deepEqual(read('6-monthly in arrears'), [6, 'arrears', 0, true]);
    assert.deepEqual(read("annually, once the Justice Data Lab has matched each year's releases to 12 months of PNC data"), [12, 'arrears', 0, true]);
    assert.deepEqual(read('60 equal monthly instalments, in advance'), [1, 'advance', 0, true]);
    assert.deepEqual(read('every 2 months, within 30 days of a valid claim'), [2, 'arrears', 1, true]);
    assert.deepEqual(read('when the council is ready'), [3, 'arrears', 0, false]);
    assert.deepEqual(read(undefined), [3, 'arrears', 0, false]);
    const quarterly = readSchedule('quarterly in arrears');
    assert.deepEqual([1, 2, 3, 4, 12, 13].map((e) => paymentMonth(quarterly, e)), [3, 3, 3, 6, 12, 15]);
  });

  it('turns durations into whole months, rounding up', () => {
    assert.deepEqual(
      [
        wholeMonthsIn({ amount: 52, unit: 'week' }),
        wholeMonthsIn({ amount: 26, unit: 'week' }),
        wholeMonthsIn({ amount: 91, unit: 'day' }),
        wholeMonthsIn({ amount: 1, unit: 'day' }),
        wholeMonthsIn({ amount: 2.5, unit: 'year' }),
        wholeMonthsIn({ amount: 18, unit: 'month' }),
      ],
      [12, 6, 3, 1, 30, 18],
    );
  });

  it('keeps money exact', () => {
    assert.deepEqual(spread(gbp(1_650_000), 36).slice(0, 3), [4583333n, 4583333n, 4583334n]);
    assert.equal(spread(gbp(1_650_000), 36).reduce((a, b) => a + b, 0n), gbp(1_650_000));
    assert.equal(roundHalfUp(5n, 2n), 3n);
    assert.equal(roundHalfUp(-5n, 2n), -3n);
    assert.deepEqual(percentOf('7.5%'), fraction(3n, 40n));
    assert.equal(moneyJson(-gbp(1_234.5)), '-1234.50');
  });

  it('hashes the style element for the CSP', () => {
    // Known SHA-256 values (base64).
    assert.equal(sha256Base64(''), '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    assert.equal(sha256Base64('abc'), 'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
    assert.equal(sha256Base64('£'.repeat(100)).length, 44);
  });
});

describe('outcome-lint report (the command)', () => {
  /** Runs the command in a folder of its own holding `files` (named from `/work/`), and returns what it printed and wrote. */
  function run(argv: string[], files: Record<string, string | Buffer> = {}) {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-report-command-')));
    try {
      for (const [name, content] of Object.entries(files)) {
        const full = path.join(dir, path.relative('/work', name));
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, content);
      }
      const io = commandIo(dir);
      const code = runReport(argv, io);
      const written: Record<string, string> = {};
      const walk = (folder: string): void => {
        for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
          const full = path.join(folder, entry.name);
          const name = path.join('/work', path.relative(dir, full));
          if (entry.isDirectory()) walk(full);
          else if (!(name in files)) written[name] = fs.readFileSync(full, 'utf8');
        }
      };
      walk(dir);
      return { code, out: io.out, err: io.err, written };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it('writes the HTML report and says where the peak is', () => {
    const r = run(['spec.outcome', '--html', 'out/report.html'], { '/work/spec.outcome': ZERO_UPFRONT, '/work/out/.keep': '' });
    assert.equal(r.code, 0);
    assert.match(r.written['/work/out/report.html'], /^<!doctype html>/);
    assert.equal(r.out, 'Wrote the risk report of spec.outcome to out/report.html: peak working capital £60,000 in month 6 (Jun 2027).\n');
  });

  it('prints Markdown by default and JSON with --json', () => {
    const files = { '/work/spec.outcome': CAPPED };
    assert.match(run(['spec.outcome'], files).out, /^# Provider’s risk report: Capped/);
    const json = JSON.parse(run(['spec.outcome', '--json'], files).out);
    assert.equal(json.cashFlow.planning.peakWorkingCapital, '17600.00');
    assert.equal(json.split.atRisk, '57600.00');
    assert.equal(run(['spec.outcome', '--markdown', '-'], files).out.startsWith('# Provider'), true);
  });

  it('follows `use` lines through the same files', () => {
    const shared = 'cohort c { size 120 }\n';
    const main = ZERO_UPFRONT.replace('cohort c { size 120 }', 'use "shared.outcome"');
    const r = run(['specs/main.outcome', '--json'], { '/work/specs/main.outcome': main, '/work/specs/shared.outcome': shared });
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.out).split.contractValue, '240000.00');
  });

  it('leaves a used file that is not UTF-8 text unread, as an unresolved `use` that says why, as the linter does', () => {
    const main = ZERO_UPFRONT.replace('cohort c { size 120 }', 'use "shared.outcome"');
    const r = run(['specs/main.outcome', '--json'], { '/work/specs/main.outcome': main, '/work/specs/shared.outcome': Buffer.from('cohort c { size 120 } # \xa3\n', 'latin1') });
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out).maximum.missing, ['`c` is not defined']);
    assert.match(r.out, /cannot use `shared\.outcome`: specs\/shared\.outcome is not UTF-8 text: the byte 0xA3 at line 1, column 25/);
  });

  it('refuses a `use` through a symlink that leads outside the folder, as the linter does', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-report-')));
    try {
      fs.mkdirSync(path.join(dir, 'inside'));
      fs.mkdirSync(path.join(dir, 'outside'));
      fs.writeFileSync(path.join(dir, 'outside', 'shared.outcome'), 'cohort c { size 120 }\n');
      fs.symlinkSync(path.join('..', 'outside', 'shared.outcome'), path.join(dir, 'inside', 'shared.outcome'));
      fs.writeFileSync(path.join(dir, 'inside', 'main.outcome'), ZERO_UPFRONT.replace('cohort c { size 120 }', 'use "shared.outcome"'));
      const io = commandIo(path.join(dir, 'inside'));
      assert.equal(runReport(['main.outcome', '--json'], io), 0);
      const json = JSON.parse(io.out);
      // Nothing was read from outside: the cohort is unknown, so nothing can be counted.
      assert.deepEqual(json.maximum.missing, ['`c` is not defined']);
      assert.match(io.out, /structure\/unresolved-use/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line per problem', () => {
    const files = { '/work/spec.outcome': CAPPED };
    const cases: [string[], string][] = [
      [[], 'outcome-lint: report needs the specification to report on, such as outcome-lint report specs/youth.outcome'],
      [['a.outcome', 'b.outcome'], 'outcome-lint: report reports on one specification at a time; found 2: a.outcome, b.outcome'],
      [['missing.outcome'], 'outcome-lint: cannot find missing.outcome: there is no such file or folder'],
      [['spec.outcome', '--html'], 'outcome-lint: report: --html needs a value, such as --html report.html (outcome-lint report --help lists the options)'],
      [['spec.outcome', '--cost'], 'outcome-lint: report: --cost needs a value, such as --cost £1.2m (outcome-lint report --help lists the options)'],
      [['spec.outcome', '--html', '--json'], 'outcome-lint: report: --html needs a value; write --html=VALUE for one that starts with - (outcome-lint report --help lists the options)'],
      [['spec.outcome', '--json=yes'], 'outcome-lint: report: --json takes no value (outcome-lint report --help lists the options)'],
      [['spec.outcome', '--html', 'a.html', '--json'], 'outcome-lint: report: give one of --html, --json: the report has one output'],
      [['spec.outcome', '--colour'], 'outcome-lint: report: unknown option --colour (outcome-lint report --help lists the options)'],
      [['spec.outcome', '--success-rate', '120%'], 'outcome-lint: report: --success-rate 120%: a success rate cannot be more than 100% (it is the share of participants who achieve the outcome)'],
      [['spec.outcome', '--cost=-5'], 'outcome-lint: report: --cost -5: give the delivery cost as money, such as £1.2m, £850,000 or 850000, or as a share of the break-even cost, such as 110%'],
    ];
    for (const [argv, message] of cases) {
      const r = run(argv, files);
      assert.deepEqual([r.code, r.err, r.out], [2, [message], ''], argv.join(' '));
    }
  });

  it('takes a glob that matches one specification; refuses a folder before reading anything in it, and a glob that matches several', () => {
    const one = run(['*.outcome', '--json'], { '/work/spec.outcome': CAPPED });
    assert.equal(one.code, 0, one.err.join('\n'));
    assert.equal(JSON.parse(one.out).file, 'spec.outcome');
    const cases: [string[], Record<string, string>, string][] = [
      [['specs'], { '/work/specs/notes.txt': 'no spec here' }, 'outcome-lint: specs is a folder: name one specification in it'],
      [['specs'], { '/work/specs/a.outcome': CAPPED }, 'outcome-lint: specs is a folder: name one specification in it'],
      [['*.outcome'], { '/work/a.outcome': CAPPED, '/work/b.outcome': CAPPED }, 'outcome-lint: *.outcome matches 2 specifications: name one of them'],
    ];
    for (const [argv, files, message] of cases) {
      const r = run(argv, files);
      assert.deepEqual([r.code, r.err, r.out], [2, [message], ''], argv.join(' '));
    }
  });

  it('gives each assumption that makes no sense its own line', () => {
    const r = run(['spec.outcome', '--success-rate', 'lots', '--start', '2027-02-30'], { '/work/spec.outcome': CAPPED });
    assert.deepEqual([r.code, r.err], [
      2,
      [
        'outcome-lint: report: --success-rate lots: a success rate is a percentage from 0% to 100%, such as 60%, or OUTCOME=60% for one outcome',
        'outcome-lint: report: --start 2027-02-30: 2027-02-30 is not a date in the calendar',
      ],
    ]);
  });

  it('names a spec that is not UTF-8 text, and where, as the linter does', () => {
    const cases: [Buffer, string][] = [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CAPPED, 'utf16le')]), 'outcome-lint: spec.outcome is saved as UTF-16: save it as UTF-8, which outcome-lint reads'],
      [Buffer.from('spec "S" {\n  budget \0\n}\n'), 'outcome-lint: spec.outcome is not a text file (it has a NUL byte at line 2, column 10); is it really an outcome specification?'],
      [Buffer.from('spec "S" {\n  budget \xa3100\n}\n', 'latin1'), 'outcome-lint: spec.outcome is not UTF-8 text: the byte 0xA3 at line 2, column 10 is not valid UTF-8; save the file as UTF-8'],
    ];
    for (const [bytes, message] of cases) {
      const r = run(['spec.outcome', '--json'], { '/work/spec.outcome': bytes });
      assert.deepEqual([r.code, r.err, r.out], [2, [message], ''], message);
    }
  });

  it('says when the report cannot be written', () => {
    const r = run(['spec.outcome', '--html', 'spec.outcome/report.html'], { '/work/spec.outcome': CAPPED });
    assert.deepEqual([r.code, r.err, r.out], [2, ['outcome-lint: cannot write spec.outcome/report.html: a part of its path is a file, not a folder'], '']);
  });

  it('has help', () => {
    const r = run(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^Usage: outcome-lint report SPEC/);
  });
});
