import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, fixText } from '../server/src/engine/fixes';
import { lint } from '../server/src/engine/lint';
import { withText } from '../server/src/engine/project';
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
  return { maximum: max.maximum?.toString(), placeholders: result.diagnostics.filter((d) => d.code === 'structure/placeholder').map((d) => d.message) };
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
      assert.deepEqual(after.placeholders, before.placeholders, 'no gap left to fill');
      assert.ok(!/…/.test(fixed) || fixed.split('…').length === text.split('…').length, 'no new `…`');
    });
  }

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
