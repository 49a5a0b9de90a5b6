import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoicingApi, sampleClient } from '../test/temp-store';
import { traceStatements } from '../test/statement-trace';

/** The query plan of every statement a call runs, one line per step, as SQLite's EXPLAIN QUERY PLAN gives it. */
async function plansOf(sqlite: Database.Database, call: () => Promise<unknown>): Promise<string[]> {
  const trace = traceStatements(sqlite);
  try {
    await call();
  } finally {
    trace.stop();
  }
  return trace.executed.flatMap(({ sql, params }) =>
    (sqlite.prepare(`explain query plan ${sql}`).all(...(params as unknown[])) as { detail: string }[]).map((row) => row.detail),
  );
}

/** Full-table scans, except those listed: a scan that walks an index in order is fine. */
const scans = (plan: string[]) => plan.filter((step) => /^SCAN \w+$/.test(step));

describe('query plans', () => {
  async function book() {
    const { api, draft, clientId } = await invoicingApi();
    await api.call('clients.create', sampleClient);
    for (let i = 0; i < 3; i++) await api.call('invoices.issue', { id: (await draft()).id });
    await draft();
    return { api, clientId, sqlite: api.holder.store().sqlite };
  }

  it('the invoice list walks the issue-date index in order and reads each balance by key: one statement, no sort', async () => {
    const { api, sqlite } = await book();
    const plan = await plansOf(sqlite, () => api.call('invoices.list', { status: 'all', kind: 'all' }));
    expect(plan).toEqual([
      'SCAN i USING INDEX invoices_issue_date_idx',
      'SEARCH b USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
      'SEARCH c USING INTEGER PRIMARY KEY (rowid=?)',
    ]);
  });

  it('a status filter searches the balances by state, and the next page costs the same as the first', async () => {
    const { api, sqlite } = await book();
    const paid = await plansOf(sqlite, () => api.call('invoices.list', { status: 'paid' }));
    expect(paid[0]).toBe('SEARCH b USING INDEX invoice_balances_state_idx (state=?)');
    expect(paid).not.toContain('USE TEMP B-TREE FOR ORDER BY');
    expect(scans(paid)).toEqual([]);
    const [first] = (await api.call('invoices.list', { status: 'all', limit: 1 })) as { cursor: string }[];
    const next = await plansOf(sqlite, () => api.call('invoices.list', { status: 'all', limit: 1, after: first!.cursor }));
    expect(next[0]).toBe('SEARCH i USING INDEX invoices_issue_date_idx (issue_date<?)');
    expect(scans(next)).toEqual([]);
  });

  it('the overdue list walks the index of open invoices in date order: no sort, however many are paid', async () => {
    const { api, sqlite } = await book();
    const plan = await plansOf(sqlite, () => api.call('invoices.list', { status: 'overdue' }));
    expect(plan[0]).toBe('SCAN b USING INDEX invoice_balances_open_idx');
    expect(plan).not.toContain('USE TEMP B-TREE FOR ORDER BY');
  });

  it("a status filter on one client's documents walks that client's index, not every document in that state", async () => {
    const { api, sqlite, clientId } = await book();
    for (const status of ['paid', 'overdue', 'issued'] as const) {
      const plan = await plansOf(sqlite, () => api.call('invoices.list', { status, clientId }));
      expect(plan, status).toContain('SEARCH i USING INDEX invoices_client_date_idx (client_id=?)');
      expect(plan, status).not.toContain('USE TEMP B-TREE FOR ORDER BY');
      expect(scans(plan), status).toEqual([]);
    }
  });

  it('totals per currency are one aggregate statement over a covering index, with no sort', async () => {
    const { api, sqlite } = await book();
    const plan = await plansOf(sqlite, () => api.call('invoices.totals', {}));
    expect(plan).toEqual(['SEARCH i USING COVERING INDEX invoices_status_currency_idx (status=?)', 'SEARCH b USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN']);
    const overdue = await plansOf(sqlite, () => api.call('invoices.totals', { status: 'overdue' }));
    expect(overdue[0]).toBe('SCAN b USING INDEX invoice_balances_open_idx');
    expect(scans(overdue)).toEqual([]);
  });

  it('filtering the list by client or by period searches an index', async () => {
    const { api, sqlite, clientId } = await book();
    const byClient = await plansOf(sqlite, () => api.call('invoices.list', { status: 'all', kind: 'all', clientId }));
    expect(byClient).toContain('SEARCH i USING INDEX invoices_client_date_idx (client_id=?)');
    expect(scans(byClient)).toEqual([]);
    const byPeriod = await plansOf(sqlite, () => api.call('invoices.list', { status: 'all', kind: 'all', from: '2026-01-01', to: '2026-12-31' }));
    expect(byPeriod).toContain('SEARCH i USING INDEX invoices_issue_date_idx (issue_date>? AND issue_date<?)');
    expect(scans(byPeriod)).toEqual([]);
  });

  it('opening an invoice reads each table by key or index', async () => {
    const { api, sqlite } = await book();
    const plan = await plansOf(sqlite, () => api.call('invoices.get', { id: 1 }));
    expect(plan).toEqual(
      expect.arrayContaining([
        'SEARCH invoices USING INTEGER PRIMARY KEY (rowid=?)',
        'SEARCH invoice_lines USING INDEX invoice_lines_invoice_idx (invoice_id=?)',
        'SEARCH payments USING INDEX payments_invoice_date_idx (invoice_id=?)',
        'SEARCH invoices USING INDEX invoices_credit_for_idx (credit_for_id=?)',
        'SEARCH invoice_documents USING INTEGER PRIMARY KEY (rowid=?)',
      ]),
    );
    expect(scans(plan)).toEqual([]);
  });

  it('the dashboard reads invoices and payments only through covering indexes and its rollups, never an invoice row or a time entry', async () => {
    const { api, sqlite } = await book();
    const plan = await plansOf(sqlite, () => api.call('reports.dashboard', { months: 24 }));
    expect(plan.filter((step) => /\b(invoices|i)\b USING/.test(step) && !step.includes('COVERING INDEX'))).toEqual([]);
    expect(plan.some((step) => step.includes('time_entries'))).toBe(false);
    expect(plan).toEqual(expect.arrayContaining([expect.stringMatching(/time_month_totals|SEARCH t /), expect.stringMatching(/time_day_totals/)]));
    expect(scans(plan)).toEqual([]);
  });

  it('a VAT return reads its documents and expenses from covering indexes: no snapshot is parsed, no row read', async () => {
    const { api, sqlite } = await book();
    await api.call('vatReturns.saveSettings', { frequency: 'quarterly', stagger: 1, registeredOn: '2026-10-01', flatRatePercent: null, wholePounds: 'truncate' });
    await api.call('expenses.create', { date: '2026-11-20', category: 'software', supplier: 'JetBrains', description: 'RubyMine', amount: '89.00', currency: 'GBP', vat: '14.83', vatReclaimable: true, contractId: null, rebillable: false });
    const plan = await plansOf(sqlite, () => api.call('vatReturns.get', { periodStart: '2026-10-01' }));
    expect(plan).toContain('SEARCH i USING COVERING INDEX invoices_vat_return_idx (status=? AND tax_point>? AND tax_point<?)');
    expect(plan).toContain('SEARCH e USING COVERING INDEX expenses_vat_return_idx (expense_date>? AND expense_date<?)');
    expect(scans(plan)).toEqual([]);
  });

  it('client search walks the name index in order (a substring match has no index) and finds contacts by index', async () => {
    const { api, sqlite } = await book();
    const plan = await plansOf(sqlite, () => api.call('clients.list', { status: 'all', search: 'acme' }));
    expect(plan[0]).toBe('SCAN c USING INDEX clients_name_key_idx');
    expect(plan).not.toContain('USE TEMP B-TREE FOR ORDER BY');
    expect(scans(plan)).toEqual([]);
    expect(plan).toContain('SEARCH k USING INDEX contacts_client_idx (client_id=?)');
    const detail = await plansOf(sqlite, () => api.call('clients.get', { id: 1 }));
    expect(detail).toEqual(expect.arrayContaining(['SEARCH clients USING INTEGER PRIMARY KEY (rowid=?)', 'SEARCH contacts USING INDEX contacts_client_idx (client_id=?)']));
    expect(scans(detail)).toEqual([]);
  });
});
