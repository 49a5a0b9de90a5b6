import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetBurn } from './budget';

describe('budget burn', () => {
  it('is the whole percent used, rounded down', () => {
    expect(budgetBurn('0', '40')).toEqual({ percent: 0, level: 'ok' });
    expect(budgetBurn('10', '40')).toEqual({ percent: 25, level: 'ok' });
    expect(budgetBurn('1', '3')).toEqual({ percent: 33, level: 'ok' });
    expect(budgetBurn('2', '3')).toEqual({ percent: 66, level: 'ok' });
  });

  it('warns from exactly 80%, and 79.999% is still fine', () => {
    expect(budgetBurn('79.999', '100')).toEqual({ percent: 79, level: 'ok' });
    expect(budgetBurn('80', '100')).toEqual({ percent: 80, level: 'warning' });
    expect(budgetBurn('32', '40.00')).toEqual({ percent: 80, level: 'warning' });
    expect(budgetBurn('31.99', '40')).toEqual({ percent: 79, level: 'ok' });
    expect(budgetBurn('99.99', '100')).toEqual({ percent: 99, level: 'warning' });
  });

  it('is over from exactly 100%, and keeps counting past it', () => {
    expect(budgetBurn('40', '40')).toEqual({ percent: 100, level: 'over' });
    expect(budgetBurn('100.5', '40')).toEqual({ percent: 251, level: 'over' });
    expect(budgetBurn('1250000', '1000000')).toEqual({ percent: 125, level: 'over' });
  });

  it('refuses a budget of 0 or less, and negative usage', () => {
    expect(() => budgetBurn('1', '0')).toThrow(RangeError);
    expect(() => budgetBurn('1', '-5')).toThrow(RangeError);
    expect(() => budgetBurn('-1', '5')).toThrow(RangeError);
  });

  it('agrees with integer arithmetic in hundredths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (used, budget) => {
        const burn = budgetBurn((used / 100).toFixed(2), (budget / 100).toFixed(2));
        expect(burn.percent).toBe(Math.floor((used * 100) / budget));
        expect(burn.level).toBe(used >= budget ? 'over' : used * 5 >= budget * 4 ? 'warning' : 'ok');
      }),
      { numRuns: 200 },
    );
  });
});
