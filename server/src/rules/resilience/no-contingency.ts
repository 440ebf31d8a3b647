import { Fix, Related } from '../../base/diagnostic';
import { defineRule, fix, fromReport, saysNothing, shortQuote, SpecFacts } from '../../engine/kit';

export const rule = defineRule({
  meta: {
    id: 'resilience/no-contingency',
    family: 'resilience',
    severity: 'warning',
    specLevel: true,
    summary: 'No `contingency` block, or one that names no one to `step in` if the provider fails.',
    rationale:
      'Providers fail: they run out of money, hand a contract back or stop being able to deliver. When the ' +
      'contract has no plan for that, the people using the service are left without it while the council works ' +
      'out who could take over, and with what money. A `contingency` block says who steps in, on what notice, ' +
      'and what reserve covers the gap. For a `service level must` service, which the council has to keep running ' +
      'whatever happens to the provider, a missing plan is an error; for a `service level could` service, which ' +
      'the council may let go when its provider fails, it is an info. A `step in` that says only "TBC" or "none" ' +
      'is treated as missing.',
    evidence: [
      fromReport(
        'Lessons from the private sector suggest that if we do due diligence, plan for failure, consider a range of possible future scenarios, limit the circumstances in which we have a single supplier then failure, when it occurs, is easier to mitigate.',
        'Session Three, Theme 3 (who should step in when delivery fails), Chris Banks',
      ),
      fromReport(
        'What contingencies do public bodies have for mitigating failure e.g. drawing on reserves? If they have no contingencies then possibly think about funding a levy to provide some protection (insurance) should failure occur.',
        'Session Three, Theme 3 (who should step in when delivery fails), Chris Banks',
      ),
      fromReport(
        'If the former then the state can opt out should failure occur, if the latter then the commissioner retains a responsibility for making sure that the service is provided.',
        'Session Three, Theme 3 (who should step in when delivery fails), Chris Banks',
      ),
    ],
    examples: {
      fires:
        'spec "Home First reablement" {\n  term 5 years from 2026-04-01\n  budget £17.5m\n  service level must\n}\n\n' +
        'review every 3 months with "Home First partnership board"\n',
      passes:
        'spec "Home First reablement" {\n  term 5 years from 2026-04-01\n  budget £17.5m\n  service level must\n}\n\n' +
        'contingency {\n  step in "Council in-house reablement team"\n  notice 3 months\n' +
        '  warning signs "more than 10% of discharges waiting over 2 days for a first visit"\n  reserve £400,000\n}\n\n' +
        'review every 3 months with "Home First partnership board"\n',
      fix:
        'Add a `contingency` block that names who will `step in` if the provider fails, the `notice` for handing ' +
        'the service over, the `warning signs` to watch, and a `reserve` to pay for the handover. The quick fix ' +
        'adds the block with gaps (…) to fill in.',
    },
  },
  check({ facts, read, report }) {
    const spec = facts.spec;
    if (!spec) return;
    const level = spec.serviceLevel?.value?.value;
    const must = level === 'must';
    // As the source's step-in question: a service the council has to keep running (`must`)
    // cannot be left to fail; a discretionary one (`could`) the state "can opt out" of when
    // its provider fails, so a missing plan is worth knowing, not a warning.
    const severity = must ? ('error' as const) : level === 'could' ? ('info' as const) : undefined;
    const related: Related[] | undefined =
      must && spec.serviceLevel
        ? [{ message: '`service level must`: the council has to keep this service running whatever happens to the provider', span: spec.serviceLevel.span }]
        : undefined;
    const extra = { severity, related };

    const contingency = facts.contingency;
    if (!contingency) {
      report({
        at: spec.keyword,
        message: must
          ? 'no `contingency` block for a `service level must` service: nothing says who keeps it running if the provider fails'
          : 'no `contingency` block: nothing says who takes over, or with what money, if the provider fails',
        ...extra,
        suggestions: [addContingency(facts)],
      });
      return;
    }

    const stepIn = contingency.stepIn;
    if (!stepIn) {
      report({
        at: contingency.keyword,
        message: must
          ? 'this `contingency` block has no `step in`, and the service is `service level must`: say who keeps it running if the provider fails'
          : 'this `contingency` block has no `step in`: it does not say who takes over if the provider fails',
        ...extra,
        suggestions: [fix('Add `step in "…"` to the contingency block', facts.edits.insertField(contingency, undefined, 'step in "…"'))],
      });
      return;
    }
    // A `step in` without its text is a syntax error already; one that says "TBC" names no one.
    const who = read(stepIn.value);
    if (who !== undefined && saysNothing(who)) {
      report({
        at: stepIn.span,
        message: `\`step in\` says ${shortQuote(who)}: no one is named to take over if the provider fails`,
        ...extra,
      });
    }
  },
});

/**
 * Adds a contingency block skeleton after the last block or requirement/standard line,
 * before the `review`, `involve` and `monitor` lines (the order of the language
 * reference). The reserve is left out: it needs a real amount.
 */
function addContingency(facts: SpecFacts): Fix | undefined {
  const anchor = [...facts.file.items].reverse().find((i) => i.kind !== 'review' && i.kind !== 'involve' && i.kind !== 'monitor');
  if (!anchor) return undefined;
  const block = ['contingency {', '  step in "…"', '  notice 3 months', '  warning signs "…"', '}'];
  return fix('Add a `contingency` block to fill in', facts.edits.insertItemAfter(anchor, block));
}
