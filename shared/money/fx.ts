import { currencyExponent, type CurrencyCode } from '../reference/currencies';
import { decimal, decimalToString, type Decimal } from './decimal';
import { divRound, pow10, type RoundingMode } from './rounding';
import { DomainError } from '../errors/domain-error';
import { MAX_DOCUMENT_AMOUNT } from './money';

export const FX_SOURCES = ['hmrc-period', 'ecb-reference', 'ecb-cross', 'market', 'other'] as const;
export type FxSource = (typeof FX_SOURCES)[number];

export const FX_SOURCE_LABELS: Record<FxSource, string> = {
  'hmrc-period': 'HMRC period rate',
  'ecb-reference': 'ECB reference rate',
  'ecb-cross': 'ECB reference rates, cross rate via EUR (derived)',
  market: 'market rate',
  other: 'agreed rate',
};

/**
 * How many units of the invoice currency buy one unit of the home currency ("1.2560 USD per £1"),
 * as HMRC period rates and ECB reference rates are quoted. Stored exactly, with source and date.
 */
export interface ExchangeRate {
  rate: string;
  source: FxSource;
  /** ISO date the rate applies to. */
  date: string;
}

/**
 * amount (minor units of `from`) ÷ rate, in the home currency's minor units.
 * Throws DomainError (on `fx.rate`) when the rate is not positive or the result is beyond
 * MAX_DOCUMENT_AMOUNT: an implausible rate, not an amount the user can fix.
 */
export function convertToHome(amount: number, from: CurrencyCode, rate: Decimal, to: CurrencyCode, mode: RoundingMode = 'half-up'): number {
  if (rate.units <= 0n) throw new DomainError('An exchange rate must be more than 0', { 'fx.rate': 'An exchange rate must be more than 0' });
  const numerator = BigInt(amount) * rate.units === 0n ? 0n : BigInt(amount) * pow10(rate.scale + currencyExponent(to));
  const denominator = rate.units * pow10(currencyExponent(from));
  const result = divRound(numerator, denominator, mode);
  const limit = MAX_DOCUMENT_AMOUNT * pow10(currencyExponent(to));
  if (result > limit || result < -limit) {
    const message = `At ${decimalToString(rate)} ${from} per 1 ${to}, this is worth more than ${MAX_DOCUMENT_AMOUNT.toLocaleString('en-GB')} ${to}. Check the exchange rate.`;
    throw new DomainError(message, { 'fx.rate': message });
  }
  return Number(result);
}

/** How far, either way, a rate may stray from the nearest stored one before it is taken for a typo. */
export const RATE_PLAUSIBILITY_FACTOR = 10n;

/**
 * Why `rate` (units of `currency` per 1 `home`) looks like a typo, or null: it is more than
 * RATE_PLAUSIBILITY_FACTOR times, or less than its inverse, the `reference` rate (the nearest
 * stored for the pair). Real currencies do not move tenfold between two rates a user keeps; a
 * slipped decimal point does. No reference, no judgement.
 */
export function rateImplausibility(rate: string, reference: ExchangeRate | null | undefined, currency: CurrencyCode, home: CurrencyCode): string | null {
  if (!reference) return null;
  const a = parseRate(rate);
  const b = parseRate(reference.rate);
  // a/b against the factor, compared as integers: a.units·10^b.scale vs b.units·10^a.scale.
  const left = a.units * pow10(b.scale);
  const right = b.units * pow10(a.scale);
  const tooHigh = left > right * RATE_PLAUSIBILITY_FACTOR;
  const tooLow = left * RATE_PLAUSIBILITY_FACTOR < right;
  if (!tooHigh && !tooLow) return null;
  return `${rate} ${currency} per 1 ${home} is ${tooHigh ? 'more than ten times' : 'less than a tenth of'} the ${reference.rate} stored for ${reference.date} (${FX_SOURCE_LABELS[reference.source]}). Check the rate; if the stored one is wrong, change it in Settings → Exchange rates.`;
}

/**
 * The rate (units of `from` per 1 `to`, to 6 places, half-up) that `amount` of `from` for
 * `homeAmount` of `to` implies; both in minor units, `homeAmount` above 0.
 */
export function impliedRate(amount: number, from: CurrencyCode, homeAmount: number, to: CurrencyCode): string {
  const num = BigInt(amount) * pow10(currencyExponent(to) + CROSS_RATE_SCALE);
  const den = BigInt(homeAmount) * pow10(currencyExponent(from));
  return decimalToString({ units: divRound(num, den, 'half-up'), scale: CROSS_RATE_SCALE });
}

export function parseRate(rate: string): Decimal {
  return decimal(rate, 10);
}

/** Decimal places a cross rate is rounded to (half-up), once, from the exact quotient. */
export const CROSS_RATE_SCALE = 6;

/**
 * Units of `currency` per 1 unit of `home`, derived from two rates quoted against a common base
 * (ECB: units per 1 EUR): currencyPerBase ÷ homePerBase, computed exactly and rounded half-up
 * once to CROSS_RATE_SCALE places. Throws RangeError on a rate that is not positive.
 */
export function crossRate(currencyPerBase: Decimal, homePerBase: Decimal): string {
  if (currencyPerBase.units <= 0n || homePerBase.units <= 0n) throw new RangeError('An exchange rate must be positive');
  const units = divRound(currencyPerBase.units * pow10(homePerBase.scale + CROSS_RATE_SCALE), homePerBase.units * pow10(currencyPerBase.scale), 'half-up');
  return decimalToString({ units, scale: CROSS_RATE_SCALE }, 4);
}
