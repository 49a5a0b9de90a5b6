import { calendarDateIn } from '../dates/calendar';

/**
 * Work dates and wall-clock times in the business's time zone. Durations always come from UTC
 * instants, so a clock change or midnight inside an entry never bends it.
 */

/** Whole seconds from `start` to `end` (ISO instants), floored; negative when `end` is earlier. */
export function secondsBetween(start: string, end: string): number {
  return Math.floor((Date.parse(end) - Date.parse(start)) / 1000);
}

/** The calendar day (ISO date) work starting at `startedAt` (ISO instant) belongs to: the day it started in `timeZone`. */
export function workDateOf(startedAt: string, timeZone: string): string {
  return calendarDateIn(timeZone, new Date(startedAt));
}

/** The zone's offset from UTC at `epochMs`, in ms (positive east of Greenwich). */
function offsetAt(timeZone: string, epochMs: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(epochMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(epochMs / 1000) * 1000;
}

const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The wall-clock time "HH:MM" at `instant` (ISO) in `timeZone`. */
export function wallTimeAt(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

/**
 * The UTC instant (ISO, `Z`) of wall-clock `time` ("HH:MM", 24-hour) on `date` (ISO) in
 * `timeZone`. A time the clocks skip (01:30 on 29 March 2026 in London) is refused with a
 * sentence saying so; a time that happens twice (01:30 on 25 October 2026) is the first one.
 * Throws RangeError with a message for the user.
 */
export function instantAt(date: string, time: string, timeZone: string): string {
  const match = WALL_TIME.exec(time);
  if (!match) throw new RangeError('Enter a time like 09:30');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, Number(match[1]), Number(match[2]));
  // The earlier offset first, so a repeated hour resolves to its first occurrence.
  const candidates = [offsetAt(timeZone, wall - 86_400_000), offsetAt(timeZone, wall + 86_400_000)].sort((a, b) => b - a);
  for (const offset of candidates) {
    const epoch = wall - offset;
    if (offsetAt(timeZone, epoch) === offset) return new Date(epoch).toISOString();
  }
  throw new RangeError(`${time} does not exist on that day in ${timeZone}: the clocks go forward`);
}
