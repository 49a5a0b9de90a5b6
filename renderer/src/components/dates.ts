import { useApiQuery } from '../api/hooks';
import { calendarDateIn } from '../../../shared/dates/calendar';
import { localTimeIn } from '../../../shared/reference/timezones';
import { displayLocale } from '../app/locale';

/** The zone this computer is set to: the business's zone until the profile names one. */
export function computerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Today's ISO date in the business's time zone (the profile's, else this computer's): the same day main uses. */
export function useToday(): string {
  const profile = useApiQuery('profile.get');
  return calendarDateIn(profile.data?.timeZone ?? computerTimeZone(), new Date());
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date formatter in the display locale, made once per set of options. */
export function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(displayLocale(), options)));
  return format;
}

/** An ISO date as the display locale writes it: "3 Dec 2026" in en-GB, "Dec 3, 2026" in en-US; "—" when there is none. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? dateFormat({ day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)) : '—';
}

/** The month of an ISO date, as "July 2026". */
export function formatMonth(iso: string): string {
  return dateFormat({ month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 7)}-01T00:00:00Z`));
}

/** An instant (ISO timestamp) with its date and time, in this computer's zone and the display locale. */
export function formatDateTime(instant: string | Date): string {
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

/** The weekday and time now in `zone`, as the display locale writes a clock: "Thu 13:36" in en-GB, "Thu 08:36 AM" in en-US. */
export function formatLocalTime(zone: string, at: Date): string {
  return localTimeIn(zone, at, displayLocale());
}
