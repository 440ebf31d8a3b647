import { rule as parse } from './parse';
import { Rule } from '../../engine/kit';

/** The syntax rules: one module each in this folder. */
export const familyRules: readonly Rule<unknown>[] = [parse] as Rule<unknown>[];
