import { describe, expect, it } from 'vitest';
import { sampleClient, sampleProfile, testApi } from '../../../test/temp-store';

describe('router', () => {
  it('rejects unknown calls without touching the store', async () => {
    const api = testApi();
    const result = await api.raw('clients.drop', {});
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CALL', message: 'Unknown call: clients.drop', fieldErrors: {} } });
    expect((await api.raw('__proto__', {})).ok).toBe(false);
    expect((await api.raw('toString', {})).ok).toBe(false);
  });

  it('rejects invalid payloads with field errors and saves nothing', async () => {
    const api = testApi();
    for (const payload of [null, 'x', 42, [], { name: '' }, { ...sampleClient, country: 'XX' }]) {
      const result = await api.raw('clients.create', payload);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('VALIDATION');
    }
    expect(await api.call('clients.list', { status: 'all' })).toEqual([]);
  });

  it('reports a missing record as NOT_FOUND', async () => {
    const api = testApi();
    const result = await api.raw('clients.get', { id: 999 });
    expect(result.ok || result.error.code).toBe('NOT_FOUND');
  });

  it('round-trips a client with its contacts', async () => {
    const api = testApi();
    await api.call('profile.save', sampleProfile);
    const created = await api.call('clients.create', sampleClient);
    expect(created).toMatchObject({ name: 'Acme Analytics', taxNumber: 'DE123456788', archived: false, contacts: [] });
    await api.call('contacts.create', { clientId: created.id, name: 'Zoë Łukasz', email: 'zoe@acme.example', isBilling: true });
    expect((await api.call('clients.get', { id: created.id })).contacts).toMatchObject([{ name: 'Zoë Łukasz', isBilling: true }]);
  });
});
