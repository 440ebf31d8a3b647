import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { commandIo } from './support/command-io';
import { runDiff } from '../server/src/cli/diff-command';
import { diffVersions, renderJson, renderMarkdown, SpecDiff, SpecVersion, versionOf } from '../server/src/diff/index';
import { format } from '../server/src/format/format';
import { FileAccess } from '../server/src/model/file-access';
import { readText, repoRoot } from './support/paths';
import { diskProject, lintText } from './support/lint';
import { assertNoMarkupFromSpec } from './support/markdown';

/*
 * `outcome-lint diff`: what a change to a spec means. Renames against removals and
 * additions, field-by-field changes, prices, the money figures, findings introduced
 * and resolved by rule and target, "no changes" for files that mean the same, the
 * Markdown and JSON output, and the git mode on a temporary repository.
 */

const samplesDir = path.join(repoRoot, 'samples');
const sample = (name: string): string => readText(path.join(samplesDir, name));

/** A version of `main.outcome` held in memory, with other files it may `use`. */
function version(text: string, others: Record<string, string> = {}, name = 'main.outcome'): SpecVersion {
  const files: Record<string, string> = { [name]: text, ...others };
  const access: FileAccess = { resolve: (_from, target) => ({ uri: target }), read: (uri) => files[uri], display: (uri) => uri };
  return versionOf(name, text, lintText(name, text, access));
}

function diff(before: string, after: string, others: Record<string, string> = {}): SpecDiff {
  return diffVersions(version(before, others), version(after, others));
}

/** The formatter's layout of a sample (which has no syntax errors). */
function formatted(text: string): string {
  const result = format(text);
  assert.ok('text' in result, 'refused' in result ? result.refused : '');
  return result.text;
}

function edit(text: string, ...replacements: [string, string][]): string {
  let result = text;
  for (const [from, to] of replacements) {
    assert.ok(result.includes(from), `the text has no ${JSON.stringify(from)}`);
    result = result.replace(from, to);
  }
  return result;
}

const io = commandIo;

/** Runs git in `repo`, with no settings but these, and returns its output. */
function gitIn(repo: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull },
  });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

describe('diff', () => {
  describe('no changes', () => {
    it('identical files: no changes', () => {
      const text = sample('homelessness.outcome');
      const d = diff(text, text, { 'shared-cohorts.outcome': sample('shared-cohorts.outcome') });
      assert.equal(d.status, 'unchanged');
      assert.equal(d.layoutOnly, false);
      assert.match(renderMarkdown([d]), /\n### `main\.outcome`\n\nNo changes\.\n$/);
    });

    it('comments, layout and the spelling of values are not changes', () => {
      const text = sample('youth-employment.outcome');
      const shared = { 'shared-cohorts.outcome': sample('shared-cohorts.outcome') };
      const rewritten = edit(
        formatted(text),
        ['budget £1.8m', 'budget £1,800,000   # the same amount'],
        ['size 1,200', 'size 1200'],
        ['for youth, care-leavers\n  measure "26', 'for care-leavers\n  for youth\n  measure "26'],
        ['window 52 weeks', 'window 52 week'],
      ).replace(/^# .*$/gm, '# another comment');
      const d = diff(text, rewritten, shared);
      assert.equal(d.status, 'unchanged', renderMarkdown([d]));
      assert.equal(d.layoutOnly, true);
      assert.match(renderMarkdown([d]), /No changes in meaning/);
    });

    it('every sample against its formatted self: no changes', () => {
      const shared = { 'shared-cohorts.outcome': sample('shared-cohorts.outcome') };
      for (const name of fs.readdirSync(samplesDir).filter((f) => f.endsWith('.outcome'))) {
        const text = sample(name);
        assert.equal(diff(text, formatted(text), shared).status, 'unchanged', name);
      }
    });
  });

  describe('renames', () => {
    const base = `
spec "S" { budget £100,000 }
cohort youth "Young people" { size 100 segment send "With SEND" { size 20 } }
outcome job "Sustained employment" {
  for youth
  measure "26 weeks in work"
  evidence "HMRC RTI"
  kind tangible
}
payment { pay £500 for job per participant pay £800 for job per participant in send cap £60,000 }
`;

    it('an id that disappears while another appears with the same title is a rename', () => {
      const d = diff(base, base.replace(/\bjob\b/g, 'sustained_job'));
      assert.deepEqual(
        d.definitions.map((c) => [c.change, c.kind, c.oldId, c.id, c.renamedBecause, c.fields.length]),
        [['renamed', 'outcome', 'job', 'sustained_job', 'same title', 0]],
      );
      // The prices follow the outcome: not removed and added again.
      assert.deepEqual(d.prices, []);
      assert.deepEqual(d.renames, { job: 'sustained_job' });
    });

    it('same measure, or all the same fields, is a rename too; the changed fields are listed', () => {
      const retitled = edit(base, ['outcome job "Sustained employment"', 'outcome work "In work"'], ['for job per participant pay', 'for work per participant pay'], [
        'for job per participant in',
        'for work per participant in',
      ]);
      const d = diff(base, retitled);
      assert.equal(d.definitions.length, 1);
      const [c] = d.definitions;
      assert.deepEqual([c.change, c.oldId, c.id, c.renamedBecause], ['renamed', 'job', 'work', 'same measure']);
      assert.deepEqual(c.fields, [{ field: 'title', before: 'Sustained employment', after: 'In work' }]);

      const untitled = (id: string): string => `cohort ${id} { size 40 eligibility { age 16 to 24 } referral self }\noutcome o { for ${id} }`;
      const cohort = diff(untitled('a'), untitled('b'));
      assert.deepEqual(
        cohort.definitions.map((x) => [x.change, x.oldId, x.id, x.renamedBecause]),
        [['renamed', 'a', 'b', 'same fields']],
      );
    });

    it('a different id with a different title, measure and fields is a removal and an addition', () => {
      const replaced = edit(base, ['outcome job "Sustained employment"', 'outcome learning "Qualification"'], ['measure "26 weeks in work"', 'measure "Level 2"'], [
        'for job per participant pay £800 for job',
        'for learning per participant pay £800 for learning',
      ]);
      const d = diff(base, replaced);
      assert.deepEqual(
        d.definitions.map((c) => [c.change, c.id]),
        [
          ['added', 'learning'],
          ['removed', 'job'],
        ],
      );
      assert.deepEqual(
        d.prices.map((p) => [p.change, p.outcome, p.segment ?? null]),
        [
          ['added', 'learning', null],
          ['added', 'learning', 'send'],
          ['removed', 'job', null],
          ['removed', 'job', 'send'],
        ],
      );
    });

    it('a tie for the best candidate is not a rename', () => {
      const two = 'outcome a "Housed" { measure "x" }\noutcome b "Housed" { measure "y" }';
      const d = diff(two, 'outcome c "Housed" { measure "z" }');
      assert.deepEqual(d.definitions.map((c) => [c.change, c.id]).sort(), [
        ['added', 'c'],
        ['removed', 'a'],
        ['removed', 'b'],
      ]);
    });

    it('renaming a cohort is not a change to what refers to it, nor to its findings', () => {
      const text = sample('reoffending.outcome');
      const renamed = text.replace(/\bshort-sentence\b/g, 'short-sentences');
      const d = diff(text, renamed);
      assert.deepEqual(
        d.definitions.map((c) => [c.change, c.kind, c.oldId, c.id]),
        [['renamed', 'cohort', 'short-sentence', 'short-sentences']],
      );
      // The segment `nfa` and outcome `desistance` refer to it, through the rename: unchanged.
      assert.deepEqual(d.findings, { introduced: [], resolved: [] });
    });
  });

  it('lists field-by-field changes of cohorts, segments and outcomes', () => {
    const text = sample('youth-employment.outcome');
    const shared = { 'shared-cohorts.outcome': sample('shared-cohorts.outcome') };
    const changed = edit(
      text,
      ['size 1,200', 'size 1,300'],
      ['age 16 to 24\n', 'age 16 to 25\n'],
      ['    size 180', '    size 200'],
      ['target 28% by 2029-12-31', 'target 30% by 2030-03-31'],
      ['  kind intangible\n', ''],
    );
    const d = diff(text, changed, shared);
    const byId = new Map(d.definitions.map((c) => [c.id, c]));
    assert.deepEqual(byId.get('youth')?.fields, [
      { field: 'size', before: '1,200', after: '1,300' },
      { field: 'eligibility', added: ['age 16 to 25'], removed: ['age 16 to 24'] },
    ]);
    assert.deepEqual(byId.get('send')?.fields, [{ field: 'size', before: '180', after: '200' }]);
    assert.deepEqual(byId.get('sustained_job')?.fields, [
      { field: 'target', before: '28%', after: '30%' },
      { field: 'target date', before: '2029-12-31', after: '2030-03-31' },
    ]);
    assert.deepEqual(byId.get('confidence')?.fields, [{ field: 'kind', before: 'intangible' }]);
    const markdown = renderMarkdown([d]);
    assert.ok(markdown.includes('- **changed** cohort `youth` “Young people aged 16 to 24 looking for work, education or training”\n  - size: `1,200` → `1,300`\n  - eligibility: added `age 16 to 25`; removed `age 16 to 24`'), markdown);
    assert.ok(markdown.includes('  - kind: removed (was `intangible`)'), markdown);
  });

  it('shows price changes, the most the spec can pay, the budget and the upfront share, with the figures', () => {
    const text = sample('homelessness.outcome');
    const shared = { 'shared-cohorts.outcome': sample('shared-cohorts.outcome') };
    const changed = edit(
      text,
      ['pay £4,000 for housed per participant in complex', 'pay £4,400 for housed per participant in complex'],
      ['pay £1,000 for sustained per participant threshold 20%', 'pay £1,000 for sustained per participant threshold 25%'],
      ['cap £2.1m', 'cap £2,200,000'],
      ['budget £2.4m', 'budget £2,500,000'],
      ['upfront 10%', 'upfront 12.5%'],
    );
    const d = diff(text, changed, shared);
    assert.deepEqual(d.prices, [
      {
        change: 'changed',
        outcome: 'housed',
        segment: 'complex',
        perParticipant: true,
        threshold: undefined,
        before: '£4,000',
        after: '£4,400',
        difference: '+£400 (+10.0%)',
        fields: [],
      },
      {
        change: 'changed',
        outcome: 'sustained',
        segment: undefined,
        perParticipant: true,
        threshold: '25%',
        before: '£1,000',
        after: '£1,000',
        fields: [{ field: 'threshold', before: '20%', after: '25%' }],
      },
    ]);
    const figures = Object.fromEntries(d.figures.map((f) => [f.name, [f.before, f.after, f.difference]]));
    assert.deepEqual(figures, {
      budget: ['£2,400,000', '£2,500,000', '+£100,000 (+4.2%)'],
      maximum: ['£2,100,000', '£2,200,000', '+£100,000 (+4.8%)'],
      // 60 × £400 more for `housed` in `complex`.
      total: ['£3,315,000', '£3,339,000', '+£24,000 (+0.7%)'],
      cap: ['£2,100,000', '£2,200,000', '+£100,000 (+4.8%)'],
      headroom: ['£300,000', '£300,000', undefined],
      commitment: ['£1,000,000', '£1,000,000', undefined],
      upfront: ['10%', '12.5%', '+2.5 points'],
    });
    const markdown = renderMarkdown([d]);
    assert.ok(markdown.includes('| **most the spec can pay** | £2,100,000 | £2,200,000 | +£100,000 (+4.8%) |'), markdown);
    assert.ok(markdown.includes('| budget less the most it can pay | £300,000 | £300,000 | unchanged |'), markdown);
    assert.ok(markdown.includes('- **changed** price for `housed` per participant in `complex`: £4,000 → £4,400, +£400 (+10.0%)'), markdown);
  });

  it('shows the finance block: each investor by name, how the provider is paid, and what the investors commit', () => {
    const text = sample('homelessness.outcome');
    const shared = { 'shared-cohorts.outcome': sample('shared-cohorts.outcome') };
    const changed = edit(
      text,
      ['commitment £200k return up to 3% per year', 'commitment £300k return up to 4% per year'],
      ['  provider paid fixed fee\n', '  investor "Brackwell Credit Union" commitment £50k\n  provider paid 25% of outcome payments\n'],
    );
    const d = diff(text, changed, shared);
    assert.deepEqual(d.sections.find((s) => s.section === 'finance')?.fields, [
      { field: 'investor "Kingsford Community Foundation"', before: 'commitment £200,000, return up to 3% per year', after: 'commitment £300,000, return up to 4% per year' },
      { field: 'investor "Brackwell Credit Union"', after: 'commitment £50,000' },
      { field: 'provider paid', added: ['25% of outcome payments'], removed: ['fixed fee'] },
    ]);
    const commitment = d.figures.find((f) => f.name === 'commitment');
    assert.deepEqual([commitment?.before, commitment?.after, commitment?.difference], ['£1,000,000', '£1,150,000', '+£150,000 (+15.0%)']);
    // Paid only a share, with no fee: the risk is passed down, which the diff calls out.
    assert.deepEqual(d.findings.introduced.map((f) => `${f.code} on ${f.target}`), ['perverse-incentive/risk-passed-down on the `finance` block']);
    const markdown = renderMarkdown([d]);
    assert.ok(markdown.includes('| **investors\' commitment** | £1,000,000 | £1,150,000 | +£150,000 (+15.0%) |'), markdown);
    assert.ok(markdown.includes('- `finance` provider paid: added `25% of outcome payments`; removed `fixed fee`'), markdown);
    assert.ok(markdown.includes('- `finance` investor "Kingsford Community Foundation": `commitment £200,000, return up to 3% per year` → `commitment £300,000, return up to 4% per year`'), markdown);
    // Removing the block is a change of every field, and of the commitment to none.
    const removed = diff(text, text.replace(/finance \{[^}]*\}\n/, ''), shared);
    assert.deepEqual(removed.figures.find((f) => f.name === 'commitment')?.after, undefined);
    assert.ok(removed.sections.some((s) => s.section === 'finance' && s.fields.some((f) => f.field === 'provider paid' && f.removed?.[0] === 'fixed fee')));
  });

  it('shows limits beside the cap and a cohort\'s expected referrals, and what they do to the most the spec can pay', () => {
    const before = 'spec "S" { term 2 years }\ncohort c { size 100 }\noutcome o { for c window 12 months }\npayment {\n  pay £1,000 for o per participant\n}\n';
    const after = edit(before, ['size 100', 'size 100 referrals 60 per year ramp 3 months'], ['participant\n', 'participant\n  cap £20,000 per year\n  cap £700 per participant\n']);
    const d = diff(before, after);
    assert.deepEqual(d.sections.find((s) => s.section === 'payment')?.fields, [
      { field: 'cap per year', after: '£20,000' },
      { field: 'cap per participant', after: '£700' },
    ]);
    const cohort = d.definitions.find((c) => c.id === 'c');
    assert.deepEqual(cohort?.fields, [{ field: 'referrals', after: '60 per year, ramp 3 months' }]);
    // £100,000 of prices; £70,000 per participant; £60,000 in the 3 years payments can fall in.
    const maximum = d.figures.find((f) => f.name === 'maximum');
    assert.deepEqual([maximum?.before, maximum?.after], ['£100,000', '£60,000']);
  });

  it('an unknown maximum says why', () => {
    const d = diff('cohort c { size 10 }\noutcome o { for c }\npayment { pay £10 for o per participant }', 'cohort c { }\noutcome o { for c }\npayment { pay £10 for o per participant }');
    const maximum = d.figures.find((f) => f.name === 'maximum');
    assert.deepEqual([maximum?.before, maximum?.after, maximum?.changed], ['£100', 'unknown (cohort `c` has no size)', true]);
  });

  it('reports findings introduced and resolved by rule id and target, not by line', () => {
    const text = sample('reoffending.outcome');
    const changed = edit(
      // Lines moved about: nothing introduced or resolved by that alone.
      '# a new first line\n\n\n' + text,
      ['upfront 0%', 'upfront 10%'],
      ['management fee 18%', 'management fee 12%'],
      ['  referral provider\n', '  referral by "HMP Kingsford resettlement team"\n'],
      ['reserve £300k', 'reserve £300k\n  warning signs "again"'],
      ['review every 12 months\n', ''],
    );
    const d = diff(text, changed);
    const ids = (list: readonly { code: string; target: string }[]) => list.map((f) => `${f.code} on ${f.target}`).sort();
    assert.deepEqual(ids(d.findings.resolved), [
      'perverse-incentive/creaming on cohort `short-sentence`',
      'perverse-incentive/no-upfront on the `payment` block',
      'perverse-incentive/prime-top-slice on the `subcontracting` block',
    ]);
    assert.deepEqual(ids(d.findings.introduced), [
      'resilience/no-review on the `spec` block',
      'structure/duplicate-field on the `contingency` block',
    ]);
    const markdown = renderMarkdown([d]);
    assert.ok(markdown.includes('**Findings introduced (2)**'), markdown);
    assert.ok(markdown.includes('**Findings resolved (3)**'), markdown);
    assert.ok(markdown.includes('- warning `perverse-incentive/no-upfront` on the `payment` block: '), markdown);
  });

  it('writes JSON for tools, and Markdown that is safe in a comment', () => {
    const d = diff('cohort a "x | <b>y</b> `z`" { size 1 }', 'cohort a "x | <b>y</b> `z`" { size 2 }');
    const json = JSON.parse(renderJson([d], { base: 'main' })) as { base: string; files: SpecDiff[] };
    assert.equal(json.base, 'main');
    assert.equal(json.files[0].status, 'changed');
    assert.deepEqual(json.files[0].definitions[0].fields, [{ field: 'size', before: '1', after: '2' }]);
    const markdown = renderMarkdown([d]);
    assert.ok(markdown.startsWith('<!-- outcome-lint diff -->\n'));
    assert.ok(markdown.includes('“x | \\<b\\>y\\</b\\> \\`z\\`”'), markdown);
    assert.ok(!/<b>/.test(markdown.split('\n').slice(1).join('\n')));
  });

  it('puts the text of a spec into its Markdown as text or code, never as HTML or Markdown', () => {
    const before = `spec "S" { commissioner "Council" term 12 months from 2027-01-01 }
cohort c "C" { eligibility { criterion "old" } size 10 referral by "A" }
outcome o "O" { for c }
`;
    const after = `spec "S" { commissioner "# <script>alert(0)</script>" term 12 months from 2027-01-01 }
cohort c "<img src=x onerror=alert(1)> | [a](b)" { eligibility { criterion "<iframe src=evil> [x](y) | \`z\`" } size 10 referral by "<b>A</b>" }
outcome o "O" { for c }
requirement "Run 12 weekly sessions | <img src=z onerror=alert(3)> [a](b)"
finance { investor "<img src=y onerror=alert(4)> [c](d) **e**" commitment £1k provider paid fixed fee }
`;
    const markdown = renderMarkdown([diff(before, after)]);
    assertNoMarkupFromSpec(markdown);
    // The requirement is the target of a finding, and in its message.
    assert.ok(
      markdown.includes(
        '- warning `over-prescription/method` on requirement "Run 12 weekly sessions | \\<img src=z onerror=alert(3)\\> \\[a\\](b)": this requirement prescribes how to work (12 weekly sessions)',
      ),
      markdown,
    );
    assert.ok(markdown.includes('  - eligibility: added ``criterion "<iframe src=evil> [x](y) | `z`"``; removed `criterion "old"`'), markdown);
    assert.ok(markdown.includes('- `spec` commissioner: `Council` → `# <script>alert(0)</script>`'), markdown);
    // An investor's name names its field.
    assert.ok(markdown.includes('- `finance` investor "\\<img src=y onerror=alert(4)\\> \\[c\\](d) \\*\\*e\\*\\*": added `commitment £1,000`'), markdown);
  });

  describe('the command', () => {
    let folder: string;
    before(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-diff-'));
    });
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('compares two files', () => {
      fs.writeFileSync(path.join(folder, 'old.outcome'), sample('reoffending.outcome'));
      fs.writeFileSync(path.join(folder, 'new.outcome'), edit(sample('reoffending.outcome'), ['pay £2,800', 'pay £3,000']));
      const run = io(folder);
      assert.equal(runDiff(['old.outcome', 'new.outcome'], run), 0);
      assert.deepEqual(run.err, []);
      assert.ok(run.out.includes('### `old.outcome` → `new.outcome`'), run.out);
      assert.ok(run.out.includes('£2,800 → £3,000, +£200 (+7.1%)'), run.out);

      const json = io(folder);
      assert.equal(runDiff(['--format', 'json', 'old.outcome', 'old.outcome'], json), 0);
      assert.equal((JSON.parse(json.out) as { files: SpecDiff[] }).files[0].status, 'unchanged');
    });

    it('says in one line what is wrong with the command, with exit code 2', () => {
      const cases: [string[], string][] = [
        [['old.outcome'], 'outcome-lint: diff needs two files, the old version and the new: outcome-lint diff OLD NEW (or outcome-lint diff --git BASE)'],
        [['old.outcome', 'nope.outcome'], 'outcome-lint: cannot find nope.outcome: there is no such file or folder'],
        [['--format', 'html', 'a', 'b'], 'outcome-lint: diff: `html` is not a diff format: use --format markdown or --format json'],
        [['--frmat', 'json'], 'outcome-lint: diff: unknown option --frmat (outcome-lint diff --help lists the options)'],
        [['--git'], 'outcome-lint: diff: --git needs a value, such as --git origin/main (outcome-lint diff --help lists the options)'],
      ];
      for (const [argv, message] of cases) {
        const run = io(folder);
        assert.equal(runDiff(argv, run), 2, argv.join(' '));
        assert.deepEqual(run.err, [message]);
        assert.equal(run.out, '');
      }
    });
  });

  describe('--git', function () {
    this.timeout(60000);
    let repo: string;
    const git = (...args: string[]): string => gitIn(repo, ...args);
    const write = (file: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      fs.writeFileSync(path.join(repo, file), text);
    };

    before(() => {
      repo = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-git-'));
      git('init', '-q');
      git('checkout', '-q', '-b', 'main');
      for (const name of ['youth-employment', 'shared-cohorts', 'homelessness', 'family-support', 'reoffending']) {
        write(`specs/${name}.outcome`, sample(`${name}.outcome`));
      }
      write('README.md', 'specs\n');
      git('add', '.');
      git('commit', '-q', '-m', 'base');
      git('checkout', '-q', '-b', 'change');
      // Changed: a price; and, through `use`, a shared cohort's size.
      write('specs/youth-employment.outcome', edit(sample('youth-employment.outcome'), ['pay £3,400 for sustained_job', 'pay £3,600 for sustained_job']));
      write('specs/shared-cohorts.outcome', edit(sample('shared-cohorts.outcome'), ['size 520 ', 'size 540 ']));
      // Renamed file, same meaning; removed file; a comment-only change.
      git('mv', 'specs/family-support.outcome', 'specs/early-help.outcome');
      git('rm', '-q', 'specs/homelessness.outcome');
      write('specs/reoffending.outcome', `# reviewed\n${sample('reoffending.outcome')}`);
      write('README.md', 'specs, changed\n');
      git('add', '.');
      git('commit', '-q', '-m', 'change');
      // Not committed: a new untracked file.
      write('specs/new.outcome', 'cohort x "X" { size 10 eligibility { age 18 to 24 } referral by "A" }\n');
    });
    after(() => fs.rmSync(repo, { recursive: true, force: true }));

    it('compares each changed .outcome file with its version at BASE', () => {
      const run = io(path.join(repo, 'specs'));
      assert.equal(runDiff(['--git', 'main', '--format', 'json'], run), 0, run.err.join('\n'));
      const report = JSON.parse(run.out) as { base: string; files: SpecDiff[] };
      assert.match(report.base, /^main \([0-9a-f]{12}\)$/);
      assert.deepEqual(
        report.files.map((f) => [f.old ?? null, f.new ?? null, f.status, f.layoutOnly]),
        [
          ['specs/family-support.outcome', 'specs/early-help.outcome', 'unchanged', false],
          ['specs/homelessness.outcome', null, 'removed', false],
          [null, 'specs/new.outcome', 'added', false],
          ['specs/reoffending.outcome', 'specs/reoffending.outcome', 'unchanged', true],
          ['specs/shared-cohorts.outcome', 'specs/shared-cohorts.outcome', 'changed', false],
          ['specs/youth-employment.outcome', 'specs/youth-employment.outcome', 'changed', false],
        ],
      );
      const youth = report.files[5];
      assert.deepEqual(
        youth.prices.map((p) => [p.outcome, p.before, p.after]),
        [['sustained_job', '£3,400', '£3,600']],
      );
      // The old version was linted with the shared cohorts as they were at BASE (520
      // care leavers), the new with the 540 on disk: 1,470 × £3,400 → 1,490 × £3,600.
      const total = youth.figures.find((f) => f.name === 'total');
      assert.deepEqual([total?.before, total?.after], ['£8,252,000', '£8,618,000']);
    });

    it('limits the files to PATHs, and takes BASE... as the merge base', () => {
      git('checkout', '-q', 'main');
      write('specs/reoffending.outcome', edit(sample('reoffending.outcome'), ['upfront 0%', 'upfront 5%']));
      git('commit', '-q', '-am', 'main moves on');
      git('checkout', '-q', 'change');
      const run = io(repo);
      assert.equal(runDiff(['--git', 'main...', 'specs/youth-employment.outcome', 'specs/reoffending.outcome'], run), 0, run.err.join('\n'));
      // Against the merge base, reoffending.outcome changed only in a comment; against
      // main's tip it would show the upfront share going back from 5% to 0%.
      assert.ok(run.out.includes('### `specs/reoffending.outcome`\n\nNo changes in meaning'), run.out);
      assert.ok(run.out.includes('### `specs/youth-employment.outcome`'), run.out);
      assert.ok(!run.out.includes('shared-cohorts'), run.out);
      const tip = io(repo);
      assert.equal(runDiff(['--git', 'main', 'specs/reoffending.outcome'], tip), 0);
      assert.ok(tip.out.includes('| **upfront share** | 5% | 0% | -5 points |'), tip.out);
    });

    it('says "no changes" when no .outcome file changed', () => {
      const run = io(repo);
      assert.equal(runDiff(['--git', 'HEAD', 'README.md'], run), 0);
      assert.ok(run.out.includes('No changes: no `.outcome` file changed.'), run.out);
    });

    it('gives a clear error outside a repository, or for an unknown BASE', () => {
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-norepo-'));
      try {
        const run = io(outside);
        assert.equal(runDiff(['--git', 'main'], run), 2);
        assert.equal(run.err.length, 1);
        assert.match(run.err[0], /^outcome-lint: diff --git needs a git repository, and .* is not in one/);
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
      const unknown = io(repo);
      assert.equal(runDiff(['--git', 'no-such-branch'], unknown), 2);
      assert.deepEqual(unknown.err, [
        'outcome-lint: diff: `no-such-branch` is not a commit in this repository (a branch, tag or commit id, such as origin/main)',
      ]);
    });
  });

  describe('--git, when an old version is not a spec as it stands', function () {
    this.timeout(60000);
    let repo: string;
    const git = (...args: string[]): string => gitIn(repo, ...args);
    const write = (file: string, text: string | Buffer): void => {
      fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      fs.writeFileSync(path.join(repo, file), text);
    };
    const COHORT = 'cohort c "C" {\n  size 3  # £3 a head\n}\n';
    beforeEach(() => {
      repo = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-git-'));
      git('init', '-q');
    });
    afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

    it('says why the version at BASE cannot be read: its bad bytes, where they are', () => {
      // £ saved as Windows-1252 at BASE, as UTF-8 since.
      write('specs/a.outcome', Buffer.from(COHORT.replace('£', '\u00a3'), 'latin1'));
      git('add', '.');
      git('commit', '-q', '-m', 'base');
      write('specs/a.outcome', COHORT.replace('size 3', 'size 4'));
      const run = io(repo);
      assert.equal(runDiff(['--git', 'HEAD'], run), 2);
      assert.deepEqual(run.err, ['outcome-lint: diff: specs/a.outcome at HEAD is not UTF-8 text: the byte 0xA3 at line 2, column 13 is not valid UTF-8; save the file as UTF-8']);
    });

    it('says when a path at BASE is a submodule, not a file', () => {
      write('README.md', 'specs\n');
      git('add', '.');
      git('commit', '-q', '-m', 'first');
      git('update-index', '--add', '--cacheinfo', `160000,${git('rev-parse', 'HEAD').trim()},vendored.outcome`);
      git('commit', '-q', '-m', 'base');
      git('rm', '-q', '--cached', 'vendored.outcome');
      const run = io(repo);
      assert.equal(runDiff(['--git', 'HEAD'], run), 2);
      assert.deepEqual(run.err, ['outcome-lint: diff: vendored.outcome at HEAD cannot be read: it is a git submodule, not a file']);
    });

    it('refuses a folder that a `use` line names at BASE, as on disk, rather than reading git\'s list of it', () => {
      write('lib/shared.outcome', COHORT.replace('cohort c', 'cohort shared'));
      write('specs/a.outcome', `use "../lib"\n${COHORT}`);
      git('add', '.');
      git('commit', '-q', '-m', 'base');
      write('specs/a.outcome', `use "../lib"\n${COHORT.replace('size 3', 'size 4')}`);
      const run = io(repo);
      assert.equal(runDiff(['--git', 'HEAD', '--format', 'json'], run), 0, run.err.join('\n'));
      const [a] = (JSON.parse(run.out) as { files: SpecDiff[] }).files;
      // Both versions cannot use the folder, for the same reason: nothing introduced or resolved.
      assert.deepEqual(a.findings, { introduced: [], resolved: [] });
    });

    it('reads paths from the top of the repository even when git is set to show them relative to the current folder', () => {
      write('specs/a.outcome', COHORT);
      git('add', '.');
      git('commit', '-q', '-m', 'base');
      git('config', 'diff.relative', 'true');
      write('specs/a.outcome', COHORT.replace('size 3', 'size 4'));
      const run = io(path.join(repo, 'specs'));
      assert.equal(runDiff(['--git', 'HEAD', '--format', 'json'], run), 0, run.err.join('\n'));
      const [a] = (JSON.parse(run.out) as { files: SpecDiff[] }).files;
      assert.deepEqual([a.old, a.new, a.definitions[0].fields], ['specs/a.outcome', 'specs/a.outcome', [{ field: 'size', before: '3', after: '4' }]]);
    });
  });

  it('is the same from disk as in memory', () => {
    // The samples as the CLI reads them (from disk, through the project), against the in-memory versions above.
    const file = path.join(samplesDir, 'youth-employment.outcome');
    const fromDisk = versionOf('y', readText(file), lintText(file, readText(file), diskProject(samplesDir)));
    const inMemory = version(sample('youth-employment.outcome'), { 'shared-cohorts.outcome': sample('shared-cohorts.outcome') }, 'y');
    assert.equal(diffVersions(fromDisk, inMemory).status, 'unchanged');
  });
});
