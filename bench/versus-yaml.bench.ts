import * as fs from 'node:fs';
import Ajv from 'ajv';
import { Bench } from 'tinybench';
import { parse as parseYaml } from 'yaml';
import { lint } from '../server/src/engine/lint';
import { catalogue } from '../server/src/rules/catalogue';
import { forgetTexts } from '../server/src/engine/kit/memo';
import { alone, generateSpec } from './generate';
import { figures, Figure } from './report';
import { SCHEMA_PATH, specToYaml } from './yaml';

/*
 * The whole lint (parse, model, every rule) against what a team would use instead: the
 * same content as YAML, read with `yaml` and checked against a JSON Schema with Ajv.
 * The same run gives the scaling of both at 300, 3,000, 10,000 and 100,000 lines.
 *
 *   node out/bench/versus-yaml.bench.js [--sizes 300,3000,10000,100000]
 */

const sizesArg = process.argv.indexOf('--sizes');
const SIZES = sizesArg > 0 ? process.argv[sizesArg + 1]!.split(',').map(Number) : [300, 3_000, 10_000, 100_000];

interface Row {
  lines: number;
  yamlLines: number;
  outcome: Figure;
  yaml: Figure;
}

async function main(): Promise<void> {
  console.log(`node ${process.version}`);
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')));
  const rows: Row[] = [];
  for (const size of SIZES) {
    const text = generateSpec(size);
    const yamlText = specToYaml(text);
    // The comparison must do real work: the YAML is valid against the schema.
    if (!validate(parseYaml(yamlText))) throw new Error(`the YAML of ${size} lines does not validate: ${ajv.errorsText(validate.errors)}`);
    const lines = text.split('\n').length;
    // Fewer runs on the largest inputs (tinybench's default minimum is 64), so that the
    // whole bench stays within minutes.
    const large = size >= 100_000;
    const bench = new Bench({ time: large ? 5_000 : 3_000, iterations: large ? 7 : 64, warmupTime: large ? 0 : 500, warmupIterations: large ? 1 : 16, retainSamples: true });
    bench.add('outcome-lint', () => void lint(alone(text), 'bench.outcome', { rules: catalogue }), { beforeEach: forgetTexts });
    bench.add('yaml + ajv', () => void validate(parseYaml(yamlText)));
    await bench.run();
    const [outcome, yaml] = figures(bench);
    rows.push({ lines, yamlLines: yamlText.split('\n').length, outcome: outcome!, yaml: yaml! });
    const r = rows[rows.length - 1]!;
    console.log(
      `${lines} lines (${r.yamlLines} of YAML): outcome-lint median ${r.outcome.median.toFixed(1)} ms (p95 ${r.outcome.p95.toFixed(1)}, ${r.outcome.runs} runs); ` +
        `yaml + ajv median ${r.yaml.median.toFixed(1)} ms (p95 ${r.yaml.p95.toFixed(1)}, ${r.yaml.runs} runs); ratio ${(r.outcome.median / r.yaml.median).toFixed(2)} ×`,
    );
  }
  console.log('scaling (median time, from one size to the next; linear means a tenfold input takes at most twelvefold time):');
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    const growth = b.lines / a.lines;
    const o = b.outcome.median / a.outcome.median;
    const y = b.yaml.median / a.yaml.median;
    console.log(`  ${a.lines} → ${b.lines} lines (×${growth.toFixed(1)}): outcome-lint ×${o.toFixed(1)}, yaml + ajv ×${y.toFixed(1)}`);
  }
}

void main();
