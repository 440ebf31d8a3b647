import { formatMoney, numberText, plural, shareText } from '../base/wording';
import { SpecFacts } from '../engine/facts';
import * as ast from '../syntax/ast';
import { FlowInput } from './cashflow';
import { Assume, providerPay } from './finance';
import { DEFAULT_SIMULATION, percentiles, providerPayOf, sensitivity, simulate, SimulationAssumptions } from './simulation';
import { FinanceSection, SimulationSection, Spread } from './types';

/**
 * The Monte Carlo's figures (simulation.ts): the provider's net, the chance of a loss,
 * the reserve, what the commissioner pays, the fan and the tornado. With investors and a
 * `provider paid` line, each draw is split between them as the sensitivity table is.
 */
export function simulationSection(
  input: FlowInput,
  a: SimulationAssumptions,
  facts: SpecFacts,
  currency: ast.Currency,
  budget: bigint | undefined,
  finance: FinanceSection | undefined,
  assume: Assume,
): SimulationSection {
  const run = simulate(input, a);
  const pay = facts.finance && finance ? providerPay(facts.finance, currency, input.cost, (x) => formatMoney(x, currency)).pay : undefined;
  const commitment = finance?.commitment;
  const providerNets = run.draws.map((d) => (pay ? providerPayOf(d, pay.fee, pay.share) : d.paid) - Number(input.cost));
  const investorsNets = pay ? run.draws.map((d) => d.paid - providerPayOf(d, pay.fee, pay.share)) : undefined;
  const peaks = run.draws.map((d) => (commitment === undefined ? d.peak : Math.max(0, d.peak - Number(commitment))));
  const spreadOf = (values: number[]): Spread => {
    const { p10, p50, p90 } = percentiles(values);
    const money = (x: number): bigint => BigInt(Math.round(x ?? 0));
    return { p10: money(p10), p50: money(p50), p90: money(p90) };
  };
  assume(
    'Simulation',
    `${numberText(a.draws)} draws from seed ${a.seed} (--draws, --seed). In each: every paid outcome's success rate is drawn around its planning rate ` +
      `(a Beta distribution, standard deviation ${shareText(a.rateSpread)} points: --rate-spread); the share of planned people who arrive is drawn around ${shareText(a.referralMean)} ` +
      `(standard deviation ${shareText(a.referralSpread)}: --referrals, --referral-spread); each person then succeeds or not by chance; and every payment is 0 to ${plural(a.delayMonths, 'month')} late, each equally likely (--delay). ` +
      'The cost, schedule and limits are the plan’s. These spreads are assumptions, not evidence: published impact bonds have paid from well under to well over their targets.',
    (Object.keys(a) as (keyof SimulationAssumptions)[]).every((k) => a[k] === DEFAULT_SIMULATION[k]) ? 'default' : 'option',
    (['draws', 'seed', 'rateSpread', 'referrals', 'referralSpread', 'delay'] as const).map((name) => ({ name })),
  );
  return {
    assumptions: a,
    providerNet: spreadOf(providerNets),
    lossChance: providerNets.filter((n) => n < 0).length / Math.max(1, providerNets.length),
    reserve: spreadOf(peaks).p90,
    investorsNet: investorsNets && spreadOf(investorsNets),
    paid: spreadOf(run.draws.map((d) => d.paid)),
    overBudgetChance: budget === undefined ? undefined : run.draws.filter((d) => d.paid > Number(budget)).length / Math.max(1, run.draws.length),
    fan: run.fan,
    sensitivity: sensitivity(input, a),
  };
}

