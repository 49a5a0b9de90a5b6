import { changeExpense, createExpense, expenseDetail, expensePage, expenseReceipt, expenseTotals, removeExpense, suggestExpenseRate } from '../../expenses/expenses';
import type { Handlers } from '../handler';

export const expenseHandlers: Handlers<'expenses.list' | 'expenses.totals' | 'expenses.get' | 'expenses.create' | 'expenses.update' | 'expenses.delete' | 'expenses.receipt' | 'expenses.suggestRate'> = {
  'expenses.list': (ctx, query) => expensePage(ctx.db(), query),
  'expenses.totals': (ctx, filter) => expenseTotals(ctx.db(), filter),
  'expenses.get': (ctx, { id }) => expenseDetail(ctx.db(), id),
  'expenses.create': (ctx, input) => createExpense(ctx.db(), input, ctx.now),
  'expenses.update': (ctx, { id, ...input }) => changeExpense(ctx.db(), id, input, ctx.now),
  'expenses.delete': (ctx, { id }) => removeExpense(ctx.db(), id),
  'expenses.receipt': async (ctx, { id }) => {
    const { bytes, ...receipt } = await expenseReceipt(ctx.db(), id);
    return { ...receipt, dataBase64: bytes.toString('base64') };
  },
  'expenses.suggestRate': (ctx, input) => suggestExpenseRate(ctx.db(), input),
};
