import { Rule } from '../rule';
import { rule as creaming } from './creaming';
import { rule as noUpfront } from './no-upfront';

/** The perverse-incentive rules: one module each in this folder. */
export const familyRules: readonly Rule<unknown>[] = [creaming, noUpfront] as Rule<unknown>[];
