import { describe, expect, it } from 'vitest';
import { INVOICE_STATUSES } from '../../../shared/invoice/status';
import { invoicingApi, sampleClient, testApi } from '../../../test/temp-store';

/** Every page of a list call, `limit` rows at a time, following each page's last cursor. */
async function allPages<Row extends { cursor: string }>(next: (after: string | null) => Promise<Row[]>): Promise<Row[]> {
  const rows: Row[] = [];
  for (let after: string | null = null; ; ) {
    const page = await next(after);
    rows.push(...page);
    if (page.length === 0) return rows;
    after = page.at(-1)!.cursor;
  }
}

describe('paged lists', () => {
  /** Invoices in every status as of 2026-11-22: overdue, part-paid, paid, credited, issued, draft, credit note; several on one date. */
  async function book() {
    const { api, draft } = await invoicingApi();
    const issue = async (issueDate: string) => (await api.call('invoices.issue', { id: (await draft({ issueDate })).id })).id;
    await issue('2026-09-01');
    const partOverdue = await issue('2026-09-01');
    await api.call('payments.record', { invoiceId: partOverdue, date: '2026-09-10', amount: '100', method: 'bank-transfer' });
    const paid = await issue('2026-11-01');
    const { payable } = await api.call('invoices.get', { id: paid });
    await api.call('payments.record', { invoiceId: paid, date: '2026-11-05', amount: (payable / 100).toFixed(2), method: 'bank-transfer' });
    const partPaid = await issue('2026-11-20');
    await api.call('payments.record', { invoiceId: partPaid, date: '2026-11-21', amount: '50', method: 'bank-transfer' });
    const credited = await issue('2026-11-20');
    const lines = (await api.call('invoices.get', { id: credited })).lines.map((line) => ({ lineId: line.id, quantity: line.quantity }));
    await api.call('creditNotes.issue', { invoiceId: credited, reason: 'Cancelled', issueDate: '2026-11-21', lines });
    for (let i = 0; i < 3; i++) await issue('2026-11-20');
    await draft({ issueDate: '2026-11-20' });
    return api;
  }

  it('the invoice list pages without gaps or repeats, and each status and balance matches the invoice itself', async () => {
    const api = await book();
    const everything = await api.call('invoices.list', { status: 'all', limit: 1000 });
    expect(everything.length).toBe(10);
    const paged = await allPages((after) => api.call('invoices.list', { status: 'all', limit: 2, after }));
    expect(paged.map((row) => row.id)).toEqual(everything.map((row) => row.id));

    const seen = new Set<string>();
    for (const row of everything) {
      const invoice = await api.call('invoices.get', { id: row.id });
      expect({ id: row.id, status: row.status, outstanding: row.outstanding }).toEqual({ id: row.id, status: invoice.status, outstanding: invoice.outstanding });
      seen.add(row.status);
    }
    expect([...seen].sort()).toEqual([...INVOICE_STATUSES].sort());

    const clientId = everything[0]!.clientId;
    for (const status of INVOICE_STATUSES) {
      const expected = everything.filter((row) => row.status === status).map((row) => row.id);
      const filtered = await allPages((after) => api.call('invoices.list', { status, limit: 2, after }));
      expect(filtered.map((row) => row.id), status).toEqual(expected);
      // With a client too, the list leads with the client's index instead (see listSource): the same rows.
      const forClient = await allPages((after) => api.call('invoices.list', { status, clientId, limit: 2, after }));
      expect(forClient.map((row) => row.id), `${status}, one client`).toEqual(expected);
    }
  });

  it('totals per currency agree with the rows they summarise', async () => {
    const api = await book();
    const issued = (await api.call('invoices.list', { status: 'all', limit: 1000 })).filter((row) => row.status !== 'draft');
    const summary = (rows: typeof issued) =>
      rows.length === 0
        ? []
        : [{ currency: 'GBP', count: rows.length, total: rows.reduce((sum, row) => sum + row.payable, 0), outstanding: rows.reduce((sum, row) => sum + Math.max(row.outstanding, 0), 0) }];
    expect(await api.call('invoices.totals', { status: 'all' })).toEqual(summary(issued));
    for (const status of INVOICE_STATUSES.filter((s) => s !== 'draft')) {
      expect(await api.call('invoices.totals', { status }), status).toEqual(summary(issued.filter((row) => row.status === status)));
      expect(await api.call('invoices.totals', { status, clientId: issued[0]!.clientId }), `${status}, one client`).toEqual(summary(issued.filter((row) => row.status === status)));
    }
  });

  it('a cursor that is not one of ours is refused with a message, not an error from SQL', async () => {
    const api = await book();
    for (const after of ['nonsense', '[1]', '["2026-11-20", 1.5]', '{"key":"x","id":1}', '[5,10]', '["2026-11-20", -1]']) {
      for (const list of ['invoices.list', 'clients.list']) {
        expect(await api.raw(list, { after }), `${list} after ${after}`).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { after: 'Start the list again' } } });
      }
    }
    // The invoice list's cursor holds an issue date; these quietly gave the first page, or nothing.
    for (const after of ['["zzzz",1]', '["",1]']) {
      expect(await api.raw('invoices.list', { after }), after).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { after: 'Start the list again' } } });
    }
    for (const limit of [0, 1001, 2.5]) expect(await api.raw('invoices.list', { limit })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('client search ignores case and accents in any script, finds contacts, and pages through ties on the name', async () => {
    const api = testApi();
    await api.call('clients.create', { ...sampleClient, name: 'École Polytechnique' });
    await api.call('clients.create', { ...sampleClient, name: 'ŁÓDŹ Software' });
    await api.call('clients.create', { ...sampleClient, name: 'Straße Bau' });
    const { id: withContact } = await api.call('clients.create', { ...sampleClient, name: 'Quiet Co' });
    await api.call('contacts.create', { clientId: withContact, name: 'Renée Dupont', email: 'renee@quiet.example' });
    for (let i = 0; i < 5; i++) await api.call('clients.create', { ...sampleClient, name: 'Same Name' });

    const names = async (search: string) => (await api.call('clients.list', { search })).map((client) => client.name);
    expect(await names('ecole')).toEqual(['École Polytechnique']);
    expect(await names('ÉCOLE')).toEqual(['École Polytechnique']);
    expect(await names('lodz')).toEqual(['ŁÓDŹ Software']);
    expect(await names('strasse')).toEqual(['Straße Bau']);
    expect(await names('renee')).toEqual(['Quiet Co']);
    expect(await names('quiet.example')).toEqual(['Quiet Co']);
    expect(await names('100%')).toEqual([]);

    const all = await api.call('clients.list', { status: 'all', limit: 1000 });
    const paged = await allPages((after) => api.call('clients.list', { status: 'all', limit: 2, after }));
    expect(paged.map((row) => row.id)).toEqual(all.map((row) => row.id));
    expect(new Set(paged.map((row) => row.id)).size).toBe(9);
  });
});
