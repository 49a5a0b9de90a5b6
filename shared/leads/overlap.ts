import { Temporal } from 'temporal-polyfill';

/** A working day in local wall-clock time, "HH:MM" 24-hour, the end after the start. */
export interface WorkingHours {
  start: string;
  end: string;
}

/** A party's working hours and the IANA zone they are in. */
export interface WorkingDay {
  zone: string;
  hours: WorkingHours;
}

/** The instants (epoch ms) a working day covers on `date` (ISO) in its zone; DST-aware (Temporal). */
function span(date: Temporal.PlainDate, day: WorkingDay): [number, number] {
  const start = date.toZonedDateTime({ timeZone: day.zone, plainTime: Temporal.PlainTime.from(day.hours.start) });
  const end = date.toZonedDateTime({ timeZone: day.zone, plainTime: Temporal.PlainTime.from(day.hours.end) });
  return [start.epochMilliseconds, end.epochMilliseconds];
}

/**
 * How many minutes the user's working hours on `date` (ISO, the user's calendar day) overlap the
 * other party's, each in their own zone on that instant's local days (the day before, the same day
 * and the day after, so a zone across the date line is counted). Both zones' DST rules on that date
 * apply: London and New York overlap 5 h in most of the year and 4 h in the weeks when only one of
 * them has changed. Throws RangeError for an unknown zone or a malformed time.
 */
export function overlapMinutes(date: string, user: WorkingDay, other: WorkingDay): number {
  const day = Temporal.PlainDate.from(date);
  const [userStart, userEnd] = span(day, user);
  let overlap = 0;
  for (const offset of [-1, 0, 1]) {
    const [start, end] = span(day.add({ days: offset }), other);
    overlap += Math.max(0, Math.min(userEnd, end) - Math.max(userStart, start));
  }
  return Math.round(overlap / 60_000);
}

/** The working day assumed for a lead's side: a standard 09:00–17:00 in their own zone. */
export const LEAD_WORKING_HOURS: WorkingHours = { start: '09:00', end: '17:00' };
