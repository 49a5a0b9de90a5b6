import { decimal, decimalToString } from '../money/decimal';
import { divRound, pow10 } from '../money/rounding';
import type { Unit } from './types';

export const RATE_BASES = ['hourly', 'daily', 'fixed'] as const;
export type RateBasis = (typeof RATE_BASES)[number];

export interface Rate {
  basis: RateBasis;
  /** Major units of the contract currency: "300" an hour, "2250" a day, or the fixed fee. */
  amount: string;
  /** For daily rates: how many hours make a day ("7.5", "8"). */
  hoursPerDay?: string;
}

/**
 * Turns hours worked into an invoice line's quantity, unit and price. Daily rates bill days, to
 * 4 decimal places (half-up), so 10 h at 8 h a day is 1.25 days.
 */
export function priceHours(hours: string, rate: Rate): { quantity: string; unit: Unit; unitPrice: string } {
  if (rate.basis === 'hourly') return { quantity: hours, unit: 'hour', unitPrice: rate.amount };
  if (rate.basis === 'fixed') return { quantity: '1', unit: 'fixed', unitPrice: rate.amount };
  const worked = decimal(hours);
  const perDay = decimal(rate.hoursPerDay ?? '8');
  if (perDay.units <= 0n) throw new RangeError('A day must have a positive number of hours');
  const days = divRound(worked.units * pow10(4 + perDay.scale), perDay.units * pow10(worked.scale), 'half-up');
  return { quantity: decimalToString({ units: days, scale: 4 }), unit: 'day', unitPrice: rate.amount };
}
