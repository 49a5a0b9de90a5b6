import { compareDecimals, decimal, decimalToString, multiply, subtractDecimals, type Decimal } from '../money/decimal';
import { parseRate } from '../money/fx';
import { localiseNumber } from '../money/typed-number';
import { pow10 } from '../money/rounding';
import { currencyExponent, type CurrencyCode } from '../reference/currencies';
import type { RateUnit, ResolvedRate } from './types';

const HUNDRED = decimal('100');

/** The list rate less the discount: list × (100 − percent) / 100, exactly. */
const discounted = (listRate: Decimal, percent: Decimal): Decimal => {
  const product = multiply(listRate, subtractDecimals(HUNDRED, percent));
  return { units: product.units, scale: product.scale + 2 };
};

/**
 * A contract's rate from its rate card version and discount. `listAmountMinor` is minor units of
 * `listCurrency`; `discountPercent` decimal text from 0 to 100; `fxRate` units of `currency` per 1
 * `listCurrency` (ContractFx.rate), used only when the currencies differ. The rate is
 * list × (100 − percent) / 100 × fxRate, exact and unrounded in major units ("270", "57.8125",
 * "213.3"): it is rounded only where work is priced, once. Without a discount the reason is null.
 * Throws RangeError for a negative or fractional amount, a percent outside 0–100, a day rate
 * without positive hours per day, or a missing or non-positive fxRate between two currencies.
 */
export function resolveRate(input: {
  unit: RateUnit;
  hoursPerDay: string | null;
  listAmountMinor: number;
  listCurrency: CurrencyCode;
  currency: CurrencyCode;
  discountPercent: string;
  discountReason: string | null;
  fxRate: string | null;
}): ResolvedRate {
  if (!Number.isSafeInteger(input.listAmountMinor) || input.listAmountMinor < 0) throw new RangeError(`A list amount must be whole minor units from 0, not ${input.listAmountMinor}`);
  const percent = decimal(input.discountPercent);
  if (percent.units < 0n || compareDecimals(percent, HUNDRED) > 0) throw new RangeError(`A discount must be from 0% to 100%, not ${input.discountPercent}%`);
  const hoursPerDay = input.unit === 'day' && input.hoursPerDay !== null ? decimal(input.hoursPerDay) : null;
  if (input.unit === 'day' && (hoursPerDay === null || hoursPerDay.units <= 0n)) throw new RangeError('A day rate needs a positive number of hours per day');
  const listRate: Decimal = { units: BigInt(input.listAmountMinor), scale: currencyExponent(input.listCurrency) };
  let rate = discounted(listRate, percent);
  if (input.currency !== input.listCurrency) {
    if (input.fxRate === null) throw new RangeError(`Converting ${input.listCurrency} to ${input.currency} needs an exchange rate`);
    const fx = parseRate(input.fxRate);
    if (fx.units <= 0n) throw new RangeError(`An exchange rate must be more than 0, not ${input.fxRate}`);
    rate = multiply(rate, fx);
  }
  return {
    unit: input.unit,
    hoursPerDay: hoursPerDay && decimalToString(hoursPerDay),
    listRate: decimalToString(listRate),
    listCurrency: input.listCurrency,
    discountPercent: decimalToString(percent),
    discountReason: percent.units === 0n ? null : input.discountReason,
    rate: decimalToString(rate),
    currency: input.currency,
  };
}

const UNIT_SUFFIX: Record<RateUnit, string> = { hour: '/h', day: '/day', fixed: ' fixed' };

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Display only: `amount` (decimal text, major units) with its exact decimals, never rounded; at
 * least the currency's ISO digits unless whole ("$300", "£213.30", "£8.333333").
 */
function formatRate(amount: string, currency: CurrencyCode, locale: string): string {
  const scale = decimal(amount).scale;
  const minimum = scale === 0 ? 0 : currencyExponent(currency);
  const maximum = Math.max(scale, minimum);
  const key = `${locale}|${currency}|${minimum}|${maximum}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: minimum, maximumFractionDigits: maximum });
    formatters.set(key, formatter);
  }
  return formatter.format(amount as `${number}`);
}

/** The rule's name when `reason` is one `discountFor` wrote ("Retained: 10%", "Long-term: 5% from 3 months…"), else null. */
function ruleName(reason: string, percent: string): string | null {
  const at = reason.indexOf(': ');
  const rest = reason.slice(at + 2);
  return at > 0 && (rest === `${percent}%` || rest.startsWith(`${percent}% from `)) ? reason.slice(0, at) : null;
}

/**
 * The exchange rate `r.rate` was converted at: rate ÷ (list less discount), exact. ResolvedRate
 * does not keep it, but resolveRate's product divides back exactly (parseRate allows 10 places).
 * Null when the discounted list rate is 0 or the rate is not such a product.
 */
function impliedFx(r: ResolvedRate): string | null {
  const base = discounted(decimal(r.listRate), decimal(r.discountPercent));
  const rate = decimal(r.rate);
  const shift = base.scale + 10 - rate.scale;
  if (base.units === 0n || shift < 0) return null;
  const numerator = rate.units * pow10(shift);
  return numerator % base.units === 0n ? decimalToString({ units: numerator / base.units, scale: 10 }) : null;
}

/**
 * The line the contract editor shows for a resolved rate, e.g. "$300/h list, 10% retained, $270/h"
 * or, converted, "$300/h list, 10% retained, £213.30/h at 0.79 GBP/USD". Units are "/h", "/day" and
 * " fixed". A discount from `discountFor` is named by its rule ("10% retained"), another by its
 * reason in brackets; with no discount and no conversion the list rate is the rate. Amounts keep
 * their exact decimals (£8.333333/h). `locale` formats numbers, percents, the exchange rate and
 * symbols only (en-GB shows USD as "US$"; de-DE writes "7,5 %" as "7,5%" and 0,79).
 */
export function describeRate(r: ResolvedRate, locale = 'en-GB'): string {
  const suffix = UNIT_SUFFIX[r.unit];
  const parts = [`${formatRate(r.listRate, r.listCurrency, locale)}${suffix} list`];
  if (decimal(r.discountPercent).units !== 0n) {
    const percent = `${localiseNumber(r.discountPercent, locale)}%`;
    const rule = r.discountReason && ruleName(r.discountReason, r.discountPercent);
    // "Retained" reads "10% retained" mid-sentence; an acronym such as "VIP" keeps its capitals.
    const label = rule && /^\p{Lu}\p{Ll}/u.test(rule) ? `${rule.charAt(0).toLowerCase()}${rule.slice(1)}` : rule;
    parts.push(label ? `${percent} ${label}` : r.discountReason ? `${percent} off (${r.discountReason})` : `${percent} off`);
  }
  if (parts.length > 1 || r.currency !== r.listCurrency) {
    const fx = r.currency === r.listCurrency ? null : impliedFx(r);
    parts.push(`${formatRate(r.rate, r.currency, locale)}${suffix}${fx ? ` at ${localiseNumber(fx, locale)} ${r.currency}/${r.listCurrency}` : ''}`);
  }
  return parts.join(', ');
}
