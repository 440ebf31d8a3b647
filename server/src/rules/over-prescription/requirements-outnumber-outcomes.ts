import { cover } from '../../base/span';
import { plural } from '../../base/wording';
import { defineRule, fromReport, readsAsLegalDuty } from '../../engine/kit';

export const rule = defineRule({
  meta: {
    id: 'over-prescription/requirements-outnumber-outcomes',
    family: 'over-prescription',
    severity: 'info',
    specLevel: true,
    summary: 'The spec has more `requirement` lines than `outcome` blocks.',
    rationale:
      'A specification that is mostly instructions to the provider is a contract for inputs with an outcomes ' +
      'label on it. The provider will be managed on whether it followed the instructions, not on whether ' +
      "people's lives changed, and the outcomes become an afterthought. Turn requirements that describe a " +
      'method into outcomes, move legal and safety duties into `standard` lines, and keep requirements for what ' +
      'the contract cannot work without (data sharing, keeping everyone on the cohort list).',
    evidence: [
      fromReport(
        'Accountability in public sector/third sector relations has become limited to accounting for how money is spent and the achievement of specified tasks. It encourages a practice of compliance to stated measures and inhibits creativity.',
        'Session Three, Theme 2 (accountability)',
      ),
      fromReport(
        'The challenge of getting better at outcomes based commissioning (particularly getting state organisations to stop specifying how as well as what)',
        'Session One, roundtable (key issues raised in discussion)',
      ),
    ],
    examples: {
      fires:
        'spec "Youth pathways" { budget £500k }\nuse "shared.outcome"\n\noutcome sustained_job "Sustained employment" {\n  for neet\n  measure "26 weeks in paid work"\n}\n\n' +
        'requirement "The provider must deliver 10 weekly group workshops of 2 hours"\n' +
        'requirement "Every adviser must hold a Level 4 qualification in information, advice and guidance"\n',
      passes:
        'spec "Youth pathways" { budget £500k }\nuse "shared.outcome"\n\noutcome sustained_job "Sustained employment" {\n  for neet\n  measure "26 weeks in paid work"\n}\n\n' +
        'outcome learning "First full qualification" {\n  for neet\n  measure "a first full Level 2 or 3 qualification"\n}\n\n' +
        'requirement "The provider must share the case-level data needed to verify claims with the council"\n',
      fix:
        'Say what should change for people as outcomes, move legal and safety duties into `standard` lines, and ' +
        'drop requirements that only describe a method.',
    },
  },
  check({ facts, read, report }) {
    const spec = facts.spec;
    if (!spec) return;
    const requirements = facts.textItems('requirement');
    const outcomes = facts.outcomes.length;
    if (requirements.length <= outcomes) return;
    const count = (n: number, word: string): string => (n === 0 ? `no ${word}s` : plural(n, word));
    const duties = requirements.filter((r) => r.text && readsAsLegalDuty(read(r.text))).length;
    const dutyNote =
      duties === 0
        ? ''
        : duties === requirements.length
          ? `; ${requirements.length === 1 ? 'it reads' : 'they all read'} as legal or safety duties, which belong in \`standard\` lines`
          : `; ${duties} of them ${duties === 1 ? 'reads' : 'read'} as legal or safety duties, which belong in \`standard\` lines`;
    report({
      at: spec.title ? cover(spec.keyword, spec.title.span) : spec.keyword,
      message:
        `${count(requirements.length, 'requirement')} and ${count(outcomes, 'outcome')}: ` +
        `a specification that is mostly instructions buys activity, not results${dutyNote}`,
      related: requirements.map((r, i) => ({ message: `requirement ${i + 1} of ${requirements.length}`, span: r.span })),
    });
  },
});
