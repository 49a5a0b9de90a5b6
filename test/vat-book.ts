import type { CallInput } from '../shared/api/contract';
import { sampleClient, sampleProfile, testApi, ukClient } from './temp-store';

/**
 * A UK business's book for VAT tests, on a clock the test moves (22 Nov 2026 until a test says
 * otherwise), with a UK and a German business client, a one-line invoice maker and an equipment expense.
 */
export async function vatBook(profile: Partial<CallInput<'profile.save'>> = {}) {
  let now = new Date('2026-11-22T10:00:00Z');
  const api = testApi(undefined, () => now);
  const setToday = (date: string) => {
    now = new Date(`${date}T10:00:00Z`);
  };
  await api.call('profile.save', { ...sampleProfile, ...profile });
  const uk = await api.call('clients.create', ukClient);
  const de = await api.call('clients.create', sampleClient);
  const invoice = async (clientId: number, currency: string, issueDate: string, unitPrice: string, fx?: CallInput<'invoices.issue'>['fx']) => {
    const draft = await api.call('invoices.createDraft', {
      clientId,
      currency,
      issueDate,
      paymentTermsDays: 14,
      lines: [{ description: 'Postgres performance review', kind: 'fee', quantity: '1', unit: 'day', unitPrice }],
    });
    return api.call('invoices.issue', { id: draft.id, ...(fx ? { fx } : {}) });
  };
  const office = (date: string, amount: string, vat: string): CallInput<'expenses.create'> => ({
    date,
    category: 'equipment',
    supplier: 'Scan Computers',
    description: 'Monitor',
    amount,
    currency: 'GBP',
    vat,
    vatReclaimable: true,
    contractId: null,
    rebillable: false,
  });
  return { api, uk, de, invoice, office, setToday };
}
