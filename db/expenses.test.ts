import { describe, expect, it } from 'vitest';
import { EXPENSE_CATEGORIES, RECEIPT_TYPES } from '../shared/expenses/rules';
import { traceStatements } from '../test/statement-trace';
import { sampleProfile, testApi } from '../test/temp-store';
import { expenses } from './schema';

describe('expenses schema and shared rules', () => {
  it('agree on the categories and on the receipt types accepted (HEIC is in the schema but refused: nothing shipped reads it)', () => {
    expect(EXPENSE_CATEGORIES).toEqual(expenses.category.enumValues);
    expect(expenses.receiptType.enumValues.filter((t) => t !== 'image/heic')).toEqual([...RECEIPT_TYPES]);
  });
});

describe('expense list query plans', () => {
  it('walks the date index (or the contract and date index) in order, reading each join by key: one statement, no sort', async () => {
    const api = testApi();
    await api.call('profile.save', sampleProfile);
    await api.call('expenses.create', { date: '2026-11-01', category: 'travel', supplier: 'LNER', description: 'Train to Leeds', amount: '84.20', currency: 'GBP' });
    const sqlite = api.holder.store().sqlite;
    const planOf = async (query: NonNullable<Parameters<typeof api.call<'expenses.list'>>[1]>) => {
      const trace = traceStatements(sqlite);
      await api.call('expenses.list', query);
      trace.stop();
      expect(trace.executed).toHaveLength(1);
      const { sql, params } = trace.executed[0]!;
      return (sqlite.prepare(`explain query plan ${sql}`).all(...(params as unknown[])) as { detail: string }[]).map((row) => row.detail);
    };
    const joins = [
      'SEARCH k USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
      'SEARCH v USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
      'CORRELATED SCALAR SUBQUERY 1',
      'SEARCH cv USING COVERING INDEX contract_versions_number_unique (contract_id=?)',
      'SEARCH c USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
      'SEARCH s USING INDEX invoice_line_sources_expense_unique (expense_id=?) LEFT-JOIN',
      'SEARCH l USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
      'SEARCH i USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
    ];
    expect(await planOf({})).toEqual(['SCAN e USING INDEX expenses_date_idx', ...joins]);
    expect(await planOf({ contractId: 1 })).toEqual(['SEARCH e USING INDEX expenses_contract_date_idx (contract_id=?)', ...joins]);
  });
});
