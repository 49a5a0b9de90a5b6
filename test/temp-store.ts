import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { CallInput } from '../shared/api/contract';
import { MIGRATIONS_DIR, openApi, type TestApi } from './api-client';
import { sampleProfile, ukClient } from './fixtures';

export { MIGRATIONS_DIR, type TestApi };
export { contractTerms, sampleClient, sampleProfile, ukClient } from './fixtures';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh data folder, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billable-test-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The real router over a real SQLite file with the real migrations applied, closed after the test. */
export function testApi(dataDir = tempDir(), now = () => new Date('2026-11-22T10:00:00Z')): TestApi {
  const api = openApi(dataDir, now);
  cleanups.push(() => api.holder.close());
  return api;
}

/** A business profile and one client, ready for invoices. */
export async function invoicingApi(client: CallInput<'clients.create'> = ukClient, dataDir?: string) {
  const api = testApi(dataDir);
  await api.call('profile.save', sampleProfile);
  const { id: clientId } = await api.call('clients.create', client);
  const draft = (overrides: Partial<CallInput<'invoices.createDraft'>> = {}) =>
    api.call('invoices.createDraft', {
      clientId,
      currency: client.currency,
      issueDate: '2026-11-20',
      paymentTermsDays: 14,
      lines: [
        { description: 'Postgres performance review', kind: 'fee', quantity: '7.5', unit: 'hour', unitPrice: '300' },
        { description: 'Train to Leeds', kind: 'expense', quantity: '1', unit: 'item', unitPrice: '84.20' },
      ],
      ...overrides,
    });
  return { api, clientId, draft };
}
