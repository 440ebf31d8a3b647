import { strict as assert } from 'node:assert';
import { performance } from 'node:perf_hooks';
import { readSchedule } from '../server/src/report/schedule';
import * as outputPaymentWords from '../server/src/rules/perverse-incentive/output-payment-words';
import * as methodWords from '../server/src/rules/over-prescription/method-words';
import * as deficitWords from '../server/src/rules/target-group/deficit-framing-words';
import * as vagueWords from '../server/src/rules/target-group/vague-eligibility-words';
import * as paidWords from '../server/src/rules/monetisation/unmeasured-paid-words';
import { namesNothing, saysNothing, shortQuote } from '../server/src/engine/kit/placeholders';
import { isNegated, PhraseList, stem, words } from '../server/src/engine/kit/words';
import { lintText, noFiles } from './support/lint';

/*
 * The word-list matchers read whatever a writer (or an attacker) puts in a text field,
 * so each must take time linear in the text. Each adversarial input below is tried at
 * 1,000, 10,000 and 100,000 characters through the matchers directly and through the
 * whole of `lintText()` on a spec whose every text field holds it, then at 1,000,000
 * through the matchers alone. There is no timed assertion: a quadratic matcher would
 * take minutes on the longest inputs, and fails this file's timeout (when its call
 * returns: mocha cannot interrupt synchronous code). The times are printed for
 * docs/reliability.md.
 */

const SIZES = [1_000, 10_000, 100_000];
/** A size for the matchers alone (a spec with every field this long would be 40 MB). */
const MATCHERS_ONLY = 1_000_000;

/** Every word and phrase of the rules' word lists (strings in arrays, keys of tables). */
function phrasesOf(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (value instanceof PhraseList || typeof value === 'function') return out;
  else if (Array.isArray(value)) value.forEach((v) => phrasesOf(v, out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'string') out.add(key);
      phrasesOf(v, out);
    }
  }
  return out;
}

const PHRASES = [...phrasesOf([methodWords, outputPaymentWords, deficitWords, vagueWords, paidWords])];
const MULTI_WORD = PHRASES.filter((p) => p.includes(' '));
const SINGLE = PHRASES.filter((p) => /^[a-z]+$/.test(p));

/** `piece` repeated (or pieces cycled) to exactly `n` characters. */
function fill(n: number, ...pieces: string[]): string {
  let text = '';
  for (let i = 0; text.length < n; i++) text += pieces[i % pieces.length];
  return text.slice(0, n);
}

/** An adversarial text as a function of its length, and rules it must still make fire. */
interface Input {
  readonly name: string;
  readonly make: (n: number) => string;
  readonly fires?: readonly string[];
}

const INPUTS: readonly Input[] = [
  // Each phrase without its last word: every word starts a candidate that never completes.
  { name: 'phrase prefixes, never completed', make: (n) => fill(n, ...MULTI_WORD.map((p) => `${p.slice(0, p.lastIndexOf(' '))} `)) },
  { name: 'one prefix repeated ("no more no more …")', make: (n) => fill(n, 'no more ') },
  // Words one letter off the lists' words: stems that almost match.
  { name: 'near-miss words', make: (n) => fill(n, ...SINGLE.map((w) => `${w.slice(0, -1)}x ${w}${w.slice(-1)} `)) },
  { name: 'many negation words, then a phrase', make: (n) => fill(n, "not no never without nor neither don't none ", 'weekly sessions ') },
  {
    name: 'phrases matched many times',
    make: (n) => fill(n, '12 weekly sessions of key worker support at the hub, fewer ', 'hard to reach troubled families '),
    fires: ['over-prescription/method', 'target-group/deficit-framing'],
  },
  { name: 'capitals and apostrophes ("\'An\'An…", the Outcomes Star pattern)', make: (n) => fill(n, "'An") },
  { name: 'capitalised words before Star', make: (n) => fill(n, 'Family Star ', 'star rating ') },
  { name: 'a long run of one letter', make: (n) => 'a'.repeat(n) },
  { name: 'a long run of spaces', make: (n) => `x${' '.repeat(n - 2)}y` },
  { name: 'a long run of digits and commas', make: (n) => fill(n, '1,000') },
  { name: 'a line with no spaces (hyphens and apostrophes)', make: (n) => fill(n, "weekly-sessions'") },
  { name: 'punctuation between every word', make: (n) => fill(n, 'weekly; sessions, at. the: hub! ') },
  { name: 'schedule words never completed ("within within …")', make: (n) => fill(n, 'within every then monthly ') },
  { name: 'line breaks', make: (n) => fill(n, 'to be\nagreed\r\n') },
];

/** A spec with every text field holding `text` (inside triple quotes, escaped). */
function specWith(text: string): string {
  const t = `"""${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"""`;
  return `
spec ${t} {
  commissioner ${t}
  term 3 years from 2027-04-01
  budget £1.8m
  service level needed
}
cohort people ${t} {
  eligibility {
    age 16 to 24
    resident in ${t}
    criterion ${t}
  }
  size 1,200
  referral by ${t}, ${t}
  segment some ${t} {
    criterion ${t}
    size 100
  }
  exclude ${t}
}
outcome counted ${t} {
  for people
  measure ${t}
  instrument ${t}
  evidence ${t}
  baseline 14% source ${t}
  target 28% by 2029-12-31
  counterfactual ${t}
  kind output
  value £11,400 source ${t}
  window 52 weeks
}
outcome changed ${t} {
  for some
  measure ${t}
  evidence ${t}
  kind intangible
}
payment {
  model results
  pay £3,400 for counted per participant
  pay £1,000 for changed per participant in some
  cap £1.65m
  schedule ${t}
}
subcontracting {
  prime ${t}
  management fee 10%
  standard ${t}
}
requirement ${t}
standard ${t}
contingency {
  step in ${t}
  notice 3 months
  warning signs ${t}
  reserve £150,000
}
review every 6 months with ${t}
involve ${t}
monitor ${t}
`;
}

const multiWord = new PhraseList(MULTI_WORD);
const single = new PhraseList(SINGLE);

/** Every matcher, on one text. */
function runMatchers(text: string): void {
  const list = words(text);
  for (const phrases of [multiWord, single]) {
    phrases.find(list);
    phrases.findAffirmed(list);
  }
  for (let i = 0; i < list.length; i++) isNegated(list, i, 5);
  list.forEach((w) => stem(w.text));
  paidWords.namesValidatedInstrument(text, undefined);
  namesNothing(text);
  saysNothing(text);
  shortQuote(text);
  readSchedule(text);
}

function ms(start: number): string {
  return `${(performance.now() - start).toFixed(0)} ms`;
}

describe('word-list matchers on adversarial input (1k, 10k, 100k and 1M characters)', function () {
  // Each input takes about a second; a quadratic matcher would take minutes on 1,000,000 characters.
  this.timeout(20_000);
  const times: string[] = [];
  after(() => console.log(`      times (informational, for docs/reliability.md):\n${times.map((t) => `        ${t}`).join('\n')}`));

  it('the word lists are found (the inputs are built from them)', () => {
    assert.ok(MULTI_WORD.length > 50 && SINGLE.length > 100, `${MULTI_WORD.length} phrases, ${SINGLE.length} words`);
  });

  for (const { name, make, fires = [] } of INPUTS) {
    it(name, () => {
      const row: string[] = [];
      for (const n of [...SIZES, MATCHERS_ONLY]) {
        const text = make(n);
        assert.equal(text.length, n);
        let start = performance.now();
        runMatchers(text);
        row.push(`${n.toLocaleString('en-GB')}: matchers ${ms(start)}`);
        if (n === MATCHERS_ONLY) continue;

        start = performance.now();
        const spec = specWith(text);
        const result = lintText('file:///adversarial.outcome', spec, noFiles);
        row[row.length - 1] += `, lint ${ms(start)} (${(spec.length / 1e6).toFixed(1)} MB spec)`;
        assert.ok(result.model.parsed.file.items.length >= 10, 'the spec was read');
        const failures = result.diagnostics.filter((d) => d.message.includes('please report it'));
        assert.deepEqual(failures.map((d) => d.message), []);
        for (const d of result.diagnostics) assert.ok(d.span.end <= spec.length);
        const codes = new Set(result.diagnostics.map((d) => d.code));
        for (const rule of fires) assert.ok(codes.has(rule), `${rule} did not fire at ${n} characters`);
      }
      times.push(`${name}: ${row.join('; ')}`);
    });
  }
});
