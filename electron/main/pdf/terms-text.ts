import type { BillingCycle, ResolvedRate } from '../../../shared/contracts/types';
import { quantityText } from '../../../shared/invoice/units';
import { decimal, decimalToString, roundToScale } from '../../../shared/money/decimal';
import { formatMoney } from '../../../shared/money/money';
import { currencyExponent, type CurrencyCode } from '../../../shared/reference/currencies';
import { day } from './pdf-document';

// How the engagement letter and the proposal word their rates and billing cycles, so both read alike.

const exactFormats = new Map<string, Intl.NumberFormat>();

/**
 * `amount` (decimal text in major units) with its currency: formatMoney's "US$270.00", or, when it
 * has more decimals than the currency ("57.8125"), all of them, since a contract rate is exact.
 */
export function moneyText(amount: string, currency: CurrencyCode): string {
  const canonical = decimal(decimalToString(decimal(amount, 20)), 20);
  const exponent = currencyExponent(currency);
  if (canonical.scale <= exponent) return formatMoney({ amount: Number(roundToScale(canonical, exponent, 'half-up')), currency });
  const key = `${currency}|${canonical.scale}`;
  let format = exactFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { style: 'currency', currency, minimumFractionDigits: canonical.scale, maximumFractionDigits: canonical.scale });
    exactFormats.set(key, format);
  }
  return format.format(decimalToString(canonical) as `${number}`);
}

/** What a rate is charged per: "per hour", "per day of 8 hours", "fixed price". */
export function perUnit(rate: ResolvedRate): string {
  if (rate.unit === 'hour') return 'per hour';
  if (rate.unit === 'day') return rate.hoursPerDay ? `per day of ${quantityText(rate.hoursPerDay, 'hour')}` : 'per day';
  return 'fixed price';
}

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });

/** A billing cycle as a sentence: "Every two weeks from Monday 7 Dec 2026", "Monthly, on the last day of each month". */
export function cycleText(cycle: BillingCycle): string {
  const from = cycle.anchor ? ` from ${weekday.format(new Date(`${cycle.anchor}T00:00:00Z`))} ${day(cycle.anchor)}` : '';
  switch (cycle.kind) {
    case 'weekly':
      return `Weekly${from}`;
    case 'fortnightly':
      return `Every two weeks${from}`;
    case 'semi-monthly':
      return 'Twice a month, on the 15th and the last day';
    case 'monthly':
      return 'Monthly, on the last day of each month';
    case 'milestones':
      return 'On milestones';
    case 'completion':
      return 'On completion';
  }
}

/** A rule's reason without the percent the row already shows: "Retained: 10%" → "Retained". */
export function discountWhy(reason: string, percent: string): string {
  const suffix = `: ${percent}%`;
  return reason.endsWith(suffix) ? reason.slice(0, -suffix.length) : reason;
}
