import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { FileAccess } from '../server/src/model/file-access';
import { maximumPayment, MaximumPayment } from '../server/src/model/max-payment';
import { analyse } from '../server/src/model/model';
import { readText, repoRoot } from './support/paths';
import { diskProject } from './support/lint';

/*
 * The most a spec can pay (language reference, "The most a spec can pay"), worked by
 * hand. Amounts are in pounds here for reading; the model counts pence.
 */

/** An in-memory workspace: `main` is the spec, other entries are files it may `use`. */
function memory(files: Record<string, string>): FileAccess {
  return {
    resolve: (_from, target) => ({ uri: target }),
    read: (uri) => files[uri],
    display: (uri) => uri,
  };
}

function maximumOf(text: string, others: Record<string, string> = {}): MaximumPayment {
  return maximumPayment(analyse('main', text, memory({ main: text, ...others })));
}

const pounds = (amount: number): bigint => BigInt(amount) * 100n;
/** Each line's most, in pounds (undefined when unknown). */
const lineAmounts = (m: MaximumPayment): (number | undefined)[] =>
  m.lines.map((l) => (l.amount === undefined ? undefined : Number(l.amount / 100n)));

/** The worked example of the language reference, with parts swapped in (a term and windows, for limits per year). */
function workedExample({ cap = 'cap £1,440,000', neetSize = 'size 450', careLeaversSize = 'size 60', term = '', jobWindow = '', qualificationWindow = '' } = {}): string {
  return `
spec "Example" { budget £1,800,000 ${term} }

cohort neet { ${neetSize} segment care_leavers { ${careLeaversSize} } }

outcome sustained_job { for neet ${jobWindow} }
outcome qualification { for neet ${qualificationWindow} }
outcome plans_signed  { for neet }

payment {
  pay £3,200 for sustained_job per participant
  pay £4,800 for sustained_job per participant in care_leavers
  pay £1,000 for qualification per participant
  pay £20,000 for plans_signed
  ${cap}
}
`;
}

describe('maximum payment: the worked example of the language reference', () => {
  it('prices 390 + 60 + 450 people and one sum: £2,006,000, limited by the cap to £1,440,000', () => {
    const m = maximumOf(workedExample());
    assert.deepEqual(lineAmounts(m), [1_248_000, 288_000, 450_000, 20_000]);
    assert.deepEqual(m.lines.map((l) => l.successes), [390, 60, 450, undefined]);
    assert.equal(m.total, pounds(2_006_000));
    assert.equal(m.cap, pounds(1_440_000));
    assert.equal(m.maximum, pounds(1_440_000));
    assert.equal(m.capOnly, false);
    assert.equal(m.currency, '£');
    assert.deepEqual(m.missing, []);
  });

  it('without the cap, the most is the whole total', () => {
    const m = maximumOf(workedExample({ cap: '' }));
    assert.equal(m.total, pounds(2_006_000));
    assert.equal(m.cap, undefined);
    assert.equal(m.maximum, pounds(2_006_000));
  });

  it('a cap above the total does not bind', () => {
    const m = maximumOf(workedExample({ cap: 'cap £2.5m' }));
    assert.equal(m.maximum, pounds(2_006_000));
    assert.equal(m.cap, pounds(2_500_000));
  });

  it('a cap equal to the total is the total', () => {
    const m = maximumOf(workedExample({ cap: 'cap £2,006,000' }));
    assert.equal(m.maximum, pounds(2_006_000));
  });

  it('a segment without a size is priced as its whole cohort and subtracted as nothing', () => {
    // 450 × £3,200 = £1,440,000; 450 × £4,800 = £2,160,000; 450 × £1,000; £20,000.
    const m = maximumOf(workedExample({ cap: '', careLeaversSize: 'criterion "care leaver"' }));
    assert.deepEqual(lineAmounts(m), [1_440_000, 2_160_000, 450_000, 20_000]);
    assert.equal(m.total, pounds(4_070_000));
    assert.deepEqual(m.missing, []);
  });

  it('a cohort without a size makes the most unknown, and says why', () => {
    const m = maximumOf(workedExample({ cap: '', neetSize: '' }));
    assert.deepEqual(lineAmounts(m), [undefined, 60 * 4_800, undefined, 20_000]);
    assert.equal(m.total, undefined);
    assert.equal(m.maximum, undefined);
    assert.equal(m.capOnly, false);
    assert.deepEqual(m.missing, ['cohort `neet` has no size']);
  });

  it('with an unknown total, the cap stands in for the most', () => {
    const m = maximumOf(workedExample({ neetSize: '' }));
    assert.equal(m.total, undefined);
    assert.equal(m.maximum, pounds(1_440_000));
    assert.equal(m.capOnly, true);
    assert.equal(m.currency, '£');
  });

  it('a segment with no size in a cohort with no size: unknown, naming both', () => {
    const m = maximumOf(workedExample({ cap: '', neetSize: '', careLeaversSize: '' }));
    assert.deepEqual(lineAmounts(m), [undefined, undefined, undefined, 20_000]);
    assert.deepEqual(m.missing, ['cohort `neet` has no size', 'segment `care_leavers` has no size, and nor has its cohort `neet`']);
  });
});

describe('maximum payment: per participant over several cohorts', () => {
  const text = `
cohort youth { size 1,200 segment send { size 180 } }
cohort carers { size 520 segment parents { size 70 } }
outcome job { for youth, carers }
payment {
  pay £3,400 for job per participant
  pay £5,000 for job per participant in send
  pay £5,600 for job per participant in parents
}
`;

  it('adds the cohorts and takes off every segment priced on its own', () => {
    // (1,200 + 520 − 180 − 70) = 1,470 × £3,400 = £4,998,000; 180 × £5,000; 70 × £5,600.
    const m = maximumOf(text);
    assert.deepEqual(m.lines.map((l) => l.successes), [1_470, 180, 70]);
    assert.deepEqual(lineAmounts(m), [4_998_000, 900_000, 392_000]);
    assert.equal(m.total, pounds(6_290_000));
  });

  it('takes off a segment only for the outcome its `in` line prices', () => {
    const m = maximumOf(`
cohort youth { size 100 segment send { size 10 } }
outcome job { for youth }
outcome learning { for youth }
payment {
  pay £100 for job per participant
  pay £300 for job per participant in send
  pay £50 for learning per participant
}
`);
    // job: 90 × £100 and 10 × £300; learning: all 100 × £50.
    assert.deepEqual(lineAmounts(m), [9_000, 3_000, 5_000]);
  });

  it('counts cohorts defined in a used file', () => {
    const m = maximumOf('use "shared"\noutcome job { for carers }\npayment { pay £1,000 for job per participant in parents  pay £500 for job per participant }', {
      shared: 'cohort carers { size 520 segment parents { size 70 } }',
    });
    assert.deepEqual(lineAmounts(m), [70_000, 225_000]);
  });

  it('a segment named by `for` that has its own `in` line is priced there, not twice', () => {
    const m = maximumOf(`
cohort leavers { size 2,000 segment nfa { size 500 } }
outcome housed { for nfa }
payment {
  pay £100 for housed per participant
  pay £300 for housed per participant in nfa
}
`);
    assert.deepEqual(m.lines.map((l) => l.successes), [0, 500]);
    assert.equal(m.total, pounds(150_000));
  });

  it('a threshold says when a price is paid, not how much: it does not lower the total', () => {
    const m = maximumOf('cohort c { size 10 }\noutcome o { for c }\npayment { pay £100 for o per participant  pay £50 for o per participant threshold 20% }');
    assert.deepEqual(lineAmounts(m), [1_000, 500]);
  });
});

describe('maximum payment: single sums, gaps and currencies', () => {
  it('lines without `per participant` are single sums and need no sizes', () => {
    const m = maximumOf('cohort c { }\noutcome a { for c }\noutcome b { }\npayment { pay £90k for a  pay £10,000.50 for b }');
    assert.deepEqual(m.lines.map((l) => l.amount), [pounds(90_000), 1_000_050n]);
    assert.equal(m.total, 10_000_050n);
    assert.deepEqual(m.missing, []);
  });

  it('no payment block, or one without pay lines, can pay nothing', () => {
    assert.equal(maximumOf('spec "x" { budget £1m }').total, 0n);
    const block = maximumOf('payment { model block cap £5k }');
    assert.equal(block.total, 0n);
    assert.equal(block.maximum, 0n);
  });

  it('says which names are not defined, or are not groups of people', () => {
    const m = maximumOf('cohort c { size 5 }\noutcome o { for ghost }\noutcome p { for c }\npayment { pay £1 for o per participant  pay £1 for p per participant in o  pay £1 for nowhere per participant }');
    assert.equal(m.total, undefined);
    assert.deepEqual(m.missing, ['`ghost` is not defined', '`o` is an outcome, not a cohort or segment', 'outcome `nowhere` is not defined']);
  });

  it('an outcome for no one cannot be priced per participant', () => {
    const m = maximumOf('outcome o { }\npayment { pay £1 for o per participant }');
    assert.deepEqual(m.missing, ['outcome `o` names no cohort with `for`']);
  });

  it('prices in two currencies cannot be added up', () => {
    const m = maximumOf('outcome a { }\noutcome b { }\npayment { pay $500 for a  pay £300 for b }');
    assert.equal(m.total, undefined);
    assert.equal(m.maximum, undefined);
    assert.deepEqual(m.missing, ['prices are in more than one currency ($, £)']);
  });

  it('prices in two currencies with a cap: the cap stands in, in its own currency', () => {
    const m = maximumOf('outcome a { }\noutcome b { }\npayment { pay $500 for a  pay £300 for b  cap £700 }');
    assert.equal(m.maximum, pounds(700));
    assert.equal(m.capOnly, true);
    assert.equal(m.currency, '£');
  });

  it('a cap in another currency than the prices leaves the total, and the most unknown', () => {
    const m = maximumOf('outcome a { }\npayment { pay £300 for a  cap $200 }');
    assert.equal(m.total, pounds(300));
    assert.equal(m.maximum, undefined);
    assert.equal(m.capOnly, false);
    assert.equal(m.currency, '£');
    assert.deepEqual(m.missing, ['the cap is in $ but the prices are in £']);
  });

  it('prices in dollars are reported in dollars', () => {
    const m = maximumOf('cohort c { size 3 }\noutcome a { for c }\npayment { pay $1.5k for a per participant }');
    assert.equal(m.total, 450_000n);
    assert.equal(m.currency, '$');
  });
});

/** The worked example without its overall cap and with `limits` instead; a term and windows for `per year`. */
function limited(limits: string, { term = 'term 3 years', careLeavers = 'size 60' } = {}): MaximumPayment {
  return maximumOf(workedExample({ cap: limits, careLeaversSize: careLeavers, term, jobWindow: 'window 6 months', qualificationWindow: 'window 3 months' }));
}

describe('maximum payment: limits beside the cap', () => {
  // Without limits: 390 × £3,200 + 60 × £4,800 + 450 × £1,000 + £20,000 = £2,006,000.
  it('`cap … for O` limits that outcome\'s lines together: £2,006,000 − (£1,248,000 + £288,000) + £1,000,000', () => {
    const m = limited('cap £1,000,000 for sustained_job');
    assert.equal(m.total, pounds(2_006_000));
    assert.equal(m.limits[0]!.bound, pounds(1_470_000));
    assert.equal(m.maximum, pounds(1_470_000));
  });

  it('a `cap … for O` above what O can earn changes nothing', () => {
    assert.equal(limited('cap £500,000 for qualification').maximum, pounds(2_006_000));
  });

  it('`cap … per participant` limits each group priced alike: 390 × min(£3,200 + £1,000, £3,500) + 60 × min(£4,800 + £1,000, £3,500) + the single sum', () => {
    // 390 × £3,500 = £1,365,000; 60 × £3,500 = £210,000; + £20,000 (a single sum is not per participant).
    const m = limited('cap £3,500 per participant');
    assert.equal(m.maximum, pounds(1_595_000));
  });

  it('a per-participant cap between the groups\' prices binds only the dearer group', () => {
    // 390 × £4,200 = £1,638,000 (under £5,000); 60 × min(£5,800, £5,000) = £300,000; + £20,000.
    assert.equal(limited('cap £5,000 per participant').maximum, pounds(1_958_000));
  });

  it('with a segment of unknown size, the per-participant cap counts everyone in the cohort', () => {
    // The segment is priced as its whole cohort: 390 + 450 + 450 successes become unknowable groups;
    // lines: 450 × £3,200 + 450 × £4,800 + 450 × £1,000 + £20,000 = £4,070,000; bound £20,000 + 450 × £3,500.
    const m = limited('cap £3,500 per participant', { careLeavers: '' });
    assert.equal(m.total, pounds(4_070_000));
    assert.equal(m.maximum, pounds(1_595_000));
    assert.match(m.limits[0]!.how, /cannot be told apart/);
  });

  it('`cap … per year` limits each year payments can fall in: the 3-year term and the 6-month window after it are 4 years', () => {
    const m = limited('cap £400,000 per year');
    assert.equal(m.limits[0]!.bound, pounds(1_600_000));
    assert.equal(m.maximum, pounds(1_600_000));
  });

  it('a term of 30 months and a 6-month window are 3 years of payments', () => {
    assert.equal(limited('cap £400,000 per year', { term: 'term 30 months' }).maximum, pounds(1_200_000));
  });

  it('without a term, a per-year cap cannot be counted, and says so', () => {
    const m = limited('cap £400,000 per year', { term: '' });
    assert.equal(m.maximum, pounds(2_006_000));
    assert.equal(m.limits[0]!.bound, undefined);
    assert.match(m.limits[0]!.how, /no `term`/);
  });

  it('the least of the overall cap and every limit is the most', () => {
    const m = limited('cap £1,900,000\n  cap £3,500 per participant\n  cap £400,000 per year\n  cap £1,000,000 for sustained_job');
    // Bounds: £1,595,000 per participant, £1,600,000 per year, £1,470,000 for sustained_job; cap £1,900,000.
    assert.deepEqual(m.limits.map((l) => l.bound), [pounds(1_595_000), pounds(1_600_000), pounds(1_470_000)]);
    assert.equal(m.maximum, pounds(1_470_000));
  });

  it('a limit in another currency is not set against the prices', () => {
    const m = limited('cap $1,000 per participant');
    assert.equal(m.limits[0]!.bound, undefined);
    assert.equal(m.maximum, pounds(2_006_000));
  });
});

describe('maximum payment: the samples add up as their comments say', () => {
  const samples = path.join(repoRoot, 'samples');
  const access = diskProject(samples);
  const of = (name: string): MaximumPayment => {
    const file = path.join(samples, name);
    return maximumPayment(analyse(file, readText(file), access));
  };

  it('youth-employment: £8,252,000, limited by the cap to £1,650,000', () => {
    const m = of('youth-employment.outcome');
    assert.equal(m.total, pounds(8_252_000));
    assert.equal(m.maximum, pounds(1_650_000));
    // Per participant £8,090,000, for learning £6,740,000: both above the cap (the comment's arithmetic).
    assert.deepEqual(m.limits.map((l) => l.bound), [pounds(8_090_000), pounds(6_740_000)]);
  });

  it('homelessness: £3,315,000, limited by the cap to £2,100,000', () => {
    const m = of('homelessness.outcome');
    assert.equal(m.total, pounds(3_315_000));
    assert.equal(m.maximum, pounds(2_100_000));
    // £500,000 a year over 6 years of payments (48-month term, 18-month window): £3,000,000.
    assert.deepEqual(m.limits.map((l) => l.bound), [pounds(3_000_000)]);
  });

  it('social-prescribing: 3,000 × £200 = £600,000, with no cap', () => {
    assert.equal(of('social-prescribing.outcome').maximum, pounds(600_000));
  });

  it('reoffending: 2,000 × £2,800 = £5,600,000, limited by the cap to £4,200,000', () => {
    const m = of('reoffending.outcome');
    assert.equal(m.total, pounds(5_600_000));
    assert.equal(m.maximum, pounds(4_200_000));
  });
});
