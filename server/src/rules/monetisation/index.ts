import { rule as intangiblePaid } from './intangible-paid';
import { rule as noBaseline } from './no-baseline';
import { rule as noEvidence } from './no-evidence';
import { rule as priceAboveValue } from './price-above-value';
import { rule as selfReportedEvidence } from './self-reported-evidence';
import { rule as unmeasuredPaid } from './unmeasured-paid';
import { Rule } from '../../engine/kit';

/** The monetisation rules: one module each in this folder. */
export const familyRules: readonly Rule<unknown>[] = [intangiblePaid, noBaseline, noEvidence, priceAboveValue, selfReportedEvidence, unmeasuredPaid] as Rule<unknown>[];
