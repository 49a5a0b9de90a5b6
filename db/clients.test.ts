import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sampleClient, testApi } from '../test/temp-store';
import { clients } from './schema';

describe('tax number evidence', () => {
  const NOW = '2026-11-22T10:00:00.000Z';

  it('records when and how a new number was checked', async () => {
    const api = testApi();
    expect((await api.call('clients.create', sampleClient)).taxNumberCheck).toEqual({ checkedAt: NOW, method: 'check-digits', result: 'valid' });
    const us = await api.call('clients.create', { ...sampleClient, country: 'US', timezone: 'America/New_York', currency: 'USD', taxNumber: '12-3456789' });
    expect(us).toMatchObject({ taxNumber: '12-3456789', taxNumberCheck: { checkedAt: NOW, method: 'format', result: 'valid' } });
    const none = await api.call('clients.create', { ...sampleClient, taxNumber: null });
    expect(none.taxNumberCheck).toBeNull();
  });

  it('keeps the evidence while the number is unchanged, and replaces it when the number changes', async () => {
    const api = testApi();
    const created = await api.call('clients.create', sampleClient);
    // A later VIES lookup, written as it will be recorded.
    const vies = { taxNumberCheckedAt: '2026-11-23T09:00:00.000Z', taxNumberCheckMethod: 'vies', taxNumberCheckResult: 'valid' } as const;
    api.holder.store().db.update(clients).set(vies).where(eq(clients.id, created.id)).run();

    const renamed = await api.call('clients.update', { ...created, name: 'Acme Analytics AG' });
    expect(renamed.taxNumberCheck).toEqual({ checkedAt: '2026-11-23T09:00:00.000Z', method: 'vies', result: 'valid' });
    const renumbered = await api.call('clients.update', { ...created, taxNumber: 'DE136695976' });
    expect(renumbered.taxNumberCheck).toEqual({ checkedAt: NOW, method: 'check-digits', result: 'valid' });
    const cleared = await api.call('clients.update', { ...created, taxNumber: null });
    expect(cleared.taxNumberCheck).toBeNull();
  });

  // Issue 9 §6: DE123456789 has the German format but not its check digit.
  it('refuses a number with a bad check digit and stores nothing', async () => {
    const api = testApi();
    expect(await api.raw('clients.create', { ...sampleClient, taxNumber: 'DE123456789' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { taxNumber: "DE123456789 is not a valid VAT number: its check digits don't match. Check it for a typo" } },
    });
    expect(await api.call('clients.list', { status: 'all' })).toEqual([]);
  });
});
