import { Rule } from '../rule';

/** The target-group rules: one module each in this folder. */
export const familyRules: readonly Rule<unknown>[] = [] as Rule<unknown>[];
