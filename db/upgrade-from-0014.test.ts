import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir, testApi } from '../test/temp-store';

/**
 * A data file written by the app before contracts existed (schema 0014: a profile, two clients,
 * an issued invoice with its PDF, a payment, a credit note, a draft and an exchange rate), kept
 * as it was written, with its documents folder.
 */
const BOOK = path.resolve(import.meta.dirname, '../test/books/schema-0014');

type Rows = Record<string, unknown[]>;

function dump(file: string, tables: string[]): Rows {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`select * from "${t}" order by rowid`).all()]));
  } finally {
    db.close();
  }
}

function tablesOf(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

describe('upgrading a data file from schema 0014 to contracts, rate cards and line pricing (migrations 0015-0017)', () => {
  it('keeps every existing row as it was, adds empty tables, and the upgraded file works', async () => {
    const dataDir = tempDir();
    fs.cpSync(BOOK, dataDir, { recursive: true });
    const file = path.join(dataDir, 'billable.sqlite');
    const oldTables = tablesOf(file);
    const before = dump(file, oldTables);
    expect(before.invoices).toHaveLength(3);

    const api = testApi(dataDir);
    const list = await api.call('invoices.list', {});
    expect(list).toHaveLength(3);
    await api.holder.settled();
    api.holder.close();

    const after = dump(file, oldTables);
    const journal = '__billable_migrations';
    expect(after[journal]!.slice(0, before[journal]!.length)).toEqual(before[journal]);
    expect(after[journal]!.map((m) => (m as { tag: string }).tag).slice(before[journal]!.length)).toEqual(['0015_contracts_rate_cards', '0016_line_pricing', '0017_contract_continuous_supply', '0018_time_expenses_billing', '0019_unbilled_work_index', '0020_vat_returns', '0021_vat_return_indexes', '0022_report_rollups', '0023_report_indexes', '0024_leads', '0025_search', '0026_vat_return_covering', '0027_dashboard_rollups', '0028_lead_country', '0029_pipeline_index']);
    for (const table of oldTables.filter((t) => t !== journal)) {
      // Columns added to an old table (invoices.contract_id, invoice_lines' pricing) start empty on every row; flags start off.
      const startsAs: Record<string, unknown> = { timesheet_appendix: 0 };
      const known = new Set(Object.keys((before[table] as Record<string, unknown>[])[0] ?? {}));
      const rows = (after[table] as Record<string, unknown>[]).map((row) => {
        const kept = Object.fromEntries(Object.entries(row).filter(([column]) => known.has(column)));
        // Migration 0027 copies each balance's due date, client and currency from its issued invoice, and its latest payment's date.
        const invoice = table === 'invoice_balances' ? (after.invoices as Record<string, unknown>[]).find((i) => i.id === row.invoice_id)! : {};
        const paidOn = (after.payments as { invoice_id: number; date: string }[]).filter((p) => p.invoice_id === row.invoice_id).map((p) => p.date).sort().at(-1);
        const copied: Record<string, unknown> = table === 'invoice_balances' ? { due_date: invoice.due_date, client_id: invoice.client_id, currency: invoice.currency, last_paid: paidOn } : {};
        for (const [column, value] of Object.entries(row)) if (!known.has(column)) expect(value, `${table}.${column}`).toBe(copied[column] ?? startsAs[column] ?? null);
        return kept;
      });
      expect(rows, table).toEqual(before[table]);
    }
    const newTables = tablesOf(file).filter((t) => !oldTables.includes(t));
    expect(newTables.sort()).toEqual(['activities', 'client_month_fees', 'client_payment_habits', 'contract_documents', 'contract_versions', 'contracts', 'discount_rules', 'discount_tiers', 'document_line_totals', 'document_month_totals', 'expenses', 'intro_calls', 'invoice_line_sources', 'leads', 'open_debt_by_due_date', 'payment_reversals', 'proposals', 'rate_card_versions', 'rate_cards', 'search_index', 'search_index_config', 'search_index_data', 'search_index_docsize', 'search_index_idx', 'time_day_totals', 'time_entries', 'time_month_totals', 'vat_return_counts', 'vat_returns']);
    // Every new table starts empty but the rollup of issued documents' lines, filled from their snapshots,
    // and the search index (migration 0025), filled from the clients and invoices already there.
    const searchIndex = newTables.filter((t) => t.startsWith('search_index'));
    const filled = ['document_line_totals', 'document_month_totals', 'client_month_fees', 'open_debt_by_due_date', ...searchIndex];
    const empty = newTables.filter((t) => !filled.includes(t));
    expect(dump(file, empty)).toEqual(Object.fromEntries(empty.map((t) => [t, []])));
    const issuedIds = (before.invoices as { id: number; status: string }[]).filter((i) => i.status === 'issued').map((i) => i.id);
    expect((dump(file, ['document_line_totals']).document_line_totals as { invoice_id: number }[]).map((r) => r.invoice_id)).toEqual(issuedIds);
    // Migration 0027 rolled the issued documents' nets up by month and currency.
    const issuedNet = (before.invoices as { status: string; net: number }[]).filter((i) => i.status === 'issued').reduce((n, i) => n + i.net, 0);
    expect((dump(file, ['document_month_totals']).document_month_totals as { net: number }[]).reduce((n, r) => n + r.net, 0)).toBe(issuedNet);

    const reopened = testApi(dataDir);
    const issued = list.find((i) => i.status !== 'draft' && i.kind === 'invoice')!;
    const pdf = await reopened.call('invoices.pdf', { id: issued.id });
    expect(fs.existsSync(path.join(dataDir, 'documents', pdf.sha256))).toBe(true);
    // Migration 0025 indexed what was already there: the issued invoice is found by its number.
    const found = await reopened.call('search.query', { text: issued.number! });
    expect(found.groups.map((g) => [g.kind, g.hits.map((h) => h.id)])).toEqual([['invoice', [issued.id]]]);
    const card = await reopened.call('rateCards.create', { name: 'Standard', unit: 'hour', currency: 'GBP', amount: '300', effectiveFrom: '2026-01-01' });
    const clientId = list[0]!.clientId;
    const contract = await reopened.call('contracts.create', {
      clientId,
      title: 'Retained performance work',
      startDate: '2026-12-07',
      notice: { amount: 4, unit: 'week' },
      rateCardId: card.id,
      discount: { kind: 'none' },
      currency: 'GBP',
      billingCycle: { kind: 'monthly' },
      paymentTermsDays: 30,
      rounding: { mode: 'none', incrementMinutes: 15, scope: 'entry' },
      expensePolicy: { kind: 'at-cost' },
    });
    expect(contract.versions[0]!.rate.rate).toBe('300');
    await reopened.holder.settled();
    reopened.holder.close();
  });
});
