import { describe, expect, it } from 'vitest';
import { EXPENSE_CATEGORIES, RECEIPT_TYPES } from '../shared/expenses/rules';
import { expenses } from './schema';

describe('expenses schema and shared rules', () => {
  it('agree on the categories and on the receipt types accepted (HEIC is in the schema but refused: nothing shipped reads it)', () => {
    expect(EXPENSE_CATEGORIES).toEqual(expenses.category.enumValues);
    expect(expenses.receiptType.enumValues.filter((t) => t !== 'image/heic')).toEqual([...RECEIPT_TYPES]);
  });
});
