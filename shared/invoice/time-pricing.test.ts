import { describe, expect, it } from 'vitest';
import { calculateInvoice } from './calculate';
import { priceHours } from './time-pricing';

describe('priceHours', () => {
  it('bills hourly rates by the hour', () => {
    expect(priceHours('7.5', { basis: 'hourly', amount: '300' })).toEqual({ quantity: '7.5', unit: 'hour', unitPrice: '300' });
  });

  it('bills daily rates in days of the contract’s length', () => {
    expect(priceHours('10', { basis: 'daily', amount: '2250', hoursPerDay: '8' })).toEqual({ quantity: '1.25', unit: 'day', unitPrice: '2250' });
    expect(priceHours('10', { basis: 'daily', amount: '2250', hoursPerDay: '7.5' })).toEqual({ quantity: '1.3333', unit: 'day', unitPrice: '2250' });
    expect(() => priceHours('1', { basis: 'daily', amount: '1', hoursPerDay: '0' })).toThrow(/positive/);
  });

  it('bills a fixed fee once, whatever the hours', () => {
    expect(priceHours('37', { basis: 'fixed', amount: '5000' })).toEqual({ quantity: '1', unit: 'fixed', unitPrice: '5000' });
  });

  it('feeds calculateInvoice', () => {
    const line = { description: 'Two and a half days', kind: 'fee' as const, ...priceHours('20', { basis: 'daily', amount: '1800', hoursPerDay: '8' }) };
    expect(calculateInvoice({ currency: 'GBP', lines: [line], vat: { category: 'standard', rate: '20' } }).totals.net).toBe(450000);
  });
});
