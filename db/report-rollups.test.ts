import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractTerms, sampleProfile, testApi, ukClient } from '../test/temp-store';

/** A signed contract's book, with raw SQL access to write time entries as any code path would. */
async function book() {
  const api = testApi();
  await api.call('profile.save', sampleProfile);
  const client = await api.call('clients.create', ukClient);
  const card = await api.call('rateCards.create', { name: 'Standard', unit: 'hour', currency: 'GBP', amount: '200', effectiveFrom: '2026-01-01', isDefault: true });
  const contracts = [];
  for (const title of ['A', 'B']) {
    const contract = await api.call('contracts.create', contractTerms(client.id, card.id, { currency: 'GBP', title }));
    await api.call('contracts.sign', { id: contract.id });
    contracts.push(contract.id);
  }
  return { api, sqlite: api.holder.store().sqlite, contracts, clientId: client.id };
}

const op = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), contract: fc.nat(1), day: fc.integer({ min: 1, max: 60 }), seconds: fc.option(fc.integer({ min: 60, max: 36_000 })), billable: fc.boolean() }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), contract: fc.nat(1), day: fc.integer({ min: 1, max: 60 }), seconds: fc.option(fc.integer({ min: 60, max: 36_000 })), billable: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);

describe('report rollups kept by triggers (migration 0022)', () => {
  it('keep time per contract and month, and per day, equal to the entries after any inserts, edits and deletes', async () => {
    const { sqlite, contracts } = await book();
    const stamp = '2026-11-22T10:00:00Z';
    const dateOf = (day: number) => new Date(Date.UTC(2026, 9, day)).toISOString().slice(0, 10); // from 1 Oct 2026, across month ends
    const totals = () => ({
      months: sqlite.prepare('select contract_id, month, seconds, billable_seconds from time_month_totals where seconds <> 0 or billable_seconds <> 0 order by 1, 2').all(),
      days: sqlite.prepare('select work_date, seconds, billable_seconds from time_day_totals where seconds <> 0 or billable_seconds <> 0 order by 1').all(),
    });
    const expected = () => ({
      months: sqlite
        .prepare("select contract_id, substr(work_date, 1, 7) as month, sum(duration_seconds) as seconds, sum(case when billable = 1 then duration_seconds else 0 end) as billable_seconds from time_entries where duration_seconds is not null group by 1, 2 having sum(duration_seconds) <> 0 order by 1, 2")
        .all(),
      days: sqlite.prepare('select work_date, sum(duration_seconds) as seconds, sum(case when billable = 1 then duration_seconds else 0 end) as billable_seconds from time_entries where duration_seconds is not null group by 1 order by 1').all(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (ops) => {
        sqlite.exec('delete from time_entries');
        for (const o of ops) {
          const ids = (sqlite.prepare('select id from time_entries order by id').all() as { id: number }[]).map((r) => r.id);
          if (o.kind === 'insert') {
            // At most one running timer (no duration, a start), as the app's unique index allows.
            const seconds = o.seconds ?? (sqlite.prepare('select 1 from time_entries where duration_seconds is null').get() ? 60 : null);
            sqlite.prepare('insert into time_entries (contract_id, work_date, duration_seconds, started_at, note, billable, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)').run(contracts[o.contract], dateOf(o.day), seconds, seconds === null ? stamp : null, '', o.billable ? 1 : 0, stamp, stamp);
          } else if (ids.length > 0) {
            const id = ids[o.pick % ids.length];
            if (o.kind === 'delete') sqlite.prepare('delete from time_entries where id = ?').run(id);
            else {
              const running = sqlite.prepare('select id from time_entries where duration_seconds is null').get() as { id: number } | undefined;
              const seconds = o.seconds === null && running && running.id !== id ? 120 : o.seconds;
              sqlite.prepare('update time_entries set contract_id = ?, work_date = ?, duration_seconds = ?, started_at = ?, ended_at = null, billable = ? where id = ?').run(contracts[o.contract], dateOf(o.day), seconds, seconds === null ? stamp : null, o.billable ? 1 : 0, id);
            }
          }
        }
        expect(totals()).toEqual(expected());
      }),
      { numRuns: 60 },
    );
  });

  it('split each issued document’s lines into rebilled expenses and all lines once, at issue, and refuse any change', async () => {
    const { api, sqlite, clientId } = await book();
    const draft = await api.call('invoices.createDraft', {
      clientId,
      currency: 'GBP',
      issueDate: '2026-11-20',
      paymentTermsDays: 14,
      lines: [
        { description: 'Review', kind: 'fee', quantity: '2', unit: 'day', unitPrice: '600' },
        { description: 'Hotel', kind: 'expense', quantity: '1', unit: 'item', unitPrice: '180' },
      ],
    });
    expect(sqlite.prepare('select count(*) as n from document_line_totals').get()).toEqual({ n: 0 });
    await api.call('invoices.issue', { id: draft.id });
    expect(sqlite.prepare('select invoice_id, rebilled_lines, all_lines from document_line_totals').all()).toEqual([{ invoice_id: draft.id, rebilled_lines: 18_000, all_lines: 138_000 }]);
    expect(() => sqlite.prepare('update document_line_totals set rebilled_lines = 0').run()).toThrow(/can't be changed/);
    expect(() => sqlite.prepare('delete from document_line_totals').run()).toThrow(/can't be deleted/);
  });
});
