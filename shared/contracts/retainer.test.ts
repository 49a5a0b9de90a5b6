import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDecimals, compareDecimals, decimal, decimalToString, subtractDecimals } from '../money/decimal';
import { retainerMonth } from './retainer';
import type { Retainer } from './types';

const retainer: Retainer = { monthlyFeeMinor: 500_000, includedHours: '20', overageRateMinor: 30_000, rollover: false, rolloverCapHours: null };

describe('a month of a retainer', () => {
  it('bills the hours over the included ones at the overage rate', () => {
    expect(retainerMonth(retainer, '23.5', '0')).toEqual({
      availableHours: '20',
      usedIncludedHours: '20',
      overageHours: '3.5',
      overageMinor: 105_000,
      carriedOutHours: '0',
    });
  });

  it('rounds the overage half-up once, to a whole minor unit', () => {
    const odd = { ...retainer, overageRateMinor: 12_345 };
    expect(retainerMonth(odd, '20.5', '0').overageMinor).toBe(6_173); // 6172.5
    expect(retainerMonth(odd, '20.25', '0').overageMinor).toBe(3_086); // 3086.25
    expect(retainerMonth(odd, '20.0001', '0').overageMinor).toBe(1); // 1.2345
  });

  it('has no overage exactly at the limit, and carries nothing without rollover', () => {
    expect(retainerMonth(retainer, '20.00', '0')).toEqual({ availableHours: '20', usedIncludedHours: '20', overageHours: '0', overageMinor: 0, carriedOutHours: '0' });
    expect(retainerMonth(retainer, '12', '0')).toMatchObject({ usedIncludedHours: '12', overageHours: '0', carriedOutHours: '0' });
  });

  it('with rollover, carries every unused hour when there is no cap', () => {
    const rolling = { ...retainer, rollover: true };
    expect(retainerMonth(rolling, '12', '0')).toMatchObject({ availableHours: '20', carriedOutHours: '8' });
    expect(retainerMonth(rolling, '12', '6.5')).toMatchObject({ availableHours: '26.5', usedIncludedHours: '12', carriedOutHours: '14.5' });
    // Carried-in hours are used before any overage.
    expect(retainerMonth(rolling, '25', '6.5')).toMatchObject({ overageHours: '0', overageMinor: 0, carriedOutHours: '1.5' });
    expect(retainerMonth(rolling, '20', '0').carriedOutHours).toBe('0');
  });

  it('with a cap, carries at most the cap', () => {
    const capped = { ...retainer, rollover: true, rolloverCapHours: '10' };
    expect(retainerMonth(capped, '12', '0').carriedOutHours).toBe('8');
    expect(retainerMonth(capped, '5', '4').carriedOutHours).toBe('10');
    expect(retainerMonth(capped, '10', '0').carriedOutHours).toBe('10');
    expect(retainerMonth(capped, '30', '0')).toMatchObject({ overageHours: '10', overageMinor: 300_000, carriedOutHours: '0' });
  });

  it('refuses negative hours and a bad overage rate', () => {
    expect(() => retainerMonth(retainer, '-1', '0')).toThrow(RangeError);
    expect(() => retainerMonth(retainer, '1', '-0.5')).toThrow(RangeError);
    expect(() => retainerMonth({ ...retainer, overageRateMinor: 1.5 }, '1', '0')).toThrow(RangeError);
  });

  it('accounts for every hour: used and overage make up the work, and only unused hours carry', () => {
    const hundredths = fc.integer({ min: 0, max: 50_000 }).map((n) => (n / 100).toFixed(2));
    const same = (a: string, b: string) => expect(compareDecimals(decimal(a), decimal(b))).toBe(0);
    const sum = (a: string, b: string) => decimalToString(addDecimals(decimal(a), decimal(b)));
    fc.assert(
      fc.property(hundredths, hundredths, hundredths, fc.option(hundredths, { nil: null }), (included, worked, carriedIn, cap) => {
        const month = retainerMonth({ ...retainer, includedHours: included, rollover: true, rolloverCapHours: cap }, worked, carriedIn);
        same(month.availableHours, sum(included, carriedIn));
        same(sum(month.usedIncludedHours, month.overageHours), worked);
        const unused = decimalToString(subtractDecimals(decimal(month.availableHours), decimal(month.usedIncludedHours)));
        expect(decimal(unused).units).toBeGreaterThanOrEqual(0n);
        same(month.carriedOutHours, cap !== null && compareDecimals(decimal(cap), decimal(unused)) < 0 ? cap : unused);
        // Overage only when every available hour is used.
        if (decimal(month.overageHours).units > 0n) same(unused, '0');
      }),
      { numRuns: 200 },
    );
  });
});
