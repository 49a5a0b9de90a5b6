import { describe, expect, it } from 'vitest';
import { duePeriod, firstUnbilledPeriod } from './due';

const fortnightly = { kind: 'fortnightly' as const, anchor: '2026-11-20' };
const none = new Set<string>();

describe('duePeriod', () => {
  it('is the fortnight that ended, or ends within 3 days, and nothing once that period is billed', () => {
    expect(duePeriod(fortnightly, '2026-11-20', null, '2026-12-03', none)).toEqual({ start: '2026-11-20', end: '2026-12-03' });
    expect(duePeriod(fortnightly, '2026-11-20', null, '2026-12-01', none)).toEqual({ start: '2026-11-20', end: '2026-12-03' });
    expect(duePeriod(fortnightly, '2026-11-20', null, '2026-12-05', none)).toEqual({ start: '2026-11-20', end: '2026-12-03' });
    expect(duePeriod(fortnightly, '2026-11-20', null, '2026-12-05', new Set(['2026-11-20']))).toBeNull();
  });

  it('has nothing due before the first period ends, clips the first period to the start and the last to the end', () => {
    expect(duePeriod(fortnightly, '2026-11-20', null, '2026-11-25', none)).toBeNull();
    expect(duePeriod(fortnightly, '2026-11-25', null, '2026-12-03', none)).toEqual({ start: '2026-11-25', end: '2026-12-03' });
    expect(duePeriod(fortnightly, '2026-11-20', '2026-12-10', '2027-01-15', none)).toEqual({ start: '2026-12-04', end: '2026-12-10' });
  });

  it('bills monthly at the month end and a completion contract once, at its end date', () => {
    expect(duePeriod({ kind: 'monthly', anchor: null }, '2026-01-01', null, '2026-11-29', none)).toEqual({ start: '2026-11-01', end: '2026-11-30' });
    expect(duePeriod({ kind: 'completion', anchor: null }, '2026-10-01', '2026-12-02', '2026-12-02', none)).toEqual({ start: '2026-10-01', end: '2026-12-02' });
    expect(duePeriod({ kind: 'completion', anchor: null }, '2026-10-01', null, '2026-12-02', none)).toBeNull();
    expect(duePeriod({ kind: 'milestones', anchor: null }, '2026-10-01', null, '2026-12-02', none)).toBeNull();
  });
});

describe('firstUnbilledPeriod', () => {
  it('is the oldest month not billed yet, so a retainer bills every month in turn', () => {
    const monthly = { kind: 'monthly' as const, anchor: null };
    expect(firstUnbilledPeriod(monthly, '2026-09-10', null, '2026-12-02', none)).toEqual({ start: '2026-09-10', end: '2026-09-30' });
    expect(firstUnbilledPeriod(monthly, '2026-09-10', null, '2026-12-02', new Set(['2026-09-10']))).toEqual({ start: '2026-10-01', end: '2026-10-31' });
    expect(firstUnbilledPeriod(monthly, '2026-09-10', null, '2026-12-02', new Set(['2026-09-10', '2026-10-01', '2026-11-01']))).toBeNull();
    expect(firstUnbilledPeriod(monthly, '2026-09-10', '2026-10-15', '2026-12-02', new Set(['2026-09-10']))).toEqual({ start: '2026-10-01', end: '2026-10-15' });
    expect(firstUnbilledPeriod(monthly, '2026-09-10', '2026-10-15', '2026-12-02', new Set(['2026-09-10', '2026-10-01']))).toBeNull();
  });
});
