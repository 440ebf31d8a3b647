import { z } from 'zod';
import { LineIndex } from '../base/line-index';
import { Rule } from '../engine/kit';
import { lintExample } from './examples';

/*
 * A rule's documentation page, made from its metadata and examples. The findings shown
 * under each example are what outcome-lint really reports on it, so the docs cannot
 * drift from the code (a test compares docs/rules/ with this).
 */

function findingsOn(rule: Rule<unknown>, text: string): string[] {
  const index = new LineIndex(text);
  return lintExample(text)
    .diagnostics.filter((d) => d.code === rule.meta.id)
    .map((d) => {
      const { line, column } = index.lineColumn(d.span.start);
      return `${line}:${column} ${d.severity} ${d.message}`;
    });
}

function optionsTable(rule: Rule<unknown>): string[] {
  const schema = rule.meta.options;
  if (!(schema instanceof z.ZodObject)) return [];
  const defaults = schema.parse({}) as Record<string, unknown>;
  const rows = Object.entries(schema.shape as Record<string, z.ZodType>).map(
    ([name, option]) => `| \`${name}\` | ${option.description ?? ''} | \`${JSON.stringify(defaults[name])}\` |`,
  );
  return ['## Options', '', '| option | meaning | default |', '| --- | --- | --- |', ...rows, ''];
}

export function ruleDoc(rule: Rule<unknown>): string {
  const { meta } = rule;
  const applies = meta.specLevel ? 'files with a `spec` block' : 'every file';
  const fires = findingsOn(rule, meta.examples.fires);
  const setting = meta.options instanceof z.ZodObject ? `{ "severity": "${meta.severity}" }` : '"off"';
  return [
    `# \`${meta.id}\``,
    '',
    `${meta.summary}`,
    '',
    `Default severity: **${meta.severity}**. Applies to ${applies}.`,
    '',
    '## Why',
    '',
    meta.rationale,
    '',
    ...(meta.evidence.length > 0
      ? ['### Evidence', '', ...meta.evidence.flatMap((e) => [`> ${e.quote}`, '>', `> — ${e.source}`, ''])]
      : []),
    '## Example that is reported',
    '',
    '```outcome',
    meta.examples.fires.trimEnd(),
    '```',
    '',
    'outcome-lint reports:',
    '',
    ...fires.map((f) => `- ${f}`),
    '',
    '## Example that is not reported',
    '',
    '```outcome',
    meta.examples.passes.trimEnd(),
    '```',
    '',
    '## How to fix it',
    '',
    meta.examples.fix,
    '',
    ...optionsTable(rule),
    '## Configure or silence it',
    '',
    'In `.outcomelintrc.json`:',
    '',
    '```json',
    `{ "rules": { "${meta.id}": ${setting} } }`,
    '```',
    '',
    'For one line, with the reason kept in reports:',
    '',
    '```outcome',
    `# outcome-lint-disable-next-line ${meta.id} -- <why this is acceptable here>`,
    '```',
    '',
  ].join('\n');
}
