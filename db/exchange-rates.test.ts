import { describe, expect, it } from 'vitest';
import { sampleProfile, testApi } from '../test/temp-store';
import { lookupRate, rateTimeline } from './exchange-rates';

describe('rateTimeline', () => {
  it('gives the same rate as lookupRate for every day of a period, including ties, gaps and days before any rate', async () => {
    const api = testApi();
    await api.call('profile.save', sampleProfile);
    const rates = [
      ['2026-08-01', '1.1500', 'hmrc-period'],
      ['2026-09-01', '1.1600', 'hmrc-period'],
      ['2026-09-01', '1.1610', 'ecb-reference'],
      ['2026-09-17', '1.1700', 'ecb-reference'],
      ['2026-10-01', '1.1800', 'hmrc-period'],
      ['2026-10-03', '1.1900', 'ecb-reference'],
    ] as const;
    for (const [date, rate, source] of rates) await api.call('rates.save', { currency: 'EUR', date, rate, source });
    const db = api.holder.store().db;
    const pair = { homeCurrency: 'GBP', currency: 'EUR' } as const;
    for (const [from, until] of [['2026-09-01', '2026-10-02'], ['2026-07-15', '2026-09-30'], ['2026-09-02', '2026-09-20']] as const) {
      const rateOn = rateTimeline(db, pair, from, until);
      for (let day = new Date(`${from}T00:00:00Z`); day.toISOString().slice(0, 10) <= until; day = new Date(day.getTime() + 86_400_000)) {
        const on = day.toISOString().slice(0, 10);
        expect(rateOn(on), on).toEqual(lookupRate(db, pair, on));
      }
    }
    expect(rateTimeline(db, pair, '2026-09-01', '2026-09-30')('2026-09-05')).toEqual({ rate: '1.1610', source: 'ecb-reference', date: '2026-09-01' });
    expect(rateTimeline(db, pair, '2026-07-01', '2026-07-31')('2026-07-20')).toBeUndefined();
  });
});
