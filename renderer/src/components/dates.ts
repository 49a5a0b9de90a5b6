import { useApiQuery } from '../api/hooks';
import { calendarDateIn } from '../../../shared/dates/calendar';

/** The zone this computer is set to: the business's zone until the profile names one. */
export function computerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Today's ISO date in the business's time zone (the profile's, else this computer's): the same day main uses. */
export function useToday(): string {
  const profile = useApiQuery('profile.get');
  return calendarDateIn(profile.data?.timeZone ?? computerTimeZone(), new Date());
}

const display = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatDate(iso: string | null | undefined): string {
  return iso ? display.format(new Date(`${iso}T00:00:00Z`)) : '—';
}

const monthDisplay = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The month of an ISO date, as "July 2026". */
export function formatMonth(iso: string): string {
  return monthDisplay.format(new Date(`${iso.slice(0, 7)}-01T00:00:00Z`));
}
