import { Rule } from '../rule';

/** The budget rules: one module each in this folder. */
export const familyRules: readonly Rule<unknown>[] = [] as Rule<unknown>[];
