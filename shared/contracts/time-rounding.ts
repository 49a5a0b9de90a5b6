import { ROUNDING_INCREMENTS, type TimeRounding } from './types';

const checkSeconds = (seconds: number): void => {
  if (!Number.isSafeInteger(seconds) || seconds < 0) throw new RangeError(`Seconds must be a whole number from 0, not ${seconds}`);
};

/**
 * `seconds` (a whole number from 0) rounded by the contract's rule: 'none' leaves it, 'up' goes
 * to the next multiple of the increment, 'nearest' to the nearest with halves up (7.5 of 15
 * minutes is 15). Integer arithmetic only. Throws RangeError for negative or fractional seconds
 * or an increment that is not 1, 6, 15 or 30 minutes.
 */
export function roundSeconds(seconds: number, rounding: TimeRounding): number {
  checkSeconds(seconds);
  if (rounding.mode === 'none') return seconds;
  if (!ROUNDING_INCREMENTS.includes(rounding.incrementMinutes)) throw new RangeError(`No rounding to ${rounding.incrementMinutes} minutes`);
  const increment = rounding.incrementMinutes * 60;
  const remainder = seconds % increment;
  if (remainder === 0) return seconds;
  return rounding.mode === 'up' || remainder * 2 >= increment ? seconds - remainder + increment : seconds - remainder;
}

/**
 * The seconds to bill for time entries (`day` an ISO date, `seconds` whole from 0): with scope
 * 'entry' each entry is rounded and the results summed; with 'day' each day's total is rounded
 * and those summed, so short entries on one day are not each rounded up. The entries are not
 * changed. Throws RangeError as roundSeconds.
 */
export function billableSeconds(entries: readonly { day: string; seconds: number }[], rounding: TimeRounding): number {
  entries.forEach((entry) => checkSeconds(entry.seconds));
  if (rounding.scope === 'entry') return entries.reduce((sum, entry) => sum + roundSeconds(entry.seconds, rounding), 0);
  const days = new Map<string, number>();
  for (const entry of entries) days.set(entry.day, (days.get(entry.day) ?? 0) + entry.seconds);
  return [...days.values()].reduce((sum, total) => sum + roundSeconds(total, rounding), 0);
}
