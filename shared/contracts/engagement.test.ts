import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween } from '../dates/calendar';
import { checkTiers, continuousStart, discountFor, wholeMonthsBetween, type EngagementPeriod } from './engagement';
import type { DiscountRule } from './types';

describe('the start of a continuous engagement', () => {
  const jan = { start: '2026-01-01', end: '2026-01-31' };

  it('chains back across a gap of at most the allowed days, counting the days strictly between', () => {
    const march = { start: '2026-03-02', end: '2026-06-30' }; // 29 days after January: 1 Feb to 1 Mar
    expect(continuousStart([march, jan], '2026-04-10', 29)).toBe('2026-01-01');
    expect(continuousStart([march, jan], '2026-04-10', 28)).toBe('2026-03-02');
    expect(continuousStart([jan, { start: '2026-02-01', end: null }], '2027-05-01', 0)).toBe('2026-01-01');
  });

  it('chains overlapping periods and runs of several, in any order', () => {
    const periods = [
      { start: '2026-09-01', end: null },
      { start: '2025-06-01', end: '2025-09-30' },
      { start: '2025-09-15', end: '2025-12-31' }, // overlaps the one before
      jan,
      { start: '2024-01-01', end: '2024-12-31' }, // a gap of 151 days, January to May 2025
    ];
    expect(continuousStart(periods, '2026-01-15', 30)).toBe('2025-06-01');
    expect(continuousStart(periods, '2026-01-15', 151)).toBe('2024-01-01');
    // February to August 2026 is a gap of 212 days.
    expect(continuousStart(periods, '2026-10-01', 211)).toBe('2026-09-01');
    expect(continuousStart(periods, '2026-10-01', 212)).toBe('2024-01-01');
  });

  it('counts only periods covering the date, not ones that start later or have ended', () => {
    expect(continuousStart([jan], '2026-01-31', 30)).toBe('2026-01-01');
    expect(continuousStart([jan], '2026-02-01', 30)).toBeNull();
    expect(continuousStart([jan], '2025-12-31', 30)).toBeNull();
    expect(continuousStart([], '2026-01-15', 30)).toBeNull();
  });

  it('refuses a period that ends before it starts and a negative or fractional gap', () => {
    expect(() => continuousStart([{ start: '2026-02-01', end: '2026-01-31' }], '2026-01-15', 0)).toThrow(RangeError);
    expect(() => continuousStart([jan], '2026-01-15', -1)).toThrow(RangeError);
    expect(() => continuousStart([jan], '2026-01-15', 1.5)).toThrow(RangeError);
  });

  it('agrees with walking back over the covered days one by one', () => {
    const day = (n: number) => addDays('2026-01-01', n);
    const period = fc
      .tuple(fc.integer({ min: 0, max: 100 }), fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }))
      .map(([s, length]): [number, number | null] => [s, length === null ? null : s + length]);
    fc.assert(
      fc.property(fc.array(period, { maxLength: 6 }), fc.integer({ min: 0, max: 140 }), fc.integer({ min: 0, max: 10 }), (raw, on, gap) => {
        const covered = (d: number) => raw.some(([s, e]) => s <= d && (e === null || d <= e));
        let expected: number | null = null;
        if (covered(on)) {
          let start = on;
          for (let next: number | undefined = on; next !== undefined; ) {
            start = next;
            while (covered(start - 1)) start--;
            next = Array.from({ length: gap + 1 }, (_, i) => start - 1 - i).find((d) => d >= 0 && covered(d));
          }
          expected = start;
        }
        const periods: EngagementPeriod[] = raw.map(([s, e]) => ({ start: day(s), end: e === null ? null : day(e) }));
        const actual = continuousStart(periods, day(on), gap);
        expect(actual === null ? null : daysBetween('2026-01-01', actual)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('whole months of engagement', () => {
  it('counts calendar months, clamping to the end of a shorter month', () => {
    expect(wholeMonthsBetween('2026-01-15', '2026-04-15')).toBe(3);
    expect(wholeMonthsBetween('2026-01-15', '2026-04-14')).toBe(2);
    expect(wholeMonthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(wholeMonthsBetween('2026-01-31', '2026-02-27')).toBe(0);
    expect(wholeMonthsBetween('2024-02-29', '2025-02-28')).toBe(12);
    expect(wholeMonthsBetween('2024-02-29', '2025-02-27')).toBe(11);
    expect(wholeMonthsBetween('2025-12-20', '2026-01-19')).toBe(0);
    expect(wholeMonthsBetween('2026-03-01', '2026-03-01')).toBe(0);
  });

  it('refuses a date before the start', () => {
    expect(() => wholeMonthsBetween('2026-03-01', '2026-02-28')).toThrow(RangeError);
  });

  it('is the largest n with start + n months on or before the date', () => {
    const date = fc.integer({ min: 0, max: 3_000 }).map((n) => addDays('2023-01-01', n));
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 1_500 }), (start, later) => {
        const on = addDays(start, later);
        const months = wholeMonthsBetween(start, on);
        expect(daysBetween(addMonths(start, months), on)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(addMonths(start, months + 1), on)).toBeLessThan(0);
        expect(wholeMonthsBetween(start, addMonths(start, months))).toBe(months);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the discount tier that applies', () => {
  const longTerm: DiscountRule = {
    name: 'Long-term',
    tiers: [
      { fromMonths: 12, percent: '7.50' },
      { fromMonths: 3, percent: '5' },
      { fromMonths: 1, percent: '2' },
    ],
  };

  it('is the tier with the highest start at or below the months, with its reason', () => {
    expect(discountFor(longTerm, 0)).toBeNull();
    expect(discountFor(longTerm, 1)).toEqual({ tier: { fromMonths: 1, percent: '2' }, reason: 'Long-term: 2% from 1 month of continuous engagement' });
    expect(discountFor(longTerm, 3)?.reason).toBe('Long-term: 5% from 3 months of continuous engagement');
    expect(discountFor(longTerm, 11)?.tier.percent).toBe('5');
    expect(discountFor(longTerm, 40)?.reason).toBe('Long-term: 7.5% from 12 months of continuous engagement');
  });

  it('names a flat discount from 0 months by rule and percent alone', () => {
    expect(discountFor({ name: 'Retained', tiers: [{ fromMonths: 0, percent: '10' }] }, 0)?.reason).toBe('Retained: 10%');
  });

  it('gives no discount for a 0% tier', () => {
    expect(discountFor({ name: 'Intro', tiers: [{ fromMonths: 0, percent: '0.00' }, { fromMonths: 6, percent: '3' }] }, 2)).toBeNull();
  });

  it('refuses a negative or fractional month count', () => {
    expect(() => discountFor(longTerm, -1)).toThrow(RangeError);
    expect(() => discountFor(longTerm, 2.5)).toThrow(RangeError);
  });
});

describe('checking discount tiers', () => {
  const tier = (fromMonths: number, percent: string) => ({ fromMonths, percent });

  it('accepts increasing months with discounts that never shrink, in any order', () => {
    expect(checkTiers([tier(0, '10')])).toBeNull();
    expect(checkTiers([tier(12, '7.5'), tier(3, '5'), tier(6, '5'), tier(600, '99.99')])).toBeNull();
  });

  it('needs at least one tier', () => {
    expect(checkTiers([])).toBe('Add at least one discount tier');
  });

  it('needs whole months from 0 to 600', () => {
    expect(checkTiers([tier(-1, '5')])).toBe('A tier starts after a whole number of months from 0 to 600, not -1');
    expect(checkTiers([tier(601, '5')])).toBe('A tier starts after a whole number of months from 0 to 600, not 601');
    expect(checkTiers([tier(2.5, '5')])).toMatch(/not 2.5$/);
  });

  it('needs a percent above 0 and below 100, to at most 2 decimal places', () => {
    expect(checkTiers([tier(0, '0')])).toBe('A discount must be more than 0% and less than 100%, not 0%');
    expect(checkTiers([tier(0, '100')])).toBe('A discount must be more than 0% and less than 100%, not 100%');
    expect(checkTiers([tier(0, '-5')])).toBe("A discount can't be negative");
    expect(checkTiers([tier(0, '5.125')])).toBe('A discount can have at most 2 decimal places');
    expect(checkTiers([tier(0, 'five')])).toBe('A discount must be a number like 7.5');
  });

  it('refuses two tiers from the same month', () => {
    expect(checkTiers([tier(3, '5'), tier(0, '2'), tier(3, '6')])).toBe('Two tiers start at 3 months; give each tier its own starting month');
  });

  it('refuses a smaller discount for a longer engagement', () => {
    expect(checkTiers([tier(12, '4'), tier(3, '5')])).toBe(
      'The discount from 12 months (4%) is smaller than the one from 3 months (5%); a longer engagement should not get a smaller discount',
    );
  });
});
