import { rule as exceeds } from './exceeds';
import { rule as noCap } from './no-cap';
import { rule as targetUnreachable } from './target-unreachable';
import { rule as windowPastTerm } from './window-past-term';
import { Rule } from '../../engine/kit';

/** The budget rules: one module each in this folder. */
export const familyRules: readonly Rule<unknown>[] = [exceeds, noCap, targetUnreachable, windowPastTerm] as Rule<unknown>[];
