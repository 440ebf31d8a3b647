import * as fs from 'node:fs';
import * as path from 'node:path';
import { Bench } from 'tinybench';
import { parse } from '../server/src/syntax/parse';
import { generateSpec } from './generate';
import { figures, printFigures } from './report';

/*
 * Parse time of the largest sample and of generated specs. Run with
 * `npm run bench:parse`; figures go in docs/performance.md.
 */

async function run(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  const samples = fs.readdirSync(path.join(root, 'samples')).filter((f) => f.endsWith('.outcome'));
  const largest = samples
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(root, 'samples', f), 'utf8') }))
    .sort((a, b) => b.text.length - a.text.length)[0];
  const inputs = [
    { name: `sample ${largest.name} (${largest.text.split('\n').length} lines)`, text: largest.text },
    ...[3_000, 10_000].map((n) => ({ name: `generated ${n.toLocaleString('en-GB')} lines`, text: generateSpec(n) })),
  ];
  const bench = new Bench({ time: 2000, warmupTime: 500, retainSamples: true });
  for (const input of inputs) {
    bench.add(`parse ${input.name}`, () => {
      parse(input.text);
    });
  }
  await bench.run();
  printFigures(figures(bench));
}

void run();
