import { decimal, decimalToString } from '../money/decimal';
import { localiseNumber } from '../money/typed-number';
import { divRound, pow10 } from '../money/rounding';
import type { InvoiceCalculation, LineKind, Unit } from './types';
import { currencyExponent, type CurrencyCode } from '../reference/currencies';

/** A new line's unit: fees are time; expenses, disbursements and discounts are things, never hours. */
export function defaultUnit(kind: LineKind): Unit {
  return kind === 'fee' ? 'hour' : 'item';
}

const UNIT_WORDS: Partial<Record<Unit, Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>> = {
  hour: { one: 'hour', other: 'hours' },
  day: { one: 'day', other: 'days' },
};

const pluralRules = new Map<number, Intl.PluralRules>();

/**
 * A quantity with its unit as printed: "1 day", "2 days", "1.5 hours", "1.0 hours"; an item
 * count is the bare number and a fixed price prints nothing. The plural comes from CLDR's
 * English rules (Intl.PluralRules), keeping the quantity's own decimals, since "1.0" is plural
 * in English. `quantity` is the exact decimal text of the line; `locale` writes its decimal mark
 * ("1,5 hours" on a German screen). Documents keep en-GB.
 */
export function quantityText(quantity: string, unit: Unit, locale = 'en-GB'): string {
  if (unit === 'fixed') return '';
  const shown = localiseNumber(quantity, locale);
  const words = UNIT_WORDS[unit];
  if (!words) return shown;
  const decimals = quantity.includes('.') ? quantity.length - quantity.indexOf('.') - 1 : 0;
  let rules = pluralRules.get(decimals);
  if (!rules) pluralRules.set(decimals, (rules = new Intl.PluralRules('en-GB', { minimumFractionDigits: decimals })));
  const category = rules.select(Number(quantity));
  return `${shown} ${words[category] ?? words.other}`;
}

/**
 * Each line's unit price and amount without VAT, as a VAT invoice must show them (rules §2.1
 * (h), (m); Art 226(8): "unit price exclusive of VAT") when the draft's prices include VAT.
 * The unit price is price × 100 / (100 + rate), half-up to 4 decimals. The amounts: with
 * per-line VAT, the line's amount less its VAT; with VAT on the total, the group's net shared
 * over its lines in proportion (largest remainder), so the lines add up to the net printed.
 * Disbursements carry no VAT and keep their figures. Same order as `calculation.lines`.
 */
export function vatExclusiveLines(calculation: InvoiceCalculation): { unitPrice: string; amount: number }[] {
  const result = calculation.lines.map((line) => {
    const rate = decimal(line.vatRate || '0');
    if (line.kind === 'disbursement' || rate.units === 0n) return { unitPrice: line.unitPrice, amount: line.amount };
    const price = decimal(line.unitPrice);
    // price × 100 / (100 + rate), in units of 10^-4, all in integers.
    const divisor = pow10(price.scale) * (100n * pow10(rate.scale) + rate.units);
    const units = divRound(price.units * 100n * pow10(4 + rate.scale), divisor, 'half-up');
    return { unitPrice: decimalToString({ units, scale: 4 }), amount: line.vat === null ? line.amount : line.amount - line.vat };
  });
  for (const group of calculation.groups) {
    const members = calculation.lines.map((line, i) => ({ line, i })).filter(({ line }) => line.kind !== 'disbursement' && line.vatCategory === group.category && line.vatRate === group.rate && line.vat === null);
    const total = members.reduce((sum, { line }) => sum + BigInt(line.amount), 0n);
    if (!members.length || total === 0n) continue;
    // A credit note's figures are all negative: share its magnitudes, then restore the sign.
    const sign = total < 0n ? -1n : 1n;
    const gross = total * sign;
    const net = BigInt(group.net) * sign;
    const shares = members.map(({ line, i }) => {
      const exact = BigInt(line.amount) * sign * net;
      const floor = exact / gross - (exact % gross < 0n ? 1n : 0n);
      return { i, floor, remainder: exact - floor * gross };
    });
    let left = net - shares.reduce((sum, s) => sum + s.floor, 0n);
    for (const share of [...shares].sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1))) {
      if (left <= 0n) break;
      share.floor += 1n;
      left -= 1n;
    }
    for (const share of shares) result[share.i]!.amount = Number(share.floor * sign);
  }
  return result;
}

const priceFormats = new Map<string, Intl.NumberFormat>();

/**
 * A unit price (exact decimal text) as documents and screens print it: its own decimals (up to
 * 4), at least the currency's, grouped in `locale` ("1,270.00" and "0.9999" in en-GB, the
 * documents' own; "1.270,00" on a German screen).
 */
export function unitPriceText(price: string, currency: CurrencyCode, locale = 'en-GB'): string {
  const key = `${locale}|${currency}`;
  let format = priceFormats.get(key);
  if (!format) {
    const digits = currencyExponent(currency);
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: Math.max(digits, 4) });
    priceFormats.set(key, format);
  }
  return format.format(price as `${number}`);
}
