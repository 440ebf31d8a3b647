import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { z } from 'zod';
import { parseConfig } from '../server/src/config/config';
import { configJsonSchema } from '../server/src/config/json-schema';
import { findConfigFile, loadConfigFile } from '../server/src/host/config-files';
import { Project } from '../server/src/host/project';
import { catalogue } from '../server/src/rules/catalogue';
import { defineRule, Rule } from '../server/src/engine/kit/rule';
import { LineIndex } from '../server/src/base/line-index';
import { repoRoot } from './support/paths';
import { diskProject, lintText, noFiles } from './support/lint';

/** A rule with options, to test the config machinery on its own. */
const withOptions = defineRule({
  meta: {
    id: 'budget/example',
    family: 'budget',
    severity: 'warning',
    summary: 'An example.',
    rationale: 'For tests.',
    evidence: [],
    examples: { fires: '', passes: '', fix: '' },
    options: z.object({ maxFee: z.number().min(0).max(100).default(15).describe('The highest fee') }),
  },
});
const testRules = [withOptions] as Rule<unknown>[];

function errorsOf(text: string): string[] {
  const result = parseConfig(text, testRules);
  assert.ok('errors' in result, 'expected errors');
  const index = new LineIndex(text);
  return result.errors.map((e) => {
    const { line, column } = index.lineColumn(e.span.start);
    return `${line}:${column} ${e.message}`;
  });
}

describe('config: .outcomelintrc.json', () => {
  it('reads severities and options, filling in defaults', () => {
    const result = parseConfig('{ "rules": { "budget/example": { "severity": "error", "maxFee": 10 } } }', testRules);
    assert.ok('config' in result);
    assert.deepEqual(result.config.rules.get('budget/example'), { level: 'error', options: { maxFee: 10 } });
    const optionsOnly = parseConfig('{ "rules": { "budget/example": { "maxFee": 10 } } }', testRules);
    assert.ok('config' in optionsOnly);
    // Options alone leave the severity to the rule (which may raise it, as for a `must` service).
    assert.deepEqual(optionsOnly.config.rules.get('budget/example'), { level: undefined, options: { maxFee: 10 } });
    const plain = parseConfig('// comments are allowed\n{ "rules": { "budget/example": "off" } }', testRules);
    assert.ok('config' in plain);
    assert.equal(plain.config.rules.get('budget/example')?.level, 'off');
  });

  it('names an unknown rule id at its place, with a suggestion', () => {
    assert.deepEqual(errorsOf('{\n  "rules": {\n    "budget/examples": "off"\n  }\n}'), [
      '3:5 `budget/examples` is not a setting of `rules`; did you mean `budget/example`?',
    ]);
    assert.deepEqual(errorsOf('{ "rules": { "nothing/like-it": "off" } }'), [
      '1:14 `nothing/like-it` is not a setting of `rules`; `outcome-lint --list-rules` lists the rules',
    ]);
    assert.deepEqual(errorsOf('{ "rules": { "other/example": "off" } }'), [
      '1:14 `other/example` is not a setting of `rules`; did you mean `budget/example`?',
    ]);
  });

  it('names a bad severity and a bad option value at their place', () => {
    assert.deepEqual(errorsOf('{ "rules": { "budget/example": "warn" } }'), [
      '1:32 `rules.budget/example`: `warn` is not a severity: use off, info, warning or error',
    ]);
    const [fee] = errorsOf('{ "rules": {\n "budget/example": { "maxFee": 150 } } }');
    assert.match(fee, /^2:32 `rules\.budget\/example\.maxFee`: .*100/);
  });

  it('names an unknown key at the top level and in a rule setting', () => {
    assert.deepEqual(errorsOf('{ "rulez": {} }'), ['1:3 `rulez` is not a setting of the top level']);
    assert.deepEqual(errorsOf('{ "rules": { "budget/example": { "maxfee": 1 } } }'), [
      '1:34 `maxfee` is not a setting of `rules.budget/example`',
    ]);
  });

  it('says where a file is not JSON, and when it is empty', () => {
    assert.deepEqual(errorsOf('{ "rules": { "budget/example": off } }'), ['1:32 this is not valid JSON: a character that JSON does not allow']);
    assert.deepEqual(errorsOf(''), ['1:1 the file is empty: it should hold a JSON object such as { "rules": {} }']);
  });

  it('changes what lint reports: a rule off, or at another severity', () => {
    const spec = 'outcome confidence { for neet kind intangible }\npayment { pay £200 for confidence per participant }\n';
    const code = 'monetisation/intangible-paid';
    const severityOf = (text: string): string | undefined => {
      const result = parseConfig(text, catalogue.all);
      assert.ok('config' in result);
      return lintText('x.outcome', spec, noFiles, result.config).diagnostics.find((d) => d.code === code)?.severity;
    };
    assert.equal(severityOf('{}'), 'warning');
    assert.equal(severityOf(`{ "rules": { "${code}": "error" } }`), 'error');
    assert.equal(severityOf(`{ "rules": { "${code}": "off" } }`), undefined);
  });
});

describe('config: found from the file upward', () => {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-config-'));
  const nested = path.join(top, 'team', 'specs');
  fs.mkdirSync(nested, { recursive: true });
  fs.writeFileSync(path.join(top, '.outcomelintrc.json'), '{ "rules": { "monetisation/intangible-paid": "off" } }');
  fs.writeFileSync(path.join(top, 'team', '.outcomelintrc.json'), '{ "rules": { "monetisation/intangible-paid": "error",\n  "nope": 1 } }');
  after(() => fs.rmSync(top, { recursive: true, force: true }));

  it('the nearest config wins, and none is read above the root', () => {
    assert.equal(findConfigFile(nested, top), path.join(top, 'team', '.outcomelintrc.json'));
    assert.equal(findConfigFile(top, top), path.join(top, '.outcomelintrc.json'));
    assert.equal(findConfigFile(nested, nested), undefined);
  });

  it('a bad config file gives one line per problem, with file, line and column', () => {
    const result = loadConfigFile(path.join(top, 'team', '.outcomelintrc.json'), catalogue);
    assert.ok('problems' in result);
    assert.deepEqual(
      result.problems.map((p) => p.message),
      [`${path.join(top, 'team', '.outcomelintrc.json')}:2:3: \`nope\` is not a setting of \`rules\`; \`outcome-lint --list-rules\` lists the rules`],
    );
  });

  it('is read once per folder', () => {
    const project = diskProject(top);
    const first = project.configFor(path.join(top, 'a.outcome'));
    assert.equal(project.configFor(path.join(top, 'b.outcome')), first);
  });

  it('a file given with --config is read once for every folder', () => {
    const project = new Project({ roots: [top], rules: catalogue, configFile: path.join(top, '.outcomelintrc.json') });
    assert.equal(project.configFor(path.join(nested, 'a.outcome')), project.configFor(path.join(top, 'b.outcome')));
  });

  it('nested thousands deep, it is one clear problem, not an overflowing stack', () => {
    for (const [open, close] of [['{"a":', '}'], ['[', ']']]) {
      const deep = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-deep-config-'));
      try {
        fs.writeFileSync(path.join(deep, '.outcomelintrc.json'), `{ "rules": ${open.repeat(5000)}1${close.repeat(5000)} }`);
        assert.deepEqual(diskProject(deep).configProblems(path.join(deep, 'a.outcome')).map((p) => p.message), [
          `${path.join(deep, '.outcomelintrc.json')}:1:${12 + 63 * open.length}: this is nested more than 64 deep: a settings file needs no more than four levels of \`{\` and \`[\``,
        ]);
      } finally {
        fs.rmSync(deep, { recursive: true, force: true });
      }
    }
  });
});

describe('config: the JSON Schema for editors', () => {
  it('schemas/outcomelintrc.schema.json is generated from the zod schema and up to date (npm run docs)', () => {
    const file = path.join(repoRoot, 'schemas', 'outcomelintrc.schema.json');
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), configJsonSchema(catalogue.all));
  });

  it('lists every rule id, so editors can complete them', () => {
    const schema = configJsonSchema(catalogue.all) as { properties: { rules: { properties: Record<string, unknown> } } };
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), catalogue.all.map((r) => r.meta.id).sort());
  });
});
