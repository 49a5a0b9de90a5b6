/** An ISO date plus whole days, in UTC so no time zone moves it. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The calendar date (ISO, YYYY-MM-DD) at `instant` in an IANA time zone: the user's "today".
 * Every date rule (due, overdue, default issue dates) uses this, never the UTC date.
 * Throws RangeError for a zone Intl does not know.
 */
export function calendarDateIn(timeZone: string, instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}
