import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes } from '../server/src/engine/fixes';
import { ruleDoc } from '../server/src/rules/docs';
import { ruleDocPath } from '../server/src/rules/links';
import { lintExample } from '../server/src/rules/examples';
import { catalogue } from '../server/src/rules/catalogue';
import { checkedRules } from './fixtures.test';
import { readExpectations } from './support/annotations';
import { repoRoot } from './support/paths';
import { diskProject, lintText } from './support/lint';

/** The rule ids of ../shared/design/rules.md: the contract users' configs name. */
const CATALOGUE = [
  'perverse-incentive/creaming', 'perverse-incentive/parking', 'perverse-incentive/output-payment',
  'perverse-incentive/cliff-edge', 'perverse-incentive/no-upfront', 'perverse-incentive/prime-top-slice',
  'perverse-incentive/unmonitored-drift', 'over-prescription/method', 'over-prescription/requirements-outnumber-outcomes',
  'target-group/undefined', 'target-group/missing', 'target-group/vague-eligibility', 'target-group/no-size',
  'target-group/deficit-framing', 'monetisation/intangible-paid', 'monetisation/unmeasured-paid',
  'monetisation/no-evidence', 'monetisation/no-baseline', 'monetisation/price-above-value', 'budget/exceeds',
  'budget/no-cap', 'budget/target-unreachable', 'resilience/no-contingency', 'resilience/no-warning-signs',
  'resilience/no-review', 'resilience/no-user-involvement', 'syntax/parse', 'structure/duplicate-id',
  'structure/invalid-value', 'structure/missing-spec', 'structure/duplicate-block', 'structure/unresolved-use',
];

const rulesDir = path.join(repoRoot, 'server/src/rules');
const fixturesDir = path.join(repoRoot, 'test/fixtures');

function ruleModules(): string[] {
  return fs
    .readdirSync(rulesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((family) =>
      fs
        .readdirSync(path.join(rulesDir, family.name))
        .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('-words.ts'))
        .map((f) => `${family.name}/${f.slice(0, -3)}`),
    );
}

function allFixtures(dir: string = fixturesDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return allFixtures(full);
    return e.name.endsWith('.outcome') ? [full] : [];
  });
}

describe('rules: the registry', () => {
  it('registers every rule module, each under the id of its file', () => {
    const registered = catalogue.all.map((r) => r.meta.id);
    assert.deepEqual([...registered].sort(), ruleModules().sort());
    for (const rule of catalogue.all) assert.equal(rule.meta.family, rule.meta.id.split('/')[0]);
  });

  it('is sorted by id, with no id twice', () => {
    const ids = catalogue.all.map((r) => r.meta.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a.localeCompare(b)));
    assert.equal(new Set(ids).size, ids.length);
  });

  it('has every rule of the catalogue', () => {
    const ids = new Set(catalogue.all.map((r) => r.meta.id));
    assert.deepEqual(CATALOGUE.filter((id) => !ids.has(id)), []);
  });
});

describe('rules: fixtures', () => {
  // Fixed-output fixtures repeat the annotations of the file they were fixed from.
  const fixtures = allFixtures().filter((f) => !f.endsWith('.fixed.outcome')).map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const relative = path.relative(fixturesDir, file);
    return { file, text, checked: checkedRules(relative, text), expected: readExpectations(text) };
  });

  for (const rule of catalogue.all) {
    const id = rule.meta.id;
    it(`${id} has at least 3 fixtures where it fires and 3 where it does not`, () => {
      const about = fixtures.filter((f) => f.checked.includes(id));
      const firing = about.filter((f) => f.expected.some((e) => e.code === id));
      assert.ok(firing.length >= 3, `${id}: ${firing.length} firing fixtures`);
      assert.ok(about.length - firing.length >= 3, `${id}: ${about.length - firing.length} non-firing fixtures`);
    });
  }

  const fixedFiles = allFixtures().filter((f) => f.endsWith('.fixed.outcome'));
  for (const fixed of fixedFiles) {
    const original = fixed.replace(/\.fixed\.outcome$/, '.outcome');
    const id = checkedRules(path.relative(fixturesDir, original), fs.readFileSync(original, 'utf8'))[0];
    it(`quick fix: ${path.relative(fixturesDir, original)} → ${path.basename(fixed)}, and ${id} is then silent`, () => {
      const access = diskProject(fixturesDir);
      const text = fs.readFileSync(original, 'utf8');
      // Every fix and suggestion of the rule, as a person taking each in turn would.
      const edits = lintText(original, text, access).diagnostics.filter((d) => d.code === id).flatMap((d) => [...(d.fixes ?? []), ...(d.suggestions ?? [])]);
      assert.ok(edits.length > 0, 'the fixture offers a fix or a suggestion');
      const result = applyFixes(text, edits).text;
      assert.equal(result, fs.readFileSync(fixed, 'utf8'));
      const after = lintText(original, result, access).diagnostics.filter((d) => d.code === id || d.code === 'syntax/parse');
      assert.deepEqual(after.map((d) => d.message), []);
    });
  }

  it('every rule that offers fixes or suggestions has a fixed-output fixture', () => {
    const access = diskProject(fixturesDir);
    const fixing = new Set(
      fixtures.flatMap((f) => lintText(f.file, f.text, access).diagnostics.filter((d) => (d.fixes?.length ?? 0) + (d.suggestions?.length ?? 0) > 0).map((d) => d.code)),
    );
    const covered = new Set(
      fixedFiles.map((f) => {
        const original = f.replace(/\.fixed\.outcome$/, '.outcome');
        return checkedRules(path.relative(fixturesDir, original), fs.readFileSync(original, 'utf8'))[0];
      }),
    );
    assert.deepEqual([...fixing].filter((id) => !covered.has(id)), []);
  });
});

describe('rules: docs and examples', () => {
  it('the README lists every rule, with its default severity and summary, and says how many there are', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const missing = catalogue.all
      .map((rule) => `| [\`${rule.meta.id}\`](${ruleDocPath(rule.meta.id)}) | ${rule.meta.severity} | ${rule.meta.summary} |`)
      .filter((row) => !readme.includes(row));
    assert.deepEqual(missing, [], 'rows missing from the README (or out of date)');
    assert.match(readme, new RegExp(`\\b${catalogue.all.length} rules in`));
  });

  for (const rule of catalogue.all) {
    const id = rule.meta.id;
    it(`${id}: its example fires, its corrected example does not`, () => {
      const fires = lintExample(rule.meta.examples.fires).diagnostics;
      assert.ok(fires.some((d) => d.code === id), `no ${id} in:\n${rule.meta.examples.fires}`);
      const passes = lintExample(rule.meta.examples.passes).diagnostics;
      assert.deepEqual(passes.filter((d) => d.code === id || d.code === 'syntax/parse').map((d) => d.message), []);
    });

    it(`${id}: ${ruleDocPath(id)} is present and up to date (npm run docs)`, () => {
      const file = path.join(repoRoot, ruleDocPath(id));
      assert.ok(fs.existsSync(file), `${ruleDocPath(id)} is missing`);
      assert.equal(fs.readFileSync(file, 'utf8'), ruleDoc(rule));
    });

    it(`${id}: explains why${rule.meta.family === 'syntax' || rule.meta.family === 'structure' ? '' : ', quoting its evidence'}`, () => {
      assert.ok(rule.meta.rationale.length > 80);
      if (rule.meta.family !== 'syntax' && rule.meta.family !== 'structure') {
        assert.ok(rule.meta.evidence.length > 0, `${id} quotes no evidence`);
      }
    });
  }

  it('every evidence quote from the workshop report is in the report word for word', () => {
    const report = fs.readFileSync(path.join(repoRoot, 'test/data/policy-workshop-report.txt'), 'utf8').replace(/\s+/g, ' ');
    for (const rule of catalogue.all) {
      for (const e of rule.meta.evidence.filter((x) => x.source.includes('Demos Policy Commission'))) {
        assert.ok(report.includes(e.quote.replace(/\s+/g, ' ')), `${rule.meta.id}: "${e.quote}" is not in the report`);
      }
    }
  });
});
