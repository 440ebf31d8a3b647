import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateSpec } from './generate';
import { pair, wall } from './whole-process';
import { SCHEMA_PATH, specToYaml } from './yaml';

/*
 * Whole processes, as CI runs them, each ratio taken in one run with the two commands
 * alternated (A B A B …), median of the runs:
 *
 * - outcome-lint on 1,000 generated specs of about 100 lines, against what a team would
 *   run instead: a Node process that reads the same specs as YAML with `yaml` and checks
 *   each against the JSON Schema with Ajv (issue 21's target: ≤ 0.5 ×);
 * - outcome-lint on one small spec, against `node -e 0` (the start-up; target ≤ 1.7 ×).
 *
 * Run after a build: `npm run build && node out/bench/cli-versus-yaml.bench.js [runs]`.
 */

const FILES = 1000;
const LINES = 100;
const runs = Number(process.argv[2] ?? 7);
const root = process.cwd();
const cli = path.join(root, 'dist', 'cli.js');

/** The YAML and Ajv side: one process that reads, parses and validates every file of a folder. */
const YAML_CHECKER = `
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require(${JSON.stringify(require.resolve('yaml'))});
const Ajv = require(${JSON.stringify(require.resolve('ajv'))});
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(fs.readFileSync(${JSON.stringify(SCHEMA_PATH)}, 'utf8')));
const dir = process.argv[2];
let invalid = 0;
for (const name of fs.readdirSync(dir)) if (!validate(parse(fs.readFileSync(path.join(dir, name), 'utf8')))) invalid++;
if (invalid) { console.error(invalid + ' files do not validate'); process.exit(1); }
`;

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-versus-yaml-'));
  try {
    const specs = path.join(dir, 'specs');
    const yamls = path.join(dir, 'yaml');
    fs.mkdirSync(specs);
    fs.mkdirSync(yamls);
    for (let i = 0; i < FILES; i++) {
      const text = generateSpec(LINES);
      fs.writeFileSync(path.join(specs, `spec-${i}.outcome`), text);
      fs.writeFileSync(path.join(yamls, `spec-${i}.yaml`), specToYaml(text));
    }
    const checker = path.join(dir, 'check-yaml.js');
    fs.writeFileSync(checker, YAML_CHECKER);
    console.log(`node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}; ${FILES} specs of ${LINES} lines; median of ${runs} alternated pairs`);
    const many = pair(
      runs,
      () => wall(process.execPath, [cli, '--format', 'compact', specs]),
      () => wall(process.execPath, [checker, yamls]),
    );
    console.log(`outcome-lint on the ${FILES} specs: ${many.a.toFixed(2)} s; YAML + Ajv on the same as YAML: ${many.b.toFixed(2)} s; ratio ${many.ratio.toFixed(2)} ×`);
    const one = path.join(specs, 'spec-0.outcome');
    const start = pair(
      runs,
      () => wall(process.execPath, [cli, '--format', 'compact', one]),
      () => wall(process.execPath, ['-e', '0']),
    );
    console.log(`outcome-lint on one spec: ${(start.a * 1000).toFixed(0)} ms; node -e 0: ${(start.b * 1000).toFixed(0)} ms; ratio ${start.ratio.toFixed(2)} ×`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
