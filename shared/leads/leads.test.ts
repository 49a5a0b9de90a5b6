import { describe, expect, it } from 'vitest';
import { overlapMinutes } from './overlap';
import { emailDomain, isAgencyEmail } from './sources';
import { staleBefore } from './staleness';
import { LEAD_STAGES, OPEN_STAGES, weightedValue } from './stages';
import { advancesToCallBooked, checkStageChange } from './transitions';
import { DomainError } from '../errors/domain-error';

const london = { zone: 'Europe/London', hours: { start: '09:00', end: '17:30' } };
const nineToFive = (zone: string) => ({ zone, hours: { start: '09:00', end: '17:00' } });

describe('time-zone fit', () => {
  it('overlaps London 09:00–17:30 with New York 09:00–17:00 for 3.5 h most of the year (14:00–17:30 London)', () => {
    expect(overlapMinutes('2026-11-20', london, nineToFive('America/New_York'))).toBe(210);
    expect(overlapMinutes('2026-07-15', london, nineToFive('America/New_York'))).toBe(210);
  });

  it('follows each side’s DST: in the weeks the US has changed and Europe has not, New York is 4 h behind, so 4.5 h', () => {
    // US clocks went forward on 8 Mar 2026, the UK's on 29 Mar 2026.
    expect(overlapMinutes('2026-03-16', london, nineToFive('America/New_York'))).toBe(270);
    // UK clocks go back on 25 Oct 2026, the US's on 1 Nov 2026: 4 h apart again.
    expect(overlapMinutes('2026-10-28', london, nineToFive('America/New_York'))).toBe(270);
  });

  it('finds no overlap with Los Angeles, and counts across the date line for Sydney', () => {
    expect(overlapMinutes('2026-11-20', london, nineToFive('America/Los_Angeles'))).toBe(30);
    // Sydney (UTC+11 in November) 09:00–17:00 is 22:00–06:00 London: nothing within 09:00–17:30.
    expect(overlapMinutes('2026-11-20', london, nineToFive('Australia/Sydney'))).toBe(0);
    expect(overlapMinutes('2026-11-20', { zone: 'Europe/London', hours: { start: '05:00', end: '09:00' } }, nineToFive('Australia/Sydney'))).toBe(60);
  });

  it('refuses an unknown zone', () => {
    expect(() => overlapMinutes('2026-11-20', london, nineToFive('Mars/Olympus'))).toThrow(RangeError);
  });
});

describe('recruiters', () => {
  it('matches an agency domain and its subdomains, without case, and nothing that merely ends the same', () => {
    const agencies = ['hays.com', '@Randstad.co.uk'];
    expect(isAgencyEmail('jane@HAYS.com', agencies)).toBe(true);
    expect(isAgencyEmail('jane@jobs.hays.com', agencies)).toBe(true);
    expect(isAgencyEmail('amy@randstad.co.uk', agencies)).toBe(true);
    expect(isAgencyEmail('bob@nothays.com', agencies)).toBe(false);
    expect(isAgencyEmail(null, agencies)).toBe(false);
    expect(emailDomain('no-at-sign')).toBeNull();
  });
});

describe('staleness and weighting', () => {
  it('marks a lead stale once 14 calendar days have passed since its last activity’s day, in the user’s zone', () => {
    const cutOff = staleBefore('2026-11-22', 14, 'Europe/London');
    // Last contact on 8 November (any time that day) is 14 days ago; on 9 November, 13.
    expect(Date.parse('2026-11-08T23:59:59Z') < cutOff).toBe(true);
    expect(Date.parse('2026-11-09T00:00:00Z') < cutOff).toBe(false);
    // In New York, 03:00 UTC on 9 November is still the evening of the 8th.
    expect(Date.parse('2026-11-09T03:00:00Z') < staleBefore('2026-11-22', 14, 'America/New_York')).toBe(true);
  });

  it('weights an estimate by its stage’s chance, half up in minor units', () => {
    expect(weightedValue(1_000_000, 60)).toBe(600_000);
    expect(weightedValue(333, 50)).toBe(167);
    expect(weightedValue(0, 80)).toBe(0);
  });
});

describe('stage transitions', () => {
  it('moves freely between open stages, forwards and back, and reopens a lost lead', () => {
    for (const from of OPEN_STAGES) for (const to of [...OPEN_STAGES, 'lost' as const]) if (from !== to) expect(() => checkStageChange(from, to)).not.toThrow();
    expect(() => checkStageChange('lost', 'qualified')).not.toThrow();
  });

  it('refuses a plain move to won (a proposal or the win makes the client), any move from won, lost to lost and a non-move', () => {
    expect(() => checkStageChange('negotiating', 'won')).toThrow(/accepting its proposal/);
    expect(() => checkStageChange('won', 'negotiating')).toThrow(/was won/);
    expect(() => checkStageChange('lost', 'won')).toThrow(DomainError);
    expect(() => checkStageChange('qualified', 'qualified')).toThrow(/already at Qualified/);
  });

  it('books a call forward from new or qualified only, never backwards', () => {
    expect(LEAD_STAGES.filter(advancesToCallBooked)).toEqual(['new', 'qualified']);
  });
});
