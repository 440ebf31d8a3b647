import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, fixText } from '../server/src/engine/fixes';
import { lint } from '../server/src/engine/lint';
import { projectOf, withText } from '../server/src/engine/project';
import { catalogue } from '../server/src/rules/catalogue';
import { codeActions, fixAll } from '../server/src/services/code-actions';
import { DateLit, Money, NumberLit, Percent, tokenize } from '../server/src/syntax/tokens';
import { diskProject } from './support/lint';
import { repoRoot, samplesDir } from './support/paths';

/*
 * A spec is a contract: what is applied in bulk (fix-all in the editor, `--fix`) must be
 * safe to apply without reading it. For every fixture and sample, every fix of every rule
 * is applied, in passes, and the result must carry the same amounts, shares, dates,
 * prices, caps and sizes as written, the same most-the-spec-can-pay where it was known,
 * and no gap to fill. Suggestions, which change what a spec says, stay one action each.
 */

const FIXTURES = path.join(repoRoot, 'test/fixtures');

function specs(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return specs(full);
    return e.name.endsWith('.outcome') && !e.name.endsWith('.fixed.outcome') ? [full] : [];
  });
}

/** Every figure written in a text (money, percentages, numbers, dates), in order: what a fix must not change. */
function figures(text: string): string[] {
  const kinds = new Set([Money, Percent, NumberLit, DateLit]);
  return tokenize(text).tokens.filter((t) => kinds.has(t.tokenType)).map((t) => `${t.tokenType.name} ${t.image}`);
}

/** The most the spec can pay, as the model works it out, and the gaps the linter finds. */
function meaning(file: string, text: string, roots: string) {
  const result = lint(withText(diskProject(roots), file, text), file, { rules: catalogue });
  const max = result.facts.maximumPayment;
  return {
    maximum: max.maximum?.toString(),
    placeholders: result.diagnostics.filter((d) => d.code === 'structure/placeholder').map((d) => d.message),
    // The ids that `for`, `pay … for` and `pay … in` name, capitals aside: a fix may mend
    // capitals, never point a line at another definition.
    ids: result.model.references.map((r) => r.name.text.toLowerCase()),
  };
}

describe('fixes are safe to apply in bulk; suggestions are not applied', () => {
  const files = [...specs(FIXTURES).map((f) => ({ file: f, roots: FIXTURES })), ...specs(samplesDir).map((f) => ({ file: f, roots: samplesDir }))];
  let fixedSomewhere = 0;

  for (const { file, roots } of files) {
    it(path.relative(repoRoot, file), () => {
      const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const project = diskProject(roots);
      const { text: fixed, fixed: count } = fixText(project, file, catalogue, text);
      fixedSomewhere += count;
      assert.deepEqual(figures(fixed), figures(text), 'the figures as written');
      const before = meaning(file, text, roots);
      const after = meaning(file, fixed, roots);
      if (before.maximum !== undefined) assert.equal(after.maximum, before.maximum, 'the most the spec can pay');
      // A keyword's capitals mended can bring a line into the tree, and its ids with it.
      if (after.ids.length === before.ids.length) assert.deepEqual(after.ids, before.ids, 'what each line names');
      assert.deepEqual(after.placeholders, before.placeholders, 'no gap left to fill');
      assert.ok(!/…/.test(fixed) || fixed.split('…').length === text.split('…').length, 'no new `…`');
    });
  }

  describe('a near miss of an id is a suggestion: it may be another definition, with another price', () => {
    const fixed = (text: string, files: Record<string, string> = {}) => {
      const access = { resolve: (_from: string, target: string) => ({ uri: target }), read: (uri: string) => files[uri], display: (uri: string) => uri };
      const project = withText(projectOf(access), 'main.outcome', text);
      return { fixed: fixText(project, 'main.outcome', catalogue, text).text, lint: lint(project, 'main.outcome', { rules: catalogue }) };
    };
    const spec = (outcome: string, cohort: string, paid: string, forId = cohort) =>
      `cohort ${cohort} "Young people" { size 100 }\noutcome ${outcome} "Housed" {\n  for ${forId}\n}\npayment {\n  pay £5,000 for ${paid} per participant\n}\n`;

    it('`pay … for housed_12m` stays as written when `housed_6m` is defined', () => {
      const text = spec('housed_6m', 'young', 'housed_12m');
      const { fixed: after, lint: result } = fixed(text);
      assert.equal(after, text);
      assert.equal(result.facts.maximumPayment.maximum, undefined, 'the most it can pay stays unknown');
      const finding = result.diagnostics.find((d) => d.code === 'structure/undefined-outcome');
      assert.deepEqual(finding?.suggestions?.map((f) => f.title), ['Change to `housed_6m`']);
      assert.deepEqual(finding?.fixes ?? [], []);
    });

    it('`for young_16` stays as written when a used file (which may define it) cannot be read, and so does a mere change of capitals', () => {
      const near = `use "shared.outcome"\n${spec('housed', 'young_18', 'housed', 'young_16')}`;
      assert.equal(fixed(near).fixed, near);
      const capitals = `use "shared.outcome"\n${spec('housed', 'young_18', 'housed', 'Young_18')}`;
      assert.equal(fixed(capitals).fixed, capitals);
    });

    it('a change of capitals alone is a fix, when every used file was read and no other id differs only in capitals', () => {
      const text = spec('housed', 'care_leavers', 'Housed', 'Care_Leavers');
      assert.equal(fixed(text).fixed, spec('housed', 'care_leavers', 'housed'));
      const twins = `outcome HOUSED "Housed too" {\n  for care_leavers\n}\n${spec('housed', 'care_leavers', 'Housed')}`;
      assert.equal(fixed(twins).fixed, twins, '`housed` or `HOUSED`: a person chooses');
    });
  });

  it('the fixtures do have fixes to apply, so the checks above check something', () => {
    assert.ok(fixedSomewhere >= 3, `only ${fixedSomewhere} fixes applied`);
  });

  it('would catch a suggestion applied in bulk: those of a flawed sample change its figures', () => {
    const file = path.join(samplesDir, 'reoffending.outcome');
    const text = fs.readFileSync(file, 'utf8');
    const result = lint(diskProject(samplesDir), file, { rules: catalogue });
    const suggestions = result.diagnostics.flatMap((d) => d.suggestions ?? []);
    assert.ok(suggestions.length > 0);
    assert.notDeepEqual(figures(applyFixes(text, suggestions).text), figures(text), 'upfront 0% → 20%, a new cap…');
  });

  it('each suggestion is one code action of its own, and fix-all applies none of them', () => {
    for (const name of fs.readdirSync(samplesDir).filter((f) => f.endsWith('.outcome'))) {
      const file = path.join(samplesDir, name);
      const project = diskProject(samplesDir);
      const result = lint(project, file, { rules: catalogue });
      for (const d of result.diagnostics) {
        const actions = codeActions(result, d.span);
        for (const s of d.suggestions ?? []) {
          const own = actions.filter((a) => a.title === s.title && a.diagnostic === d);
          assert.equal(own.length, 1, `${name}: one action for "${s.title}"`);
          assert.deepEqual(own[0].edits, s.edits);
          assert.ok(!own[0].preferred, 'a suggestion is never the preferred action');
        }
      }
      const all = fixAll(project, result);
      const suggested = result.diagnostics.flatMap((d) => d.suggestions ?? []).flatMap((s) => s.edits.map((e) => e.newText)).filter((t) => t.trim().length > 0);
      for (const inserted of suggested) assert.ok(!all || !all.edits[0].newText.includes(inserted) || result.facts.text.includes(inserted), `${name}: fix-all applied "${inserted}"`);
    }
  });
});
