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
  /** The business, who sends the invitation. */
  organizer: { name: string; email: string | null };
  /** The lead's contact, who is invited. Without both emails the file is a plain event to add (PUBLISH). */
  attendee: { name: string | null; email: string | null };
}

/**
 * A standards-compliant iCalendar file (RFC 5545) for one call, written by ical-generator: times
 * in UTC (DTSTART…Z), the stored UID so every calendar updates the same event, SEQUENCE as stored
 * (bumped on each reschedule and on cancelling), STATUS:CANCELLED for a cancelled call. An
 * invitation (METHOD:REQUEST, or CANCEL) names its ORGANIZER and ATTENDEE, as RFC 5546 §3.2
 * requires; without the business's and the contact's emails it is METHOD:PUBLISH, an event to add.
 */
export function callIcs(event: CallEvent): string {
  const cancelled = event.status === 'cancelled';
  const organizer = event.organizer.email;
  const attendee = event.attendee.email;
  // An invitation needs someone to send it and someone to receive it (RFC 5546 §3.2.2).
  const invitation = organizer !== null && attendee !== null;
  const method = !invitation ? ICalCalendarMethod.PUBLISH : cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const calendar = ical({ prodId: { company: 'Billable', product: 'Billable', language: 'EN' }, method });
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
    ...(invitation ? { organizer: { name: event.organizer.name, email: organizer }, attendees: [{ name: event.attendee.name ?? undefined, email: attendee, rsvp: true }] } : {}),
  });
  return calendar.toString();
}
