import { z } from 'zod';
import { Fix } from '../../base/diagnostic';
import * as ast from '../../syntax/ast';
import { groupOf, isOtherSense, looksLikeAName, namesValidatedInstrument, SELF_REPORT, SOFT_CONSTRUCTS } from './unmeasured-paid-words';
import { defineRule, fix, fromReport, lastOf, PhraseList, PhraseMatch, shortQuote, SpecFacts, words } from '../../engine/kit';

/*
 * A paid outcome whose measure is a soft construct (confidence, wellbeing, resilience…)
 * with no validated instrument. Cleared by an `instrument` that names a validated tool,
 * or by a measure that names one itself ("a rise of 3 points on SWEMWBS"). An
 * `instrument` that names a tool not in the built-in list ("Kingsford Wellbeing Scale")
 * is an info on that line asking to confirm it and add it to the allow-list; one that
 * names no tool at all ("provider's own questionnaire") is a warning there. With no
 * `measure`, the title is read instead.
 */

const options = z.object({
  instruments: z
    .array(z.string())
    .default([])
    .describe(
      'More validated instruments, by name or abbreviation (e.g. "Kingsford Wellbeing Scale"), added to the built-in list (WEMWBS, SWEMWBS, SDQ, Outcomes Star, Rosenberg, GAD-7, PHQ-9, ONS4, CORE-10…).',
    ),
});

export const rule = defineRule({
  meta: {
    id: 'monetisation/unmeasured-paid',
    family: 'monetisation',
    severity: 'warning',
    summary: 'A paid outcome is measured on a soft construct, such as confidence or wellbeing, with no validated instrument.',
    rationale:
      'Confidence, wellbeing, resilience and motivation are real changes, but without a validated instrument ' +
      'they are measured by whoever is asked: the participant on a good day, or the provider who is paid when ' +
      'the answer is yes. A price on such a measure invites disputes over every claim and quietly rewards ' +
      'generous scoring. A validated instrument (WEMWBS or SWEMWBS, SDQ, an Outcomes Star, Rosenberg, GAD-7, ' +
      'PHQ-9, ONS4, CORE-10…), taken at the start and again later, makes the change measurable and comparable. ' +
      'A named tool that is not in the built-in list is reported as an info, asking the commissioner to ' +
      'confirm it is validated and add it to the rule\'s `instruments` option.',
    evidence: [
      fromReport(
        'Can we ever really quantify social benefits in monetary terms and how credible are existing instruments',
        'Session Two, Witness 1 (measuring impact)',
      ),
      fromReport(
        'The most credible approaches to measuring impact may be the simplest but these may not allow for quantification or monetarisation of intangible benefits',
        'Session Two, Witness 1 (questioning and discussion)',
      ),
    ],
    examples: {
      fires:
        'use "shared.outcome"\noutcome confidence "Improved confidence" {\n  for neet\n  measure "self-reported confidence at the end of the programme"\n  evidence "provider\'s exit survey"\n}\npayment {\n  pay £200 for confidence per participant\n}\n',
      passes:
        'use "shared.outcome"\noutcome confidence "Improved confidence" {\n  for neet\n  measure "self-reported confidence at the end of the programme"\n  instrument "Rosenberg Self-Esteem Scale, at joining and after 6 months"\n  evidence "provider\'s exit survey"\n}\npayment {\n  pay £200 for confidence per participant\n}\n',
      fix:
        'Name a validated instrument with `instrument "…"`, taken at the start and again later, or stop paying ' +
        'for the outcome and track it for learning. The quick fix adds an `instrument` line with a validated ' +
        'tool for the construct found (SWEMWBS for wellbeing, Rosenberg for confidence…), to confirm or change.',
    },
    options,
  },
  check({ facts, options: { instruments }, read, report }) {
    const extra = instruments.length > 0 ? new PhraseList(instruments) : undefined;
    for (const outcome of facts.paidOutcomes) {
      const measure = outcome.measure?.value;
      // With no measure, the title is all there is to say what is paid for.
      const source = read(measure ?? outcome.title);
      if (source === undefined) continue;
      const list = words(source);
      const soft = SOFT_CONSTRUCTS.findAffirmed(list).find((m) => !isOtherSense(list, m.index, m.words.length));
      if (!soft) continue;
      if (namesValidatedInstrument(source, extra)) continue;
      const named = outcome.instruments.map((i) => read(i.value)).filter((i) => i !== undefined);
      if (named.some((i) => namesValidatedInstrument(i, extra))) continue;

      const what = subject(outcome, soft);
      const written = outcome.instruments.find((i) => i.value);
      if (written) {
        const related = measure ? [{ message: 'the measure', span: outcome.measure!.span }] : undefined;
        // A tool named as a tool may well be validated and simply not in the list: ask, do not warn.
        report(
          looksLikeAName(named[0])
            ? {
                at: written.span,
                severity: 'info',
                message:
                  `${what} is paid for and measured with ${shortQuote(named[0])}, which is not in the built-in list of validated instruments: ` +
                  'confirm it is validated, and add it to the `instruments` option of monetisation/unmeasured-paid in .outcomelintrc.json',
                related,
              }
            : {
                at: written.span,
                message: `${what} is paid for but measured with ${shortQuote(named[0])}, which does not name a validated instrument`,
                related,
              },
        );
        continue;
      }
      const selfReport = measure !== undefined && SELF_REPORT.findAffirmed(list).length > 0;
      report({
        at: measure ? outcome.measure!.span : (outcome.name ?? outcome).span,
        message: measure
          ? `${what} is paid for but measured ${selfReport ? 'by self-report, with' : 'with'} no validated instrument`
          : `${what} is paid for but has no measure, and no validated instrument`,
        suggestions: [addInstrument(facts, outcome, soft)],
      });
    }
  },
});

/** "`confidence`", or "`confidence` (outcome `progress`)" when the outcome is named otherwise. */
function subject(outcome: ast.OutcomeBlock, soft: PhraseMatch): string {
  let word = soft.words.map((w) => w.text).join(' ');
  if (/^\p{Lu}\p{Ll}/u.test(word)) word = word[0].toLowerCase() + word.slice(1);
  const name = outcome.name?.text;
  // `hope` and "hopeful", `aspiration` and "aspirations": the same thing.
  const alike = (a: string, b: string): boolean => a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a));
  const same = name !== undefined && words(name.replace(/[_-]/g, ' ')).some((w) => soft.words.some((s) => alike(s.stem, w.stem)));
  return same || name === undefined ? `\`${word}\`` : `\`${word}\` (outcome \`${name}\`)`;
}

/** Adds an `instrument` line after the measure, naming a validated tool for the construct. */
function addInstrument(facts: SpecFacts, outcome: ast.OutcomeBlock, soft: PhraseMatch): Fix | undefined {
  const group = groupOf(soft.phrase);
  if (!group) return undefined;
  const edit = facts.edits.insertField(outcome, lastOf([outcome.measure, ...outcome.for]), `instrument "${group.instrument}"`);
  return fix(`Measure with ${group.short} (add \`instrument "${group.instrument}"\`)`, edit);
}
