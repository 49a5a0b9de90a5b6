import { describe, expect, it } from 'vitest';
import { sampleClient, sampleProfile, testApi } from '../../../test/temp-store';

describe('router', () => {
  it('rejects unknown calls without touching the store', () => {
    const api = testApi();
    const result = api.raw('clients.drop', {});
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CALL', message: 'Unknown call: clients.drop', fieldErrors: {} } });
    expect(api.raw('__proto__', {}).ok).toBe(false);
    expect(api.raw('toString', {}).ok).toBe(false);
  });

  it('rejects invalid payloads with field errors and saves nothing', () => {
    const api = testApi();
    for (const payload of [null, 'x', 42, [], { name: '' }, { ...sampleClient, country: 'XX' }]) {
      const result = api.raw('clients.create', payload);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('VALIDATION');
    }
    expect(api.call('clients.list', { status: 'all' })).toEqual([]);
  });

  it('reports a missing record as NOT_FOUND', () => {
    const api = testApi();
    const result = api.raw('clients.get', { id: 999 });
    expect(result.ok || result.error.code).toBe('NOT_FOUND');
  });

  it('round-trips a client with its contacts', () => {
    const api = testApi();
    api.call('profile.save', sampleProfile);
    const created = api.call('clients.create', sampleClient);
    expect(created).toMatchObject({ name: 'Acme Analytics', taxNumber: 'DE123456789', archived: false, contacts: [] });
    api.call('contacts.create', { clientId: created.id, name: 'Zoë Łukasz', email: 'zoe@acme.example', isBilling: true });
    expect(api.call('clients.get', { id: created.id }).contacts).toMatchObject([{ name: 'Zoë Łukasz', isBilling: true }]);
  });
});
