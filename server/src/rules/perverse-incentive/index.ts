import { rule as cliffEdge } from './cliff-edge';
import { rule as creaming } from './creaming';
import { rule as noUpfront } from './no-upfront';
import { rule as outputPayment } from './output-payment';
import { rule as parking } from './parking';
import { rule as primeTopSlice } from './prime-top-slice';
import { rule as riskPassedDown } from './risk-passed-down';
import { rule as unmonitoredDrift } from './unmonitored-drift';
import { Rule } from '../../engine/kit';

/** The perverse-incentive rules: one module each in this folder. */
export const familyRules: readonly Rule<unknown>[] = [
  cliffEdge,
  creaming,
  noUpfront,
  outputPayment,
  parking,
  primeTopSlice,
  riskPassedDown,
  unmonitoredDrift,
] as Rule<unknown>[];
