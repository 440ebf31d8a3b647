import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readText, repoRoot } from './support/paths';
import { diskProject, lintText } from './support/lint';

/*
 * test/clean-specs holds specifications modelled on real, published outcomes
 * contracts, written the way a careful commissioner would write them. A spec that a
 * careful commissioner would sign off must give no warning and no error: infos are
 * allowed, and printed so that a reader sees them. test/clean-specs/README.md names
 * each spec's source; FALSE-POSITIVES.md collects the findings that were wrong.
 */

const cleanDir = path.join(repoRoot, 'test', 'clean-specs');

describe('clean specs: no warning or error on a spec a careful commissioner would sign off', () => {
  const access = diskProject(cleanDir);
  const specs = fs.readdirSync(cleanDir).filter((f) => f.endsWith('.outcome')).sort();

  it('the folder holds at least 6 specs, and the README lists each of them', () => {
    assert.ok(specs.length >= 6, `only ${specs.length} specs in ${cleanDir}`);
    const readme = readText(path.join(cleanDir, 'README.md'));
    const missing = specs.filter((spec) => !readme.includes(`\`${spec}\``));
    assert.deepEqual(missing, [], 'specs that test/clean-specs/README.md does not list');
  });

  for (const spec of specs) {
    it(spec, () => {
      const file = path.join(cleanDir, spec);
      const result = lintText(file, readText(file), access);
      const describe = (d: (typeof result.diagnostics)[number]) =>
        `${spec}:${result.facts.lineOf(d.span.start)} ${d.code} (${d.severity}): ${d.message}`;
      const infos = result.diagnostics.filter((d) => d.severity !== 'warning' && d.severity !== 'error');
      for (const d of infos) console.log(`      info ${describe(d)}`);
      const bad = result.diagnostics.filter((d) => d.severity === 'warning' || d.severity === 'error');
      if (bad.length > 0) {
        assert.fail(`${spec} should give no warning or error, but gives ${bad.length}:\n${bad.map((d) => `  ${describe(d)}`).join('\n')}`);
      }
    });
  }
});
