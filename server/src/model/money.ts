import { Currency } from '../syntax/ast';

/** `£800,000`, `£1,234.50`: exact, from pence or cents. */
export function formatMoney(minor: bigint, currency: Currency = '£'): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const whole = (abs / 100n).toString();
  const pence = abs % 100n;
  const fraction = pence === 0n ? '' : `.${pence.toString().padStart(2, '0')}`;
  return `${negative ? '-' : ''}${currency}${groupThousands(whole)}${fraction}`;
}

/** Digits with a comma between groups of three: "1234567" → "1,234,567". */
export function groupThousands(digits: string): string {
  let grouped = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}
