import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDecimals, decimal, multiply } from '../money/decimal';
import type { CurrencyCode } from '../reference/currencies';
import { describeRate, resolveRate } from './effective-rate';

const base = {
  unit: 'hour' as const,
  hoursPerDay: null,
  listAmountMinor: 30_000,
  listCurrency: 'USD' as CurrencyCode,
  currency: 'USD' as CurrencyCode,
  discountPercent: '0',
  discountReason: null,
  fxRate: null,
};

describe('resolving a contract rate', () => {
  it('takes the discount off the list rate, exactly', () => {
    expect(resolveRate({ ...base, discountPercent: '10', discountReason: 'Retained: 10%' })).toEqual({
      unit: 'hour',
      hoursPerDay: null,
      listRate: '300',
      listCurrency: 'USD',
      discountPercent: '10',
      discountReason: 'Retained: 10%',
      rate: '270',
      currency: 'USD',
    });
    expect(resolveRate({ ...base, listAmountMinor: 6_250, discountPercent: '7.5' }).rate).toBe('57.8125');
    expect(resolveRate({ ...base, listAmountMinor: 1_000, discountPercent: '16.666667' }).rate).toBe('8.3333333');
  });

  it('converts at the exchange rate, unrounded, when the currencies differ', () => {
    const r = resolveRate({ ...base, currency: 'GBP', discountPercent: '10.00', discountReason: 'Retained: 10%', fxRate: '0.79' });
    expect(r.rate).toBe('213.3');
    expect(r.discountPercent).toBe('10');
    expect(r.listCurrency).toBe('USD');
    expect(resolveRate({ ...base, listCurrency: 'JPY', listAmountMinor: 150_000, currency: 'GBP', fxRate: '0.0053' }).rate).toBe('795');
    expect(resolveRate({ ...base, listCurrency: 'KWD', listAmountMinor: 12_345, currency: 'USD', fxRate: '3.25' }).listRate).toBe('12.345');
  });

  it('ignores an exchange rate within one currency and needs one between two', () => {
    expect(resolveRate({ ...base, fxRate: '0.79' }).rate).toBe('300');
    expect(() => resolveRate({ ...base, currency: 'EUR' })).toThrow('Converting USD to EUR needs an exchange rate');
    expect(() => resolveRate({ ...base, currency: 'EUR', fxRate: '0' })).toThrow(RangeError);
  });

  it('keeps hours per day for a day rate only, and needs them there', () => {
    expect(resolveRate({ ...base, unit: 'day', hoursPerDay: '7.50', listAmountMinor: 225_000 }).hoursPerDay).toBe('7.5');
    expect(resolveRate({ ...base, hoursPerDay: '8' }).hoursPerDay).toBeNull();
    expect(() => resolveRate({ ...base, unit: 'day' })).toThrow('A day rate needs a positive number of hours per day');
    expect(() => resolveRate({ ...base, unit: 'day', hoursPerDay: '0' })).toThrow(RangeError);
  });

  it('drops the reason when there is no discount', () => {
    expect(resolveRate({ ...base, discountPercent: '0.0', discountReason: 'Retained: 0%' })).toMatchObject({ discountPercent: '0', discountReason: null, rate: '300' });
  });

  it('refuses a discount outside 0–100% and a negative or fractional amount', () => {
    expect(() => resolveRate({ ...base, discountPercent: '-1' })).toThrow(RangeError);
    expect(() => resolveRate({ ...base, discountPercent: '100.01' })).toThrow(RangeError);
    expect(resolveRate({ ...base, discountPercent: '100' }).rate).toBe('0');
    expect(() => resolveRate({ ...base, listAmountMinor: -1 })).toThrow(RangeError);
    expect(() => resolveRate({ ...base, listAmountMinor: 1.5 })).toThrow(RangeError);
  });

  it('is exactly list × (100 − percent) / 100 × rate for any inputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000_000_000 }),
        (amount, percentHundredths, fxUnits) => {
          const percent = (percentHundredths / 100).toFixed(2);
          const fx = (fxUnits / 1e6).toFixed(6);
          const r = resolveRate({ ...base, listAmountMinor: amount, currency: 'EUR', discountPercent: percent, fxRate: fx });
          // rate × 100 = list × (100 − percent) × fx
          const left = multiply(decimal(r.rate), decimal('100'));
          const right = multiply(multiply(decimal(r.listRate), decimal((100 - percentHundredths / 100).toFixed(2))), decimal(fx));
          expect(compareDecimals(left, right)).toBe(0);
          expect(r.rate).not.toMatch(/\.\d*0$/);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('describing a resolved rate', () => {
  const retained = resolveRate({ ...base, discountPercent: '10', discountReason: 'Retained: 10%' });

  it('shows the list rate, the discount and the rate', () => {
    expect(describeRate(retained, 'en-US')).toBe('$300/h list, 10% retained, $270/h');
    expect(describeRate(retained)).toBe('US$300/h list, 10% retained, US$270/h');
  });

  it('shows the converted rate and the exchange rate it used', () => {
    const converted = resolveRate({ ...base, currency: 'GBP', discountPercent: '10', discountReason: 'Retained: 10%', fxRate: '0.7900' });
    expect(describeRate(converted, 'en-US')).toBe('$300/h list, 10% retained, £213.30/h at 0.79 GBP/USD');
    const plain = resolveRate({ ...base, currency: 'GBP', fxRate: '0.79' });
    expect(describeRate(plain, 'en-GB')).toBe('US$300/h list, £237/h at 0.79 GBP/USD');
  });

  it('writes the discount and the exchange rate with the locale\'s decimal mark', () => {
    const converted = resolveRate({ ...base, currency: 'GBP', discountPercent: '7.5', discountReason: 'Loyalty', fxRate: '0.79' });
    expect(describeRate(converted, 'de-DE')).toBe('300\u00a0$/h list, 7,5% off (Loyalty), 219,225\u00a0£/h at 0,79 GBP/USD');
  });

  it('names tiered rules, custom reasons and bare discounts', () => {
    const tiered = resolveRate({ ...base, discountPercent: '5', discountReason: 'Long-term: 5% from 3 months of continuous engagement' });
    expect(describeRate(tiered, 'en-US')).toBe('$300/h list, 5% long-term, $285/h');
    const vip = resolveRate({ ...base, discountPercent: '5', discountReason: 'VIP: 5%' });
    expect(describeRate(vip, 'en-US')).toBe('$300/h list, 5% VIP, $285/h');
    const custom = resolveRate({ ...base, discountPercent: '5', discountReason: 'Charity rate' });
    expect(describeRate(custom, 'en-US')).toBe('$300/h list, 5% off (Charity rate), $285/h');
    expect(describeRate(resolveRate({ ...base, discountPercent: '5' }), 'en-US')).toBe('$300/h list, 5% off, $285/h');
  });

  it('shows the list rate alone when nothing changes it', () => {
    expect(describeRate(resolveRate(base), 'en-US')).toBe('$300/h list');
  });

  it('uses the unit: per day or a fixed price', () => {
    const day = resolveRate({ ...base, unit: 'day', hoursPerDay: '8', listAmountMinor: 225_000, discountPercent: '10', discountReason: 'Retained: 10%' });
    expect(describeRate(day, 'en-US')).toBe('$2,250/day list, 10% retained, $2,025/day');
    const fixed = resolveRate({ ...base, unit: 'fixed', listAmountMinor: 500_050 });
    expect(describeRate(fixed, 'en-US')).toBe('$5,000.50 fixed list');
  });

  it('keeps every decimal of a rate finer than the currency, rounding nothing', () => {
    const fine = resolveRate({ ...base, listCurrency: 'GBP', currency: 'GBP', listAmountMinor: 1_000, discountPercent: '16.666667' });
    expect(describeRate(fine, 'en-GB')).toBe('£10/h list, 16.666667% off, £8.3333333/h');
    const yen = resolveRate({ ...base, listCurrency: 'GBP', listAmountMinor: 100, currency: 'JPY', fxRate: '188.6795' });
    expect(describeRate(yen, 'en-GB')).toBe('£1/h list, JP¥188.6795/h at 188.6795 JPY/GBP');
  });

  it('formats for the locale', () => {
    const converted = resolveRate({ ...base, listCurrency: 'EUR', listAmountMinor: 123_450, currency: 'GBP', fxRate: '0.85' });
    expect(describeRate(converted, 'de-DE')).toBe('1.234,50\u00a0€/h list, 1.049,325\u00a0£/h at 0,85 GBP/EUR');
  });

  it('recovers the exchange rate of any conversion exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 1, max: 99_999_999 }), (amount, hundredths, fxUnits) => {
        const fx = (fxUnits / 1e4).toFixed(4).replace(/\.?0+$/, '');
        const r = resolveRate({ ...base, listAmountMinor: amount, currency: 'GBP', discountPercent: (hundredths / 100).toFixed(2), fxRate: fx });
        expect(describeRate(r)).toMatch(new RegExp(` at ${fx.replace('.', '\\.')} [A-Z]{3}/[A-Z]{3}$`));
      }),
      { numRuns: 200 },
    );
  });
});
