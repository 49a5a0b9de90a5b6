import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../dates/calendar';
import { billingDates, billingPeriodOn, nextBillingDate } from './billing-cycle';
import { BILLING_CYCLES, type BillingCycle } from './types';

const weekly: BillingCycle = { kind: 'weekly', anchor: '2026-01-05' }; // a Monday
const fortnightly: BillingCycle = { kind: 'fortnightly', anchor: '2026-01-05' };
const semiMonthly: BillingCycle = { kind: 'semi-monthly', anchor: null };
const monthly: BillingCycle = { kind: 'monthly', anchor: null };

describe('the billing period containing a date', () => {
  it('counts weekly and fortnightly periods from the anchor, both ways', () => {
    expect(billingPeriodOn(weekly, '2026-01-05')).toEqual({ start: '2026-01-05', end: '2026-01-11' });
    expect(billingPeriodOn(weekly, '2026-01-11')).toEqual({ start: '2026-01-05', end: '2026-01-11' });
    expect(billingPeriodOn(weekly, '2026-03-29')).toEqual({ start: '2026-03-23', end: '2026-03-29' }); // UK clocks go forward
    expect(billingPeriodOn(weekly, '2026-01-04')).toEqual({ start: '2025-12-29', end: '2026-01-04' });
    expect(billingPeriodOn(fortnightly, '2026-01-19')).toEqual({ start: '2026-01-19', end: '2026-02-01' });
    expect(billingPeriodOn(fortnightly, '2026-01-18')).toEqual({ start: '2026-01-05', end: '2026-01-18' });
    expect(billingPeriodOn(fortnightly, '2025-12-25')).toEqual({ start: '2025-12-22', end: '2026-01-04' });
  });

  it('splits a month at the 15th, or takes it whole', () => {
    expect(billingPeriodOn(semiMonthly, '2026-02-15')).toEqual({ start: '2026-02-01', end: '2026-02-15' });
    expect(billingPeriodOn(semiMonthly, '2026-02-16')).toEqual({ start: '2026-02-16', end: '2026-02-28' });
    expect(billingPeriodOn(semiMonthly, '2028-02-29')).toEqual({ start: '2028-02-16', end: '2028-02-29' });
    expect(billingPeriodOn(monthly, '2024-02-10')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(billingPeriodOn(monthly, '2026-12-31')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
  });

  it('has none for milestones and completion', () => {
    expect(billingPeriodOn({ kind: 'milestones', anchor: null }, '2026-01-10')).toBeNull();
    expect(billingPeriodOn({ kind: 'completion', anchor: '2026-01-05' }, '2026-01-10')).toBeNull();
  });

  it('refuses a weekly or fortnightly cycle without an anchor, and a bad date', () => {
    expect(() => billingPeriodOn({ kind: 'weekly', anchor: null }, '2026-01-10')).toThrow('A weekly cycle needs an anchor date');
    expect(() => billingPeriodOn({ kind: 'fortnightly', anchor: null }, '2026-01-10')).toThrow(RangeError);
    expect(() => billingPeriodOn(monthly, '2026-02-30')).toThrow(RangeError);
    expect(() => billingPeriodOn(semiMonthly, '2026-02-30')).toThrow(RangeError);
  });
});

describe('the next billing date', () => {
  it('is the end of the period containing today, or the start while the contract has not begun', () => {
    expect(nextBillingDate(monthly, '2026-01-15', null, '2026-03-10')).toBe('2026-03-31');
    expect(nextBillingDate(monthly, '2026-05-20', null, '2026-03-10')).toBe('2026-05-31');
    expect(nextBillingDate(weekly, '2026-01-05', null, '2026-01-11')).toBe('2026-01-11');
    expect(nextBillingDate(semiMonthly, '2026-01-01', '2026-12-31', '2026-02-20')).toBe('2026-02-28');
  });

  it('is never after the end, and none once past the last period', () => {
    expect(nextBillingDate(monthly, '2026-01-15', '2026-03-20', '2026-03-10')).toBe('2026-03-20');
    expect(nextBillingDate(monthly, '2026-01-15', '2026-03-20', '2026-03-25')).toBe('2026-03-20');
    expect(nextBillingDate(monthly, '2026-01-15', '2026-03-20', '2026-04-01')).toBeNull();
    expect(nextBillingDate(monthly, '2026-01-15', '2026-03-31', '2026-02-10')).toBe('2026-02-28');
    expect(nextBillingDate(fortnightly, '2026-01-05', '2026-01-10', '2025-12-01')).toBe('2026-01-10');
  });

  it('has none for milestones; completion bills on the end date when there is one', () => {
    expect(nextBillingDate({ kind: 'milestones', anchor: null }, '2026-01-01', '2026-06-30', '2026-02-01')).toBeNull();
    expect(nextBillingDate({ kind: 'completion', anchor: null }, '2026-01-01', '2026-06-30', '2026-02-01')).toBe('2026-06-30');
    expect(nextBillingDate({ kind: 'completion', anchor: null }, '2026-01-01', null, '2026-02-01')).toBeNull();
  });

  it('refuses a contract that ends before it starts', () => {
    expect(() => nextBillingDate(monthly, '2026-03-01', '2026-02-28', '2026-03-01')).toThrow(RangeError);
  });
});

describe('the next billing dates', () => {
  it('lists period ends on or after the date', () => {
    expect(billingDates(monthly, '2026-12-31', 3)).toEqual(['2026-12-31', '2027-01-31', '2027-02-28']);
    expect(billingDates(semiMonthly, '2028-02-10', 4)).toEqual(['2028-02-15', '2028-02-29', '2028-03-15', '2028-03-31']);
    expect(billingDates(fortnightly, '2026-01-01', 3)).toEqual(['2026-01-04', '2026-01-18', '2026-02-01']);
    expect(billingDates(weekly, '2026-01-05', 0)).toEqual([]);
  });

  it('is empty without periods, and refuses a bad count', () => {
    expect(billingDates({ kind: 'milestones', anchor: null }, '2026-01-01', 3)).toEqual([]);
    expect(() => billingDates(monthly, '2026-01-01', -1)).toThrow(RangeError);
    expect(() => billingDates(monthly, '2026-01-01', 2.5)).toThrow(RangeError);
  });
});

describe('billing periods tile the calendar', () => {
  // 2023 to 2030: month and year ends, the leap days 2024-02-29 and 2028-02-29.
  const date = fc.oneof(
    fc.integer({ min: 0, max: 2_921 }).map((n) => addDays('2023-01-01', n)),
    fc.constantFrom('2024-02-28', '2024-02-29', '2024-03-01', '2028-02-29', '2027-12-31', '2028-01-01', '2029-02-28'),
  );
  const cycle: fc.Arbitrary<BillingCycle> = fc.record({
    kind: fc.constantFrom(...BILLING_CYCLES.filter((k) => k !== 'milestones' && k !== 'completion')),
    anchor: date,
  });

  it('every date lies in exactly one period, and the next period starts the day after', () => {
    fc.assert(
      fc.property(cycle, date, (c, d) => {
        const period = billingPeriodOn(c, d)!;
        expect(daysBetween(period.start, d)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(d, period.end)).toBeGreaterThanOrEqual(0);
        expect(billingPeriodOn(c, period.start)).toEqual(period);
        expect(billingPeriodOn(c, period.end)).toEqual(period);
        expect(billingPeriodOn(c, addDays(period.end, 1))!.start).toBe(addDays(period.end, 1));
        expect(billingPeriodOn(c, addDays(period.start, -1))!.end).toBe(addDays(period.start, -1));
      }),
      { numRuns: 200 },
    );
  });

  it('a fortnightly cycle never drifts from its anchor over ten years', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -1_000, max: 3_653 }), (anchor, offset) => {
        const c: BillingCycle = { kind: 'fortnightly', anchor };
        const period = billingPeriodOn(c, addDays(anchor, offset))!;
        expect(Number.isInteger(daysBetween(anchor, period.start) / 14)).toBe(true);
        const ends = billingDates(c, anchor, 261); // ten years of fortnights
        ends.forEach((end, k) => expect(daysBetween(anchor, end)).toBe(14 * k + 13));
      }),
      { numRuns: 100 },
    );
  });
});
