import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as sarif from 'sarif';
import { Rule } from '../../engine/kit/rule';
import { sarifLevel } from '../about';
import { REPOSITORY } from '../../rules/links';
import { ruleDocUrl } from '../../rules/links';
import { isInside } from '../../host/files';
import { Finding, Region, Report } from '../report';

/*
 * `--format sarif`: SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), the
 * format GitHub code scanning and other tools read. Types come from @types/sarif.
 *
 * - Every rule is described (summary, rationale, help text and the URI of its page).
 * - Files inside the current folder are named relative to `%SRCROOT%`, which
 *   `originalUriBaseIds` sets to the current folder's file URI; code scanning reads
 *   them as paths in the repository when outcome-lint runs at its root.
 * - Columns count UTF-16 code units (`columnKind`); ends are exclusive.
 * - A finding silenced by `# outcome-lint-disable-next-line … -- reason` is a result
 *   with an `inSource` suppression whose justification is the reason.
 */

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

export function toSarif(report: Report, rules: readonly Rule<unknown>[], version: string, cwd: string): sarif.Log {
  const ruleIndex = new Map(rules.map((r, i) => [r.meta.id, i]));
  const location = (file: string, where: Region, message?: string): sarif.Location => ({
    physicalLocation: {
      artifactLocation: artifact(file, cwd),
      region: { startLine: where.line, startColumn: where.column, endLine: where.endLine, endColumn: where.endColumn },
    },
    ...(message !== undefined ? { message: { text: message } } : {}),
  });
  const result = (file: string, f: Finding): sarif.Result => ({
    ruleId: f.ruleId,
    ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [location(file, f)],
    ...(f.related.length > 0 ? { relatedLocations: f.related.map((r, id) => ({ id, ...location(r.file, r, r.message) })) } : {}),
    ...(f.suppressed ? { suppressions: [{ kind: 'inSource', justification: f.suppressed.reason }] } : {}),
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'outcome-lint',
            version,
            semanticVersion: version,
            informationUri: REPOSITORY,
            rules: rules.map(descriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(cwd) } },
        results: report.files.flatMap((file) => file.findings.map((f) => result(file.file, f))),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

export function sarifText(report: Report, rules: readonly Rule<unknown>[], version: string, cwd: string): string {
  return `${JSON.stringify(toSarif(report, rules, version, cwd), null, 2)}\n`;
}

function descriptor(rule: Rule<unknown>): sarif.ReportingDescriptor {
  const { id, summary, rationale, severity, family } = rule.meta;
  const uri = ruleDocUrl(id);
  return {
    id,
    shortDescription: { text: summary },
    fullDescription: { text: rationale },
    help: {
      text: `${summary}\n\n${rationale}\n\nMore, with examples and how to fix it: ${uri}`,
      markdown: `**${summary}**\n\n${rationale}\n\n[More, with examples and how to fix it](${uri})`,
    },
    helpUri: uri,
    defaultConfiguration: { level: sarifLevel(severity) },
    properties: { tags: [family] },
  };
}

/** A file inside the current folder, relative to %SRCROOT%; any other by its absolute file URI. */
function artifact(file: string, cwd: string): sarif.ArtifactLocation {
  if (file !== cwd && isInside(file, cwd)) {
    return { uri: path.relative(cwd, file).split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(file).href };
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}
