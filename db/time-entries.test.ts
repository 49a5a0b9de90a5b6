import type Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { contractTerms, sampleProfile, testApi } from '../test/temp-store';
import { traceStatements } from '../test/statement-trace';

async function plansOf(sqlite: Database.Database, call: () => Promise<unknown>): Promise<string[]> {
  const trace = traceStatements(sqlite);
  try {
    await call();
  } finally {
    trace.stop();
  }
  return trace.executed.flatMap(({ sql, params }) => (sqlite.prepare(`explain query plan ${sql}`).all(...(params as unknown[])) as { detail: string }[]).map((row) => row.detail));
}

it('the time list walks the work-date index in order, and the next page starts inside it: no sort, no scan of the table', async () => {
  const api = testApi();
  await api.call('profile.save', sampleProfile);
  const client = await api.call('clients.create', { name: 'Initrode', country: 'US', currency: 'USD', customerType: 'business', timezone: 'America/New_York' });
  const card = await api.call('rateCards.create', { name: 'Standard', unit: 'hour', currency: 'USD', amount: '300', effectiveFrom: '2026-01-01', isDefault: true });
  const { id: contract } = await api.call('contracts.create', contractTerms(client.id, card.id, { billingCycle: { kind: 'monthly', anchor: null } }));
  const sqlite = api.holder.store().sqlite;
  // Entries written directly: the plan, not the contract rules, is under test here.
  const insert = sqlite.prepare("insert into time_entries (contract_id, work_date, duration_seconds, created_at, updated_at) values (?, ?, 3600, 'x', 'x')");
  for (let day = 1; day <= 9; day++) insert.run(contract, `2026-11-0${day}`);

  const first = await plansOf(sqlite, () => api.call('time.list', { limit: 3 }));
  expect(first[0]).toBe('SCAN t USING INDEX time_entries_date_idx');
  expect(first).not.toContain('USE TEMP B-TREE FOR ORDER BY');
  const [, , third] = await api.call('time.list', { limit: 3 });
  const next = await plansOf(sqlite, () => api.call('time.list', { limit: 3, after: third!.cursor }));
  expect(next[0]).toBe('SEARCH t USING INDEX time_entries_date_idx (work_date<?)');
  expect(next.filter((step) => /^SCAN \w+$/.test(step))).toEqual([]);
});
