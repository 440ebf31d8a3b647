import { Finding, Report } from '../report';

/*
 * `--format junit`: a JUnit XML test report, which GitLab (`artifacts:reports:junit`),
 * Jenkins, Azure Pipelines and others show as test results.
 *
 * - One <testsuite> a file (named by its path) and one <testcase> a finding, named
 *   `line:column rule-id`. A file without findings has one passing test case, so that
 *   every file checked is counted.
 * - Errors and warnings are <failure>s (type = rule id); an info passes, its message
 *   in <system-out>; a suppressed finding is <skipped>, with its reason.
 */

export function junit(report: Report): string {
  const suites = report.files.map((file) => {
    const cases = file.findings.length === 0 ? [`    <testcase classname="${xml(file.path)}" name="no problems found" />`] : file.findings.map((f) => testCase(file.path, f));
    const failures = file.findings.filter(isFailure).length;
    const skipped = file.findings.filter((f) => f.suppressed).length;
    return [
      `  <testsuite name="${xml(file.path)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  const tests = report.files.reduce((n, file) => n + Math.max(1, file.findings.length), 0);
  const failures = report.files.reduce((n, file) => n + file.findings.filter(isFailure).length, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="outcome-lint" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function isFailure(f: Finding): boolean {
  return !f.suppressed && f.severity !== 'info';
}

function testCase(path: string, f: Finding): string {
  const open = `    <testcase classname="${xml(path)}" name="${xml(`${f.line}:${f.column} ${f.ruleId}`)}">`;
  const where = `${path}:${f.line}:${f.column}`;
  const related = f.related.map((r) => `\n${r.message}: ${r.path}:${r.line}:${r.column}`).join('');
  let body: string;
  if (f.suppressed) {
    body = `      <skipped message="${xml(`suppressed: ${f.suppressed.reason}`)}" />`;
  } else if (f.severity === 'info') {
    body = `      <system-out>${xml(`info: ${f.message} (${where})${related}`)}</system-out>`;
  } else {
    body = `      <failure type="${xml(f.ruleId)}" message="${xml(f.message)}">${xml(`${f.severity}: ${f.message} (${where})${related}`)}</failure>`;
  }
  return `${open}\n${body}\n    </testcase>`;
}

/** Text for XML content or a double-quoted attribute; characters XML 1.0 forbids are dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;');
}
