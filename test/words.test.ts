import { strict as assert } from 'node:assert';
import { isNegated, isNumberWord, PhraseList, stem, words } from '../server/src/engine/kit/words';
import { forgetTexts, memoByText } from '../server/src/engine/kit/memo';

describe('words: matching the writer\'s wording', () => {
  it('stems plurals and verb forms to one form', () => {
    assert.deepEqual(['sessions', 'session', 'visiting', 'visited', 'visits', 'families', 'classes', 'focus', "provider's"].map(stem), [
      'session', 'session', 'visit', 'visit', 'visit', 'family', 'class', 'focus', 'provider',
    ]);
  });

  it('splits text into words with their offsets', () => {
    const list = words('12 weekly co-design sessions, don’t stop');
    assert.deepEqual(list.map((w) => [w.text, w.start, w.end]), [
      ['12', 0, 2], ['weekly', 3, 9], ['co-design', 10, 19], ['sessions', 20, 28], ['don’t', 30, 35], ['stop', 36, 40],
    ]);
    assert.ok(isNumberWord(list[0]));
    assert.ok(isNumberWord(words('twelve')[0]));
  });

  it('finds phrases in any of their forms, longest first, without overlap', () => {
    const list = new PhraseList(['hard to reach', 'hard', 'troubled family']);
    const found = list.find(words('Hard-to-reach? No: hard to reach, and troubled families.'));
    assert.deepEqual(found.map((m) => m.phrase), ['hard to reach', 'troubled family']);
  });

  it('ignores a negated phrase', () => {
    const list = new PhraseList(['weekly session']);
    assert.equal(list.findAffirmed(words('there are no weekly sessions')).length, 0);
    assert.equal(list.findAffirmed(words('weekly sessions are run')).length, 1);
    assert.ok(isNegated(words('not at all weekly'), 3));
    assert.ok(!isNegated(words('not at all really weekly'), 4));
  });
});

describe('memoByText: texts the rules read again', () => {
  it('works a text out once, and starts afresh when it holds its limit', () => {
    const computed: string[] = [];
    const upper = memoByText((text) => {
      computed.push(text);
      return text.toUpperCase();
    }, 2);
    assert.deepEqual([upper('a'), upper('b'), upper('a')], ['A', 'B', 'A']);
    assert.deepEqual(computed, ['a', 'b']);
    upper('c'); // the third text: the memory was full, so it forgets a and b
    upper('a');
    assert.deepEqual(computed, ['a', 'b', 'c', 'a']);
  });

  it('remembers that a text has nothing to find (an undefined answer)', () => {
    let calls = 0;
    const nothing = memoByText(() => {
      calls++;
      return undefined;
    });
    nothing('no label here');
    nothing('no label here');
    assert.equal(calls, 1);
    forgetTexts(); // as the benchmarks do before each lint
    nothing('no label here');
    assert.equal(calls, 2);
  });
});
