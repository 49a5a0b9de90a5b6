import { Temporal } from 'temporal-polyfill';
import type { WorkingDay } from '../leads/overlap';

/** A call as the slot rules see it: its start (UTC instant, ISO), length and buffers in minutes. */
export interface CallSpan {
  startsAt: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

const MINUTE = 60_000;

/** The instants (epoch ms) a call blocks: its own time widened by its buffers on each side. */
export function blockedSpan(call: CallSpan): [number, number] {
  const start = Date.parse(call.startsAt);
  return [start - call.bufferBeforeMinutes * MINUTE, start + (call.durationMinutes + call.bufferAfterMinutes) * MINUTE];
}

/** The first booked call whose buffered span overlaps the candidate's buffered span, or null. Spans that only touch do not clash. */
export function clashingCall<T extends CallSpan>(candidate: CallSpan, booked: readonly T[]): T | null {
  const [start, end] = blockedSpan(candidate);
  return booked.find((other) => {
    const [otherStart, otherEnd] = blockedSpan(other);
    return start < otherEnd && otherStart < end;
  }) ?? null;
}

/** Whether a call from `startsAt` for `minutes` lies inside a party's working hours on its local day (DST-aware). */
export function withinWorkingHours(startsAt: string, minutes: number, party: WorkingDay): boolean {
  const start = Temporal.Instant.from(startsAt).toZonedDateTimeISO(party.zone);
  const end = start.add({ minutes });
  const dayStart = start.toPlainDate().toZonedDateTime({ timeZone: party.zone, plainTime: Temporal.PlainTime.from(party.hours.start) });
  const dayEnd = start.toPlainDate().toZonedDateTime({ timeZone: party.zone, plainTime: Temporal.PlainTime.from(party.hours.end) });
  return Temporal.ZonedDateTime.compare(start, dayStart) >= 0 && Temporal.ZonedDateTime.compare(end, dayEnd) <= 0;
}

/** The city of an IANA zone as people say it: "America/New_York" → "New York". */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/**
 * Warnings for a call outside either party's working hours (the user's in their zone, the lead's
 * in the lead's zone when it has one). Empty when both are inside: a call outside is allowed, only flagged.
 */
export function hoursWarnings(startsAt: string, minutes: number, user: WorkingDay, lead: WorkingDay | null): string[] {
  const warnings: string[] = [];
  if (!withinWorkingHours(startsAt, minutes, user)) warnings.push(`Outside your working hours (${user.hours.start}–${user.hours.end} ${zoneCity(user.zone)})`);
  if (lead && !withinWorkingHours(startsAt, minutes, lead)) warnings.push(`Outside the lead’s working hours (${lead.hours.start}–${lead.hours.end} ${zoneCity(lead.zone)})`);
  return warnings;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const dayLabel = (t: Temporal.ZonedDateTime) => `${WEEKDAYS[t.dayOfWeek - 1]} ${t.day} ${MONTHS[t.month - 1]}`;
const clock = (t: Temporal.ZonedDateTime) => `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;

/**
 * A call's start in both zones, in English and 24-hour time, ready to read or paste:
 * "Tue 8 Dec, 15:00 London · 10:00 New York". The lead's side repeats the day when it differs
 * ("· Wed 9 Dec, 02:00 Sydney"); only the user's side without a lead zone, or with the same zone.
 */
export function bothZones(startsAt: string, userZone: string, leadZone: string | null): string {
  const instant = Temporal.Instant.from(startsAt);
  const mine = instant.toZonedDateTimeISO(userZone);
  const text = `${dayLabel(mine)}, ${clock(mine)} ${zoneCity(userZone)}`;
  if (!leadZone || leadZone === userZone) return text;
  const theirs = instant.toZonedDateTimeISO(leadZone);
  const sameDay = theirs.toPlainDate().equals(mine.toPlainDate());
  return `${text} · ${sameDay ? '' : `${dayLabel(theirs)}, `}${clock(theirs)} ${zoneCity(leadZone)}`;
}

/** What "Propose three slots" searches with. */
export interface SlotSearch {
  /** Now (UTC instant): slots start from the user's next calendar day. */
  now: string;
  user: WorkingDay;
  /** The lead's working day in their zone; null when the lead has no zone (only the user's hours count). */
  lead: WorkingDay | null;
  durationMinutes: number;
  bufferMinutes: number;
  booked: readonly CallSpan[];
  count?: number;
}

/** How far ahead the search looks, in days, and the step between candidate starts, in minutes. */
const SEARCH_DAYS = 30;
const STEP_MINUTES = 30;

/**
 * The next free slots (UTC instants), one a day, from tomorrow in the user's zone: weekdays there
 * only, the earliest start on each day (on the half hour) that lies inside both parties' working
 * hours and whose buffered span clashes with no booked call. Fewer than `count` when the next
 * 30 days hold fewer (no overlap between the zones, say).
 */
export function proposeSlots(search: SlotSearch): string[] {
  const count = search.count ?? 3;
  const today = Temporal.Instant.from(search.now).toZonedDateTimeISO(search.user.zone).toPlainDate();
  const slots: string[] = [];
  for (let offset = 1; offset <= SEARCH_DAYS && slots.length < count; offset += 1) {
    const day = today.add({ days: offset });
    if (day.dayOfWeek > 5) continue;
    const dayEnd = day.toZonedDateTime({ timeZone: search.user.zone, plainTime: Temporal.PlainTime.from(search.user.hours.end) });
    let start = day.toZonedDateTime({ timeZone: search.user.zone, plainTime: Temporal.PlainTime.from(search.user.hours.start) });
    const minute = start.minute % STEP_MINUTES;
    if (minute !== 0) start = start.add({ minutes: STEP_MINUTES - minute });
    for (; Temporal.ZonedDateTime.compare(start.add({ minutes: search.durationMinutes }), dayEnd) <= 0; start = start.add({ minutes: STEP_MINUTES })) {
      const startsAt = new Date(start.epochMilliseconds).toISOString();
      const candidate = { startsAt, durationMinutes: search.durationMinutes, bufferBeforeMinutes: search.bufferMinutes, bufferAfterMinutes: search.bufferMinutes };
      if (search.lead && !withinWorkingHours(startsAt, search.durationMinutes, search.lead)) continue;
      if (clashingCall(candidate, search.booked)) continue;
      slots.push(startsAt);
      break;
    }
  }
  return slots;
}

/** The paste-ready text for proposed slots: one line per slot in both zones. */
export function slotsText(slots: readonly string[], durationMinutes: number, userZone: string, leadZone: string | null): string {
  if (slots.length === 0) return '';
  const lines = slots.map((s) => `- ${bothZones(s, userZone, leadZone)}`);
  return [`Would one of these times suit you for a ${durationMinutes}-minute intro call?`, '', ...lines, '', 'Happy to find another time if none of these work.'].join('\n');
}

/**
 * Why a wall-clock `time` on `date` can't be booked in `zone`, or null: the clocks skip it (a
 * spring-forward night has no 01:30 in London), so calendars would quietly move it. A time they
 * repeat in autumn is booked at the earlier one, as calendars do. Throws RangeError for an unknown zone.
 */
export function skippedTimeProblem(date: string, time: string, zone: string): string | null {
  const asked = Temporal.PlainTime.from(time);
  const zoned = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone, plainTime: asked });
  if (zoned.toPlainDate().equals(Temporal.PlainDate.from(date)) && zoned.toPlainTime().equals(asked)) return null;
  return `There is no ${asked.toString({ smallestUnit: 'minute' })} on ${date} in ${zone}: the clocks go forward then. Choose another time.`;
}

/**
 * The UTC instant (ISO) of a wall-clock date and time in `zone`. A time the clocks skip in spring
 * moves forward (`skippedTimeProblem` says so first), and one they repeat in autumn takes the
 * earlier, as calendars do (Temporal's "compatible"). Throws RangeError for an unknown zone.
 */
export function startFromLocal(date: string, time: string, zone: string): string {
  const zoned = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(time) });
  return new Date(zoned.epochMilliseconds).toISOString();
}
