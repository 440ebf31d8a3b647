import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as sarif from 'sarif';
import { Rule } from '../../engine/kit/rule';
import { sarifLevel } from '../about';
import { REPOSITORY } from '../../rules/links';
import { ruleDocUrl } from '../../rules/links';
import { isInside } from '../../host/files';
import { Finding, FindingEdit, Region, Report } from '../report';

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
 *   with an `inSource` suppression whose justification is the reason; one known from
 *   the `--baseline` file, an `external` suppression with the entry's reason.
 * - Its fixes and suggestions are SARIF `fixes`, each described by its title; a
 *   suggestion's description says that it changes what the spec says, and its
 *   `properties.safe` is false (a fix's is true).
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
    ...(f.fixes.length + f.suggestions.length > 0
      ? { fixes: [...f.fixes.map((x) => fix(file, x, true)), ...f.suggestions.map((x) => fix(file, x, false))] }
      : {}),
    ...(f.suppressed ? { suppressions: [{ kind: f.suppressed.by === 'comment' ? 'inSource' : 'external', justification: f.suppressed.reason }] } : {}),
  });
  const fix = (file: string, x: FindingEdit, safe: boolean): sarif.Fix => ({
    description: { text: safe ? x.title : `${x.title} (a suggestion: it changes what the spec says, so apply it only after reading it)` },
    artifactChanges: [
      {
        artifactLocation: artifact(file, cwd),
        replacements: x.edits.map((e) => ({
          deletedRegion: { startLine: e.line, startColumn: e.column, endLine: e.endLine, endColumn: e.endColumn },
          insertedContent: { text: e.text },
        })),
      },
    ],
    properties: { safe },
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
