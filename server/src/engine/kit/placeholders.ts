import { PhraseList, words } from './words';

/*
 * Text that fills a field without saying anything: `evidence "TBC"`,
 * `warning signs "to be agreed"`, `involve "none"`. Rules treat such a field as
 * missing. Two lists, because some words begin real text: "None of the expected
 * referrals for a month" is a warning sign, while "None" on its own is not.
 *
 * An ellipsis ("…") is in neither list: it is what the quick fixes insert for the
 * writer to fill in, and an editor shows it as a gap to fill.
 */

/** Text that begins with one of these is still to be settled. */
const BEGINS = new PhraseList([
  // abbreviations
  'TBC',
  'TBD',
  'TBA',
  // still to be settled
  'to be confirmed',
  'to be agreed',
  'to be decided',
  'to be determined',
  'to be arranged',
  'to be identified',
  'to be set',
  'to be developed',
  'to follow',
  'not yet agreed',
  'not yet confirmed',
  'not yet decided',
  'not yet known',
  'not yet identified',
  'not yet arranged',
  'not yet available',
]);

/** Words that start a time after a placeholder: "to be agreed at contract award". */
const WHEN = new PhraseList([
  'at', 'by', 'in', 'on', 'when', 'once', 'during', 'after', 'before', 'following', 'until',
  'pending', 'later', 'shortly', 'soon',
]);

/** Text that is only one of these (punctuation aside) says nothing. */
const WHOLE = new PhraseList([
  // nobody, nothing
  'none',
  'none yet',
  'none agreed',
  'none identified',
  'none at present',
  'no one',
  'no one yet',
  'nobody',
  'nil',
  // not known
  'unknown',
  'not known',
  'n/a',
  'not applicable',
  // not yet written
  'pending',
  'later',
  'various',
]);

function isWhole(list: ReturnType<typeof words>): boolean {
  return WHOLE.find(list).some((m) => m.index === 0 && m.words.length === list.length);
}

/**
 * For a field that must name a thing (an evidence source, a comparison): text that
 * begins "TBC", "to be agreed…" names nothing, whatever follows; "To be checked
 * against H-CLIC records" names something and counts.
 */
export function namesNothing(text: string): boolean {
  if (text.trim().length === 0) return true;
  const list = words(text);
  if (list.length === 0) return false;
  return BEGINS.find(list).some((m) => m.index === 0) || isWhole(list);
}

/**
 * For a field that describes people or a plan: "to be agreed" says nothing when
 * nothing but punctuation or a time follows ("to be agreed at contract award"), but
 * "to be agreed with the Youth Voice panel, which co-designs the referral route"
 * names someone. `words()` drops punctuation, so "N/A." and "TBC!" match too.
 */
export function saysNothing(text: string): boolean {
  if (text.trim().length === 0) return true;
  const list = words(text);
  if (list.length === 0) return false;
  const begins = BEGINS.find(list).find((m) => m.index === 0);
  if (begins) {
    const last = begins.words[begins.words.length - 1];
    const next = list[begins.words.length];
    if (!next) return true;
    if (text.slice(last.end, next.start).trim().length > 0) return true; // punctuation between
    if (WHEN.find([next]).length > 0) return true;
  }
  return isWhole(list);
}

/** The text as a short quote for a message: `"TBC"`, cut at a word near 40 characters. */
export function shortQuote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 40) return `"${flat}"`;
  const cut = flat.lastIndexOf(' ', 40);
  let end = cut > 0 ? cut : 40;
  while (end > 0 && /[\s,;:.]/.test(flat[end - 1])) end--; // no space or punctuation before the `…`
  return `"${flat.slice(0, end)}…"`;
}
