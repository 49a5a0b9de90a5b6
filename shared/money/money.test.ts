import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, currencyExponent } from '../reference/currencies';
import { parseDecimal } from './decimal';
import { formatMoney, parseMoney, toMajorString } from './money';

describe('parseMoney', () => {
  it.each([
    ['1234.5', 'GBP', 123450],
    ['1,234.50', 'GBP', 123450],
    ['GBP 1,234.50', 'GBP', 123450],
    ['£10', 'GBP', 1000],
    ['-12.3', 'EUR', -1230],
    ['123456', 'JPY', 123456],
    ['1.234', 'KWD', 1234],
    ['0.0001', 'CLF', 1],
  ] as const)('%s %s → %d minor units', (text, currency, amount) => {
    expect(parseMoney(text, currency)).toEqual({ ok: true, value: { amount, currency } });
  });

  it.each([
    ['1.005', 'GBP', 'GBP amounts have at most 2 decimal places'],
    ['12.5', 'JPY', 'JPY amounts have no decimal places'],
    ['1.2345', 'BHD', 'BHD amounts have at most 3 decimal places'],
    ['abc', 'GBP', 'Enter an amount like 1234.50'],
    ['1.2.3', 'GBP', 'Enter an amount like 1234.50'],
    ['12,34', 'GBP', 'Enter an amount like 1234.50'],
    ['', 'GBP', 'Enter an amount like 1234.50'],
    ['1e5', 'GBP', 'Enter an amount like 1234.50'],
    ['99999999999999999', 'GBP', 'That amount is too large'],
  ] as const)('refuses %s in %s', (text, currency, message) => {
    expect(parseMoney(text, currency)).toEqual({ ok: false, message });
  });
});

describe('parseDecimal', () => {
  it('refuses negatives unless allowed, and too many places', () => {
    expect(parseDecimal('-1', { maxScale: 2, label: 'Quantity' })).toEqual({ ok: false, message: "Quantity can't be negative" });
    expect(parseDecimal('0.12345', { maxScale: 4, label: 'Quantity' })).toEqual({ ok: false, message: 'Quantity can have at most 4 decimal places' });
    expect(parseDecimal('2.5', { maxScale: 4 })).toEqual({ ok: true, value: { units: 25n, scale: 1 } });
  });
});

describe('money properties', () => {
  const amount = fc.integer({ min: -1e13, max: 1e13 });

  it('parsing the plain form of any amount in any currency gives it back', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCY_CODES), amount, (currency, value) => {
        const text = toMajorString(value, currency);
        expect(text.split('.')[1]?.length ?? 0).toBe(currencyExponent(currency));
        expect(parseMoney(text, currency)).toEqual({ ok: true, value: { amount: value, currency } });
      }),
      { numRuns: 2000 },
    );
  });

  it('parsing what formatMoney shows (with the ISO code) gives the amount back', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCY_CODES), amount, (currency, value) => {
        const shown = formatMoney({ amount: value, currency }, 'en-US', 'code');
        expect(parseMoney(shown, currency)).toEqual({ ok: true, value: { amount: value, currency } });
      }),
      { numRuns: 2000 },
    );
  });
});
