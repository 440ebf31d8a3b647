import { rule as duplicateBlock } from './duplicate-block';
import { rule as duplicateField } from './duplicate-field';
import { rule as duplicateId } from './duplicate-id';
import { rule as invalidValue } from './invalid-value';
import { rule as missingSpec } from './missing-spec';
import { rule as placeholder } from './placeholder';
import { rule as undefinedOutcome } from './undefined-outcome';
import { rule as unexplainedSuppression } from './unexplained-suppression';
import { rule as unresolvedUse } from './unresolved-use';
import { rule as unusedSuppression } from './unused-suppression';
import { Rule } from '../../engine/kit';

/** The structure rules: one module each in this folder. */
export const familyRules: readonly Rule<unknown>[] = [
  duplicateBlock,
  duplicateField,
  duplicateId,
  invalidValue,
  missingSpec,
  placeholder,
  undefinedOutcome,
  unexplainedSuppression,
  unresolvedUse,
  unusedSuppression,
] as Rule<unknown>[];
