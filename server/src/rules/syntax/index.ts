import { Rule } from '../rule';
import { rule as parse } from './parse';

/** The syntax rules: one module each in this folder. */
export const familyRules: readonly Rule<unknown>[] = [parse] as Rule<unknown>[];
