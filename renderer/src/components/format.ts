import { describeRate as describeRateIn } from '../../../shared/contracts/effective-rate';
import type { ResolvedRate } from '../../../shared/contracts/types';
import { formatAmount as formatAmountIn, formatMoney as formatMoneyIn, type CurrencyDisplay, type Money } from '../../../shared/money/money';
import { localiseNumber } from '../../../shared/money/typed-number';
import { quantityText, unitPriceText } from '../../../shared/invoice/units';
import type { Unit } from '../../../shared/invoice/types';
import { currencyExponent, type CurrencyCode } from '../../../shared/reference/currencies';
import { displayLocale } from '../app/locale';

/** An amount and its currency in the display locale: "£4,232.50" in en-GB, "4.232,50 €" in de-DE. */
export function formatMoney(money: Money, display?: CurrencyDisplay): string {
  return formatMoneyIn(money, displayLocale(), display);
}

/** The amount alone, grouped for the display locale, with the currency's digits: for table cells. */
export function formatAmount(money: Money): string {
  return formatAmountIn(money, displayLocale());
}

/** A contract's resolved rate ("$300/h list, 10% retained, $270/h") in the display locale. */
export function describeRate(rate: ResolvedRate): string {
  return describeRateIn(rate, displayLocale());
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A count or other plain number grouped for the display locale: "1,234" in en-GB, "1.234" in de-DE. */
export function formatNumber(value: number, options: { maximumFractionDigits?: number } = {}): string {
  const key = `${displayLocale()}|${options.maximumFractionDigits ?? ''}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(displayLocale(), options)));
  return format.format(value);
}

/** An exact decimal (a rate, a percentage, a quantity) with the display locale's decimal mark, every digit kept: "0,79" in de-DE. */
export function formatDecimal(canonical: string): string {
  return localiseNumber(canonical, displayLocale());
}

/** An amount in minor units rounded to whole units of its currency in the display locale ("£1,000", "1.000 €"): for chart axes, where pence are noise. */
export function formatWholeMoney(amount: number, currency: CurrencyCode): string {
  return new Intl.NumberFormat(displayLocale(), { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(amount / 10 ** currencyExponent(currency));
}

/** A line's quantity with its unit in the display locale: "1.5 hours" in en-GB, "1,5 hours" in de-DE. */
export function formatQuantity(quantity: string, unit: Unit): string {
  return quantityText(quantity, unit, displayLocale());
}

/** A line's unit price in the display locale, every digit it has kept: "1,270.00" in en-GB, "1.270,00" in de-DE. */
export function formatUnitPrice(price: string, currency: CurrencyCode): string {
  return unitPriceText(price, currency, displayLocale());
}
