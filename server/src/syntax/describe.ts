import { durationText, numberText, percentText as percent } from '../base/wording';
import { squash } from '../base/text';
import * as ast from './ast';

/*
 * Values written back as a reader would write them, the same way whatever the
 * source looked like: `1200` and `1,200` are both "1,200", `1 years` is "1 year",
 * `£1.8m` is "£1,800,000". Used by the export (in descriptions) and by the diff (which
 * compares these strings, so that rewriting a value without changing it is no change).
 */

/** A baseline or target: `14%` or `5.8`. */
export function rateText(value: ast.Rate, kind: 'percent' | 'number' | undefined): string {
  return kind === 'percent' ? percent(value.value) : numberText(value.value);
}

export function dateText(value: ast.DateValue): string {
  if (!value.valid) return value.source;
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(value.year, 4)}-${pad(value.month, 2)}-${pad(value.day, 2)}`;
}

/** `age 16 to 24`, `resident in "Severnmoor"`, `criterion "…"`, as in the language. */
export function criterionText(criterion: ast.Criterion): string | undefined {
  switch (criterion.kind) {
    case 'age':
      return criterion.from && criterion.to ? `age ${numberText(criterion.from.value)} to ${numberText(criterion.to.value)}` : undefined;
    case 'resident':
      return criterion.place ? `resident in "${squash(criterion.place.value)}"` : undefined;
    case 'criterion':
      return criterion.text ? `criterion "${squash(criterion.text.value)}"` : undefined;
  }
}

/** The same criterion in plain words, for descriptions: `aged 16 to 24`, `resident in Severnmoor`. */
export function criterionWords(criterion: ast.Criterion): string | undefined {
  switch (criterion.kind) {
    case 'age':
      return criterion.from && criterion.to ? `aged ${numberText(criterion.from.value)} to ${numberText(criterion.to.value)}` : undefined;
    case 'resident':
      return criterion.place ? `resident in ${squash(criterion.place.value)}` : undefined;
    case 'criterion':
      return criterion.text ? squash(criterion.text.value) : undefined;
  }
}

/** `by "A", "B"`, `self` or `provider`. */
export function referralText(referral: ast.Referral): string | undefined {
  const route = referral.route?.value;
  if (!route) return undefined;
  if (route !== 'by') return route;
  return `by ${referral.referrers.map((r) => `"${squash(r.value)}"`).join(', ')}`;
}

export function termText(term: ast.TermField): string | undefined {
  if (!term.value) return undefined;
  return `${durationText(term.value)}${term.from ? ` from ${dateText(term.from)}` : ''}`;
}
