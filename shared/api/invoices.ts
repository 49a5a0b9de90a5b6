import { z } from 'zod';
import type { InvoiceCalculation } from '../invoice/types';
import { INVOICE_STATUSES } from '../invoice/status';
import { LINE_KINDS, QUANTITY_MAX_DECIMALS, UNIT_PRICE_MAX_DECIMALS, UNITS } from '../invoice/types';
import type { InvoiceSnapshot } from '../invoice/snapshot';
import { parseDecimal } from '../money/decimal';
import { FX_SOURCES } from '../money/fx';
import { VAT_CATEGORIES } from '../vat/treatment';
import { currencyCode, currencyField, id, optionalText, paymentTermsField, requiredText } from './fields';
import { afterCursor, DEFAULT_PAGE_SIZE, pageLimit } from './paging';

/** The years a date the user enters may fall in: wide enough for old records, narrow enough that every date computed from one (a due date a year later) is still a four-digit ISO date. */
export const DATE_RANGE = { from: '1970-01-01', to: '2099-12-31' } as const;

export const isoDate = z
  .string({ error: 'Enter a date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Not a real date')
  .refine((s) => s >= DATE_RANGE.from && s <= DATE_RANGE.to, 'Enter a date from 1970 to 2099');

/** Longer than any number the app stores, short enough that parsing it never stalls a keystroke. */
const DECIMAL_TEXT_MAX = 40;

/** A decimal typed by the user, checked and kept as exact text. */
export function decimalText(label: string, options: { maxScale: number; min?: number; max?: number; positive?: boolean }) {
  return z
    .string({ error: `${label} is required` })
    .max(DECIMAL_TEXT_MAX, `${label} must be at most ${DECIMAL_TEXT_MAX} characters`)
    .transform((raw, ctx) => {
      const parsed = parseDecimal(raw, { maxScale: options.maxScale, label });
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: raw.trim() === '' ? `${label} is required` : parsed.message });
        return z.NEVER;
      }
      const { units, scale } = parsed.value;
      const whole = units / 10n ** BigInt(scale);
      if (options.positive && units <= 0n) ctx.addIssue({ code: 'custom', message: `${label} must be more than 0` });
      if (options.max !== undefined && whole >= BigInt(options.max)) ctx.addIssue({ code: 'custom', message: `${label} must be less than ${options.max.toLocaleString('en-GB')}` });
      const text = raw.trim().replace(/,/g, '');
      return text.startsWith('.') ? `0${text}` : text;
    });
}

/** A unit price is less than this many major units. */
export const MAX_UNIT_PRICE = 100_000_000;

export const percentField = (label: string) => decimalText(label, { maxScale: 4, max: 100 });

export const invoiceLineInput = z.object({
  /** The stored line this one is, when editing a draft: kept lines keep their time entries and expenses (invoice_line_sources). */
  id: id.nullable().default(null),
  description: requiredText('Description', 500),
  kind: z.enum(LINE_KINDS, { error: 'Choose a line type' }),
  quantity: decimalText('Quantity', { maxScale: QUANTITY_MAX_DECIMALS, positive: true, max: 1_000_000 }),
  unit: z.enum(UNITS, { error: 'Choose a unit' }),
  unitPrice: decimalText('Unit price', { maxScale: UNIT_PRICE_MAX_DECIMALS, max: MAX_UNIT_PRICE }),
});

export const vatOverrideInput = z.object({
  category: z.enum(Object.keys(VAT_CATEGORIES) as [keyof typeof VAT_CATEGORIES], { error: 'Choose a VAT category' }),
  rate: percentField('VAT rate'),
  reason: requiredText('Reason for the override', 300),
});

const draftFields = {
  clientId: z.number({ error: 'Choose a client' }).int().positive('Choose a client'),
  currency: currencyField,
  issueDate: isoDate,
  /** The user's own tax point; null lets the rules derive it (shared/vat/tax-point.ts). */
  taxPoint: isoDate.nullable().default(null),
  taxPointReason: optionalText('Reason for the tax point', 300),
  /** A continuous supply (retainers, periodic billing) has its own tax-point rule. */
  continuousSupply: z.boolean().default(false),
  /** Unit prices include VAT; omitted, the invoice settings' default applies. */
  pricesIncludeVat: z.boolean().optional(),
  supplyStart: isoDate.nullable().default(null),
  supplyEnd: isoDate.nullable().default(null),
  poNumber: optionalText('PO number', 60),
  notes: optionalText('Notes', 2000, { multiline: true }),
  paymentTermsDays: paymentTermsField,
  discountPercent: percentField('Discount').nullable().default(null),
  withholdingPercent: percentField('Withholding').nullable().default(null),
  vatOverride: vatOverrideInput.nullable().default(null),
  lines: z.array(invoiceLineInput).max(1000, 'An invoice can have at most 1,000 lines').default([]),
  /** The signed contract the draft was started from (its client, terms, PO and rate). */
  contractId: id.nullable().default(null),
};

function checkPeriod<T extends { supplyStart: string | null; supplyEnd: string | null; taxPoint: string | null; taxPointReason: string | null }>(draft: T, ctx: z.RefinementCtx) {
  if (draft.supplyStart && draft.supplyEnd && draft.supplyEnd < draft.supplyStart) {
    ctx.addIssue({ code: 'custom', path: ['supplyEnd'], message: 'The period ends before it starts' });
  }
  // An override of the derived tax point is recorded with its reason (rules §2.4).
  if (draft.taxPoint && !draft.taxPointReason) {
    ctx.addIssue({ code: 'custom', path: ['taxPointReason'], message: 'Say why you set your own tax point' });
  }
}

export const draftInput = z.object(draftFields).superRefine(checkPeriod);
export const draftUpdateInput = z.object({ ...draftFields, id }).superRefine(checkPeriod);
export type DraftInput = z.input<typeof draftInput>;

export const fxInput = z.object({
  rate: decimalText('Exchange rate', { maxScale: 10, positive: true, max: 1_000_000 }),
  source: z.enum(FX_SOURCES, { error: 'Choose where the rate comes from' }),
  date: isoDate,
});

export const issueInput = z.object({ id, fx: fxInput.nullable().default(null) });

export const creditNoteInput = z.object({
  invoiceId: id,
  reason: requiredText('Reason', 300),
  issueDate: isoDate,
  lines: z
    .array(z.object({ lineId: id, quantity: decimalText('Quantity', { maxScale: QUANTITY_MAX_DECIMALS, positive: true, max: 1_000_000 }) }))
    .min(1, 'Choose at least one line to credit')
    .max(1000),
});

/** What a credit note would credit, before it is issued: the lines as chosen so far. */
export const creditNotePreviewInput = creditNoteInput.omit({ reason: true });
/** Its totals in minor units of the invoice's currency (negative, as on the credit note). */
export const creditNotePreviewOutput = z.object({ net: z.number(), vat: z.number(), gross: z.number(), payable: z.number() });

export const PAYMENT_METHODS = ['bank-transfer', 'card', 'cash', 'cheque', 'paypal', 'other'] as const;

export const paymentInput = z.object({
  invoiceId: id,
  date: isoDate,
  amount: z.string({ error: 'Enter the amount received' }).trim().min(1, 'Enter the amount received').max(40),
  bankFee: z.string().trim().max(40).default(''),
  method: z.enum(PAYMENT_METHODS, { error: 'Choose how it was paid' }),
  note: optionalText('Note', 500),
  /** For a foreign-currency invoice: what arrived, in the home currency (asked for, not required). */
  homeAmount: z.string().trim().max(40).default(''),
});

const invoiceFilterFields = {
  status: z.enum(['all', ...INVOICE_STATUSES]).default('all'),
  clientId: id.nullable().default(null),
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
  kind: z.enum(['all', 'invoice', 'credit-note']).default('all'),
};

/** A period's `from` on or before its `to` (ISO dates; either may be open): refused on `to` otherwise. */
export const periodInOrder: [(r: { from: string | null; to: string | null }) => boolean, { path: string[]; message: string }] = [
  (r) => !r.from || !r.to || r.from <= r.to,
  { path: ['to'], message: 'The period ends before it starts' },
];

/** The invoice list's filters, for the totals over everything they match. */
export const invoiceFilter = z.object(invoiceFilterFields).refine(...periodInOrder).default({ status: 'all', clientId: null, from: null, to: null, kind: 'all' });

/**
 * One page of the invoice list, newest issue date first: up to `limit` rows after the row whose
 * `cursor` is `after` (null: from the top). A page shorter than `limit` is the last.
 */
export const invoiceListQuery = z
  .object({
    ...invoiceFilterFields,
    limit: pageLimit,
    // The invoice list sorts on the issue date: a cursor holding anything else is not one of ours.
    after: afterCursor.refine((after) => after === null || isoDate.safeParse(after.key).success, 'Start the list again'),
  })
  .refine(...periodInOrder)
  .default({ status: 'all', clientId: null, from: null, to: null, kind: 'all', limit: DEFAULT_PAGE_SIZE, after: null });

/** Per currency, over the issued documents a filter matches: count, total payable and what is still owed (minor units). */
export const invoiceTotalsSchema = z.array(z.object({ currency: currencyCode, count: z.number(), total: z.number(), outstanding: z.number() }));
export type InvoiceTotals = z.infer<typeof invoiceTotalsSchema>;

const lineSchema = z.object({
  id: z.number(),
  description: z.string(),
  kind: z.enum(LINE_KINDS),
  quantity: z.string(),
  unit: z.enum(UNITS),
  unitPrice: z.string(),
  creditsLineId: z.number().nullable(),
  /** The contract's list rate, discount and reason this line's price came from; null for a price typed by hand. */
  pricing: z.object({ listRate: z.string(), listCurrency: currencyCode, discountPercent: z.string(), discountReason: z.string().nullable() }).nullable(),
});

export const paymentSchema = z.object({
  id: z.number(),
  date: z.string(),
  amount: z.number(),
  bankFee: z.number(),
  method: z.enum(PAYMENT_METHODS),
  note: z.string().nullable(),
  /** What arrived in the home currency (minor units), when recorded for a foreign invoice. */
  homeAmount: z.number().nullable(),
  /** Home value of the part of the invoice this payment settles, and homeAmount − that (a gain, or a loss when negative). */
  settledHomeValue: z.number().nullable(),
  exchangeGain: z.number().nullable(),
});

const refSchema = z.object({ id: z.number(), number: z.string(), issueDate: z.string(), payable: z.number() });

export const invoiceSummarySchema = z.object({
  id: z.number(),
  kind: z.enum(['invoice', 'credit-note']),
  status: z.enum(INVOICE_STATUSES),
  number: z.string().nullable(),
  clientId: z.number(),
  clientName: z.string(),
  currency: currencyCode,
  issueDate: z.string(),
  dueDate: z.string(),
  net: z.number(),
  vat: z.number(),
  gross: z.number(),
  payable: z.number(),
  outstanding: z.number(),
});

/** A row of the invoice list: the summary and its position, to ask for the rows after it. */
export const invoiceListRowSchema = invoiceSummarySchema.extend({ cursor: z.string() });

export const invoiceSchema = invoiceSummarySchema.extend({
  taxPoint: z.string().nullable(),
  supplyStart: z.string().nullable(),
  supplyEnd: z.string().nullable(),
  poNumber: z.string().nullable(),
  notes: z.string().nullable(),
  paymentTermsDays: z.number(),
  discountPercent: z.string().nullable(),
  withholdingPercent: z.string().nullable(),
  vatOverride: z.object({ category: z.enum(Object.keys(VAT_CATEGORIES) as [keyof typeof VAT_CATEGORIES]), rate: z.string(), reason: z.string() }).nullable(),
  fx: z.object({ rate: z.string(), source: z.enum(FX_SOURCES), date: z.string() }).nullable(),
  /**
   * An issued foreign document's value in the home currency (minor units) at its rate; `addedAt`
   * is set when the user supplied it after issue (kept beside the frozen snapshot). Null otherwise.
   */
  homeValue: z
    .object({ currency: currencyCode, net: z.number(), vat: z.number(), gross: z.number(), rate: z.string(), source: z.enum(FX_SOURCES), date: z.string(), addedAt: z.string().nullable() })
    .nullable(),
  /** Realised exchange gain (negative: loss) over the payments with a home amount, in home minor units; null when none. */
  exchangeGain: z.number().nullable(),
  creditFor: refSchema.nullable(),
  creditReason: z.string().nullable(),
  creditNotes: z.array(refSchema),
  lines: z.array(lineSchema),
  /** Per line of an issued invoice, what is still creditable: the quantity and the line amount (minor units) left. Empty otherwise. */
  creditable: z.array(z.object({ lineId: z.number(), quantity: z.string(), amount: z.number() })),
  payments: z.array(paymentSchema),
  paid: z.number(),
  credited: z.number(),
  issuedAt: z.string().nullable(),
  pdfSha256: z.string().nullable(),
  snapshot: z.custom<InvoiceSnapshot>().nullable(),
  calculation: z.custom<InvoiceCalculation>(),
  taxPointReason: z.string().nullable(),
  contractId: z.number().nullable(),
  /** The time entries (raw seconds) and expenses the lines bill, and the days they span; null when none (lines typed by hand). */
  billedWork: z.object({ timeEntries: z.number(), seconds: z.number(), expenses: z.number(), from: z.string(), to: z.string() }).nullable(),
  /** The issued PDF prints the billed time entries as a timesheet appendix (set from the contract by the billing run). */
  timesheetAppendix: z.boolean(),
  continuousSupply: z.boolean(),
  pricesIncludeVat: z.boolean(),
  /** The tax point the rules chose (or the user's), with the rule in plain words; null for documents issued before it was kept. */
  derivedTaxPoint: z.object({ date: z.string(), rule: z.string(), explanation: z.string() }).nullable(),
  /** The last day to issue an intra-EU business invoice (Art 222), for drafts it applies to. */
  invoiceDeadline: z.string().nullable(),
});

export const pdfOutput = z.object({ fileName: z.string(), dataBase64: z.string(), sha256: z.string() });

export const saveOutput = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), path: z.string() }),
  z.object({ status: z.literal('opened') }),
  z.object({ status: z.literal('cancelled') }),
  /** The browser host has no save dialog: the renderer downloads the same bytes instead. */
  z.object({ status: z.literal('download'), fileName: z.string() }),
]);

export const exportInput = z.object({ from: isoDate, to: isoDate }).refine(...periodInOrder);

export const exportJobSchema = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'cancelled']),
  folder: z.string(),
  total: z.number(),
  written: z.number(),
  failures: z.array(z.object({ number: z.string(), reason: z.string() })),
});

export type Invoice = z.infer<typeof invoiceSchema>;
export type InvoiceSummary = z.infer<typeof invoiceSummarySchema>;
export type InvoiceListRow = z.infer<typeof invoiceListRowSchema>;
export type Payment = z.infer<typeof paymentSchema>;
export type ExportJob = z.infer<typeof exportJobSchema>;
