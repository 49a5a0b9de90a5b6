import { describe, expect, it } from 'vitest';
import { addDays, calendarDateIn } from './calendar';

describe("the user's calendar date", () => {
  it('is the local date in the business time zone, not the UTC date', () => {
    // 17:00 in Los Angeles on 19 November is already 20 November in UTC.
    expect(calendarDateIn('America/Los_Angeles', new Date('2026-11-20T01:00:00Z'))).toBe('2026-11-19');
    // 09:00 in Auckland on 20 November is still 19 November in UTC.
    expect(calendarDateIn('Pacific/Auckland', new Date('2026-11-19T20:00:00Z'))).toBe('2026-11-20');
    expect(calendarDateIn('Europe/London', new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });

  it('refuses an unknown zone', () => {
    expect(() => calendarDateIn('Mars/Olympus', new Date())).toThrow(RangeError);
  });

  it('adds days to a plain calendar date across month, year and DST changes', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
