import { describe, expect, it } from 'vitest';
import { contractTerms, invoicingApi, ukClient, type TestApi } from '../../../test/temp-store';
import { CREDIT_NOTE_DUPLICATE_MESSAGE } from './duplicate';

/** Everything duplicating could touch: documents, their lines, payments and what each line bills. */
function state(api: TestApi) {
  const sqlite = api.holder.store().sqlite;
  return {
    invoices: sqlite.prepare('select id, kind, status, number from invoices order by id').all(),
    lines: sqlite.prepare('select id, invoice_id from invoice_lines order by id').all(),
    payments: sqlite.prepare('select invoice_id, amount from payments order by id').all(),
    sources: sqlite.prepare('select invoice_line_id, time_entry_id from invoice_line_sources order by id').all(),
  };
}

/** An issued, part-paid USD invoice whose first line bills a two-hour time entry; the clock reads 22 Nov 2026. */
async function issuedWithTimeAndPayment() {
  const { api, clientId, draft } = await invoicingApi({ ...ukClient, paymentTermsDays: 45 });
  const card = await api.call('rateCards.create', { name: 'Standard', unit: 'hour', currency: 'USD', amount: '300', effectiveFrom: '2026-01-01', isDefault: true });
  const contract = await api.call('contracts.create', contractTerms(clientId, card.id));
  await api.call('contracts.sign', { id: contract.id });
  const entry = await api.call('time.create', { contractId: contract.id, date: '2026-11-03', timing: { kind: 'duration', duration: '2' } });
  const original = await draft({
    currency: 'USD',
    issueDate: '2026-11-05',
    supplyStart: '2026-11-02',
    supplyEnd: '2026-11-04',
    poNumber: 'PO-7',
    taxPoint: '2026-11-04',
    taxPointReason: 'Agreed with the client',
    vatOverride: { category: 'zero', rate: '0', reason: 'Export of services' },
  });
  api.holder.store().sqlite.prepare('insert into invoice_line_sources (invoice_line_id, time_entry_id) values (?, ?)').run(original.lines[0]!.id, entry.id);
  const issued = await api.call('invoices.issue', { id: original.id, fx: { rate: '1.2650', source: 'market', date: '2026-11-05' } });
  await api.call('payments.record', { invoiceId: issued.id, date: '2026-11-10', amount: '100', method: 'bank-transfer' });
  return { api, issued, entry };
}

describe('invoices.duplicate', () => {
  it("starts a new draft dated today with the client's terms, the same client, currency and lines; no number, payments, tax point or billed time", async () => {
    const { api, issued, entry } = await issuedWithTimeAndPayment();
    const copy = await api.call('invoices.duplicate', { id: issued.id });
    expect(copy).toMatchObject({
      kind: 'invoice',
      status: 'draft',
      number: null,
      clientId: issued.clientId,
      currency: 'USD',
      issueDate: '2026-11-22',
      paymentTermsDays: 45,
      dueDate: '2027-01-06',
      taxPoint: null,
      taxPointReason: null,
      supplyStart: null,
      supplyEnd: null,
      vatOverride: null,
      poNumber: 'PO-7',
      payments: [],
    });
    expect(copy.derivedTaxPoint).toMatchObject({ date: '2026-11-22' });
    expect(copy.lines.map(({ description, kind, quantity, unit, unitPrice }) => ({ description, kind, quantity, unit, unitPrice }))).toEqual(
      issued.lines.map(({ description, kind, quantity, unit, unitPrice }) => ({ description, kind, quantity, unit, unitPrice })),
    );
    // VAT as a new draft decides it: the UK client's standard 20%, not the original's zero-rate override.
    expect(copy.calculation.totals.vat).toBeGreaterThan(0);
    const sources = state(api).sources;
    expect(sources).toEqual([{ invoice_line_id: issued.lines[0]!.id, time_entry_id: entry.id }]);
    expect((await api.call('time.list', {}))[0]!.billing).toMatchObject({ state: 'invoiced', invoiceId: issued.id });
    // The copy is an ordinary draft: it saves and issues under the next number.
    const next = await api.call('invoices.issue', { id: copy.id, fx: { rate: '1.2650', source: 'market', date: '2026-11-22' } });
    expect(next.number).not.toBe(issued.number);
  });

  it('a draft duplicates too', async () => {
    const { api, draft } = await invoicingApi();
    const original = await draft();
    const copy = await api.call('invoices.duplicate', { id: original.id });
    expect(copy.id).not.toBe(original.id);
    expect(copy.lines.map((l) => l.description)).toEqual(['Postgres performance review', 'Train to Leeds']);
    expect(copy.lines.map((l) => l.id)).not.toEqual(original.lines.map((l) => l.id));
  });

  it('an unknown id or a credit note is refused with a clear message, and nothing changes', async () => {
    const { api, issued } = await issuedWithTimeAndPayment();
    const credit = await api.call('creditNotes.issue', { invoiceId: issued.id, reason: 'One hour was not worked', issueDate: '2026-11-21', lines: [{ lineId: issued.lines[0]!.id, quantity: '1' }] });
    const before = state(api);
    expect(await api.raw('invoices.duplicate', { id: 9999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('This invoice') } });
    expect(await api.raw('invoices.duplicate', { id: credit.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: CREDIT_NOTE_DUPLICATE_MESSAGE } });
    expect(await api.raw('invoices.duplicate', { id: -1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(state(api)).toEqual(before);
  });
});
