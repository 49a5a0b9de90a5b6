import { describe, expect, it } from 'vitest';
import { bothZones, clashingCall, hoursWarnings, proposeSlots, skippedTimeProblem, slotsText, startFromLocal, withinWorkingHours } from './slots';

const london = { zone: 'Europe/London', hours: { start: '09:00', end: '17:30' } };
const newYork = { zone: 'America/New_York', hours: { start: '09:00', end: '17:00' } };
const call = (startsAt: string) => ({ startsAt, durationMinutes: 45, bufferBeforeMinutes: 15, bufferAfterMinutes: 15 });

describe('both zones', () => {
  it('shows the start in the user’s and the lead’s zone', () => {
    expect(bothZones('2026-12-08T15:00:00.000Z', 'Europe/London', 'America/New_York')).toBe('Tue 8 Dec, 15:00 London · 10:00 New York');
    expect(bothZones('2026-12-08T15:00:00.000Z', 'Europe/London', null)).toBe('Tue 8 Dec, 15:00 London');
    expect(bothZones('2026-12-08T15:00:00.000Z', 'Europe/London', 'Australia/Sydney')).toBe('Tue 8 Dec, 15:00 London · Wed 9 Dec, 02:00 Sydney');
  });

  it('follows each side’s DST: in the weeks only one side has changed, London and New York are 4 h apart, not 5', () => {
    // UK clocks go back on 25 Oct 2026, the US's on 1 Nov 2026.
    expect(bothZones('2026-10-23T14:00:00.000Z', 'Europe/London', 'America/New_York')).toBe('Fri 23 Oct, 15:00 London · 10:00 New York');
    expect(bothZones('2026-10-30T15:00:00.000Z', 'Europe/London', 'America/New_York')).toBe('Fri 30 Oct, 15:00 London · 11:00 New York');
    expect(bothZones('2026-11-02T15:00:00.000Z', 'Europe/London', 'America/New_York')).toBe('Mon 2 Nov, 15:00 London · 10:00 New York');
    // US clocks go forward on 8 Mar 2026, the UK's on 29 Mar 2026.
    expect(bothZones('2026-03-06T15:00:00.000Z', 'Europe/London', 'America/New_York')).toBe('Fri 6 Mar, 15:00 London · 10:00 New York');
    expect(bothZones('2026-03-10T15:00:00.000Z', 'Europe/London', 'America/New_York')).toBe('Tue 10 Mar, 15:00 London · 11:00 New York');
    expect(bothZones('2026-03-31T14:00:00.000Z', 'Europe/London', 'America/New_York')).toBe('Tue 31 Mar, 15:00 London · 10:00 New York');
  });
});

describe('working hours', () => {
  it('warns for each party whose day the call falls outside, and for none inside both', () => {
    expect(hoursWarnings('2026-12-08T15:00:00.000Z', 45, london, newYork)).toEqual([]);
    expect(hoursWarnings('2026-12-08T13:00:00.000Z', 45, london, newYork)).toEqual(['Outside the lead’s working hours (09:00–17:00 New York)']);
    expect(hoursWarnings('2026-12-08T17:00:00.000Z', 45, london, newYork)).toEqual(['Outside your working hours (09:00–17:30 London)']);
    expect(hoursWarnings('2026-12-08T13:00:00.000Z', 45, london, null)).toEqual([]);
  });

  it('measures each side in its own DST: 13:30 London is 09:30 New York on 30 Oct 2026 (inside) but 08:30 on 2 Nov (outside)', () => {
    expect(withinWorkingHours('2026-10-30T13:30:00.000Z', 45, newYork)).toBe(true);
    expect(withinWorkingHours('2026-11-02T13:30:00.000Z', 45, newYork)).toBe(false);
    expect(withinWorkingHours('2026-03-10T13:00:00.000Z', 45, newYork)).toBe(true);
  });
});

describe('clashes', () => {
  it('counts the buffers on both calls; spans that only touch do not clash', () => {
    const booked = [call('2026-12-08T15:00:00.000Z')];
    // Blocked 14:45–16:00; a call at 16:15 blocks 16:00–17:15.
    expect(clashingCall(call('2026-12-08T16:15:00.000Z'), booked)).toBeNull();
    expect(clashingCall(call('2026-12-08T16:00:00.000Z'), booked)).toBe(booked[0]);
    expect(clashingCall(call('2026-12-08T14:00:00.000Z'), booked)).toBe(booked[0]);
    expect(clashingCall(call('2026-12-08T13:45:00.000Z'), booked)).toBeNull();
  });
});

describe('three slots', () => {
  const search = { user: london, lead: newYork, durationMinutes: 45, bufferMinutes: 15, booked: [] };

  it('takes the earliest shared slot on each of the next weekdays, from tomorrow', () => {
    // Fri 4 Dec 2026: Saturday and Sunday are skipped; 14:00 London is 09:00 New York.
    expect(proposeSlots({ ...search, now: '2026-12-04T10:00:00.000Z' })).toEqual(['2026-12-07T14:00:00.000Z', '2026-12-08T14:00:00.000Z', '2026-12-09T14:00:00.000Z']);
  });

  it('steps past a booked call with its buffers, and follows the DST weeks (New York opens at 13:00 London)', () => {
    const booked = [call('2026-10-27T13:00:00.000Z')];
    // 27–30 Oct 2026: London is UTC+0, New York UTC-4, so New York's 09:00 is 13:00 UTC; the booked call blocks 12:45–14:00 and a 14:00 call's own buffer from 13:45, so 14:30.
    expect(proposeSlots({ ...search, booked, now: '2026-10-26T10:00:00.000Z' })).toEqual(['2026-10-27T14:30:00.000Z', '2026-10-28T13:00:00.000Z', '2026-10-29T13:00:00.000Z']);
  });

  it('finds none when the working days never overlap, and writes the paste-ready text', () => {
    expect(proposeSlots({ ...search, lead: { zone: 'Australia/Sydney', hours: newYork.hours }, now: '2026-12-04T10:00:00.000Z' })).toEqual([]);
    expect(slotsText(['2026-12-07T14:00:00.000Z'], 45, 'Europe/London', 'America/New_York')).toBe(
      'Would one of these times suit you for a 45-minute intro call?\n\n- Mon 7 Dec, 14:00 London · 09:00 New York\n\nHappy to find another time if none of these work.',
    );
  });
});

describe('times the clocks skip', () => {
  it('names a spring-forward time that does not exist, on either side, and leaves a repeated autumn time bookable', () => {
    // London skips 01:00–02:00 on 29 Mar 2026; New York skips 02:00–03:00 on 8 Mar 2026.
    expect(skippedTimeProblem('2026-03-29', '01:30', 'Europe/London')).toBe('There is no 01:30 on 2026-03-29 in Europe/London: the clocks go forward then. Choose another time.');
    expect(skippedTimeProblem('2026-03-08', '02:15', 'America/New_York')).toContain('There is no 02:15');
    expect(skippedTimeProblem('2026-03-29', '02:00', 'Europe/London')).toBeNull();
    expect(skippedTimeProblem('2026-03-28', '01:30', 'Europe/London')).toBeNull();
    // 01:30 happens twice on 25 Oct 2026 in London: booked at the first, as calendars do.
    expect(skippedTimeProblem('2026-10-25', '01:30', 'Europe/London')).toBeNull();
    expect(startFromLocal('2026-10-25', '01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
  });
});
