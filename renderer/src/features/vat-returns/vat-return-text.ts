import type { VatReturnView } from '../../../../shared/api/vat-return';
import { isPenceBox, type Box } from '../../../../shared/vat-return/boxes';
import { displayLocale } from '../../app/locale';
import { formatMoney } from '../../components/format';

/** A box's figure as HMRC's form shows it: pence for boxes 1–5, whole pounds for 6–9; grouped for the display locale. */
export function boxText(box: Box, value: number): string {
  if (isPenceBox(box)) return formatMoney({ amount: value, currency: 'GBP' });
  return new Intl.NumberFormat(displayLocale(), { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 }).format(value);
}

/** Box 5 with who pays whom: "£190.00 to pay", "£100.00 to reclaim", "Nothing to pay". */
export function netText(box5: number, direction: VatReturnView['direction']): string {
  if (direction === 'nil') return 'Nothing to pay';
  return `${formatMoney({ amount: box5, currency: 'GBP' })} ${direction === 'payable' ? 'to pay' : 'to reclaim'}`;
}

export const SCHEME_LABELS: Record<VatReturnView['scheme'], string> = {
  standard: 'Standard accounting (VAT by tax point)',
  'cash-accounting': 'Cash accounting (VAT when paid)',
  'flat-rate': 'Flat Rate Scheme',
};

/** The quarterly staggers by the months their quarters end in (HMRC VAT Notice 700/12). */
export const STAGGER_LABELS: Record<1 | 2 | 3, string> = {
  1: 'March, June, September, December',
  2: 'April, July, October, January',
  3: 'May, August, November, February',
};
