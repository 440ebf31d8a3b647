import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The findings a samples README (samples/README.md, or its copy in `dir`) lists for each sample, as "- `rule/id` (severity): …
 * (line N) …", each turned into "N rule/id severity", sorted.
 */
export function expectedFindings(dir: string): Map<string, string[]> {
  const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
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
