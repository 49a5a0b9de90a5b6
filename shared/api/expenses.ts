import { z } from 'zod';
import { BILLING_STATES, EXPENSE_CATEGORIES, EXPENSE_LIMITS, REBILL_KINDS, RECEIPT_MAX_BYTES, RECEIPT_TYPES } from '../expenses/rules';
import { FX_SOURCES } from '../money/fx';
import { currencyCode, currencyField, id, requiredText } from './fields';
import { decimalText, isoDate } from './invoices';
import { minorFromInput } from './money-fields';
import { afterCursor, DEFAULT_PAGE_SIZE, pageLimit } from './paging';

/** A receipt file as the user chose it: its name and bytes as base64 (type and size are checked in main, by content). */
export const receiptUpload = z.object({
  fileName: z.string().max(260).default('receipt'),
  // Base64 is 4/3 of the bytes: the 20 MB limit itself is checked on the decoded bytes.
  dataBase64: z.string().min(1, 'The file is empty').max(Math.ceil((RECEIPT_MAX_BYTES * 4) / 3) + 1024, 'Choose a receipt of at most 20 MB'),
});

const fields = {
  date: isoDate,
  category: z.enum(EXPENSE_CATEGORIES, { error: 'Choose a category' }),
  supplier: requiredText('Supplier', EXPENSE_LIMITS.supplier),
  description: requiredText('Description', EXPENSE_LIMITS.description),
  /** What was paid, VAT included, as typed ("184.50"). Checked as money of `currency` once every field parses; a blank one is refused with the rest. */
  amount: z
    .string({ error: 'Amount is required' })
    .max(40, 'Enter an amount like 184.50')
    .refine((s) => s.trim() !== '', 'Amount is required'),
  currency: currencyField,
  /** The VAT within `amount`, as typed; blank for none. */
  vat: z.string().max(40, 'Enter an amount like 30.75').default(''),
  vatReclaimable: z.boolean().default(false),
  contractId: id.nullable().default(null),
  rebillable: z.boolean().default(false),
  rebillKind: z.enum(REBILL_KINDS).default('recharge'),
  /** Units of the contract's currency per 1 unit of `currency`, and the date it is for: only when they differ (checked in main, which knows the contract). */
  fx: z.object({ rate: decimalText('Exchange rate', { maxScale: 10, positive: true, max: 1_000_000 }), date: isoDate }).nullable().default(null),
};

type Fields = z.output<z.ZodObject<typeof fields>>;

/**
 * Typed figures into minor units of the expense's currency, with the rules that need no stored
 * row: amount above 0 and within the document limit, VAT from 0 up to the amount, and a
 * rebillable expense needs a contract. Problems go on their fields, all at once.
 */
function toExpense<T extends Fields>(input: T, ctx: z.RefinementCtx): Omit<T, 'amount' | 'vat'> & { amountMinor: number; vatMinor: number } {
  const amountMinor = minorFromInput(input.amount, input.currency, 'Amount', ctx, ['amount']);
  const vatMinor = input.vat.trim() === '' ? 0 : minorFromInput(input.vat, input.currency, 'VAT', ctx, ['vat'], { allowZero: true });
  if (amountMinor !== null && vatMinor !== null && vatMinor > amountMinor) ctx.addIssue({ code: 'custom', path: ['vat'], message: "VAT can't be more than the amount paid" });
  if (input.rebillable && input.contractId === null) ctx.addIssue({ code: 'custom', path: ['contractId'], message: 'Choose the contract to rebill this to' });
  const { amount: _amount, vat: _vat, ...rest } = input;
  return { ...rest, amountMinor: amountMinor ?? 0, vatMinor: vatMinor ?? 0 };
}

/** A new expense; `receipt` null for none. */
export const expenseInput = z.object({ ...fields, receipt: receiptUpload.nullable().default(null) }).transform(toExpense);
export type ExpenseInput = z.input<typeof expenseInput>;
/** An expense's checked fields, amounts in minor units, without its receipt. */
export type ExpenseData = Omit<z.output<typeof expenseInput>, 'receipt'>;

/** Changes expense `id`. `receipt`: 'keep' the stored one, null to remove it, or a new file. */
export const expenseUpdateInput = z
  .object({ ...fields, id, receipt: z.union([z.literal('keep'), receiptUpload]).nullable().default('keep') })
  .transform((input, ctx) => ({ ...toExpense(input, ctx), id: input.id, receipt: input.receipt }));

const filterFields = {
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
  contractId: id.nullable().default(null),
  category: z.enum(['all', ...EXPENSE_CATEGORIES]).default('all'),
  rebillable: z.enum(['all', 'yes', 'no']).default('all'),
  billing: z.enum(['all', ...BILLING_STATES]).default('all'),
};
const periodInOrder: [(r: { from: string | null; to: string | null }) => boolean, { path: string[]; message: string }] = [
  (r) => !r.from || !r.to || r.from <= r.to,
  { path: ['to'], message: 'The period ends before it starts' },
];
const noFilter = { from: null, to: null, contractId: null, category: 'all', rebillable: 'all', billing: 'all' } as const;

/** The expense list's filters, for the totals over everything they match. */
export const expenseFilter = z.object(filterFields).refine(...periodInOrder).default(noFilter);
export type ExpenseFilter = z.output<typeof expenseFilter>;

/** One page of expenses, newest date first (ties: newest id), after the row whose cursor is `after`. */
export const expenseListQuery = z
  .object({ ...filterFields, limit: pageLimit, after: afterCursor.refine((after) => after === null || isoDate.safeParse(after.key).success, 'Start the list again') })
  .refine(...periodInOrder)
  .default({ ...noFilter, limit: DEFAULT_PAGE_SIZE, after: null });

export const expenseSchema = z.object({
  id: z.number(),
  date: z.string(),
  category: z.enum(EXPENSE_CATEGORIES),
  supplier: z.string(),
  description: z.string(),
  /** Minor units of `currency`, VAT included. */
  amountMinor: z.number(),
  currency: currencyCode,
  vatMinor: z.number(),
  vatReclaimable: z.boolean(),
  contract: z.object({ id: z.number(), reference: z.string(), title: z.string(), clientName: z.string(), currency: currencyCode }).nullable(),
  rebillable: z.boolean(),
  rebillKind: z.enum(REBILL_KINDS),
  fx: z.object({ rate: z.string(), date: z.string() }).nullable(),
  receipt: z.object({ sha256: z.string(), fileName: z.string(), type: z.enum(RECEIPT_TYPES), byteSize: z.number() }).nullable(),
  /** Where it stands with billing; the invoice it is on (number null while a draft). */
  billing: z.object({ state: z.enum(BILLING_STATES), invoiceId: z.number().nullable(), invoiceNumber: z.string().nullable() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Expense = z.infer<typeof expenseSchema>;

export const expenseListRowSchema = expenseSchema.extend({ cursor: z.string() });

/** Per currency over every expense a filter matches (minor units); currencies are never added together. */
export const expenseTotalsSchema = z.array(z.object({ currency: currencyCode, count: z.number(), amountMinor: z.number(), vatMinor: z.number() }));
export type ExpenseTotals = z.infer<typeof expenseTotalsSchema>;

/** A receipt's bytes for preview or download. */
export const receiptOutput = z.object({ fileName: z.string(), type: z.enum(RECEIPT_TYPES), sha256: z.string(), dataBase64: z.string() });

/** The stored rate to offer for an expense in `currency` on `contractId` dated `date`. */
export const expenseRateQuery = z.object({ currency: currencyField, contractId: id, date: isoDate });
/** Units of the contract's currency per 1 `currency`, the stored rate's date and source; null when none is stored. */
export const expenseRateSuggestion = z.object({ rate: z.string(), date: z.string(), source: z.enum(FX_SOURCES) }).nullable();
