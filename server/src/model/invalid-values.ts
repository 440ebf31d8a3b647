import { Diagnostic } from '../base/diagnostic';
import * as ast from '../syntax/ast';

/*
 * Values that read well but cannot be true: a share above 100%, an age range upside
 * down, a date that does not exist, a cohort of no one, a fraction of a penny.
 */

function invalid(node: ast.Node, message: string): Diagnostic {
  return { code: 'structure/invalid-value', severity: 'error', message, span: node.span };
}

function share(value: ast.PercentValue | undefined, what: string, out: Diagnostic[]): void {
  if (value && value.value > 100) out.push(invalid(value, `${what} of ${value.source} is more than 100%`));
}

function rate(field: ast.Field<ast.Rate> | undefined, kind: 'percent' | 'number' | undefined, what: string, out: Diagnostic[]): void {
  if (field?.value && kind === 'percent') share(field.value, what, out);
}

function date(value: ast.DateValue | undefined, out: Diagnostic[]): void {
  if (value && !value.valid) out.push(invalid(value, `${value.source} is not a date in the calendar`));
}

function money(value: ast.MoneyValue | undefined, out: Diagnostic[]): void {
  if (value && !value.exact) out.push(invalid(value, `${value.source} has a fraction of a penny or cent; round it to whole pence`));
}

function size(field: ast.Field<ast.NumberValue> | undefined, of: string, out: Diagnostic[]): void {
  const value = field?.value;
  if (!value) return;
  if (value.value <= 0) out.push(invalid(value, `the size of ${of} is ${value.source}: a size counts people, so it must be at least 1`));
  else if (!Number.isInteger(value.value)) out.push(invalid(value, `the size of ${of} is ${value.source}: a size counts people, so it must be a whole number`));
}

function duration(value: ast.DurationValue | undefined, what: string, out: Diagnostic[]): void {
  if (value && value.amount <= 0) out.push(invalid(value, `${what} of no time at all cannot be met; give a length such as 6 months`));
}

function referrals(volume: ast.ReferralVolume | undefined, out: Diagnostic[]): void {
  const count = volume?.count;
  if (count && count.value <= 0) out.push(invalid(count, `\`referrals ${count.source}\` expects no one: give how many people you expect, such as 300 per year`));
  duration(volume?.ramp, 'a ramp', out);
}

function criteria(list: readonly ast.Criterion[], out: Diagnostic[]): void {
  for (const c of list) {
    if (c.kind === 'age' && c.from && c.to && c.from.value > c.to.value) {
      out.push(invalid(c, `the age range ${c.from.source} to ${c.to.source} is upside down: write the younger age first`));
    }
  }
}

export function invalidValues(file: ast.FileNode): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const item of file.items) {
    switch (item.kind) {
      case 'spec':
        duration(item.term?.value, 'a term', out);
        date(item.term?.from, out);
        money(item.budget?.value, out);
        break;
      case 'cohort': {
        const of = item.name ? `\`${item.name.text}\`` : 'this cohort';
        size(item.size, of, out);
        criteria(item.eligibility?.criteria ?? [], out);
        referrals(item.volume, out);
        for (const segment of item.segments) {
          size(segment.size, segment.name ? `\`${segment.name.text}\`` : 'this segment', out);
          criteria(segment.criteria, out);
        }
        break;
      }
      case 'outcome':
        rate(item.baseline, item.baseline?.rateKind, 'a baseline', out);
        rate(item.target, item.target?.rateKind, 'a target', out);
        date(item.target?.by, out);
        money(item.value?.value, out);
        duration(item.window?.value, 'a window', out);
        break;
      case 'payment':
        share(item.upfront?.value, 'an upfront share', out);
        money(item.cap?.value, out);
        for (const limit of item.limits) money(limit.amount, out);
        for (const pay of item.pays) {
          money(pay.amount, out);
          share(pay.threshold, 'a threshold', out);
        }
        break;
      case 'subcontracting':
        share(item.managementFee?.value, 'a management fee', out);
        break;
      case 'contingency':
        duration(item.notice?.value, 'a notice period', out);
        money(item.reserve?.value, out);
        break;
      case 'finance':
        // A return above 100% a year is improbable, not impossible: it is not reported.
        for (const investor of item.investors) money(investor.commitment, out);
        money(item.fixedFee?.amount, out);
        share(item.share?.value, 'a share of outcome payments', out);
        break;
      case 'review':
        duration(item.every, 'a review interval', out);
        break;
      default:
        break;
    }
  }
  return out;
}
