import * as ast from '../syntax/ast';

/*
 * Values written back as a reader would write them, the same way whatever the
 * source looked like: `1200` and `1,200` are both "1,200", `1 years` is "1 year",
 * `£1.8m` is "£1,800,000". Used by the export (in descriptions) and by the diff (which
 * compares these strings, so that rewriting a value without changing it is no change).
 */

/** Text with runs of white space (line breaks, indentation) made single spaces. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `1,200`, `4.6`, `0.5`. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const [whole, fraction] = String(Math.abs(value)).split('.');
  if (whole.includes('e')) return String(value);
  let grouped = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += ',';
    grouped += whole[i];
  }
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

export function percentText(value: ast.PercentValue): string {
  return `${numberText(value.value)}%`;
}

/** A baseline or target: `14%` or `5.8`. */
export function rateText(value: ast.Rate, kind: 'percent' | 'number' | undefined): string {
  return kind === 'percent' ? `${numberText(value.value)}%` : numberText(value.value);
}

export function durationText(value: ast.DurationValue): string {
  return `${numberText(value.amount)} ${value.unit}${value.amount === 1 ? '' : 's'}`;
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
