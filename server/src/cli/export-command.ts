import { plural } from '../base/wording';
import * as path from 'node:path';
import { exportIndigo, NOT_IN_A_SPEC } from '../export/indigo';
import { analyse } from '../model/model';
import { catalogue } from '../rules/catalogue';
import { discoverSpec } from './discover';
import { writeOutput } from './output';
import { readSubcommandArgs } from './args';
import type { Io } from './io';
import { runReportingUsage, UsageError } from './problems';
import { readSpec } from './read';

/*
 * `outcome-lint export --indigo SPEC [--output FILE]`: the spec as an INDIGO project
 * JSON (docs/indigo.md), on stdout or in FILE. Fields the spec cannot fill are left
 * out and listed on stderr.
 *
 * Exit codes: 0 written; 1 written, but the spec has syntax or structure errors, so the
 * export holds only what could be read; 2 nothing written (usage, I/O), with one line
 * on stderr.
 */

export const EXPORT_HELP = `Usage: outcome-lint export --indigo SPEC [--output FILE]

Writes the specification SPEC as an INDIGO project (the Government Outcomes Lab's
data standard for impact bonds and outcomes contracts), as JSON.

Options:
  --indigo             the INDIGO project format (the only format so far)
  -o, --output FILE    write to FILE instead of standard output
  --max-file-size MB   read no spec larger than MB megabytes (default: 10)
  -h, --help           show this help

Fields the specification cannot fill are left out, never invented, and listed on
standard error. Exit codes: 0 written; 1 written, but the specification has errors;
2 nothing written. See docs/indigo.md for the field mapping.
`;

export function runExport(argv: readonly string[], io: Io): number {
  return runReportingUsage(io.stderr, () => run(argv, io));
}

function run(argv: readonly string[], io: Io): number {
  const read = readSubcommandArgs('export', argv, {
    indigo: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  }, { output: '--output project.json' });
  const values = read.values as { indigo?: boolean; output?: string; help?: boolean };
  const { positionals } = read;
  if (values.help) {
    io.stdout(EXPORT_HELP);
    return 0;
  }
  if (!values.indigo) throw new UsageError('export needs a format: --indigo (outcome-lint export --indigo SPEC)');
  if (positionals.length === 0) throw new UsageError('export needs the specification to export: outcome-lint export --indigo SPEC');
  if (positionals.length > 1) throw new UsageError(`export writes one specification at a time; found ${positionals.length}: ${positionals.join(', ')}`);

  const given = positionals[0];
  const { file, project: specs } = discoverSpec(given, io.cwd, { workingFolder: io.cwd, rules: catalogue, maxBytes: read.maxBytes });
  const model = analyse(file, readSpec(specs, file, given), specs);
  const { project, omitted, caveats } = exportIndigo(model, { fileName: path.basename(file) });
  const json = `${JSON.stringify(project, null, 2)}\n`;

  writeOutput(io, values.output, json, [file]);

  if (omitted.length > 0) {
    io.stderr(`outcome-lint: ${given}: left out of the INDIGO export, because the specification does not give them:`);
    for (const o of omitted) io.stderr(`  ${o.field}: ${o.reason}`);
  }
  if (caveats.length > 0) {
    io.stderr(`outcome-lint: ${given}: check these INDIGO fields before publishing:`);
    for (const c of caveats) io.stderr(`  ${c.field}: ${c.reason}`);
  }
  io.stderr(`outcome-lint: never in an outcome specification, so never exported: ${NOT_IN_A_SPEC.map((n) => n.split(' (')[0]).join(', ')}`);

  const errors = [...model.parsed.diagnostics, ...model.diagnostics].filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    io.stderr(`outcome-lint: ${given} has ${plural(errors, 'error')} (outcome-lint ${given} shows them); the export holds only what could be read`);
    return 1;
  }
  return 0;
}
