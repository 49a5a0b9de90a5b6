import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, calendarDateIn, daysBetween, lastDayOfMonth, describeDay } from './calendar';

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

describe('days between two calendar dates', () => {
  it('counts whole days, negative backwards, across month, leap day and year ends', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-01-31', '2026-03-02')).toBe(30);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2027-01-01', '2026-12-31')).toBe(-1);
    expect(daysBetween('1970-01-01', '2000-03-01')).toBe(11_017);
    expect(daysBetween('1900-02-28', '1900-03-01')).toBe(1);
    expect(daysBetween('2000-02-28', '2000-03-01')).toBe(2);
  });

  it('agrees with addDays for any date and offset', () => {
    const date = fc.integer({ min: -40_000, max: 40_000 }).map((n) => addDays('2000-01-01', n));
    fc.assert(
      fc.property(date, fc.integer({ min: -5_000, max: 5_000 }), (from, n) => daysBetween(from, addDays(from, n)) === n),
      { numRuns: 200 },
    );
  });

  it('refuses strings that are not real ISO dates', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-1', '2026-04-01T00:00:00Z', '']) {
      expect(() => daysBetween(bad, '2026-01-01')).toThrow(RangeError);
    }
  });
});

describe('adding calendar months', () => {
  it('keeps the day, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-15', 3)).toBe('2026-04-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 2)).toBe('2027-01-30');
    expect(addMonths('2026-01-10', -13)).toBe('2024-12-10');
    expect(addMonths('2026-05-31', 0)).toBe('2026-05-31');
  });

  it('refuses a fractional count and a bad date', () => {
    expect(() => addMonths('2026-01-15', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('9999-12-01', 1)).toThrow(RangeError);
  });
});

describe('the last day of a month', () => {
  it('knows 28, 29, 30 and 31-day months, including century leap rules', () => {
    expect(lastDayOfMonth('2026-02-10')).toBe('2026-02-28');
    expect(lastDayOfMonth('2028-02-01')).toBe('2028-02-29');
    expect(lastDayOfMonth('2100-02-01')).toBe('2100-02-28');
    expect(lastDayOfMonth('2000-02-01')).toBe('2000-02-29');
    expect(lastDayOfMonth('2026-04-30')).toBe('2026-04-30');
    expect(lastDayOfMonth('2026-12-01')).toBe('2026-12-31');
  });

  it('is always the day before the first of the next month', () => {
    const date = fc.integer({ min: 0, max: 30_000 }).map((n) => addDays('1950-01-01', n));
    fc.assert(
      fc.property(date, (d) => addDays(lastDayOfMonth(d), 1) === addMonths(`${d.slice(0, 8)}01`, 1)),
      { numRuns: 200 },
    );
  });
});

describe('describeDay', () => {
  it('writes a calendar date the same in every zone', () => {
    expect(describeDay('2026-12-02')).toBe('2 Dec 2026');
    expect(describeDay('2024-02-29')).toBe('29 Feb 2024');
  });
});
