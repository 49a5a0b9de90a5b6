import { currencyExponent, type CurrencyCode } from '../reference/currencies';
import { decimal, decimalToString, type Decimal } from './decimal';
import { divRound, pow10, type RoundingMode } from './rounding';
import { toSafeAmount } from './money';

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

/** amount (invoice currency) ÷ rate, in the home currency's minor units. */
export function convertToHome(amount: number, from: CurrencyCode, rate: Decimal, to: CurrencyCode, mode: RoundingMode = 'half-up'): number {
  if (rate.units <= 0n) throw new RangeError('An exchange rate must be positive');
  const numerator = BigInt(amount) * rate.units === 0n ? 0n : BigInt(amount) * pow10(rate.scale + currencyExponent(to));
  const denominator = rate.units * pow10(currencyExponent(from));
  return toSafeAmount(divRound(numerator, denominator, mode));
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
