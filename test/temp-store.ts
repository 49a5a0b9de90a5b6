import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createRouter, type Router } from '../electron/main/api/router';
import { StoreHolder } from '../electron/main/api/store-holder';
import type { CallName } from '../shared/api/call-names';
import type { CallInput, CallOutput } from '../shared/api/contract';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../db/migrations');

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

export interface TestApi {
  dataDir: string;
  holder: StoreHolder;
  router: Router;
  /** Calls through the router and returns the value, failing the test on an error envelope. */
  call<K extends CallName>(name: K, input?: CallInput<K>): Promise<CallOutput<K>>;
  /** Calls through the router and returns the raw envelope. */
  raw(name: string, input?: unknown): ReturnType<Router['dispatch']>;
}

/** The real router over a real SQLite file with the real migrations applied. */
export function testApi(dataDir = tempDir(), now = () => new Date('2026-11-22T10:00:00Z')): TestApi {
  const holder = new StoreHolder({ dataDir, migrationsDir: MIGRATIONS_DIR }, now);
  holder.open();
  cleanups.push(() => holder.close());
  const router = createRouter({ holder, now, log: () => {} });
  return {
    dataDir,
    holder,
    router,
    raw: (name, input) => router.dispatch(name, input),
    async call(name, input) {
      const result = await router.dispatch(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.value as CallOutput<typeof name>;
    },
  };
}

export const sampleProfile = {
  businessName: 'Ada Performance Ltd',
  legalName: 'Ada Performance Limited',
  addressLine1: '1 Example Street',
  city: 'London',
  postalCode: 'EC1A 1AA',
  country: 'GB',
  homeCurrency: 'GBP',
  vatRegistered: true,
  vatNumber: 'GB123456789',
  defaultPaymentTermsDays: 14,
  email: 'ada@example.com',
  bankAccounts: [{ currency: 'GBP', accountHolder: 'Ada Performance Ltd', accountNumber: '12345678', sortCode: '12-34-56' }],
} satisfies CallInput<'profile.save'>;

export const sampleClient = {
  name: 'Acme Analytics',
  legalName: 'Acme Analytics GmbH',
  country: 'DE',
  city: 'Berlin',
  timezone: 'Europe/Berlin',
  currency: 'EUR',
  customerType: 'business',
  taxNumber: 'DE 123 456 789',
  tags: ['postgres', 'retainer'],
} satisfies CallInput<'clients.create'>;
