import { Rule } from './rule';
import { familyRules as budget } from './budget/index';
import { familyRules as monetisation } from './monetisation/index';
import { familyRules as overPrescription } from './over-prescription/index';
import { familyRules as perverseIncentive } from './perverse-incentive/index';
import { familyRules as resilience } from './resilience/index';
import { familyRules as structure } from './structure/index';
import { familyRules as syntax } from './syntax/index';
import { familyRules as targetGroup } from './target-group/index';

/**
 * Every rule, sorted by id. Each family's index.ts lists its modules; a test fails
 * when a module under rules/<family>/ is not listed.
 */
export const rules: readonly Rule<unknown>[] = [
  ...budget,
  ...monetisation,
  ...overPrescription,
  ...perverseIncentive,
  ...resilience,
  ...structure,
  ...syntax,
  ...targetGroup,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

const byId: ReadonlyMap<string, Rule<unknown>> = new Map(rules.map((r) => [r.meta.id, r]));

export function ruleById(id: string): Rule<unknown> | undefined {
  return byId.get(id);
}
