import { defineRule } from '../../engine/kit';

// Reported by the engine (rules/suppressions.ts) after every other rule has run.
export const rule = defineRule({
  meta: {
    id: 'structure/unused-suppression',
    family: 'structure',
    severity: 'warning',
    summary: 'A suppression comment silences nothing.',
    rationale:
      'A suppression left behind after the finding was fixed (or one with a mistyped rule id) would silently hide ' +
      'the next real finding on that line.',
    evidence: [],
    examples: {
      fires: 'cohort neet {\n  # outcome-lint-disable-next-line target-group/no-size -- counted later\n  size 450\n}\n',
      passes: 'cohort neet {\n  size 450\n}\n',
      fix: 'Delete the suppression, or correct the rule id it names.',
    },
  },
});
