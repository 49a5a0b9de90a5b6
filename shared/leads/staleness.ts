import { daysBetween } from '../dates/calendar';

/**
 * Whether an open lead is stale on `today` (ISO date): no activity for `staleAfterDays` days or more
 * since `lastActivityDate` (ISO date; the lead's creation counts as activity). Closed leads are never stale.
 */
export function isStale(lastActivityDate: string, today: string, staleAfterDays: number, closed: boolean): boolean {
  return !closed && daysBetween(lastActivityDate, today) >= staleAfterDays;
}
