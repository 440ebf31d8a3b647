import { RuleSet, ruleSet } from '../engine/lint';
import { familyRules as budget } from './budget/index';
import { familyRules as monetisation } from './monetisation/index';
import { familyRules as overPrescription } from './over-prescription/index';
import { familyRules as perverseIncentive } from './perverse-incentive/index';
import { familyRules as resilience } from './resilience/index';
import { familyRules as structure } from './structure/index';
import { familyRules as syntax } from './syntax/index';
import { familyRules as targetGroup } from './target-group/index';

/**
 * The rules outcome-lint ships, sorted by id: the one value every front end lints with.
 * Each family's index.ts lists its modules; a test fails when a module under
 * rules/<family>/ is not listed.
 */
export const catalogue: RuleSet = ruleSet(
  [...budget, ...monetisation, ...overPrescription, ...perverseIncentive, ...resilience, ...structure, ...syntax, ...targetGroup].sort((a, b) =>
    a.meta.id.localeCompare(b.meta.id),
  ),
);
