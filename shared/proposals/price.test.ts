import { describe, expect, it } from 'vitest';
import { proposalPrice } from './price';

describe('a proposal’s price', () => {
  it('is the estimate × the exact rate, rounded half up once to the currency’s minor unit', () => {
    expect(proposalPrice('40', { rate: '135', currency: 'GBP' })).toBe(540_000);
    // 7.5 × 57.8125 = 433.59375 → £433.59; 0.5 × 0.01 = 0.005 → 1p (half up).
    expect(proposalPrice('7.5', { rate: '57.8125', currency: 'GBP' })).toBe(43_359);
    expect(proposalPrice('0.5', { rate: '0.01', currency: 'GBP' })).toBe(1);
  });

  it('keeps a currency without minor units whole', () => {
    expect(proposalPrice('2.5', { rate: '33333', currency: 'JPY' })).toBe(83_333);
  });
});
