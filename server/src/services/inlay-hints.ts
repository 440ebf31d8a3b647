import { LintResult } from '../engine/lint';
import { formatMoney, numberText } from '../base/wording';

/** A label shown at the end of a line, such as the most a `pay` line can pay. */
export interface InlayHint {
  readonly offset: number;
  readonly label: string;
  readonly tooltip?: string;
}

export function inlayHints(result: LintResult): InlayHint[] {
  const max = result.facts.maximumPayment;
  const hints: InlayHint[] = max.lines.map((line) => {
    const currency = line.pay.amount?.currency;
    if (line.amount === undefined) return { offset: line.pay.span.end, label: 'up to ?', tooltip: line.missing.join('; ') };
    if (line.successes === undefined) return { offset: line.pay.span.end, label: `= ${formatMoney(line.amount, currency)}` };
    return { offset: line.pay.span.end, label: `up to ${formatMoney(line.amount, currency)} (${numberText(line.successes)} × ${line.pay.amount?.source})` };
  });
  const payment = result.facts.payment;
  const budget = result.facts.spec?.budget?.value;
  if (payment?.braces?.close && payment.pays.length > 0) {
    const total = max.maximum === undefined ? '?' : formatMoney(max.maximum, max.currency);
    const of = budget ? ` of budget ${formatMoney(budget.minor, budget.currency)}` : '';
    hints.push({ offset: payment.braces.close.end, label: `most it can pay: ${total}${max.capOnly ? ' (the cap)' : ''}${of}`, ...(max.missing.length > 0 ? { tooltip: max.missing.join('; ') } : {}) });
  }
  return hints;
}
