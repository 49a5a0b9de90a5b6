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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** Year, month (1–12) and day of an ISO date; throws RangeError for anything else, such as 2026-02-30. */
function parts(isoDate: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(isoDate);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
  }
  throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${isoDate}`);
}

const toIso = (year: number, month: number, day: number): string => {
  if (year < 0 || year > 9999) throw new RangeError(`Year ${year} is outside 0000–9999`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil): integers only, no Date. */
function dayNumber(isoDate: string): number {
  const { year, month, day } = parts(isoDate);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/**
 * Whole days from `from` to `to` (ISO dates): 1 for consecutive days, negative when `to` is
 * earlier. Throws RangeError for a string that is not a real ISO date.
 */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * An ISO date plus whole calendar months (negative to go back). The day is clamped to the end of
 * a shorter month: 2026-01-31 + 1 is 2026-02-28, 2024-02-29 + 12 is 2025-02-28.
 * Throws RangeError for a date that is not a real ISO date, a fractional count, or a year beyond 0000–9999.
 */
export function addMonths(isoDate: string, months: number): string {
  if (!Number.isSafeInteger(months)) throw new RangeError(`Months must be a whole number, not ${months}`);
  const { year, month, day } = parts(isoDate);
  const total = year * 12 + month - 1 + months;
  const newYear = Math.floor(total / 12);
  const newMonth = total - newYear * 12 + 1;
  return toIso(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** The last day (ISO date) of the month `isoDate` falls in: 2028-02-10 → 2028-02-29. Throws RangeError for a date that is not a real ISO date. */
export function lastDayOfMonth(isoDate: string): string {
  const { year, month } = parts(isoDate);
  return toIso(year, month, daysInMonth(year, month));
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** An ISO date as the app's messages write it: "2 Dec 2026" (a calendar date, never shifted by a time zone). */
export function describeDay(isoDate: string): string {
  return dayFormat.format(new Date(`${isoDate}T00:00:00Z`));
}
