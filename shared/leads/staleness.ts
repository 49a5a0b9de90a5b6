import { Temporal } from 'temporal-polyfill';
import { addDays } from '../dates/calendar';

/**
 * The instant (epoch ms) before which an open lead's last activity makes it stale on `today` (ISO)
 * in `zone`: the start of the day `staleAfterDays − 1` days before today there, so a lead is stale once
 * `staleAfterDays` calendar days have passed since its last activity's day. Computed once per list. Throws RangeError
 * for an unknown zone.
 */
export function staleBefore(today: string, staleAfterDays: number, zone: string): number {
  return Temporal.PlainDate.from(addDays(today, 1 - staleAfterDays)).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
}
