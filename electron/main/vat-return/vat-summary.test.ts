import { describe, expect, it } from 'vitest';
import { sampleClient, sampleProfile, testApi } from '../../../test/temp-store';
import { vatBook as book } from '../../../test/vat-book';

const Q4 = { from: '2026-10-01', to: '2026-12-31' };

describe('the VAT summary and EC Sales List calls (issue 16 point 4)', () => {
  it('sums a quarter by category and rate and lists the EU customer with its VAT number, also after the return is finalised', async () => {
    const { api, uk, de, invoice, setToday } = await book();
    const sale = await invoice(uk.id, 'GBP', '2026-11-20', '2400');
    // €3,000 at 1.1564 = £2,594.26 (3000 ÷ 1.1564 = 2,594.257…): reverse charge to a German business.
    const export_ = await invoice(de.id, 'EUR', '2026-11-21', '3000', { rate: '1.1564', source: 'hmrc-period', date: '2026-11-01' });
    const credit = await api.call('creditNotes.issue', { invoiceId: sale.id, issueDate: '2026-11-22', reason: 'Half-day not worked', lines: [{ lineId: sale.lines[0]!.id, quantity: '0.5' }] });
    await invoice(uk.id, 'GBP', '2027-01-04', '999');

    const view = await api.call('vatReturns.summary', Q4);
    expect(view.homeCurrency).toBe('GBP');
    expect(view.supplier).toEqual({ country: 'GB', inEu: false });
    // Standard 20%: £2,400 − £1,200 = £1,200 net, £480 − £240 = £240 VAT.
    expect(view.summary.lines.map((l) => [l.category, l.rate, l.net, l.vat, l.documents.map((d) => d.ref.label)])).toEqual([
      ['standard', '20', 120_000, 24_000, [sale.number, credit.number]],
      ['reverse-charge', '0', 259_426, 0, [export_.number]],
    ]);
    expect(view.summary.total).toEqual({ net: 379_426, vat: 24_000, count: 3 });
    expect(view.summary.byCurrency).toContainEqual({ currency: 'EUR', category: 'reverse-charge', rate: '0', net: 300_000, vat: 0, count: 1 });
    expect(view.ecSalesList.lines).toEqual([
      { country: 'DE', vatNumber: 'DE123456788', customers: [expect.stringContaining('Acme Analytics')], exact: 259_426, value: 2_594, documents: [{ ref: { kind: 'invoice', id: export_.id, label: export_.number }, date: '2026-11-21', net: 259_426, vat: 0 }] },
    ]);

    // The summary reads every document in the period, whether or not a finalised return counted it.
    setToday('2027-01-05');
    await api.call('vatReturns.saveSettings', { frequency: 'quarterly', stagger: 1, registeredOn: '2026-10-01', flatRatePercent: null, wholePounds: 'truncate' });
    await api.call('vatReturns.finalise', { periodStart: '2026-10-01', periodKey: '26A4' });
    expect(await api.call('vatReturns.summary', Q4)).toEqual(view);
  });

  it('for a German business: domestic sales at 19% and the French customer on its EC Sales List in whole euros', async () => {
    const api = testApi(undefined, () => new Date('2026-11-22T10:00:00Z'));
    await api.call('profile.save', { ...sampleProfile, country: 'DE', homeCurrency: 'EUR', vatNumber: 'DE123456788', bankAccounts: [{ currency: 'EUR', accountHolder: 'Ada GmbH', iban: 'DE89370400440532013000' }] });
    const berlin = await api.call('clients.create', { ...sampleClient, taxNumber: 'DE136695976' });
    const lyon = await api.call('clients.create', { ...sampleClient, name: 'Lyon Conseil', legalName: 'Lyon Conseil SA', country: 'FR', city: 'Lyon', timezone: 'Europe/Paris', taxNumber: 'FR40303265045' });
    const issue = async (clientId: number, unitPrice: string) => {
      const draft = await api.call('invoices.createDraft', { clientId, currency: 'EUR', issueDate: '2026-11-20', paymentTermsDays: 14, lines: [{ description: 'Review', kind: 'fee', quantity: '1', unit: 'day', unitPrice }] });
      return api.call('invoices.issue', { id: draft.id });
    };
    await issue(berlin.id, '1000');
    const french = await issue(lyon.id, '1234.56');
    const view = await api.call('vatReturns.summary', Q4);
    expect(view.supplier).toEqual({ country: 'DE', inEu: true });
    // €1,000 at Germany's 19%: €190 VAT; the French sale is reverse-charged (Art 196).
    expect(view.summary.lines.map((l) => [l.category, l.rate, l.net, l.vat])).toEqual([
      ['standard', '19', 100_000, 19_000],
      ['reverse-charge', '0', 123_456, 0],
    ]);
    // €1,234.56 → 1,234 whole euros.
    expect(view.ecSalesList.lines.map((l) => [l.country, l.vatNumber, l.value, l.documents.map((d) => d.ref.label)])).toEqual([['FR', 'FR40303265045', 1_234, [french.number]]]);
  });

  it('exports each as CSV with formula-like text made safe', async () => {
    const { api, invoice } = await book();
    const formula = await api.call('clients.create', { ...sampleClient, name: '=HYPERLINK("http://x")', legalName: '=HYPERLINK("http://x")' });
    const sale = await invoice(formula.id, 'GBP', '2026-11-20', '1000.80');
    const summary = await api.call('vatReturns.exportSummary', { ...Q4, report: 'summary' });
    expect(summary.fileName).toBe('vat-summary-2026-10-01-to-2026-12-31.csv');
    const summaryLines = summary.text.trim().split('\r\n');
    expect(summaryLines.slice(0, 3)).toEqual(['VAT category,Code,Rate (%),Documents,Net (GBP),VAT (GBP)', 'Reverse charge,AE,0,1,1000.80,0.00', 'Total,,,1,1000.80,0.00']);
    expect(summaryLines).toContain(`Reverse charge,0,2026-11-20,${sale.number},1000.80,0.00`);
    const ecsl = await api.call('vatReturns.exportSummary', { ...Q4, report: 'ec-sales-list' });
    expect(ecsl.fileName).toBe('ec-sales-list-2026-10-01-to-2026-12-31.csv');
    const ecslLines = ecsl.text.trim().split('\r\n');
    expect(ecslLines[0]).toBe('Country code,Customer VAT number,Customer,"Value of services (GBP, whole units)"');
    expect(ecslLines[1]).toBe(`DE,DE123456788,"'=HYPERLINK(""http://x"")",1000`);
  });

  it('refuses a period that ends before it starts, or is not a date, on the field', async () => {
    const { api } = await book();
    expect(await api.raw('vatReturns.summary', { from: '2026-12-31', to: '2026-10-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { to: 'The period ends before it starts' } },
    });
    expect(await api.raw('vatReturns.summary', { from: '2026-02-30', to: '2026-10-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { from: 'Not a real date' } } });
    expect(await api.raw('vatReturns.exportSummary', { from: '2026-12-31', to: '2026-10-01', report: 'summary' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { to: 'The period ends before it starts' } },
    });
    expect(await api.raw('vatReturns.exportSummary', { ...Q4, report: 'xml' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { report: 'Choose the VAT summary or the EC Sales List' } } });
  });
});
