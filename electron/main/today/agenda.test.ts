import { describe, expect, it } from 'vitest';
import { contractTerms, sampleProfile, testApi, ukClient } from '../../../test/temp-store';

// The clock reads Sunday 22 Nov 2026.
describe('the Today list (issue 16 point 2, issue 15 point 5)', () => {
  it('lists VAT returns to file, invoices falling due within a week, contracts to bill and contracts ending within a month', async () => {
    const api = testApi();
    expect(await api.call('today.agenda', undefined)).toEqual({ today: '2026-11-22', items: [], moreInvoicesDue: 0 });
    await api.call('profile.save', sampleProfile);
    // Quarters on stagger 1 from 1 Apr: Apr–Jun was due 7 Aug, Jul–Sep on 7 Nov; Oct–Dec is still running.
    await api.call('vatReturns.saveSettings', { frequency: 'quarterly', stagger: 1, registeredOn: '2026-04-01', flatRatePercent: null, wholePounds: 'truncate' });
    const uk = await api.call('clients.create', ukClient);
    const issue = async (issueDate: string) => {
      const draft = await api.call('invoices.createDraft', { clientId: uk.id, currency: 'GBP', issueDate, paymentTermsDays: 14, lines: [{ description: 'Review', kind: 'fee', quantity: '1', unit: 'day', unitPrice: '600' }] });
      return api.call('invoices.issue', { id: draft.id });
    };
    const overdue = await issue('2026-10-20'); // due 3 Nov
    const dueSoon = await issue('2026-11-10'); // due 24 Nov
    await issue('2026-11-20'); // due 4 Dec: more than a week away
    const paid = await issue('2026-10-21');
    await api.call('payments.record', { invoiceId: paid.id, date: '2026-11-01', amount: '720.00', method: 'bank-transfer' });

    const card = await api.call('rateCards.create', { name: 'Standard', unit: 'hour', currency: 'GBP', amount: '200', effectiveFrom: '2026-01-01', isDefault: true });
    const contract = await api.call('contracts.create', contractTerms(uk.id, card.id, { currency: 'GBP', endDate: '2026-12-10' }));
    await api.call('contracts.sign', { id: contract.id });
    await api.call('time.create', { contractId: contract.id, date: '2026-11-05', timing: { kind: 'duration', duration: '2h' }, note: 'Index review', billable: true });

    const { items, moreInvoicesDue } = await api.call('today.agenda', undefined);
    expect(moreInvoicesDue).toBe(0);
    expect(items.map((i) => [i.kind, i.date, i.urgency])).toEqual([
      ['vat-return', '2026-08-07', 'overdue'],
      ['invoice-due', '2026-11-03', 'overdue'],
      ['vat-return', '2026-11-07', 'overdue'],
      ['billing-due', '2026-11-15', 'overdue'],
      ['invoice-due', '2026-11-24', 'soon'],
      ['contract-ending', '2026-12-10', 'soon'],
    ]);
    expect(items[1]).toMatchObject({ invoiceId: overdue.id, number: overdue.number, clientName: 'Initech Ltd', currency: 'GBP', outstandingMinor: 72000 });
    expect(items[4]).toMatchObject({ invoiceId: dueSoon.id });
    expect(items[3]).toMatchObject({ contractId: contract.id, clientName: 'Initech Ltd', title: 'Postgres performance' });

    // Filing the older return takes it off the list.
    await api.call('vatReturns.finalise', { periodStart: '2026-04-01', periodKey: '26A2', limitedCostTrader: false });
    expect((await api.call('today.agenda', undefined)).items.filter((i) => i.kind === 'vat-return').map((i) => i.date)).toEqual(['2026-11-07']);
  });

  it('gives an EU supplier the date each intra-EU business supply must be invoiced by (Art 222), from drafts and unbilled work', async () => {
    const api = testApi();
    await api.call('profile.save', { ...sampleProfile, country: 'DE', homeCurrency: 'EUR', vatNumber: 'DE123456788', bankAccounts: [{ currency: 'EUR', accountHolder: 'Ada GmbH', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' }] });
    const fr = await api.call('clients.create', { name: 'Société Exemple', country: 'FR', city: 'Paris', timezone: 'Europe/Paris', currency: 'EUR', customerType: 'business', taxNumber: 'FR40303265045' });
    const de = await api.call('clients.create', { name: 'Inland GmbH', country: 'DE', city: 'Berlin', timezone: 'Europe/Berlin', currency: 'EUR', customerType: 'business' });
    const line = { description: 'Review', kind: 'fee', quantity: '1', unit: 'day', unitPrice: '600' } as const;
    const draft = await api.call('invoices.createDraft', { clientId: fr.id, currency: 'EUR', issueDate: '2026-10-30', paymentTermsDays: 14, lines: [line] });
    await api.call('invoices.createDraft', { clientId: de.id, currency: 'EUR', issueDate: '2026-10-30', paymentTermsDays: 14, lines: [line] });
    const card = await api.call('rateCards.create', { name: 'Standard', unit: 'hour', currency: 'EUR', amount: '200', effectiveFrom: '2026-01-01', isDefault: true });
    const contract = await api.call('contracts.create', contractTerms(fr.id, card.id, { currency: 'EUR', billingCycle: { kind: 'monthly' } }));
    await api.call('contracts.sign', { id: contract.id });
    await api.call('time.create', { contractId: contract.id, date: '2026-11-03', timing: { kind: 'duration', duration: '2h' }, note: 'Workshop', billable: true });

    const deadlines = (await api.call('today.agenda', undefined)).items.filter((i) => i.kind === 'invoice-deadline');
    expect(deadlines).toEqual([
      { kind: 'invoice-deadline', date: '2026-11-15', urgency: 'overdue', supplyDate: '2026-10-30', clientName: 'Société Exemple', invoiceId: draft.id, contractId: null, reference: null },
      { kind: 'invoice-deadline', date: '2026-12-15', urgency: 'soon', supplyDate: '2026-11-03', clientName: 'Société Exemple', invoiceId: null, contractId: contract.id, reference: expect.any(String) },
    ]);
    expect(await api.raw('today.agenda', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('lists today’s booked calls (on the user’s day, in both zones), follow-ups due or overdue, and stale leads without hidden recruiters', async () => {
    const api = testApi(undefined, () => new Date('2026-11-01T10:00:00Z'));
    await api.call('profile.save', { ...sampleProfile, timeZone: 'Europe/London' });
    const acme = await api.call('leads.create', { title: 'Acme audit', source: 'referral', timezone: 'America/New_York', nextAction: 'Send the case study', nextActionDue: '2026-11-20' });
    const agency = await api.call('leads.create', { title: 'Agency role', source: 'recruiter' });
    const later = await api.call('leads.create', { title: 'Beta migration', source: 'direct', nextAction: 'Call back', nextActionDue: '2026-11-30' });
    // Booked on 1 Nov: by the 22nd Acme's contact is recent, the others are stale (14 days).
    const now = testApi(api.dataDir, () => new Date('2026-11-22T10:00:00Z'));
    const today = await now.call('introCalls.book', { leadId: acme.id, date: '2026-11-22', time: '15:00' });
    await now.call('introCalls.book', { leadId: acme.id, date: '2026-11-23', time: '15:00' });
    const cancelled = await now.call('introCalls.book', { leadId: acme.id, date: '2026-11-22', time: '11:00' });
    await now.call('introCalls.cancel', { id: cancelled.id });
    const items = (await now.call('today.agenda', undefined)).items.filter((i) => ['call', 'follow-up', 'stale-lead'].includes(i.kind));
    expect(items).toEqual([
      { kind: 'follow-up', date: '2026-11-20', urgency: 'overdue', leadId: acme.id, leadTitle: 'Acme audit', nextAction: 'Send the case study' },
      { kind: 'call', date: '2026-11-22', urgency: 'today', callId: today.id, leadId: acme.id, leadTitle: 'Acme audit', startsAt: '2026-11-22T15:00:00.000Z', bothZones: 'Sun 22 Nov, 15:00 London · 10:00 New York' },
      { kind: 'stale-lead', date: '2026-11-22', urgency: 'today', leadId: later.id, leadTitle: 'Beta migration', lastActivityAt: '2026-11-01T10:00:00.000Z' },
    ]);
    // Shown once the user shows recruiters.
    await now.call('leads.saveSettings', { ...(await now.call('leads.settings')), hideRecruiters: false });
    expect((await now.call('today.agenda', undefined)).items.filter((i) => i.kind === 'stale-lead').map((i) => i.kind === 'stale-lead' && i.leadId)).toEqual([later.id, agency.id]);
  });
});
