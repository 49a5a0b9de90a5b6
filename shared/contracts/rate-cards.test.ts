import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates/calendar';
import { rateVersionOn } from './rate-cards';
import type { RateCardVersion } from './types';

const v = (effectiveFrom: string, amountMinor: number): RateCardVersion => ({ effectiveFrom, amountMinor, hoursPerDay: null });

describe('the rate card version in force on a date', () => {
  const versions = [v('2026-07-01', 33_000), v('2025-01-01', 27_500), v('2026-01-01', 30_000)];

  it('is the latest one that took effect on or before the date, in any order', () => {
    expect(rateVersionOn(versions, '2026-03-15')?.amountMinor).toBe(30_000);
    expect(rateVersionOn(versions, '2026-06-30')?.amountMinor).toBe(30_000);
    expect(rateVersionOn(versions, '2026-07-01')?.amountMinor).toBe(33_000);
    expect(rateVersionOn(versions, '2030-01-01')?.amountMinor).toBe(33_000);
    expect(rateVersionOn(versions, '2025-01-01')?.amountMinor).toBe(27_500);
  });

  it('is none before the card starts, or for a card with no versions', () => {
    expect(rateVersionOn(versions, '2024-12-31')).toBeNull();
    expect(rateVersionOn([], '2026-01-01')).toBeNull();
  });

  it('refuses two versions from the same day, since the order would decide', () => {
    expect(() => rateVersionOn([...versions, v('2026-01-01', 31_000)], '2026-03-01')).toThrow('Two rate card versions take effect on 2026-01-01');
    // A clash that is not yet in force does not matter on this date.
    expect(rateVersionOn([...versions, v('2027-01-01', 1), v('2027-01-01', 2)], '2026-03-01')?.amountMinor).toBe(30_000);
  });

  it('does not depend on the order of the versions', () => {
    const days = fc.uniqueArray(fc.integer({ min: 0, max: 1_000 }), { maxLength: 8 });
    const shuffled = days.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })));
    fc.assert(
      fc.property(shuffled, fc.integer({ min: -10, max: 1_010 }), ([list, order], day) => {
        const version = (d: number) => v(addDays('2026-01-01', d), d);
        const date = addDays('2026-01-01', day);
        const found = rateVersionOn(list.map(version), date);
        expect(found?.amountMinor ?? null).toBe(list.some((d) => d <= day) ? Math.max(...list.filter((d) => d <= day)) : null);
        expect(rateVersionOn(order.map(version), date)).toEqual(found);
      }),
      { numRuns: 200 },
    );
  });
});
