import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { exportIndigo } from '../server/src/export/indigo';
import { analyse } from '../server/src/model/model';
import { riskReport, RiskReport } from '../server/src/report/index';
import { ReportOptionsInput } from '../server/src/report/options';
import { catalogue } from '../server/src/rules/catalogue';
import { diskProject, lintText, textProject } from './support/lint';
import { readText, samplesDir } from './support/paths';

/*
 * Real deals (samples/deals/), checked against their published figures. Each figure
 * below is quoted, with its source, in the header of the sample it comes from; the
 * tests check that outcome-lint's arithmetic on the transcribed structure gives it back.
 */

const dealsDir = path.join(samplesDir, 'deals');
const access = diskProject(dealsDir);
const cents = (units: number): bigint => BigInt(Math.round(units * 100));

function lint(name: string) {
  const file = path.join(dealsDir, name);
  return lintText(file, readText(file), access);
}

function report(name: string, options: ReportOptionsInput = {}): RiskReport {
  const file = path.join(dealsDir, name);
  const built = riskReport(textProject(file, readText(file), access), file, catalogue, { draws: '200', ...options });
  if ('problems' in built) throw new Error(built.problems.join('\n'));
  return built.report;
}

describe('real deals: Educate Girls Development Impact Bond (INDIGO-POJ-0035)', () => {
  it('can pay at most $422,000, INDIGO\'s "maximum potential outcome payment": 20% and 80% of it for enrolment and learning', () => {
    const most = lint('educate-girls-dib.outcome').facts.maximumPayment;
    assert.deepEqual(most.lines.map((l) => l.amount), [cents(84_400), cents(337_600)]);
    assert.equal(most.maximum, cents(422_000));
  });

  it('repays the investor\'s side $422,000 when both targets are met, INDIGO\'s "investor repayment"', () => {
    // The investor's $270,000 funds Educate Girls as its fee, so that is the delivery cost.
    const r = report('educate-girls-dib.outcome', { cost: '$270,000' });
    const planning = r.finance!.scenarios.find((s) => s.factor === '100%')!;
    assert.equal(planning.paid, cents(422_000));
    assert.equal(planning.providerPaid, cents(270_000));
    assert.equal(r.finance!.resultsRisk, 'investors');
  });

  it('exports the published maximum and the investment to INDIGO', () => {
    const file = path.join(dealsDir, 'educate-girls-dib.outcome');
    const { project } = exportIndigo(analyse(file, readText(file), access));
    assert.equal(project.overall_project_finance?.maximum_potential_outcome_payment_v2?.amount.value, 422_000);
    assert.equal(project.overall_project_finance?.total_investment_commitment?.amount.exact?.value, 270_000);
  });
});

describe('real deals: Chicago Child-Parent Center Pay for Success (Urban Institute fact sheet)', () => {
  it('three published loans of $7.5m, $5.5m and $3.9m add up to the published $16.9m investment', () => {
    assert.equal(report('chicago-cpc-pfs.outcome').finance!.commitment, cents(16_900_000));
  });

  it('2,618 children × ($2,900 + $750 + $9,100) = $33,379,500, within the published $34m maximum', () => {
    const most = lint('chicago-cpc-pfs.outcome').facts.maximumPayment;
    assert.equal(most.total, cents(33_379_500));
    assert.equal(most.cap, cents(34_000_000));
    assert.equal(most.maximum, cents(33_379_500));
  });

  it('four yearly cohorts (655 referrals a year) fill the 2,618 places in the published four years of service', () => {
    const referrals = report('chicago-cpc-pfs.outcome').assumptions.find((a) => a.topic === 'Referrals')!;
    assert.match(referrals.text, /until its size of 2,618 is reached \(in month 48\)/);
  });
});

describe('real deals: Peterborough prison social impact bond', () => {
  it('£5m from the foundations, with up to 13% a year over eight years: £5m × 13% × 8 = £5.2m at most', () => {
    const finance = report('peterborough-sib.outcome').finance!;
    assert.equal(finance.commitment, cents(5_000_000));
    assert.equal(finance.maximumReturn, cents(5_200_000));
  });

  it('at the published 9% fall in reconvictions the 7.5% threshold is met and the outcome payment made; at 7% it is not', () => {
    const paidAt = (rate: string): bigint =>
      report('peterborough-sib.outcome', { successRate: [`fewer-reconvictions=${rate}`] }).cashFlow!.planning.flow.resultsIncome;
    assert.equal(paidAt('9%'), cents(6_255_751));
    assert.equal(paidAt('7%'), 0n);
  });
});
