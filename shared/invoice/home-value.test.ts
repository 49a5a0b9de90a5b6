import { describe, expect, it } from 'vitest';
import { calculateInvoice } from './calculate';
import { homeValueAtRate, homeValueOf, realisedGains } from './home-value';

const fx = { rate: '1.2560', source: 'hmrc-period', date: '2026-11-01', homeCurrency: 'GBP' } as const;

describe('homeValueOf', () => {
  it('gives an outside-scope USD invoice its sterling value (rules §2.5: $1,234.56 ÷ 1.2560 = £982.93)', () => {
    const calc = calculateInvoice({ currency: 'USD', lines: [{ description: 'Review', kind: 'fee', quantity: '1', unit: 'fixed', unitPrice: '1234.56' }], vat: { category: 'outside-scope', rate: '0' }, fx });
    expect(homeValueOf(calc)).toEqual({ net: 98293, vat: 0, gross: 98293 });
  });

  it('adds the disbursements at the same rate to the gross only', () => {
    const calc = calculateInvoice({
      currency: 'USD',
      lines: [
        { description: 'Review', kind: 'fee', quantity: '1', unit: 'fixed', unitPrice: '1234.56' },
        { description: 'Court fee', kind: 'disbursement', quantity: '1', unit: 'item', unitPrice: '125.60' },
      ],
      vat: { category: 'standard', rate: '20' },
      fx,
    });
    // £982.93 net; VAT by method A 20% of it = £196.59; $125.60 ÷ 1.2560 = £100.00.
    expect(homeValueOf(calc)).toEqual({ net: 98293, vat: 19659, gross: 98293 + 19659 + 10000 });
  });

  it('is null without a rate', () => {
    const calc = calculateInvoice({ currency: 'GBP', lines: [{ description: 'Review', kind: 'fee', quantity: '1', unit: 'fixed', unitPrice: '10' }], vat: { category: 'standard', rate: '20' } });
    expect(homeValueOf(calc)).toBeNull();
  });
});

describe('realisedGains', () => {
  it('is the home amount received less the home value the payment settles', () => {
    // $1,234.56 worth £982.93 when issued; £990.00 arrived: a £7.07 gain.
    expect(realisedGains(123456, 98293, [{ amount: 123456, homeAmount: 99000 }])).toEqual({ payments: [{ settledHomeValue: 98293, gain: 707 }], total: 707 });
  });

  it('takes a pro-rata share per payment, and the shares add up to the home gross exactly', () => {
    const result = realisedGains(123456, 98293, [
      { amount: 60000, homeAmount: 47000 },
      { amount: 63456, homeAmount: 50600 },
    ]);
    // 600.00 × 982.93 / 1,234.56 = 477.709… → £477.71; the rest, £505.22, is the second share.
    expect(result.payments).toEqual([
      { settledHomeValue: 47771, gain: -771 },
      { settledHomeValue: 50522, gain: 78 },
    ]);
    expect(result.total).toBe(-693);
  });

  it('leaves a payment without a home amount out of the total', () => {
    expect(realisedGains(10000, 8000, [{ amount: 5000, homeAmount: null }, { amount: 5000, homeAmount: 4100 }])).toEqual({
      payments: [
        { settledHomeValue: 4000, gain: null },
        { settledHomeValue: 4000, gain: 100 },
      ],
      total: 100,
    });
  });
});

describe('homeValueAtRate', () => {
  it('gives an issued calculation the same home value it would have had with the rate at issue', () => {
    const lines = [
      { description: 'Review', kind: 'fee', quantity: '1', unit: 'fixed', unitPrice: '1234.56' },
      { description: 'Court fee', kind: 'disbursement', quantity: '1', unit: 'item', unitPrice: '125.60' },
    ] as const;
    const withRate = calculateInvoice({ currency: 'USD', lines, vat: { category: 'standard', rate: '20' }, fx });
    const without = calculateInvoice({ currency: 'USD', lines, vat: { category: 'standard', rate: '20' } });
    expect(homeValueAtRate(without, '1.2560', 'GBP', { fxMethod: 'A', vatRounding: 'half-up' })).toEqual(homeValueOf(withRate));
    // Method B converts the USD VAT instead: $246.91 ÷ 1.2560 = £196.58 (rules P6).
    expect(homeValueAtRate(without, '1.2560', 'GBP', { fxMethod: 'B', vatRounding: 'half-up' }).vat).toBe(19658);
  });
});
