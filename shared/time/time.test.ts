import { describe, expect, it } from 'vitest';
import { DURATION_FORMATS_MESSAGE, formatClock, formatDuration, parseDuration } from './duration';
import { instantAt, secondsBetween, wallTimeAt, workDateOf } from './instants';
import { forgottenReason, timeableProblem, weekStartOf } from './rules';

describe('parseDuration', () => {
  it.each([
    ['1:30', 5400],
    ['0:05', 300],
    ['12:00', 43_200],
    ['1.5', 5400],
    ['1,5', 5400],
    ['0.25', 900],
    ['.5', 1800],
    [',75', 2700],
    ['2', 7200],
    ['0.01', 36],
    ['90m', 5400],
    ['90 m', 5400],
    ['1h30m', 5400],
    ['1h 30m', 5400],
    ['1H', 3600],
    ['  45m ', 2700],
    ['24:00', 86_400],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, seconds });
  });

  it.each(['abc', '', '.', '1:3', '1:60', '1.555', '-1', '1h30', 'h', 'm', '1:30:00', '1.5h', '1e2'])('refuses %j naming the accepted forms', (text) => {
    expect(parseDuration(text)).toEqual({ ok: false, message: DURATION_FORMATS_MESSAGE });
  });

  it('refuses zero and more than a day with their own reason', () => {
    expect(parseDuration('0:00')).toEqual({ ok: false, message: 'A time entry must be longer than zero' });
    expect(parseDuration('0m')).toEqual({ ok: false, message: 'A time entry must be longer than zero' });
    expect(parseDuration('24:01')).toEqual({ ok: false, message: expect.stringContaining('at most 24 hours') });
    expect(parseDuration('25')).toEqual({ ok: false, message: expect.stringContaining('at most 24 hours') });
  });
});

describe('formatting', () => {
  it('shows hours and minutes, rounded to the minute, and a running clock', () => {
    expect(formatDuration(5400)).toBe('1:30');
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(89)).toBe('0:01');
    expect(formatDuration(36_000 + 59 * 60 + 31)).toBe('11:00');
    expect(formatClock(3723)).toBe('1:02:03');
    expect(formatClock(59.9)).toBe('0:00:59');
  });
});

describe('work dates and durations from instants', () => {
  it('puts work on the day it started in the business zone, across midnight', () => {
    // 23:30 in London on 1 Dec to 01:00 on 2 Dec: 1.5 h, on 1 Dec.
    expect(workDateOf('2026-12-01T23:30:00Z', 'Europe/London')).toBe('2026-12-01');
    expect(secondsBetween('2026-12-01T23:30:00Z', '2026-12-02T01:00:00Z')).toBe(5400);
    // 20:00 in New York is already the next day in UTC.
    expect(workDateOf('2026-12-02T01:00:00Z', 'America/New_York')).toBe('2026-12-01');
  });

  it('counts the hours actually worked across each DST change', () => {
    // London springs forward on 29 March 2026: 00:00 to 03:00 on the wall is two hours.
    const springStart = instantAt('2026-03-29', '00:00', 'Europe/London');
    const springEnd = instantAt('2026-03-29', '03:00', 'Europe/London');
    expect([springStart, springEnd]).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T02:00:00.000Z']);
    expect(secondsBetween(springStart, springEnd)).toBe(2 * 3600);
    // London falls back on 25 October 2026: 00:00 to 03:00 is four hours; 01:30 is the first one.
    expect(secondsBetween(instantAt('2026-10-25', '00:00', 'Europe/London'), instantAt('2026-10-25', '03:00', 'Europe/London'))).toBe(4 * 3600);
    expect(instantAt('2026-10-25', '01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
    // New York: 8 March 2026 loses an hour, 1 November 2026 gains one.
    expect(secondsBetween(instantAt('2026-03-08', '00:00', 'America/New_York'), instantAt('2026-03-08', '04:00', 'America/New_York'))).toBe(3 * 3600);
    expect(secondsBetween(instantAt('2026-11-01', '00:00', 'America/New_York'), instantAt('2026-11-01', '04:00', 'America/New_York'))).toBe(5 * 3600);
    expect(workDateOf(instantAt('2026-11-01', '23:59', 'America/New_York'), 'America/New_York')).toBe('2026-11-01');
  });

  it('refuses a wall time the clocks skip, and reads wall times back', () => {
    expect(() => instantAt('2026-03-29', '01:30', 'Europe/London')).toThrow('01:30 does not exist on that day in Europe/London: the clocks go forward');
    expect(() => instantAt('2026-03-08', '02:15', 'America/New_York')).toThrow(/clocks go forward/);
    expect(() => instantAt('2026-03-08', '9:5', 'America/New_York')).toThrow('Enter a time like 09:30');
    expect(wallTimeAt('2026-07-01T08:00:00Z', 'Europe/London')).toBe('09:00');
  });
});

describe('forgotten timers', () => {
  const base = { processStartedAt: '2026-12-02T09:00:00Z', afterHours: 10, kept: [] as const };
  it('asks about a timer that ran across a restart, or for more than the setting', () => {
    expect(forgottenReason({ ...base, startedAt: '2026-12-01T17:00:00Z', now: '2026-12-02T09:00:05Z' })).toBe('restart');
    expect(forgottenReason({ ...base, startedAt: '2026-12-02T09:30:00Z', now: '2026-12-02T19:30:00Z' })).toBeNull();
    expect(forgottenReason({ ...base, startedAt: '2026-12-02T09:30:00Z', now: '2026-12-02T19:30:01Z' })).toBe('long');
    expect(forgottenReason({ ...base, afterHours: 2, startedAt: '2026-12-02T09:30:00Z', now: '2026-12-02T12:00:00Z' })).toBe('long');
  });
  it('asks each question once the user keeps the time', () => {
    const restarted = { ...base, startedAt: '2026-12-02T08:00:00Z', now: '2026-12-02T09:00:05Z' };
    expect(forgottenReason(restarted)).toBe('restart');
    expect(forgottenReason({ ...restarted, kept: ['restart'] })).toBeNull();
    expect(forgottenReason({ ...restarted, now: '2026-12-02T18:00:01Z', kept: ['restart'] })).toBe('long');
    expect(forgottenReason({ ...restarted, now: '2026-12-02T18:00:01Z', kept: ['restart', 'long'] })).toBeNull();
  });
});

describe('contracts and weeks', () => {
  it('explains which contracts take time', () => {
    expect(timeableProblem('C-0001', 'active')).toBeNull();
    expect(timeableProblem('C-0001', 'signed')).toBeNull();
    expect(timeableProblem('C-0002', 'draft')).toBe('C-0002 is a draft; time can be logged only on a signed or active contract');
    expect(timeableProblem('C-0003', 'ended')).toMatch(/^C-0003 is ended/);
  });
  it('finds the Monday of a week', () => {
    expect(weekStartOf('2026-12-02')).toBe('2026-11-30');
    expect(weekStartOf('2026-11-30')).toBe('2026-11-30');
    expect(weekStartOf('2026-12-06')).toBe('2026-11-30');
  });
});
