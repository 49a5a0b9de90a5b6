import { describe, expect, it } from 'vitest';
import { invoicingApi } from '../../../test/temp-store';

const ONE_LINE = [{ description: 'Postgres index review', kind: 'fee' as const, quantity: '2', unit: 'hour' as const, unitPrice: '12.03' }];

describe('credit notes credit exactly what is left', () => {
  it('two credits of 1 × £12.03 at 20% leave nothing outstanding (the second takes £14.43, not £14.44)', async () => {
    const { api, draft } = await invoicingApi();
    const invoice = await api.call('invoices.issue', { id: (await draft({ lines: ONE_LINE })).id });
    expect(invoice.gross).toBe(2887);
    const lineId = invoice.lines[0]!.id;
    expect(invoice.creditable).toEqual([{ lineId, quantity: '2', amount: 2406 }]);

    const first = await api.call('creditNotes.issue', { invoiceId: invoice.id, reason: 'One hour not worked', issueDate: '2026-11-25', lines: [{ lineId, quantity: '1' }] });
    expect(first.gross).toBe(-1444);
    expect((await api.call('invoices.get', { id: invoice.id })).creditable).toEqual([{ lineId, quantity: '1', amount: 1203 }]);

    const second = await api.call('creditNotes.issue', { invoiceId: invoice.id, reason: 'The other hour', issueDate: '2026-11-26', lines: [{ lineId, quantity: '1' }] });
    expect(second.calculation.totals).toMatchObject({ net: -1203, vat: -240, gross: -1443 });
    const after = await api.call('invoices.get', { id: invoice.id });
    expect(after).toMatchObject({ status: 'credited', outstanding: 0, credited: -2887 });
    expect(after.creditable).toEqual([{ lineId, quantity: '0', amount: 0 }]);
  });

  it('the preview shows what a credit note will credit after the discount and VAT, and writes nothing', async () => {
    const { api, draft } = await invoicingApi();
    const invoice = await api.call('invoices.issue', { id: (await draft({ lines: ONE_LINE, discountPercent: '10' })).id });
    const lineId = invoice.lines[0]!.id;
    const request = { invoiceId: invoice.id, issueDate: '2026-11-25', lines: [{ lineId, quantity: '1' }] };
    // 12.03 less 10% (1.20) = 10.83, VAT 2.17: the line's 12.03 "left" is before the discount.
    const preview = await api.call('creditNotes.preview', request);
    expect(preview).toEqual({ net: -1083, vat: -217, gross: -1300, payable: -1300 });
    expect((await api.call('invoices.get', { id: invoice.id })).creditNotes).toEqual([]);
    const issued = await api.call('creditNotes.issue', { ...request, reason: 'One hour not worked' });
    expect({ net: issued.net, vat: issued.vat, gross: issued.gross, payable: issued.payable }).toEqual(preview);

    const refused = await api.raw('creditNotes.preview', { ...request, issueDate: '2026-11-01', lines: [{ lineId, quantity: '2' }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { issueDate: 'Use 2026-11-20 or later' } } });
    const over = await api.raw('creditNotes.preview', { ...request, lines: [{ lineId, quantity: '2' }] });
    expect(over).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { 'lines.0.quantity': 'At most 1 can still be credited' } } });
  });

  it('crediting every line of an invoice one note at a time sums to the invoice', async () => {
    const { api, draft } = await invoicingApi();
    const lines = ['12.03', '12.03', '0.99', '7.07'].map((unitPrice, i) => ({ description: `Item ${i + 1}`, kind: 'fee' as const, quantity: '1', unit: 'item' as const, unitPrice }));
    const invoice = await api.call('invoices.issue', { id: (await draft({ lines })).id });
    const notes = [];
    for (const line of invoice.lines) {
      notes.push(await api.call('creditNotes.issue', { invoiceId: invoice.id, reason: 'Refunded', issueDate: '2026-11-25', lines: [{ lineId: line.id, quantity: '1' }] }));
    }
    for (const key of ['net', 'vat', 'gross', 'payable'] as const) expect(0 - notes.reduce((sum, n) => sum + n[key], 0)).toBe(invoice[key]);
    expect((await api.call('invoices.get', { id: invoice.id })).outstanding).toBe(0);
  });

  it("rounds as the invoice did when it was issued, not with today's settings", async () => {
    const { api, draft } = await invoicingApi();
    const settings = await api.call('settings.getInvoicing');
    await api.call('settings.saveInvoicing', { ...settings, vatRounding: 'down' });
    const oneLine = [{ description: 'Review', kind: 'fee' as const, quantity: '1', unit: 'item' as const, unitPrice: '0.99' }, { description: 'Call', kind: 'fee' as const, quantity: '1', unit: 'item' as const, unitPrice: '0.99' }];
    const invoice = await api.call('invoices.issue', { id: (await draft({ lines: oneLine })).id });
    await api.call('settings.saveInvoicing', { ...settings, vatRounding: 'half-up' });
    // 20% of £0.99 is 19.8p: rounded down, as on the invoice, it is 19p; half-up would be 20p.
    const credit = await api.call('creditNotes.issue', { invoiceId: invoice.id, reason: 'Refund', issueDate: '2026-11-25', lines: [{ lineId: invoice.lines[0]!.id, quantity: '1' }] });
    expect(credit.vat).toBe(-19);
  });

  it('refuses the same line twice in one note, and changes nothing', async () => {
    const { api, draft } = await invoicingApi();
    const invoice = await api.call('invoices.issue', { id: (await draft({ lines: ONE_LINE })).id });
    const lineId = invoice.lines[0]!.id;
    const twice = await api.raw('creditNotes.issue', { invoiceId: invoice.id, reason: 'x', issueDate: '2026-11-25', lines: [{ lineId, quantity: '1' }, { lineId, quantity: '1' }] });
    expect(twice).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { 'lines.1.lineId': 'This line is already in this credit note' } } });
    expect((await api.call('invoices.get', { id: invoice.id })).creditNotes).toEqual([]);
  });
});

describe('a constraint the data file enforces', () => {
  it('refuses an issue with a clear CONFLICT, takes no number and leaves the draft as it was', async () => {
    const { api, draft } = await invoicingApi();
    await api.call('invoices.issue', { id: (await draft()).id });
    const second = await draft();
    const sqlite = api.holder.store().sqlite;
    // Stands in for any declared constraint the issue might break: one issued invoice per client.
    sqlite.exec(`create unique index one_issued_per_client on invoices(client_id) where status = 'issued'`);
    const refused = await api.raw('invoices.issue', { id: second.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^This document could not be issued: the data file refused it \(unique: invoices\.client_id\)\. Nothing was issued/) } });
    expect(await api.call('invoices.get', { id: second.id })).toMatchObject({ status: 'draft', number: null });
    expect(sqlite.prepare(`select next from number_series where series = 'invoice'`).get()).toEqual({ next: 2 });
  });
});
