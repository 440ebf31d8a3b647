import { PhraseList, Word, words } from './words';

/*
 * Legal and safety duties: a requirement (or a clause of one) that names one is a duty
 * the provider must meet whatever its method, and belongs in a `standard`. Shared by
 * the rules about requirements (over-prescription/method leaves such a clause alone;
 * over-prescription/requirements-outnumber-outcomes counts such requirements apart).
 */

/** Words of legal and safety duties. ("Act" with a capital, as in "Care Act 2014", is recognised apart.) */
const LEGAL = new PhraseList([
  // the law itself
  'statutory',
  'statute',
  'legislation',
  'regulation',
  'by law',
  'the law',
  'legal duty',
  'legal requirement',
  'legally required',
  'legal obligation',
  'duty to',
  'duty of care',
  'its duties',
  'their duties',
  'Prevent duty',
  // safeguarding and vetting
  'safeguard',
  'DBS',
  'Disclosure and Barring',
  'vetting',
  'security clearance',
  'MAPPA',
  'Keeping Children Safe',
  'Working Together',
  // data and information
  'data protection',
  'GDPR',
  'information governance',
  'Caldicott',
  // health, safety and registration
  'health and safety',
  'fire safety',
  'food hygiene',
  'first aid',
  'CQC',
  'Care Quality Commission',
  'Ofsted',
  'insurance',
  'Mental Capacity',
  'Deprivation of Liberty',
  'equality duty',
]);

/** The words (by index) that name a legal or safety duty: a phrase of the list, or `Act` after the first word. */
export function dutyWords(list: readonly Word[]): number[] {
  const found = LEGAL.find(list).map((m) => m.index);
  list.forEach((w, i) => {
    if (i > 0 && /^Acts?$/.test(w.text)) found.push(i); // "the Care Act 2014"
  });
  return found;
}

/** True when a requirement names a legal or safety duty. */
export function readsAsLegalDuty(text: string): boolean {
  return dutyWords(words(text)).length > 0;
}
