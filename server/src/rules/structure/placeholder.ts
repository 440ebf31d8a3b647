import { formatMoney } from '../../base/wording';
import { defineRule, fromReport, shortQuote } from '../../engine/kit';

/*
 * A gap left to fill: a text that is only a placeholder (`"…"`, the mark the editor's
 * suggestions leave; `"TODO: …"`, `"TBC"`, `"[insert the provider]"`, `"<name>"`; an
 * empty `""`), or a price of nothing (`pay £0 …`). A spec is a contract: one issued
 * with a gap in it is settled later, by whoever holds the pen. An error, so that CI
 * stops a spec with a gap from being merged.
 */

/**
 * The whole text is a placeholder: a gap mark, a note to come back (in capitals, as such
 * notes are written: "Todo app usage data" is a real measure), or an instruction in
 * brackets.
 */
const PLACEHOLDER = /^(?:…|\.{3}|(?:TODO|FIXME|XXX|TBC|TBD|TBA)\b.*|\[[^\]]*\]|<[^>]*>)$/s;

/** What a placeholder starts with: a gap mark, a note to come back, a bracket. */
const PLACEHOLDER_STARTS = new Set(['…', '.', 'T', 'F', 'X', '[', '<']);

/** The placeholder in a text, as the message quotes it; undefined when the text is not one. */
function placeholder(text: string): string | undefined {
  // Most texts are not, and their first letter says so: this rule reads every string of
  // the spec on every keystroke in one, so the pattern is tried only where it could match.
  const first = /\S/.exec(text)?.[0];
  if (first !== undefined && !PLACEHOLDER_STARTS.has(first)) return undefined;
  const trimmed = text.trim();
  if (trimmed === '') return 'an empty text';
  return PLACEHOLDER.test(trimmed) ? shortQuote(trimmed) : undefined;
}

export const rule = defineRule({
  meta: {
    id: 'structure/placeholder',
    family: 'structure',
    severity: 'error',
    summary: 'A gap left to fill: a text that is only `…`, TODO, TBC, `[insert …]` or empty, or a price of £0.',
    rationale:
      'A specification is a contract. A gap in it (the `…` that a suggestion leaves for you to fill in, a TODO, ' +
      'a "TBC", an empty text, a price of nothing) is a term no one agreed: it is settled after the contract is ' +
      'let, by whoever holds the pen, usually in the provider\'s favour or at the users\' cost. Every gap must be ' +
      'filled before the spec is issued; this is an error so that a pipeline stops one from being merged.',
    evidence: [
      fromReport(
        'Failure is sometimes built into inadequate commissioning processes e.g. contract clauses that will produce failure.',
        'Session Two, Witness 4 (questioning and discussion)',
      ),
    ],
    examples: {
      fires: 'outcome job "Sustained employment" {\n  for neet\n  measure "…"\n  evidence "TBC"\n}\n',
      passes:
        'outcome job "Sustained employment" {\n  for neet\n  measure "26 weeks in paid work of 16 or more hours a week"\n' +
        '  evidence "HMRC Real Time Information payroll data"\n}\n',
      fix: 'Write what the contract says in place of each gap: the measure, the evidence, the provider that steps in, the price.',
    },
  },
  check({ facts, read, report }) {
    for (const { text, field } of facts.strings) {
      const found = placeholder(read(text));
      if (found) report({ at: text.span, message: `the ${field} is ${found === 'an empty text' ? found : `still a placeholder, ${found}`}: fill it in before this spec is issued` });
    }
    for (const pay of facts.payment?.pays ?? []) {
      if (pay.amount?.minor === 0n) {
        report({ at: pay.amount.span, message: `this price is ${formatMoney(0n, pay.amount.currency)}: write the price, or leave the outcome unpaid` });
      }
    }
  },
});
