import type { Expense, ExpenseInput } from '../../../../shared/api/expenses';
import type { ExpenseCategory, RebillKind } from '../../../../shared/expenses/rules';
import { toMajorString } from '../../../../shared/money/money';
import type { CurrencyCode } from '../../../../shared/reference/currencies';

/** The expense form as typed: amounts and the rate stay text until the shared schema reads them. */
export interface ExpenseValues {
  date: string;
  category: ExpenseCategory | null;
  supplier: string;
  description: string;
  amount: string;
  currency: string;
  vat: string;
  vatReclaimable: boolean;
  contractId: string | null;
  rebillable: boolean;
  rebillKind: RebillKind;
  fxRate: string;
  fxDate: string;
}

/** A blank form dated `today`, in the home currency. */
export function blankValues(today: string, currency: CurrencyCode | null): ExpenseValues {
  return { date: today, category: null, supplier: '', description: '', amount: '', currency: currency ?? '', vat: '', vatReclaimable: false, contractId: null, rebillable: false, rebillKind: 'recharge', fxRate: '', fxDate: today };
}

/** A stored expense in the form, amounts back to decimal text. */
export function valuesOf(expense: Expense): ExpenseValues {
  return {
    date: expense.date,
    category: expense.category,
    supplier: expense.supplier,
    description: expense.description,
    amount: toMajorString(expense.amountMinor, expense.currency),
    currency: expense.currency,
    vat: expense.vatMinor === 0 ? '' : toMajorString(expense.vatMinor, expense.currency),
    vatReclaimable: expense.vatReclaimable,
    contractId: expense.contract ? String(expense.contract.id) : null,
    rebillable: expense.rebillable,
    rebillKind: expense.rebillKind,
    fxRate: expense.fx?.rate ?? '',
    fxDate: expense.fx?.date ?? expense.date,
  };
}

/**
 * The API input for the form (without the receipt). A rate is sent only when the chosen
 * contract's currency (`contractCurrency`) differs from the expense's, so a rate left behind by
 * an earlier choice is never stored.
 */
export function inputOf(values: ExpenseValues, contractCurrency: string | null): Omit<ExpenseInput, 'receipt'> {
  const needsFx = contractCurrency !== null && values.currency !== '' && contractCurrency !== values.currency;
  return {
    date: values.date,
    // Left for the schema to refuse with its own message.
    category: (values.category ?? undefined) as ExpenseCategory,
    supplier: values.supplier,
    description: values.description,
    amount: values.amount,
    currency: values.currency,
    vat: values.vat,
    vatReclaimable: values.vatReclaimable,
    contractId: values.contractId === null ? null : Number(values.contractId),
    rebillable: values.contractId !== null && values.rebillable,
    rebillKind: values.rebillKind,
    fx: needsFx ? { rate: values.fxRate, date: values.fxDate } : null,
  };
}
