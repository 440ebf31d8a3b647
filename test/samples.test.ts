import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiskAccess, readText } from '../server/src/host/disk-access';
import { lint } from '../server/src/lint';
import { repoRoot } from './support/paths';

/*
 * The samples demonstrate the rules: linting each gives exactly the findings that
 * samples/README.md lists for it, as "- `rule/id` (severity): … (line N) …".
 */

const samplesDir = path.join(repoRoot, 'samples');

function expectedFindings(): Map<string, string[]> {
  const readme = fs.readFileSync(path.join(samplesDir, 'README.md'), 'utf8');
  const result = new Map<string, string[]>();
  for (const section of readme.split(/^## /m).slice(1)) {
    const file = /^`([^`]+\.outcome)`/.exec(section)?.[1];
    if (!file) continue;
    const findings = section.split(/\*\*Expected findings[^*]*\*\*/)[1] ?? '';
    const bullets = findings.split(/^- /m).slice(1);
    result.set(
      file,
      bullets
        .map((b) => {
          const id = /^`([\w-]+\/[\w-]+)` \((error|warning|info)\b/.exec(b);
          const line = /\(line (\d+)\)/.exec(b)?.[1] ?? /line (\d+)/.exec(b)?.[1];
          assert.ok(id, `samples/README.md, ${file}: cannot read the finding "${b.slice(0, 60)}"`);
          return `${line ?? '?'} ${id[1]} ${id[2]}`;
        })
        .sort(),
    );
  }
  return result;
}

describe('samples: each gives the findings its README lists', () => {
  const expected = expectedFindings();
  const access = new DiskAccess([samplesDir]);
  const samples = fs.readdirSync(samplesDir).filter((f) => f.endsWith('.outcome'));

  it('the README lists every sample', () => {
    assert.deepEqual([...expected.keys()].sort(), samples.sort());
  });

  for (const sample of samples) {
    it(sample, () => {
      const file = path.join(samplesDir, sample);
      const text = readText(file);
      const result = lint(file, text, access);
      const actual = result.diagnostics
        .map((d) => `${result.facts.lineOf(d.span.start)} ${d.code} ${d.severity}`)
        .sort();
      assert.deepEqual(actual, expected.get(sample));
    });
  }
});
