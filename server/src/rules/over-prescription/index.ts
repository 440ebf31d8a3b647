import { rule as method } from './method';
import { rule as requirementsOutnumberOutcomes } from './requirements-outnumber-outcomes';
import { Rule } from '../../engine/kit';

/** The over-prescription rules: one module each in this folder. */
export const familyRules: readonly Rule<unknown>[] = [method, requirementsOutnumberOutcomes] as Rule<unknown>[];
