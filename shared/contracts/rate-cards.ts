import { daysBetween } from '../dates/calendar';
import type { RateCardVersion } from './types';

/**
 * The version of a rate card in force on `date` (ISO): the one with the latest `effectiveFrom`
 * on or before it, whatever the input order; null when the card starts later. A change never
 * reprices earlier work, so work is priced by its own date, not today's.
 * Throws RangeError for a date that is not ISO, or two versions in force from the same day
 * (which one applies would depend on the order).
 */
export function rateVersionOn(versions: readonly RateCardVersion[], date: string): RateCardVersion | null {
  let best: RateCardVersion | null = null;
  for (const version of versions) {
    if (daysBetween(version.effectiveFrom, date) < 0) continue;
    const later = best === null ? 1 : daysBetween(best.effectiveFrom, version.effectiveFrom);
    if (later === 0) throw new RangeError(`Two rate card versions take effect on ${version.effectiveFrom}`);
    if (later > 0) best = version;
  }
  return best;
}
