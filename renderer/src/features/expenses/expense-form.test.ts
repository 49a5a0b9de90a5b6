import { describe, expect, it } from 'vitest';
import { expenseInput, type Expense } from '../../../../shared/api/expenses';
import { blankValues, inputOf, valuesOf } from './expense-form';

const stored: Expense = {
  id: 7,
  date: '2026-11-20',
  category: 'accommodation',
  supplier: 'Hotel Adlon Kempinski',
  description: 'One night for the Berlin kick-off',
  amountMinor: 21000,
  currency: 'EUR',
  vatMinor: 1374,
  vatReclaimable: false,
  contract: { id: 3, reference: 'C-0003', title: 'Data platform review', clientName: 'Initech', currency: 'GBP' },
  rebillable: true,
  rebillKind: 'disbursement',
  fx: { rate: '0.854701', date: '2026-11-01' },
  receipt: null,
  billing: { state: 'unbilled', invoiceId: null, invoiceNumber: null },
  createdAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-20T10:00:00Z',
};

describe('the expense form', () => {
  it('shows a stored expense as typed text and sends back exactly what was stored', () => {
    const values = valuesOf(stored);
    expect(values).toMatchObject({ amount: '210.00', vat: '13.74', contractId: '3', fxRate: '0.854701', fxDate: '2026-11-01' });
    const parsed = expenseInput.parse({ ...inputOf(values, 'GBP'), receipt: null });
    expect(parsed).toMatchObject({ amountMinor: 21000, vatMinor: 1374, contractId: 3, rebillable: true, rebillKind: 'disbursement', fx: { rate: '0.854701', date: '2026-11-01' } });
  });

  it('sends a rate only while the contract is in another currency, and rebillable only with a contract', () => {
    const values = { ...valuesOf(stored), currency: 'GBP' };
    expect(inputOf(values, 'GBP').fx).toBeNull();
    expect(inputOf({ ...values, contractId: null }, null)).toMatchObject({ fx: null, rebillable: false, contractId: null });
  });

  it('starts blank on today in the home currency, and a blank form is refused field by field', () => {
    const blank = blankValues('2026-11-22', 'GBP');
    expect(blank).toMatchObject({ date: '2026-11-22', currency: 'GBP', rebillable: false, rebillKind: 'recharge' });
    const result = expenseInput.safeParse({ ...inputOf(blank, null), receipt: null });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(
      expect.arrayContaining(['category: Choose a category', 'supplier: Supplier is required', 'description: Description is required', 'amount: Amount is required']),
    );
  });
});
