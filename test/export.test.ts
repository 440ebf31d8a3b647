import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { commandIo } from './support/command-io';
import { runExport } from '../server/src/cli/export-command';
import { decimalNumber, decimalString } from '../server/src/export/decimal';
import { exportIndigo, IndigoExport } from '../server/src/export/indigo';
import { FileAccess } from '../server/src/model/file-access';
import { analyse } from '../server/src/model/model';
import { readText, repoRoot } from './support/paths';
import { diskProject } from './support/lint';

/*
 * `outcome-lint export --indigo`: every sample exports to JSON that the INDIGO project
 * schema accepts (test/data/indigo-project.schema.json, a copy of the INDIGO data
 * standard's schema/project.json); youth-employment's export is compared with a file
 * checked by hand (test/data/indigo-youth-employment.json); fields the spec cannot
 * fill are left out and listed; money is exact.
 */

const samplesDir = path.join(repoRoot, 'samples');
const samples = fs
  .readdirSync(samplesDir)
  .filter((f) => f.endsWith('.outcome'))
  .sort();

function exportSample(name: string): IndigoExport {
  const file = path.join(samplesDir, name);
  return exportIndigo(analyse(file, readText(file), diskProject(samplesDir)), { fileName: name });
}

/** A spec on its own, with other files it may `use`. */
function exportText(text: string, others: Record<string, string> = {}): IndigoExport {
  const files: Record<string, string> = { 'main.outcome': text, ...others };
  const access: FileAccess = { resolve: (_from, target) => ({ uri: target }), read: (uri) => files[uri], display: (uri) => uri };
  return exportIndigo(analyse('main.outcome', text, access));
}

const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'data', 'indigo-project.schema.json'), 'utf8')) as Record<string, unknown>;

/**
 * The schema as published (it allows any extra property), and a closed copy in which
 * every object lists all its properties, so that a misspelt field name fails too.
 */
function validators(): { published: ValidateFunction; closed: ValidateFunction } {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const close = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(close);
    if (node === null || typeof node !== 'object') return node;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) copy[key] = close(value);
    if (copy.properties && typeof copy.properties === 'object') copy.additionalProperties = false;
    return copy;
  };
  const { $id: _id, ...rest } = schema;
  return { published: ajv.compile(schema), closed: ajv.compile({ ...(close(rest) as object), $id: 'closed-indigo-project' }) };
}

function errorsOf(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`).join('\n');
}

const io = (cwd = repoRoot) => commandIo(cwd);

describe('export --indigo', () => {
  const { published, closed } = validators();

  describe('every sample is a valid INDIGO project', () => {
    for (const name of samples) {
      it(name, () => {
        const { project } = exportSample(name);
        const json = JSON.parse(JSON.stringify(project)) as unknown;
        assert.ok(published(json), `${name} against the INDIGO schema:\n${errorsOf(published)}`);
        assert.ok(closed(json), `${name} against the INDIGO schema with no extra properties:\n${errorsOf(closed)}`);
        // Nothing empty stands in for a missing value.
        const empty = (value: unknown, at: string): void => {
          if (value === null || value === '' || (typeof value === 'object' && Object.keys(value as object).length === 0)) {
            assert.fail(`${name}: ${at} is empty`);
          }
          if (typeof value === 'object') for (const [k, v] of Object.entries(value as object)) empty(v, `${at}.${k}`);
        };
        empty(json, 'project');
      });
    }
  });

  it('writes youth-employment.outcome as the hand-checked expected file', () => {
    // The expected file was checked by hand against samples/youth-employment.outcome and
    // its own budget arithmetic: 1,470 × £3,400 = £4,998,000; 180 × £5,000 = £900,000;
    // 70 × £5,600 = £392,000; 1,020 × £1,500 = £1,530,000; 180 × £2,400 = £432,000;
    // total £8,252,000, capped at £1,650,000 (the limits of £6,500 per participant and
    // £450,000 for learning, stated in the notes, bound it at £8,090,000 and £6,740,000
    // only); youth 1,200 + care-leavers 520 = 1,720
    // people; 3 years from 2027-04-01 ends on 2030-03-31 (36 months).
    const expected = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'data', 'indigo-youth-employment.json'), 'utf8')) as unknown;
    const run = io();
    assert.equal(runExport(['--indigo', 'samples/youth-employment.outcome'], run), 0);
    assert.deepEqual(JSON.parse(run.out), expected);
    // Left out, and said so: `confidence` has no counterfactual, baseline or evidence.
    assert.ok(
      run.err.some((l) => l.includes('outcome_metrics[confidence].outcome_validation_method')),
      run.err.join('\n'),
    );
    assert.ok(run.err.some((l) => l.includes('never in an outcome specification')));
  });

  it('leaves out what the spec does not give, and lists it', () => {
    const { project, omitted } = exportSample('adult-social-care.outcome');
    // A block contract: no `pay` lines, so no maximum potential outcome payment and no pricings.
    assert.equal(project.overall_project_finance?.maximum_potential_outcome_payment_v2, undefined);
    assert.equal(project.outcome_pricings, undefined);
    const delays = project.outcome_metrics?.find((m) => m.id === 'discharge_delays');
    assert.ok(delays);
    assert.equal(delays.target_population, undefined);
    assert.equal(delays.targeted_number_of_service_users_or_beneficiaries_total, undefined);
    const fields = omitted.map((o) => o.field);
    assert.ok(fields.includes('overall_project_finance.maximum_potential_outcome_payment_v2'));
    assert.ok(fields.includes('outcome_metrics[discharge_delays].target_population'));
    // `self` has a size but `dementia` has none: a metric for `self` counts 3,500.
    assert.equal(project.outcome_metrics?.find((m) => m.id === 'self_funders_reabled')?.targeted_number_of_service_users_or_beneficiaries_total?.value, 3500);

    const shared = exportSample('shared-cohorts.outcome');
    assert.equal(shared.project.name, undefined);
    assert.equal(shared.project.outcome_metrics, undefined);
    assert.equal(shared.project.service_and_beneficiaries?.targeted_number_service_users_or_beneficiaries_total?.value, 670);
  });

  it('maps counterfactuals and baselines to INDIGO validation methods', () => {
    const method = (id: string, name: string): string | undefined =>
      exportSample(name).project.outcome_metrics?.find((m) => m.id === id)?.outcome_validation_method?.value;
    assert.match(method('desistance', 'reoffending.outcome') ?? '', /^Quasi-experimental study: propensity score matched/);
    assert.match(method('sustained', 'homelessness.outcome') ?? '', /^Historical comparison: historic comparison/);
    assert.equal(method('housed', 'homelessness.outcome'), 'Historical comparison against a baseline of 22% (H-CLIC returns for Kingsford, 2024-25: people on the outreach list housed within 12 months)');
    assert.equal(method('prompt', 'adult-social-care.outcome'), 'Simple ex-post verification');
    // Not a named method: written as given, with a caveat.
    const social = exportSample('social-prescribing.outcome');
    assert.equal(
      social.project.outcome_metrics?.find((m) => m.id === 'gp_demand')?.outcome_validation_method?.value,
      'people with the same conditions registered at practices not yet taking part; baseline 5.8 (mean GP appointments in 6 months before joining, people referred in the 2024-25 pilot)',
    );
    assert.ok(social.caveats.some((c) => c.field === 'outcome_metrics[gp_demand].outcome_validation_method'));
    const randomised = exportText('outcome o { counterfactual "randomised control trial, allocation by the evaluator" evidence "x" }');
    assert.match(randomised.project.outcome_metrics?.[0].outcome_validation_method?.value ?? '', /^Randomised Control Trial: /);
  });

  it('describes a threshold on every price as a further target, and single sums without a unit price', () => {
    const reoffending = exportSample('reoffending.outcome').project;
    assert.equal(
      reoffending.outcome_metrics?.find((m) => m.id === 'desistance')?.other_target_for_meeting_outcome_metric_target?.value,
      'paid only once the improvement across the cohort reaches 7.5%, as the `pay` line says',
    );
    // Homelessness has a threshold on one of three prices for `sustained`: not a condition of the outcome.
    const homelessness = exportSample('homelessness.outcome').project;
    assert.equal(homelessness.outcome_metrics?.find((m) => m.id === 'sustained')?.other_target_for_meeting_outcome_metric_target, undefined);
    const family = exportSample('family-support.outcome');
    const tranche = family.project.outcome_pricings?.[0];
    assert.equal(tranche?.price_per_unit, undefined);
    assert.equal(tranche?.maximum_price_if_all_targets_achieved?.amount.value, '90000');
    assert.ok(family.omitted.some((o) => o.field === 'outcome_pricings[1].price_per_unit'));
  });

  it('writes the investors of a finance block as investments, with the total commitment and the maximum return', () => {
    const homelessness = exportSample('homelessness.outcome');
    const finance = homelessness.project.overall_project_finance;
    assert.deepEqual(finance?.total_investment_commitment, { currency: { value: 'GBP' }, amount: { exact: { value: 1_000_000 } } });
    assert.deepEqual(finance?.maximum_potential_return_type, { value: 'Average annual return' });
    // Different rates: each investor's, as INDIGO asks ("Please provide for each investor, if different").
    assert.deepEqual(finance?.maximum_potential_return, { value: '6% (Severnmoor Social Investment Fund); 3% (Kingsford Community Foundation)' });
    assert.match(finance?.notes ?? '', /Investors fund delivery: Severnmoor Social Investment Fund; Kingsford Community Foundation\. The provider is paid a fixed fee, whatever the results\.$/);
    assert.deepEqual(homelessness.project.investments, [
      {
        id: 'investment1',
        investment_commitment: { currency: { value: 'GBP' }, amount: { exact: { value: 800_000 } } },
        maximum_potential_return: { value: 6 },
        maximum_potential_return_type: { value: 'Average annual return' },
        notes: 'Investor: Severnmoor Social Investment Fund; return up to 6% a year, an average over the investment.',
      },
      {
        id: 'investment2',
        investment_commitment: { currency: { value: 'GBP' }, amount: { exact: { value: 200_000 } } },
        maximum_potential_return: { value: 3 },
        maximum_potential_return_type: { value: 'Average annual return' },
        notes: 'Investor: Kingsford Community Foundation; return up to 3% a year, an average over the investment.',
      },
    ]);
    assert.ok(homelessness.omitted.some((o) => o.field === 'investments[].organisation_id'));

    // One rate for all; an investor with no commitment leaves the total out, and says why.
    const partial = exportText(
      'spec "S" { budget £1m }\nfinance {\n  investor "A" commitment £500k return up to 5% per year\n  investor "B" return up to 5% per year\n  provider paid 25% of outcome payments\n}\n',
    );
    assert.equal(partial.project.overall_project_finance?.total_investment_commitment, undefined);
    assert.deepEqual(partial.omitted.find((o) => o.field === 'overall_project_finance.total_investment_commitment')?.reason, 'investor "B" gives no commitment');
    assert.deepEqual(partial.omitted.find((o) => o.field === 'investments[investment2].investment_commitment')?.reason, 'investor "B" gives no `commitment`');
    assert.deepEqual(partial.project.overall_project_finance?.maximum_potential_return, { value: '5%' });
    assert.equal(partial.project.overall_project_finance?.notes, 'Investors fund delivery: A; B. The provider is paid 25% of outcome payments.');
  });

  it('names the limit that sets the maximum, and a cohort\'s expected referrals, in the notes', () => {
    const e = exportText(
      'spec "S" { term 2 years budget £100,000 }\ncohort c { size 100 referrals 60 per year ramp 3 months }\noutcome o { for c window 12 months }\n' +
        'payment {\n  pay £1,000 for o per participant\n  cap £20,000 per year\n}\n',
    );
    // 100 × £1,000 = £100,000; payments can fall in 3 years (24 months + a 12-month window): £60,000.
    assert.equal(e.project.overall_project_finance?.maximum_potential_outcome_payment_v2?.amount.value, 60_000);
    assert.match(e.project.overall_project_finance?.notes ?? '', /Limits: at most £20,000 per year\. .* is £100,000, limited by the limit of £20,000 per year to £60,000\./);
    assert.match(e.project.service_and_beneficiaries?.target_population?.value ?? '', /Referrals expected: 60 per year, rising evenly over the first 3 months\./);
  });

  it('writes money exactly', () => {
    assert.equal(decimalString(340000n), '3400');
    assert.equal(decimalString(123450n), '1234.50');
    assert.equal(decimalString(5n), '0.05');
    assert.deepEqual(decimalNumber(123456n), { value: 1234.56, rounded: false });
    // 13 digits of pounds and 2 of pence: 15 significant digits, still exact.
    assert.equal(JSON.stringify(decimalNumber(999_999_999_999_999n)?.value), '9999999999999.99');
    // Beyond that, whole units, rounded half up, and said so.
    assert.deepEqual(decimalNumber(12_345_678_901_234_550n), { value: 123456789012346, rounded: true });
    // A round amount of any size is still exact (10^18 pounds); 20 significant digits are not.
    assert.deepEqual(decimalNumber(10n ** 20n), { value: 1e18, rounded: false });
    assert.equal(decimalNumber(12_345_678_901_234_567_891n), undefined);

    const { project, caveats } = exportText(`
      spec "Pence" { budget $10,000.10 }
      cohort c { size 3 }
      outcome o { for c }
      payment { pay $1,234.56 for o per participant pay $0.10 for o }`);
    const [perPerson, sum] = project.outcome_pricings ?? [];
    assert.equal(perPerson.price_per_unit?.amount.value, 1234.56);
    assert.equal(perPerson.maximum_price_if_all_targets_achieved?.amount.value, '3703.68');
    assert.equal(sum.maximum_price_if_all_targets_achieved?.amount.value, '0.10');
    assert.equal(perPerson.currency?.value, 'USD');
    // 3 × $1,234.56 + $0.10, with no cap: written as the exact decimal.
    assert.equal(project.overall_project_finance?.maximum_potential_outcome_payment_v2?.amount.value, 3703.78);
    assert.ok(JSON.stringify(project).includes('"amount":{"value":3703.78}'));
    assert.ok(caveats.some((c) => c.reason.includes('`$` is exported as USD')));
  });

  it('runs as a command: usage, errors, --output', () => {
    const usage = io();
    assert.equal(runExport(['samples/youth-employment.outcome'], usage), 2);
    assert.deepEqual(usage.err, ['outcome-lint: export needs a format: --indigo (outcome-lint export --indigo SPEC)']);

    const unknown = io();
    assert.equal(runExport(['--indigo', '--xml', 'a.outcome'], unknown), 2);
    assert.deepEqual(unknown.err, ['outcome-lint: export: unknown option --xml (outcome-lint export --help lists the options)']);

    const noValue = io();
    assert.equal(runExport(['--indigo', 'a.outcome', '--output'], noValue), 2);
    assert.deepEqual(noValue.err, ['outcome-lint: export: --output needs a value, such as --output project.json (outcome-lint export --help lists the options)']);

    const missing = io();
    assert.equal(runExport(['--indigo', 'samples/nope.outcome'], missing), 2);
    assert.deepEqual(missing.err, ['outcome-lint: cannot find samples/nope.outcome: there is no such file or folder']);

    // The CLI's one reader: a file that is not UTF-8 gets the same precise line as when linted.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-export-'));
    try {
      fs.writeFileSync(path.join(dir, 'latin1.outcome'), Buffer.from('spec "S" {\n  budget \xa3100\n}\n', 'latin1'));
      const latin1 = io(dir);
      assert.equal(runExport(['--indigo', 'latin1.outcome'], latin1), 2);
      assert.deepEqual(latin1.err, ['outcome-lint: latin1.outcome is not UTF-8 text: the byte 0xA3 at line 2, column 10 is not valid UTF-8; save the file as UTF-8']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    const two = io();
    assert.equal(runExport(['--indigo', 'a.outcome', 'b.outcome'], two), 2);
    assert.equal(two.err.length, 1);

    const help = io();
    assert.equal(runExport(['--help'], help), 0);
    assert.match(help.out, /^Usage: outcome-lint export --indigo SPEC/);

    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-export-'));
    try {
      const broken = path.join(folder, 'broken.outcome');
      fs.writeFileSync(broken, 'spec "Broken" {\n  budget 3200\n}\ncohort c { size 10 }\n');
      const written = io(folder);
      // Written, but the spec has an error: exit code 1, and the export holds what could be read.
      assert.equal(runExport(['--indigo', 'broken.outcome', '--output', 'out.json'], written), 1);
      assert.equal(written.out, '');
      const project = JSON.parse(fs.readFileSync(path.join(folder, 'out.json'), 'utf8')) as { name: { value: string } };
      assert.equal(project.name.value, 'Broken');
      assert.match(written.err[written.err.length - 1], /^outcome-lint: broken\.outcome has 1 error \(/);

      const unwritable = io(folder);
      assert.equal(runExport(['--indigo', 'broken.outcome', '-o', 'no/such/folder/out.json'], unwritable), 2);
      assert.deepEqual(unwritable.err, ['outcome-lint: cannot write no/such/folder/out.json: its folder does not exist']);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
