import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sampleClient, sampleProfile, testApi, ukClient } from '../../../test/temp-store';

/** The zip's four files, each parsed back into rows of cells. */
function unpack(dataBase64: string): Record<string, string[][]> {
  const files = unzipSync(Buffer.from(dataBase64, 'base64'));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, Papa.parse<string[]>(strFromU8(bytes).trim()).data]));
}

describe("the accountant's export (issue 16, point 5)", () => {
  it('writes the period’s documents, lines, payments and expenses with home-currency figures, and defuses formulas', async () => {
    const api = testApi();
    await api.call('profile.save', sampleProfile);
    // A client whose name a spreadsheet would run as a formula.
    const uk = await api.call('clients.create', { ...ukClient, name: '=HYPERLINK("http://evil.example","Initech")' });
    const de = await api.call('clients.create', sampleClient);
    const draft = (clientId: number, currency: string, issueDate: string) =>
      api.call('invoices.createDraft', { clientId, currency, issueDate, paymentTermsDays: 14, lines: [{ description: '@SUM(A1:A9) review', kind: 'fee', quantity: '2', unit: 'day', unitPrice: '600' }] });
    const before = await api.call('invoices.issue', { id: (await draft(uk.id, 'GBP', '2026-09-30')).id });
    const gbp = await api.call('invoices.issue', { id: (await draft(uk.id, 'GBP', '2026-10-02')).id });
    const eur = await api.call('invoices.issue', { id: (await draft(de.id, 'EUR', '2026-10-05')).id, fx: { rate: '1.1564', source: 'hmrc-period', date: '2026-10-01' } });
    const note = await api.call('creditNotes.issue', { invoiceId: gbp.id, issueDate: '2026-10-20', reason: 'One day not worked', lines: [{ lineId: gbp.lines[0]!.id, quantity: '1' }] });
    await api.call('payments.record', { invoiceId: eur.id, date: '2026-10-25', amount: '1200.00', method: 'bank-transfer', homeAmount: '1030.00' });
    await api.call('payments.record', { invoiceId: before.id, date: '2026-10-03', amount: '100.00', method: 'cheque', note: '-1+1' });
    const expense = { category: 'software', supplier: 'JetBrains', description: 'DataGrip licence', vatReclaimable: true, contractId: null, rebillable: false } as const;
    await api.call('expenses.create', { ...expense, date: '2026-10-10', amount: '99.00', currency: 'GBP', vat: '16.50' });
    await api.call('expenses.create', { ...expense, date: '2026-10-11', amount: '50.00', currency: 'USD', vat: '0', vatReclaimable: false });

    const out = await api.call('reports.accountantExport', { from: '2026-10-01', to: '2026-10-31' });
    expect(out.fileName).toBe('accounts-2026-10-01-to-2026-10-31.zip');
    expect(out.counts).toEqual({ documents: 3, lines: 3, payments: 2, expenses: 2 });
    const files = unpack(out.dataBase64);
    expect(Object.keys(files).sort()).toEqual(['expenses.csv', 'invoices-and-credit-notes.csv', 'lines.csv', 'payments.csv']);

    const invoices = files['invoices-and-credit-notes.csv']!;
    expect(invoices[0]).toEqual(['Number', 'Type', 'Credit for', 'Issue date', 'Tax point', 'Due date', 'Client', 'Client country', 'Client VAT number', 'VAT treatment', 'Currency', 'Net', 'VAT', 'Gross', 'Paid', 'Exchange rate', 'Net (GBP)', 'VAT (GBP)', 'Gross (GBP)']);
    expect(invoices.map((r) => r[0])).toEqual(['Number', gbp.number, eur.number, note.number]);
    expect(invoices[1]!.slice(6, 7)).toEqual(['\'=HYPERLINK("http://evil.example","Initech")']);
    expect(invoices[1]!.slice(10)).toEqual(['GBP', '1200.00', '240.00', '1440.00', '0.00', '', '1200.00', '240.00', '1440.00']);
    // €1,200 at 1.1564 = £1,037.70 (rules §2.5.3); reverse charge, so no VAT.
    expect(invoices[2]!.slice(9)).toEqual(['reverse-charge', 'EUR', '1200.00', '0.00', '1200.00', '1200.00', '1.1564', '1037.70', '0.00', '1037.70']);
    // A credit note's negative amounts stay numbers, not text.
    expect(invoices[3]!.slice(1, 3)).toEqual(['Credit note', gbp.number]);
    expect(invoices[3]!.slice(11, 14)).toEqual(['-600.00', '-120.00', '-720.00']);

    expect(files['lines.csv']![1]).toEqual([gbp.number, '1', 'fee', "'@SUM(A1:A9) review", '2', 'day', '600', 'GBP', '1200.00', '20', 'standard']);
    expect(files['payments.csv']!.slice(1)).toEqual([
      [before.number, '2026-10-03', 'GBP', '100.00', '0.00', '100.00', 'cheque', "'-1+1"],
      [eur.number, '2026-10-25', 'EUR', '1200.00', '0.00', '1030.00', 'bank-transfer', ''],
    ]);
    // No USD rate is stored, so the sterling cell is blank rather than guessed.
    expect(files['expenses.csv']!.slice(1).map((r) => [r[0], r[4], r[5], r[6], r[7], r[8]])).toEqual([
      ['2026-10-10', 'GBP', '99.00', '16.50', 'yes', '99.00'],
      ['2026-10-11', 'USD', '50.00', '0.00', 'no', ''],
    ]);
  });

  it('refuses a period that ends before it starts, in words', async () => {
    const api = testApi();
    await api.call('profile.save', sampleProfile);
    expect(await api.raw('reports.accountantExport', { from: '2026-10-31', to: '2026-10-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { to: 'The period ends before it starts' } },
    });
  });
});
