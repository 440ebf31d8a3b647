import { createHash } from 'node:crypto';
import { Report } from '../report';

/*
 * `--format gitlab`: a GitLab code quality report (`artifacts:reports:codequality`), the
 * subset of the Code Climate format GitLab reads: one issue a finding (suppressed and
 * known findings left out), shown in the merge request's code quality widget and on the
 * changed lines. https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 *
 * GitLab matches an issue across pipelines by its fingerprint, to say what a merge
 * request fixed and what it introduced; so the fingerprint is the file, the rule and the
 * message, not the line (an edit above a finding leaves it the same finding), and the
 * how-manieth such finding it is in the file.
 */

const SEVERITY = { error: 'critical', warning: 'major', info: 'info' } as const;

export function gitlab(report: Report): string {
  const issues = report.files.flatMap((file) => {
    const seen = new Map<string, number>();
    return file.findings
      .filter((f) => !f.suppressed)
      .map((f) => {
        const key = `${file.path}\u0000${f.ruleId}\u0000${f.message}`;
        const nth = (seen.get(key) ?? 0) + 1;
        seen.set(key, nth);
        return {
          description: f.message,
          check_name: f.ruleId,
          fingerprint: createHash('sha256').update(`${key}\u0000${nth}`).digest('hex'),
          severity: SEVERITY[f.severity],
          location: { path: file.path, lines: { begin: f.line, end: f.endLine } },
        };
      });
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
