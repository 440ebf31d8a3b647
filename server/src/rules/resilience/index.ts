import { rule as noContingency } from './no-contingency';
import { rule as noReview } from './no-review';
import { rule as noUserInvolvement } from './no-user-involvement';
import { rule as noWarningSigns } from './no-warning-signs';
import { Rule } from '../../engine/kit';

/** The resilience rules: one module each in this folder. */
export const familyRules: readonly Rule<unknown>[] = [noContingency, noReview, noUserInvolvement, noWarningSigns] as Rule<unknown>[];
