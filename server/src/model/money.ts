import { Currency } from '../syntax/ast';

/** `£800,000`, `£1,234.50`: exact, from pence or cents. */
export function formatMoney(minor: bigint, currency: Currency = '£'): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const whole = (abs / 100n).toString();
  const pence = abs % 100n;
  let grouped = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += ',';
    grouped += whole[i];
  }
  const fraction = pence === 0n ? '' : `.${pence.toString().padStart(2, '0')}`;
  return `${negative ? '-' : ''}${currency}${grouped}${fraction}`;
}
