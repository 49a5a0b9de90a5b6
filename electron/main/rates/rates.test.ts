import { describe, expect, it } from 'vitest';
import { lookupRate } from '../../../db/exchange-rates';
import { invoicingApi } from '../../../test/temp-store';

const HMRC_NOV = `Country/Territories,Currency,Currency Code,Currency Units per £1,Start date,End date
Eurozone,Euro,EUR,1.1564,01/11/2026,30/11/2026
USA,Dollar,USD,1.2560,01/11/2026,30/11/2026
`;

describe('the exchange-rate store', () => {
  it('imports HMRC’s monthly file and offers its period rate for the tax point’s month first', async () => {
    const { api } = await invoicingApi();
    await api.call('rates.save', { currency: 'USD', rate: '1.2700', source: 'market', date: '2026-11-18' });
    expect(await api.call('rates.import', { fileName: 'exrates-monthly-1126.csv', text: HMRC_NOV })).toEqual({ kind: 'hmrc', imported: 2, skipped: [] });
    expect(await api.call('rates.suggest', { currency: 'USD', date: '2026-11-20' })).toEqual({ rate: '1.2560', source: 'hmrc-period', date: '2026-11-01' });
    // No period rate for December yet: the latest stored rate before the date.
    expect(await api.call('rates.suggest', { currency: 'USD', date: '2026-12-02' })).toEqual({ rate: '1.2700', source: 'market', date: '2026-11-18' });
    expect(await api.call('rates.suggest', { currency: 'USD', date: '2026-10-31' })).toBeNull();
    expect(await api.call('rates.suggest', { currency: 'GBP', date: '2026-11-20' })).toBeNull();
    // Importing the same file again changes nothing.
    await api.call('rates.import', { text: HMRC_NOV });
    expect((await api.call('rates.list', {})).total).toBe(3);
  });

  it('refuses a bad file, naming the row, and imports nothing', async () => {
    const { api } = await invoicingApi();
    const bad = HMRC_NOV.replace('1.2560', '1.25x');
    const refused = await api.raw('rates.import', { fileName: 'exrates-monthly-1126.csv', text: bad });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { file: 'Row 3: the rate for USD “1.25x” is not a number like 1.2560. Nothing was imported.' } } });
    expect(await api.raw('rates.import', { text: '' })).toMatchObject({ ok: false, error: { fieldErrors: { text: 'The file is empty' } } });
    expect((await api.call('rates.list', {})).total).toBe(0);
  });

  it('imports ECB reference rates as derived sterling cross rates', async () => {
    const { api } = await invoicingApi();
    const result = await api.call('rates.import', { fileName: 'eurofxref.csv', text: 'Date, USD, GBP, \n20 November 2026, 1.0472, 0.83520, \n' });
    expect(result).toEqual({ kind: 'ecb', imported: 2, skipped: [] });
    const { rows } = await api.call('rates.list', { currency: 'USD' });
    expect(rows).toEqual([{ id: expect.any(Number), currency: 'USD', rate: '1.253831', source: 'ecb-cross', date: '2026-11-20' }]);
  });

  it('lets the user add, edit, page through and delete rates, refusing bad ones by field', async () => {
    const { api } = await invoicingApi();
    const added = await api.call('rates.save', { currency: 'USD', rate: '1.2560', source: 'hmrc-period', date: '2026-11-01' });
    expect(await api.raw('rates.save', { currency: 'USD', rate: '1.3', source: 'hmrc-period', date: '2026-11-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { date: 'Already stored for this date and source' } },
    });
    expect(await api.raw('rates.save', { currency: 'GBP', rate: '1', source: 'other', date: '2026-11-01' })).toMatchObject({ ok: false, error: { fieldErrors: { currency: expect.any(String) } } });
    expect(await api.raw('rates.save', { currency: 'USD', rate: '-1', source: 'other', date: '2026-11-01' })).toMatchObject({ ok: false, error: { fieldErrors: { rate: expect.any(String) } } });
    expect(await api.call('rates.save', { ...added, rate: '1.2570' })).toEqual({ ...added, rate: '1.2570' });

    const days = Array.from({ length: 60 }, (_, i) => `2026-09-${String((i % 30) + 1).padStart(2, '0')}`);
    for (const [i, date] of days.entries()) await api.call('rates.save', { currency: i < 30 ? 'EUR' : 'CHF', rate: '1.1', source: 'market', date });
    const first = await api.call('rates.list', {});
    expect(first).toMatchObject({ total: 61, pageSize: 50 });
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]).toMatchObject({ currency: 'USD', date: '2026-11-01' });
    expect((await api.call('rates.list', { page: 1 })).rows).toHaveLength(11);

    expect(await api.call('rates.delete', { id: added.id })).toEqual({ id: added.id });
    expect(await api.raw('rates.delete', { id: added.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('has one lookup: the latest rate on or before a date, by source when asked', async () => {
    const { api } = await invoicingApi();
    await api.call('rates.import', { text: HMRC_NOV });
    await api.call('rates.save', { currency: 'USD', rate: '1.2600', source: 'market', date: '2026-11-10' });
    const db = api.holder.store().db;
    const pair = { homeCurrency: 'GBP', currency: 'USD' } as const;
    expect(lookupRate(db, pair, '2026-11-20')).toEqual({ rate: '1.2600', source: 'market', date: '2026-11-10' });
    expect(lookupRate(db, pair, '2026-11-20', { source: 'hmrc-period' })).toEqual({ rate: '1.2560', source: 'hmrc-period', date: '2026-11-01' });
    expect(lookupRate(db, pair, '2026-11-05', { source: 'market' })).toBeUndefined();
    expect(lookupRate(db, pair, '2026-11-20', { notBefore: '2026-12-01' })).toBeUndefined();
  });
});
