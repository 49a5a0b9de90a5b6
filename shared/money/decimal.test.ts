import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDecimals, compareDecimals, decimal, decimalToString, subtractDecimals } from './decimal';

describe('decimal arithmetic', () => {
  it('adds and subtracts across scales exactly', () => {
    expect(decimalToString(addDecimals(decimal('0.1'), decimal('0.2')))).toBe('0.3');
    expect(decimalToString(addDecimals(decimal('7.5'), decimal('0.0001')))).toBe('7.5001');
    expect(decimalToString(subtractDecimals(decimal('2'), decimal('0.75')))).toBe('1.25');
    expect(decimalToString(subtractDecimals(decimal('1'), decimal('1.5')))).toBe('-0.5');
  });

  it('compares by value, not by scale or text', () => {
    expect(compareDecimals(decimal('1.50'), decimal('1.5'))).toBe(0);
    expect(compareDecimals(decimal('1.49'), decimal('1.5'))).toBe(-1);
    expect(compareDecimals(decimal('10'), decimal('9.9999'))).toBe(1);
    expect(compareDecimals(decimal('-0.5'), decimal('0'))).toBe(-1);
  });

  it('agrees with integer arithmetic on scaled values', () => {
    const scaled = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }));
    fc.assert(
      fc.property(scaled, scaled, ([au, as], [bu, bs]) => {
        const a = { units: au, scale: as };
        const b = { units: bu, scale: bs };
        const x = au * 10n ** BigInt(6 - as);
        const y = bu * 10n ** BigInt(6 - bs);
        const sum = addDecimals(a, b);
        expect(sum.units * 10n ** BigInt(6 - sum.scale)).toBe(x + y);
        expect(compareDecimals(a, b)).toBe(x === y ? 0 : x < y ? -1 : 1);
        expect(compareDecimals(subtractDecimals(a, b), { units: 0n, scale: 0 })).toBe(compareDecimals(a, b));
      }),
    );
  });
});
