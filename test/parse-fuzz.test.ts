import fc from 'fast-check';
import { checkLint, PROPERTIES } from './support/fuzz-properties';

/*
 * No input breaks parse, lint or format (test/support/fuzz-properties.ts says what each
 * property holds to, test/support/fuzz-inputs.ts what the inputs are). fast-check
 * generates the inputs and shrinks a failure to the smallest input that shows it; the
 * seed is fixed so that a run is repeatable. These are short runs; `npm run fuzz` is
 * the long one (docs/reliability.md).
 */

/** Inputs (shrunk by hand) that broke a property in a long run, kept so that they stay fixed. */
const REGRESSIONS: readonly { property: (text: string) => void; text: string; what: string }[] = [
  {
    property: checkLint,
    what: 'perverse-incentive/parking offered a quick fix with no edit in a payment block not closed',
    text: 'cohort c { size 10 segment s { size 2 } }\noutcome o { for c }\npayment {\n  upfront 10%\n  pay £1 for o per participant\n',
  },
  {
    property: checkLint,
    what: 'perverse-incentive/no-upfront did the same',
    text: 'spec "S" { budget £1m }\npayment {\n  pay £1 for o per participant\n',
  },
  {
    property: checkLint,
    what: 'perverse-incentive/prime-top-slice offered a quick fix that changed nothing, in a subcontracting block not closed',
    text: 'subcontracting',
  },
];

describe('fuzzing: no input breaks parse, lint or format', function () {
  // The runs below take a few seconds each; the extremes include 100,000-character texts.
  this.timeout(60_000);

  for (const [i, property] of PROPERTIES.entries()) {
    if (property.testRuns === 0) continue;
    it(`${property.name} (${property.testRuns.toLocaleString('en-GB')} runs)`, () => {
      fc.assert(
        fc.property(property.inputs, (text) => {
          property.check(text);
        }),
        { numRuns: property.testRuns, seed: 20261126 + i },
      );
    });
  }

  for (const { property, text, what } of REGRESSIONS) {
    it(`once broken by the long run: ${what}`, () => property(text));
  }
});
