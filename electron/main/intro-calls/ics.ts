import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/** What an intro call's calendar file says. */
export interface CallEvent {
  uid: string;
  sequence: number;
  status: 'booked' | 'held' | 'cancelled';
  startsAt: string;
  durationMinutes: number;
  summary: string;
  description: string;
  /** When the file is written (DTSTAMP), UTC instant. */
  stamp: string;
}

/**
 * A standards-compliant iCalendar file (RFC 5545) for one call, written by ical-generator: times
 * in UTC (DTSTART…Z), the stored UID so every calendar updates the same event, SEQUENCE as stored
 * (bumped on each reschedule and on cancelling), METHOD:REQUEST, or METHOD:CANCEL with
 * STATUS:CANCELLED for a cancelled call.
 */
export function callIcs(event: CallEvent): string {
  const cancelled = event.status === 'cancelled';
  const calendar = ical({ prodId: { company: 'Billable', product: 'Billable', language: 'EN' }, method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  const start = new Date(event.startsAt);
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    stamp: new Date(event.stamp),
    start,
    end: new Date(start.getTime() + event.durationMinutes * 60_000),
    summary: event.summary,
    description: event.description,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
