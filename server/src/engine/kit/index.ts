/*
 * The rule kit: everything a rule module imports, in one place. Rules import from here
 * (and from the tree's types, the model and base/), never from another rule.
 */
export { readsAsLegalDuty, dutyWords } from './duties';
export { Block, Edits, lastOf } from './edits';
export { fromReport } from './evidence';
export { idCorrection, idSuggester } from './ids';
export { memoByText } from './memo';
export { reportModelFindings } from './model-findings';
export { namesNothing, saysNothing, shortQuote } from './placeholders';
export { defineRule, Evidence, Family, fix, Report, Rule, RuleContext, RuleExamples, RuleMeta } from './rule';
export { clauseNumbers, isNegated, isNumberWord, PhraseList, PhraseMatch, stem, Word, words } from './words';
export { CohortOf, SpecFacts } from '../facts';
