import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { invoicingApi } from '../../../test/temp-store';

const pdfText = (base64: string) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(base64, 'base64') }).toString();
const cheese = [{ description: 'Workshop seats', kind: 'fee' as const, quantity: '36', unit: 'item' as const, unitPrice: '1.99' }];

describe('VAT-inclusive prices (issue 9, point 5)', () => {
  it('36 × £1.99 including 20% VAT gives VAT £11.94, and the PDF says the prices include VAT', async () => {
    const { api, draft } = await invoicingApi();
    const created = await draft({ lines: cheese, pricesIncludeVat: true });
    expect(created.pricesIncludeVat).toBe(true);
    expect(created.calculation.totals).toMatchObject({ gross: 7164, vat: 1194, net: 5970 });
    const issued = await api.call('invoices.issue', { id: created.id });
    expect(issued.snapshot!.settings!.pricesIncludeVat).toBe(true);
    expect(pdfText((await api.call('invoices.pdf', { id: issued.id })).dataBase64)).toMatch(/Prices include VAT at 20%/);
  });

  it('a new draft takes the default from the invoice settings, and can turn it off', async () => {
    const { api, draft } = await invoicingApi();
    await api.call('settings.saveInvoicing', { ...(await api.call('settings.getInvoicing')), pricesIncludeVat: true });
    const inclusive = await draft({ lines: cheese });
    expect(inclusive).toMatchObject({ pricesIncludeVat: true, vat: 1194 });
    const exclusive = await draft({ lines: cheese, pricesIncludeVat: false });
    expect(exclusive).toMatchObject({ pricesIncludeVat: false, net: 7164, vat: 1433 });
  });
});

describe('the tax point follows the rules (issue 9, point 7)', () => {
  it('a draft shows the derived tax point and the rule that chose it, and issuing freezes it', async () => {
    const { api, draft } = await invoicingApi();
    const created = await draft({ supplyStart: '2026-10-20', supplyEnd: '2026-11-01', issueDate: '2026-11-15' });
    expect(created.derivedTaxPoint).toMatchObject({ date: '2026-11-15', rule: 'uk-14-day' });
    const late = await draft({ supplyEnd: '2026-11-01', issueDate: '2026-11-16' });
    expect(late.derivedTaxPoint).toMatchObject({ date: '2026-11-01', rule: 'uk-basic' });
    const issued = await api.call('invoices.issue', { id: late.id });
    expect(issued.snapshot).toMatchObject({ taxPoint: '2026-11-01', taxPointRule: { rule: 'uk-basic' } });
    expect(issued.derivedTaxPoint).toMatchObject({ date: '2026-11-01', rule: 'uk-basic' });
  });

  it('continuous supplies use the invoice date in the UK', async () => {
    const { draft } = await invoicingApi();
    const retainer = await draft({ continuousSupply: true, supplyStart: '2026-11-02', supplyEnd: '2026-11-13', issueDate: '2026-11-30' });
    expect(retainer.derivedTaxPoint).toMatchObject({ date: '2026-11-30', rule: 'uk-continuous-invoice' });
  });

  it('an override needs a reason, which is recorded; without one nothing is saved', async () => {
    const { api, draft, clientId } = await invoicingApi();
    const refused = await api.raw('invoices.createDraft', { clientId, currency: 'GBP', issueDate: '2026-11-20', paymentTermsDays: 14, taxPoint: '2026-11-03', lines: cheese });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { taxPointReason: 'Say why you set your own tax point' } } });
    expect(await api.call('invoices.list', { status: 'all', kind: 'all' })).toEqual([]);
    const overridden = await draft({ taxPoint: '2026-11-03', taxPointReason: 'Work finished early; agreed with the client' });
    expect(overridden).toMatchObject({ taxPoint: '2026-11-03', taxPointReason: 'Work finished early; agreed with the client', derivedTaxPoint: { date: '2026-11-03', rule: 'override' } });
  });

  it('shows no intra-EU invoice deadline for a UK supplier', async () => {
    const { draft } = await invoicingApi();
    expect((await draft()).invoiceDeadline).toBeNull();
  });
});
