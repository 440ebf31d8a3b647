import { Rule } from '../rule';
import { rule as method } from './method';
import { rule as requirementsOutnumberOutcomes } from './requirements-outnumber-outcomes';

/** The over-prescription rules: one module each in this folder. */
export const familyRules: readonly Rule<unknown>[] = [method, requirementsOutnumberOutcomes] as Rule<unknown>[];
