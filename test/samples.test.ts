import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readText, samplesDir } from './support/paths';
import { expectedFindings } from './support/sample-findings';
import { diskProject, lintText } from './support/lint';

/*
 * The samples demonstrate the rules: linting each gives exactly the findings that
 * samples/README.md (or samples/deals/README.md) lists for it, as "- `rule/id` (severity): … (line N) …".
 */

for (const dir of [samplesDir, path.join(samplesDir, 'deals')]) {
  describe(`${path.relative(path.dirname(samplesDir), dir)}: each gives the findings its README lists`, () => {
    const expected = expectedFindings(dir);
    const access = diskProject(dir);
    const samples = fs.readdirSync(dir).filter((f) => f.endsWith('.outcome'));

    it('the README lists every sample', () => {
      assert.deepEqual([...expected.keys()].sort(), samples.sort());
    });

    for (const sample of samples) {
      it(sample, () => {
        const file = path.join(dir, sample);
        const text = readText(file);
        const result = lintText(file, text, access);
        const actual = result.diagnostics
          .map((d) => `${result.facts.lineOf(d.span.start)} ${d.code} ${d.severity}`)
          .sort();
        assert.deepEqual(actual, expected.get(sample));
      });
    }
  });
}
