import { Rule } from '../rule';
import { rule as intangiblePaid } from './intangible-paid';

/** The monetisation rules: one module each in this folder. */
export const familyRules: readonly Rule<unknown>[] = [intangiblePaid] as Rule<unknown>[];
