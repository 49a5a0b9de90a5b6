import { describe, expect, it } from 'vitest';
import { sampleClient, sampleProfile, testApi, ukClient } from '../../../test/temp-store';

describe('the profit summary for a year (issue 16, point 2)', () => {
  it('splits fees from rebilled expenses, takes off expenses net of reclaimed VAT, in sterling at stored rates', async () => {
    const api = testApi();
    await api.call('profile.save', sampleProfile);
    const uk = await api.call('clients.create', ukClient);
    const de = await api.call('clients.create', sampleClient);
    const fee = { description: 'Review', kind: 'fee', quantity: '2', unit: 'day', unitPrice: '600' } as const;
    const issue = async (clientId: number, currency: string, issueDate: string, lines: object[], fx?: object) => {
      const draft = await api.call('invoices.createDraft', { clientId, currency, issueDate, paymentTermsDays: 14, lines: lines as never });
      return api.call('invoices.issue', { id: draft.id, ...(fx ? { fx } : {}) } as never);
    };
    await issue(uk.id, 'GBP', '2025-03-31', [fee]);
    const gbp = await issue(uk.id, 'GBP', '2025-05-02', [fee, { description: 'Train to Leeds', kind: 'expense', quantity: '1', unit: 'item', unitPrice: '100' }]);
    await issue(de.id, 'EUR', '2025-06-05', [fee], { rate: '1.1564', source: 'hmrc-period', date: '2025-06-01' });
    await api.call('creditNotes.issue', { invoiceId: gbp.id, issueDate: '2025-07-20', reason: 'One day not worked', lines: [{ lineId: gbp.lines[0]!.id, quantity: '1' }] });
    const spent = { supplier: 'JetBrains', description: 'Licence', contractId: null, rebillable: false } as const;
    await api.call('expenses.create', { ...spent, date: '2025-08-10', category: 'software', amount: '99.00', currency: 'GBP', vat: '16.50', vatReclaimable: true });
    await api.call('expenses.create', { ...spent, date: '2025-08-11', category: 'software', amount: '50.00', currency: 'USD', vat: '0', vatReclaimable: false });

    const year = await api.call('reports.profit', { from: '2025-04-06', to: '2026-04-05' });
    // Fees £1,200 + €1,200 at 1.1564 (£1,037.70) − £600 credited; £100 train rebilled;
    // £99.00 − £16.50 reclaimed = £82.50 own costs; the USD licence has no rate and is counted apart.
    expect(year).toEqual({ homeCurrency: 'GBP', from: '2025-04-06', to: '2026-04-05', fees: 163770, rebilledIncome: 10000, rebillableCosts: 0, ownCosts: 8250, profit: 165520, unvalued: 1 });
    expect(await api.raw('reports.profit', { from: '2026-04-05', to: '2025-04-06' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { to: 'The period ends before it starts' } } });
  });
});
