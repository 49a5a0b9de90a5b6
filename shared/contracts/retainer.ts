import { addDecimals, compareDecimals, decimal, decimalToString, DECIMAL_ZERO, subtractDecimals, type Decimal } from '../money/decimal';
import { toSafeAmount } from '../money/money';
import { divRound, pow10 } from '../money/rounding';
import type { Retainer } from './types';

const min = (a: Decimal, b: Decimal): Decimal => (compareDecimals(a, b) <= 0 ? a : b);
const max = (a: Decimal, b: Decimal): Decimal => (compareDecimals(a, b) >= 0 ? a : b);

const hours = (text: string, what: string): Decimal => {
  const value = decimal(text);
  if (value.units < 0n) throw new RangeError(`${what} can't be negative: ${text}`);
  return value;
};

/**
 * One month of a retainer. All hours are decimal text. The month has the included hours plus
 * those carried in (`availableHours`); work up to that uses them (`usedIncludedHours`), and work
 * beyond is overage, billed at `overageRateMinor` a hour and rounded half-up once to a whole minor
 * unit (`overageMinor`). With rollover, every unused available hour carries out, carried-in
 * ones too, up to `rolloverCapHours` when set; without it nothing carries ("0").
 * Throws RangeError for negative hours, a negative or fractional overage rate, or an overage
 * beyond a safe integer of minor units.
 */
export function retainerMonth(
  retainer: Retainer,
  workedHours: string,
  carriedInHours: string,
): { availableHours: string; usedIncludedHours: string; overageHours: string; overageMinor: number; carriedOutHours: string } {
  if (!Number.isSafeInteger(retainer.overageRateMinor) || retainer.overageRateMinor < 0) throw new RangeError(`An overage rate must be whole minor units from 0, not ${retainer.overageRateMinor}`);
  const worked = hours(workedHours, 'Hours worked');
  const available = addDecimals(hours(retainer.includedHours, 'Included hours'), hours(carriedInHours, 'Hours carried in'));
  const overage = max(DECIMAL_ZERO, subtractDecimals(worked, available));
  const unused = max(DECIMAL_ZERO, subtractDecimals(available, worked));
  const cap = retainer.rolloverCapHours === null ? null : hours(retainer.rolloverCapHours, 'The rollover cap');
  const carried = !retainer.rollover ? DECIMAL_ZERO : cap === null ? unused : min(cap, unused);
  return {
    availableHours: decimalToString(available),
    usedIncludedHours: decimalToString(min(worked, available)),
    overageHours: decimalToString(overage),
    overageMinor: toSafeAmount(divRound(overage.units * BigInt(retainer.overageRateMinor), pow10(overage.scale), 'half-up')),
    carriedOutHours: decimalToString(carried),
  };
}
