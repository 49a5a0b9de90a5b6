import { currencyExponent, type CurrencyCode } from '../reference/currencies';
import { decimal, type Decimal } from './decimal';
import { divRound, pow10, type RoundingMode } from './rounding';
import { toSafeAmount } from './money';

export const FX_SOURCES = ['hmrc-period', 'ecb-reference', 'market', 'other'] as const;
export type FxSource = (typeof FX_SOURCES)[number];

export const FX_SOURCE_LABELS: Record<FxSource, string> = {
  'hmrc-period': 'HMRC period rate',
  'ecb-reference': 'ECB reference rate',
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
