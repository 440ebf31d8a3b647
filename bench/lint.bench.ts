import * as fs from 'node:fs';
import * as path from 'node:path';
import { Bench } from 'tinybench';
import { lint } from '../server/src/engine/lint';
import { catalogue } from '../server/src/rules/catalogue';
import { analyse } from '../server/src/model/model';
import { parse } from '../server/src/syntax/parse';
import { forgetTexts } from '../server/src/engine/kit/memo';
import { alone, generateSpec } from './generate';
import { figures, printFigures } from './report';

/*
 * Lint time split into its stages: parse, parse + model, and the whole lint (parse,
 * model and every rule), on the largest sample and on generated specs.
 * Run with `npm run bench:lint`; figures go in docs/performance.md.
 */

async function run(): Promise<void> {
  const samplesDir = path.join(process.cwd(), 'samples');
  const largest = fs
    .readdirSync(samplesDir)
    .filter((f) => f.endsWith('.outcome'))
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(samplesDir, f), 'utf8') }))
    .sort((a, b) => b.text.length - a.text.length)[0];
  const inputs = [
    { name: `${largest.name} (${largest.text.split('\n').length} lines)`, text: largest.text },
    { name: 'generated 10,000 lines', text: generateSpec(10_000) },
  ];
  const bench = new Bench({ time: 3000, warmupTime: 500, retainSamples: true });
  for (const { name, text } of inputs) {
    bench.add(`parse: ${name}`, () => void parse(text));
    bench.add(`parse + model: ${name}`, () => void analyse('bench.outcome', text, alone(text)));
    bench.add(`lint (parse + model + rules): ${name}`, () => void lint(alone(text), 'bench.outcome', { rules: catalogue }), { beforeEach: forgetTexts });
  }
  await bench.run();
  printFigures(figures(bench));
}

void run();
