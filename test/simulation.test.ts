import { strict as assert } from 'node:assert';
import { FlowInput } from '../server/src/report/cashflow';
import { fraction } from '../server/src/report/exact';
import { readSchedule } from '../server/src/report/schedule';
import { betaDraw, generator, sensitivity, simulate, SimulationAssumptions } from '../server/src/report/simulation';

/*
 * The report's Monte Carlo against closed forms. With one outcome, a fixed volume and no
 * spread, each draw pays price × Binomial(n, p): the mean and variance of what is paid
 * over the draws must be the binomial's. With a spread, the Beta-binomial's. Every
 * figure comes from a seeded generator, so the tests are exact runs, not flaky ones: the
 * tolerances are four standard errors of the estimate, wide enough for any fair sampler
 * and narrow enough that a wrong mean or variance fails.
 */

const PRICE = 100_000n; // £1,000 a success, in pence

function oneOutcome(people: number, rate: [bigint, bigint]): FlowInput {
  return {
    termMonths: 12,
    upfront: 0n,
    instalments: 0n,
    resultsOffset: 0n,
    resultsLimit: 10n ** 12n,
    schedule: readSchedule('monthly in arrears'),
    cost: 0n,
    lines: [{ label: 'pay £1,000 for job per participant', outcome: 'job', price: PRICE, people, rate: fraction(...rate), windowMonths: 1 }],
  };
}

const FIXED: SimulationAssumptions = { draws: 10_000, seed: 7, rateSpread: 0, referralMean: 1, referralSpread: 0, delayMonths: 0 };

/** Successes in each draw: what was paid, in £1,000s. */
function successes(input: FlowInput, a: SimulationAssumptions): number[] {
  return simulate(input, a).draws.map((d) => d.paid / Number(PRICE));
}

function moments(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

/** Within four standard errors: of the mean (σ/√N), and of the variance (σ²·√(2/(N−1)), near normal). */
function assertMoments(xs: readonly number[], mean: number, variance: number): void {
  const m = moments(xs);
  const n = xs.length;
  assert.ok(Math.abs(m.mean - mean) <= 4 * Math.sqrt(variance / n), `mean ${m.mean} against ${mean}`);
  assert.ok(Math.abs(m.variance - variance) <= 4 * variance * Math.sqrt(2 / (n - 1)) + 1e-9, `variance ${m.variance} against ${variance}`);
}

describe('simulation: closed forms', () => {
  it('one outcome, 40 people at 30%: the binomial\'s mean 12 and variance 8.4 (counted one by one)', () => {
    assertMoments(successes(oneOutcome(40, [3n, 10n]), FIXED), 12, 40 * 0.3 * 0.7);
  });

  it('one outcome, 450 people at 55%: the binomial\'s mean 247.5 and variance 111.4 (the normal approximation)', () => {
    assertMoments(successes(oneOutcome(450, [11n, 20n]), FIXED), 247.5, 450 * 0.55 * 0.45);
  });

  it('a rate above one half is counted from the top: 60 people at 90%, mean 54 and variance 5.4', () => {
    assertMoments(successes(oneOutcome(60, [9n, 10n]), FIXED), 54, 60 * 0.9 * 0.1);
  });

  it('with a spread of the success rate, the Beta-binomial\'s variance: n·p·(1−p)·(α+β+n)/(α+β+1)', () => {
    // p = 0.4, standard deviation 0.1: α + β = p(1 − p)/0.01 − 1 = 23.
    const n = 200;
    const strength = (0.4 * 0.6) / 0.01 - 1;
    assertMoments(successes(oneOutcome(n, [2n, 5n]), { ...FIXED, rateSpread: 0.1 }), n * 0.4, n * 0.4 * 0.6 * ((strength + n) / (strength + 1)));
  });

  it('referrals that arrive at 50% on average halve the successes', () => {
    const xs = successes(oneOutcome(400, [1n, 2n]), { ...FIXED, referralMean: 0.5 });
    // 200 arrive in every draw (no spread): Binomial(200, 0.5).
    assertMoments(xs, 100, 50);
  });

  it('a Beta draw has the mean and standard deviation asked for', () => {
    const random = generator(3);
    const xs = Array.from({ length: 20_000 }, () => betaDraw(0.3, 0.12, random));
    const m = moments(xs);
    assert.ok(Math.abs(m.mean - 0.3) < 0.004, `mean ${m.mean}`);
    assert.ok(Math.abs(Math.sqrt(m.variance) - 0.12) < 0.004, `sd ${Math.sqrt(m.variance)}`);
    assert.ok(xs.every((x) => x >= 0 && x <= 1));
  });
});

describe('simulation: reproducible, and what it reports', () => {
  const input = { ...oneOutcome(300, [1n, 2n]), cost: 15_000_000n };
  const a: SimulationAssumptions = { draws: 2_000, seed: 11, rateSpread: 0.1, referralMean: 0.9, referralSpread: 0.1, delayMonths: 2 };

  it('the same seed gives the same draws; another seed, others', () => {
    const first = simulate(input, a).draws.map((d) => d.net);
    simulate(input, { ...a, seed: 12 }); // a different run in between: nothing is carried over
    assert.deepEqual(simulate(input, a).draws.map((d) => d.net), first);
    assert.notDeepEqual(simulate(input, { ...a, seed: 12 }).draws.map((d) => d.net), first);
  });

  it('orders its percentiles, and the chance of a loss is the share of draws with a negative net', () => {
    const r = simulate(input, a);
    assert.ok(r.net.p10 <= r.net.p50 && r.net.p50 <= r.net.p90);
    assert.equal(r.lossChance, r.draws.filter((d) => d.net < 0).length / r.draws.length);
    // At a 45% mean rate of success (50% of 90%) the £150,000 cost is not covered in most draws.
    assert.ok(r.lossChance > 0.5, `loss chance ${r.lossChance}`);
    const peaks = r.draws.map((d) => d.peak).sort((x, y) => x - y);
    assert.equal(r.reserve, peaks[Math.ceil(0.9 * peaks.length) - 1]);
    assert.ok(r.fan.p10.every((v, i) => v <= r.fan.p50[i] && r.fan.p50[i] <= r.fan.p90[i]));
  });

  it('payment delays move cash later, not the net: each draw\'s last position is its net', () => {
    const r = simulate(input, a);
    for (const d of r.draws.slice(0, 50)) assert.equal(d.position[d.position.length - 1], d.net);
    const late = sensitivity(input, a).bars.find((b) => b.label === 'Payment delay')!;
    assert.equal(late.low, late.high);
  });

  it('the tornado moves one assumption at a time: a higher success rate is better, a higher cost worse', () => {
    const { base, bars } = sensitivity(input, a);
    const rate = bars.find((b) => b.label === 'Success rate: job')!;
    assert.ok(rate.low < base && base < rate.high, JSON.stringify(rate));
    assert.deepEqual([rate.lowText, rate.highText], ['40%', '60%']);
    const cost = bars.find((b) => b.label === 'Delivery cost')!;
    assert.equal(base - cost.low, 1_500_000); // 10% of £150,000
    assert.equal(cost.high - base, 1_500_000);
  });
});
