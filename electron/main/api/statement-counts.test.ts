import { describe, expect, it } from 'vitest';
import { invoicingApi } from '../../../test/temp-store';
import { traceStatements } from '../../../test/statement-trace';

/**
 * The most SQL statements each call may run. Lower them when a change saves work; raising one
 * needs a reason, because these calls run on every keystroke save and every screen open.
 */
const BUDGET = {
  'invoices.createDraft': 9,
  'invoices.updateDraft': 11,
  'invoices.get draft': 7,
  // Issuing and crediting each check that the new number is not in use (db/numbering.ts).
  // +1 on each call that answers with an issued document (issue, get, payment, credit note): it
  // looks for a home-currency value added after issue (document_home_values), since a document
  // without a frozen one may be an old foreign document and only that table can say.
  'invoices.issue': 18,
  'invoices.get issued': 6,
  'payments.record': 10,
  'creditNotes.issue': 16,
  'invoices.get credit note': 5,
  'invoices.list': 1,
};

const reads = (table: string) => (sql: string) => new RegExp(`^select .* from "${table}"`).test(sql);

describe('statements per call', () => {
  it('stays within the budget for the invoice calls', async () => {
    const { api, draft } = await invoicingApi();
    // The business time zone is read once and cached between calls; the app's first screen reads it.
    await api.call('invoices.list', { status: 'all', kind: 'all' });
    const trace = traceStatements(api.holder.store().sqlite);
    const ran: Record<string, string[]> = {};
    async function measure<T>(name: keyof typeof BUDGET, call: () => Promise<T>): Promise<T> {
      const start = trace.executed.length;
      const result = await call();
      ran[name] = trace.executed.slice(start).map((statement) => statement.sql);
      return result;
    }

    const created = await measure('invoices.createDraft', () => draft());
    const { id, clientId, currency, issueDate, paymentTermsDays, lines } = created;
    const input = { id, clientId, currency, issueDate, paymentTermsDays, lines: lines.map(({ id: lineId, description, kind, quantity, unit, unitPrice }, i) => ({ id: lineId, description: i === 0 ? `${description}, revised` : description, kind, quantity, unit, unitPrice })) };
    await measure('invoices.updateDraft', () => api.call('invoices.updateDraft', input));
    await measure('invoices.get draft', () => api.call('invoices.get', { id }));
    const issued = await measure('invoices.issue', () => api.call('invoices.issue', { id }));
    await measure('invoices.get issued', () => api.call('invoices.get', { id }));
    await measure('payments.record', () => api.call('payments.record', { invoiceId: id, date: '2026-11-21', amount: '100.00', method: 'bank-transfer' }));
    const note = await measure('creditNotes.issue', () =>
      api.call('creditNotes.issue', { invoiceId: id, issueDate: '2026-11-21', reason: 'Train fare refunded', lines: [{ lineId: issued.lines[1]!.id, quantity: '1' }] }),
    );
    await measure('invoices.get credit note', () => api.call('invoices.get', { id: note.id }));
    await measure('invoices.list', () => api.call('invoices.list', { status: 'all', kind: 'all' }));
    trace.stop();

    const counts = Object.fromEntries(Object.entries(ran).map(([name, statements]) => [name, statements.length]));
    for (const [name, budget] of Object.entries(BUDGET)) expect({ name, count: counts[name] }).toEqual({ name, count: expect.toSatisfy((n: number) => n <= budget) });

    // An issued document answers from its snapshot: no profile, client or settings reads.
    for (const table of ['business_profile', 'clients', 'contacts', 'app_settings']) {
      expect(ran['invoices.get issued']!.filter(reads(table))).toEqual([]);
      expect(ran['invoices.get credit note']!.filter(reads(table))).toEqual([]);
    }
    // A draft is evaluated once per save: the settings are read once.
    expect(ran['invoices.createDraft']!.filter(reads('app_settings'))).toHaveLength(1);
    expect(ran['invoices.updateDraft']!.filter(reads('app_settings'))).toHaveLength(1);
    // Issuing reads the invoice row once inside its transaction and once for the answer.
    const readsInvoiceRow = (sql: string) => /^select .* from "invoices" where "invoices"\."id" = \?$/.test(sql);
    expect(ran['invoices.issue']!.filter(readsInvoiceRow)).toHaveLength(2);
  });
});
