import { describe, expect, it } from 'vitest';
import { rateCardInput } from './rate-cards';

describe('rateCardInput', () => {
  it('reports every problem at once: a blank name does not hide a negative rate or a missing day length', () => {
    const result = rateCardInput.safeParse({ name: ' ', unit: 'day', currency: 'USD', amount: '-5', effectiveFrom: '2026-01-01' });
    expect(result.success).toBe(false);
    expect(Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]))).toEqual({
      name: 'Name is required',
      hoursPerDay: 'Enter how many hours make a day, like 8 or 7.5',
      amount: "Rate can't be negative",
    });
  });

  it('reads the rate in the card currency: $300 is 30000 cents, ¥300 is 300 yen, and 300.123 has too many decimals', () => {
    const card = (currency: string, amount: string) => rateCardInput.safeParse({ name: 'Standard', unit: 'hour', currency, amount, effectiveFrom: '2026-01-01' });
    expect(card('USD', '300').data?.amountMinor).toBe(30000);
    expect(card('JPY', '300').data?.amountMinor).toBe(300);
    expect(card('USD', '300.123').error?.issues[0]?.message).toBe('USD amounts have at most 2 decimal places');
  });
});
