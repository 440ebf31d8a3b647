import { rule as deficitFraming } from './deficit-framing';
import { rule as missing } from './missing';
import { rule as noSize } from './no-size';
import { rule as undefinedTarget } from './undefined';
import { rule as vagueEligibility } from './vague-eligibility';
import { Rule } from '../../engine/kit';

/** The target-group rules: one module each in this folder. */
export const familyRules: readonly Rule<unknown>[] = [deficitFraming, missing, noSize, undefinedTarget, vagueEligibility] as Rule<unknown>[];
