import { currencyExponent, isCurrencyCode, type CurrencyCode } from '../reference/currencies';
import { DomainError } from '../errors/domain-error';
import { decimalToString, parseDecimal, type ParseResult } from './decimal';
import { pow10 } from './rounding';

/** An exact amount: an integer number of the currency's minor units (pence, cents; yen). */
export interface Money {
  readonly amount: number;
  readonly currency: CurrencyCode;
}

/** Minor units are safe integers at the boundary; arithmetic inside uses bigint. */
export function toSafeAmount(units: bigint): number {
  const n = Number(units);
  if (!Number.isSafeInteger(n)) throw new RangeError('Amount is too large');
  return n;
}

/**
 * The largest amount, in major units, that a line, a document total or a home-currency value may
 * reach: one trillion. With at most three minor digits (ISO 4217) this keeps every figure a safe
 * integer in minor units, with room for VAT and for sums of lines below the limit.
 */
export const MAX_DOCUMENT_AMOUNT = 1_000_000_000_000n;

/**
 * Refuses `units` (minor units of `currency`) beyond MAX_DOCUMENT_AMOUNT, naming `what` ("Line 2",
 * "The total") and reporting it against `field` (an API field path).
 * Throws DomainError.
 */
export function checkDocumentAmount(units: bigint, currency: CurrencyCode, what: string, field: string): void {
  const limit = MAX_DOCUMENT_AMOUNT * pow10(currencyExponent(currency));
  if (units > limit || units < -limit) {
    const message = `${what} comes to more than ${MAX_DOCUMENT_AMOUNT.toLocaleString('en-GB')} ${currency}, more than one document can hold. Check the quantity and price.`;
    throw new DomainError(message, { [field]: message });
  }
}

/** "1234.50" for 123450 GBP: exact, unlocalised, with the currency's ISO digits. */
export function toMajorString(amount: number, currency: CurrencyCode): string {
  const exponent = currencyExponent(currency);
  return decimalToString({ units: BigInt(amount), scale: exponent }, exponent);
}

/**
 * Parses what a user typed for an amount in `currency`: "1,234.5", "-12", "GBP 1,234.50", "£10".
 * Refuses more decimals than the currency has, and anything that is not a number.
 */
export function parseMoney(text: string, currency: CurrencyCode, options: { allowNegative?: boolean } = {}): ParseResult<Money> {
  if (!isCurrencyCode(currency)) return { ok: false, message: `Unknown currency ${String(currency)}` };
  const exponent = currencyExponent(currency);
  const withoutCurrency = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(new RegExp(`^(-?)(${currency}|[£$€¥])`), '$1')
    .replace(new RegExp(`(${currency}|[£$€¥])$`), '');
  const parsed = parseDecimal(withoutCurrency, { maxScale: 20, label: 'Amount', allowNegative: options.allowNegative ?? true });
  if (!parsed.ok) return { ok: false, message: 'Enter an amount like 1234.50' };
  if (parsed.value.scale > exponent) {
    return {
      ok: false,
      message: exponent === 0 ? `${currency} amounts have no decimal places` : `${currency} amounts have at most ${exponent} decimal places`,
    };
  }
  const units = parsed.value.units * 10n ** BigInt(exponent - parsed.value.scale);
  if (!Number.isSafeInteger(Number(units))) return { ok: false, message: 'That amount is too large' };
  return { ok: true, value: { amount: Number(units), currency } };
}

export type CurrencyDisplay = 'symbol' | 'code' | 'narrowSymbol';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Display only: Intl with the fraction digits from the ISO table (CLDR differs for HUF, IDR,
 * IQD…). The exact decimal string is passed to Intl, so nothing is rounded by formatting.
 */
export function formatMoney(money: Money, locale = 'en-GB', display: CurrencyDisplay = 'symbol'): string {
  const key = `${locale}|${money.currency}|${display}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = currencyExponent(money.currency);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      currencyDisplay: display,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(toMajorString(money.amount, money.currency) as `${number}`);
}

const plainFormatters = new Map<string, Intl.NumberFormat>();

/** The number alone, grouped for the locale, with the ISO digits: "1,234.50". For tables. */
export function formatAmount(money: Money, locale = 'en-GB'): string {
  const key = `${locale}|${money.currency}`;
  let formatter = plainFormatters.get(key);
  if (!formatter) {
    const digits = currencyExponent(money.currency);
    formatter = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    plainFormatters.set(key, formatter);
  }
  return formatter.format(toMajorString(money.amount, money.currency) as `${number}`);
}
