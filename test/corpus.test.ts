import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { accuracyPage, accuracyTable, CORPORA, corpusDir, PRECISION, readCorpus, RECALL, Result, results, TEAM } from './support/corpus';
import { namesValidatedInstrument } from '../server/src/rules/monetisation/unmeasured-paid-words';
import { repoRoot } from './support/paths';

/*
 * The rules that judge wording, held against labelled corpora of real phrasings
 * (test/data/corpus/, support/corpus.ts): precision and recall per corpus, printed as a
 * table and kept in docs/rules/ACCURACY.md.
 */


describe('corpora: the entries', () => {
  for (const spec of CORPORA) {
    it(`${spec.file}: every entry has a text, a known label and a source; real phrasings are most of it`, () => {
      const entries = readCorpus(spec);
      for (const e of entries) {
        const where = `${spec.file}: "${e.text}"`;
        assert.ok(e.text.trim().length > 0, `${where}: empty text`);
        assert.ok([spec.reported, spec.other].includes(e.label), `${where}: label "${e.label}"`);
        assert.ok(e.source.trim().length > 0, `${where}: no source`);
        assert.equal(typeof e.verbatim, 'boolean', `${where}: verbatim`);
        if (e.source === TEAM) assert.equal(e.where, undefined, `${where}: a team-written phrasing has no address`);
        else assert.match(e.where ?? '', /^https?:\/\/\S+$/, `${where}: the address it was read at`);
      }
      const texts = entries.map((e) => e.text);
      assert.deepEqual(texts.filter((t, i) => texts.indexOf(t) !== i), [], 'no phrasing twice');
      const scored = entries.filter((e) => e.excluded === undefined);
      assert.ok(scored.length >= spec.atLeast, `${scored.length} scored entries, fewer than ${spec.atLeast}`);
      const team = scored.filter((e) => e.source === TEAM).length;
      assert.ok(team * 5 <= scored.length, `${team} of ${scored.length} scored phrasings are team-written`);
    });
  }
});

describe('corpora: each rule reads its corpus accurately', () => {
  const list = results();

  before(() => {
    console.log(`\n${accuracyTable(list).join('\n')}\n`);
  });

  for (const result of list) {
    const { spec, all } = result;
    const recall = spec.recallFloor?.at ?? RECALL;
    it(`${spec.rule} on ${spec.what}: precision at least ${PRECISION * 100}%, recall at least ${recall * 100}%`, () => {
      const show = (label: string, entries: readonly { text: string }[]): string =>
        entries.length === 0 ? '' : `\n${label}:\n${entries.map((e) => `  - ${e.text}`).join('\n')}`;
      const detail = show(`reported, labelled ${spec.other}`, all.wrong) + show(`labelled ${spec.reported}, not reported`, all.missed);
      assert.ok(all.precision >= PRECISION && all.recall >= recall, `precision ${all.precision.toFixed(3)}, recall ${all.recall.toFixed(3)}${detail}`);
    });
  }

  it('docs/rules/ACCURACY.md has these figures and sources (npm run docs)', () => {
    const page = fs.readFileSync(path.join(repoRoot, 'docs/rules/ACCURACY.md'), 'utf8');
    assert.equal(page, accuracyPage(list as Result[]));
  });
});

describe('corpora: the validated instruments outcomes contracts use', () => {
  const instruments = JSON.parse(fs.readFileSync(path.join(corpusDir, 'instruments.json'), 'utf8')) as { name: string; source: string; where: string }[];

  it('each has a source and the address it was read at', () => {
    for (const i of instruments) assert.match(i.where, /^https?:\/\/\S+$/, `${i.name}: ${i.where}`);
    assert.ok(instruments.length >= 40, `${instruments.length} instruments`);
  });

  it('monetisation/unmeasured-paid knows each by its name', () => {
    // The name as a spec would write it: without the publisher's note in brackets.
    const unknown = instruments.map((i) => i.name.replace(/\s*\(.*\)\s*$/, '')).filter((name) => !namesValidatedInstrument(name, undefined));
    assert.deepEqual(unknown, []);
  });
});
