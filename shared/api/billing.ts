import { z } from 'zod';
import { TIME_GROUPINGS } from '../billing/price-work';
import { LINE_KINDS, UNITS } from '../invoice/types';
import { currencyCode, id } from './fields';

const grouping = z.enum(TIME_GROUPINGS, { error: 'Choose how to group time on the invoice' }).default('period');

export const dueQuery = z.object({ grouping }).default({ grouping: 'period' });

const period = z.object({ start: z.string(), end: z.string() });

/** One contract's invoice as the billing run would draft it. Money in minor units of `currency`; time in seconds. */
export const dueInvoiceSchema = z.object({
  contractId: z.number(),
  reference: z.string(),
  title: z.string(),
  clientId: z.number(),
  clientName: z.string(),
  currency: currencyCode,
  period,
  supply: period,
  rawSeconds: z.number(),
  billedSeconds: z.number(),
  entryCount: z.number(),
  expenseCount: z.number(),
  lines: z.array(
    z.object({
      description: z.string(),
      kind: z.enum(LINE_KINDS),
      quantity: z.string(),
      unit: z.enum(UNITS),
      unitPrice: z.string(),
      amountMinor: z.number(),
      source: z.enum(['time', 'expense', 'retainer', 'fixed']),
      entries: z.number(),
    }),
  ),
  netMinor: z.number(),
  burn: z.object({ kind: z.enum(['budget', 'retainer']), text: z.string(), level: z.enum(['ok', 'warning', 'over']) }).nullable(),
  /** Why the run can't draft it, in words; null when it can. */
  problem: z.string().nullable(),
  timesheetAppendix: z.boolean(),
});
export type DueInvoice = z.infer<typeof dueInvoiceSchema>;

/** How far ahead the dashboard's upcoming invoices look, in days from today. */
export const UPCOMING_INVOICE_DAYS = 30;

export const billingRunInput = z.object({
  contractIds: z.array(id).min(1, 'Choose at least one invoice to draft').max(1000, 'A run drafts at most 1,000 invoices'),
  grouping,
});

export const billingRunOutput = z.object({
  drafts: z.array(z.object({ invoiceId: z.number(), contractId: z.number(), reference: z.string(), clientName: z.string(), currency: currencyCode, netMinor: z.number(), burn: dueInvoiceSchema.shape.burn })),
});

/** Unbilled work in progress per signed or active contract, up to today: billable time (seconds) and rebillable expenses (minor units, per currency). */
export const workInProgressSchema = z.array(
  z.object({
    contractId: z.number(),
    reference: z.string(),
    title: z.string(),
    clientName: z.string(),
    seconds: z.number(),
    entries: z.number(),
    expenses: z.array(z.object({ currency: currencyCode, amountMinor: z.number(), count: z.number() })),
  }),
);
export type WorkInProgress = z.infer<typeof workInProgressSchema>;
