import { describe, expect, it } from 'vitest';
import { invoicingApi, sampleClient } from '../../../test/temp-store';

const usClient = { name: 'Acme Inc', country: 'US', city: 'New York', timezone: 'America/New_York', currency: 'USD', customerType: 'business' } as const;
const hmrcNov = { rate: '1.2560', source: 'hmrc-period', date: '2026-11-01' } as const;

describe('every foreign-currency document has a home-currency value (issue 9, point 1)', () => {
  it('a USD invoice to a US client needs a rate and records its sterling value, though no VAT is charged', async () => {
    const { api, draft } = await invoicingApi(usClient);
    const { id } = await draft();
    const refused = await api.raw('invoices.issue', { id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { 'fx.rate': 'Enter the exchange rate (USD per 1 GBP)' } } });
    expect((await api.call('invoices.get', { id })).status).toBe('draft');

    const issued = await api.call('invoices.issue', { id, fx: hmrcNov });
    expect(issued.snapshot!.treatment.category).toBe('outside-scope');
    // $2,334.20 ÷ 1.2560 = 1,858.4394… → £1,858.44 (rules §2.5.3); no VAT, so the gross is the net.
    expect(issued.homeValue).toEqual({ currency: 'GBP', net: 185844, vat: 0, gross: 185844, ...hmrcNov, addedAt: null });
    expect(issued.fx).toEqual(hmrcNov);
    // The PDF states the value but prints no sterling VAT lines: none is charged.
    expect(issued.calculation.notes.map((n) => n.key)).toContain('home-currency-value');
    expect(issued.calculation.notes.map((n) => n.key)).not.toContain('home-currency');
    const row = api.holder.store().sqlite.prepare('select home_net, home_vat, home_gross from invoices where id = ?').get(id);
    expect(row).toEqual({ home_net: 185844, home_vat: 0, home_gross: 185844 });
  });

  it('a EUR reverse-charge invoice to a German business records its sterling value for Box 6', async () => {
    const { api, draft } = await invoicingApi(sampleClient);
    const { id } = await draft();
    expect(await api.raw('invoices.issue', { id })).toMatchObject({ ok: false, error: { fieldErrors: { 'fx.rate': 'Enter the exchange rate (EUR per 1 GBP)' } } });
    const issued = await api.call('invoices.issue', { id, fx: { rate: '1.1564', source: 'hmrc-period', date: '2026-11-01' } });
    expect(issued.snapshot!.treatment.category).toBe('reverse-charge');
    // €2,334.20 ÷ 1.1564 = 2,018.5057… → £2,018.51.
    expect(issued.homeValue).toMatchObject({ currency: 'GBP', net: 201851, vat: 0, gross: 201851, addedAt: null });
  });

  it('a credit note uses the original rate and stores its own home figures', async () => {
    const { api, draft } = await invoicingApi(usClient);
    const invoice = await api.call('invoices.issue', { id: (await draft()).id, fx: hmrcNov });
    const note = await api.call('creditNotes.issue', { invoiceId: invoice.id, issueDate: '2026-12-03', reason: 'Train fare refunded', lines: [{ lineId: invoice.lines[1]!.id, quantity: '1' }] });
    // −$84.20 ÷ 1.2560 = −67.038… → −£67.04, at November's rate although issued in December.
    expect(note.fx).toEqual(hmrcNov);
    expect(note.homeValue).toEqual({ currency: 'GBP', net: -6704, vat: 0, gross: -6704, ...hmrcNov, addedAt: null });
    expect(api.holder.store().sqlite.prepare('select home_net, home_gross from invoices where id = ?').get(note.id)).toEqual({ home_net: -6704, home_gross: -6704 });
  });

  it('a payment records what arrived in sterling and shows the realised gain or loss', async () => {
    const { api, draft } = await invoicingApi(usClient);
    const invoice = await api.call('invoices.issue', { id: (await draft()).id, fx: hmrcNov });
    const bad = await api.raw('payments.record', { invoiceId: invoice.id, date: '2026-11-21', amount: '1000.00', method: 'bank-transfer', homeAmount: '790.123' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { homeAmount: 'GBP amounts have at most 2 decimal places' } } });
    expect((await api.call('invoices.get', { id: invoice.id })).payments).toEqual([]);

    await api.call('payments.record', { invoiceId: invoice.id, date: '2026-11-21', amount: '1000.00', method: 'bank-transfer', homeAmount: '790.00' });
    const paid = await api.call('payments.record', { invoiceId: invoice.id, date: '2026-11-22', amount: '1334.20', method: 'bank-transfer', homeAmount: '1075.00' });
    // $1,000 of $2,334.20 settles 1000 × 1,858.44 / 2,334.20 = 796.18… → £796.18 (a £6.18 loss);
    // the rest, £1,062.26, against £1,075.00 received (a £12.74 gain). Net gain £6.56.
    expect(paid.payments.map((p) => [p.homeAmount, p.settledHomeValue, p.exchangeGain])).toEqual([
      [79000, 79618, -618],
      [107500, 106226, 1274],
    ]);
    expect(paid.exchangeGain).toBe(656);
    expect(paid.status).toBe('paid');
  });

  it('refuses a sterling amount on a sterling invoice', async () => {
    const { api, draft } = await invoicingApi();
    const invoice = await api.call('invoices.issue', { id: (await draft()).id });
    expect(invoice.homeValue).toBeNull();
    const refused = await api.raw('payments.record', { invoiceId: invoice.id, date: '2026-11-22', amount: '10.00', method: 'bank-transfer', homeAmount: '10.00' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { homeAmount: 'Leave this empty for a GBP invoice' } } });
  });

  it('an old foreign document keeps its snapshot; its home value is added later, once, beside it', async () => {
    const { api, draft } = await invoicingApi(usClient);
    // Issued while the books were kept in dollars, so no rate was needed then.
    const profile = (await api.call('profile.get'))!;
    await api.call('profile.save', { ...profile, homeCurrency: 'USD' });
    const old = await api.call('invoices.issue', { id: (await draft()).id });
    expect(old.homeValue).toBeNull();
    await api.call('profile.save', { ...profile, homeCurrency: 'GBP' });
    const sqlite = api.holder.store().sqlite;
    const before = sqlite.prepare('select snapshot, updated_at, home_net from invoices where id = ?').get(old.id);

    expect(await api.raw('invoices.addHomeValue', { id: old.id, fx: { ...hmrcNov, rate: '' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { 'fx.rate': expect.any(String) } } });
    const valued = await api.call('invoices.addHomeValue', { id: old.id, fx: hmrcNov });
    expect(valued.homeValue).toEqual({ currency: 'GBP', net: 185844, vat: 0, gross: 185844, ...hmrcNov, addedAt: '2026-11-22T10:00:00.000Z' });
    expect(sqlite.prepare('select snapshot, updated_at, home_net from invoices where id = ?').get(old.id)).toEqual(before);
    expect(await api.raw('invoices.addHomeValue', { id: old.id, fx: { ...hmrcNov, rate: '1.3' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(() => sqlite.prepare('update document_home_values set rate = ?').run('1.3')).toThrow(/can't be changed/);
    expect(() => sqlite.prepare('delete from document_home_values').run()).toThrow(/can't be deleted/);
    // Payments on it now show their gain or loss against the value added later.
    const paid = await api.call('payments.record', { invoiceId: old.id, date: '2026-11-22', amount: '2334.20', method: 'bank-transfer', homeAmount: '1850.00' });
    expect(paid.exchangeGain).toBe(-844);
  });
});
