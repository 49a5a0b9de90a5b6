/**
 * Durations of work as people type and read them. Seconds are the unit everywhere; text is
 * only for input and display.
 */

/** The most one time entry may hold: a day. Longer work is split over days. */
export const MAX_ENTRY_SECONDS = 24 * 3600;

/** Every form a duration may be typed in, with one and a half hours in decimal written `decimal` ("1,5" on a German screen). */
export function durationForms(decimal = '1.5'): string {
  return `1:30, ${decimal}, 90m, 1h30m or 1h`;
}

/** Said whenever a duration is not understood, naming every form that is. */
export const DURATION_FORMATS_MESSAGE = `Enter a duration like ${durationForms()}`;

export type DurationParse = { ok: true; seconds: number } | { ok: false; message: string };

const CLOCK = /^(\d{1,2}):([0-5]\d)$/;
const DECIMAL_HOURS = /^(\d{0,2})(?:[.,](\d{1,2}))?$/;
const HOURS_MINUTES = /^(?:(\d{1,2})\s*h)?\s*(?:(\d{1,4})\s*m)?$/;

/**
 * Parses a typed duration into whole seconds: `1:30` (hours:minutes), `1.5`, `1,5` or `.5` (decimal
 * hours, at most two places, so 0.01 h = 36 s stays exact), `90m`, `1h30m`, `1h` (spaces
 * allowed, any case). Blank and anything else is refused with DURATION_FORMATS_MESSAGE; zero and
 * more than 24 hours are refused with their own message (durationProblem).
 */
export function parseDuration(text: string): DurationParse {
  const raw = text.trim().toLowerCase();
  let seconds: number | null = null;
  const clock = CLOCK.exec(raw);
  const decimal = DECIMAL_HOURS.exec(raw);
  const units = raw === '' ? null : HOURS_MINUTES.exec(raw);
  if (clock) seconds = Number(clock[1]) * 3600 + Number(clock[2]) * 60;
  else if (decimal && (decimal[1] !== '' || decimal[2] !== undefined)) seconds = Number(decimal[1]) * 3600 + Number((decimal[2] ?? '0').padEnd(2, '0')) * 36;
  else if (units && (units[1] !== undefined || units[2] !== undefined)) seconds = Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60;
  if (seconds === null) return { ok: false, message: DURATION_FORMATS_MESSAGE };
  const problem = durationProblem(seconds);
  return problem ? { ok: false, message: problem } : { ok: true, seconds };
}

/** Why `seconds` cannot be one time entry (zero or less, or over 24 hours), or null when it can. */
export function durationProblem(seconds: number): string | null {
  if (!Number.isSafeInteger(seconds) || seconds <= 0) return 'A time entry must be longer than zero';
  if (seconds > MAX_ENTRY_SECONDS) return 'A time entry can be at most 24 hours; split longer work over days';
  return null;
}

/** Hours and minutes, "1:30" (seconds rounded to the nearest minute; "0:00" for none). For cells and totals. */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A running clock, "1:02:03" (hours:minutes:seconds, seconds floored). */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
