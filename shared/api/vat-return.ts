import { z } from 'zod';
import { BOXES } from '../vat-return/boxes';
import { decimalText, isoDate } from './invoices';

/** How the business files its UK VAT returns (HMRC VAT Notice 700/12). */
export const vatReturnSettingsSchema = z.object({
  frequency: z.enum(['monthly', 'quarterly'], { error: 'Choose monthly or quarterly returns' }).default('quarterly'),
  /** Quarterly stagger: 1 ends quarters in Mar/Jun/Sep/Dec, 2 in Apr/Jul/Oct/Jan, 3 in May/Aug/Nov/Feb. */
  stagger: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'Choose the months your quarters end in' }).default(1),
  /** ISO date of VAT registration: returns start here, and the Flat Rate Scheme's first-year discount runs a year from it. */
  registeredOn: isoDate.nullable().default(null),
  /** The Flat Rate Scheme's sector percentage (Notice 733 §4.4), e.g. "14.5"; used when the profile's scheme is flat-rate. */
  flatRatePercent: decimalText('The flat rate', { maxScale: 2, min: 0, max: 100 }).nullable().default(null),
  /** Boxes 6–9 drop pence: truncated (the default) or rounded to the nearest pound (rules §5.1). */
  wholePounds: z.enum(['truncate', 'nearest']).default('truncate'),
});
export type VatReturnSettings = z.output<typeof vatReturnSettingsSchema>;
export const DEFAULT_VAT_RETURN_SETTINGS: VatReturnSettings = { frequency: 'quarterly', stagger: 1, registeredOn: null, flatRatePercent: null, wholePounds: 'truncate' };

const periodStart = isoDate;

export const vatPeriodQuery = z.object({ periodStart, limitedCostTrader: z.boolean().default(false) });

/** One return period: open (computed live) or finalised (as declared). */
export const vatPeriodSchema = z.object({
  start: z.string(),
  end: z.string(),
  /** ISO date the return and payment are due. */
  dueDate: z.string(),
  state: z.enum(['open', 'finalised']),
  periodKey: z.string().nullable(),
  /** Box 5 in pence and its direction, for the list. */
  box5: z.number().int(),
  direction: z.enum(['payable', 'repayable', 'nil']),
});

const sourceSchema = z.object({
  ref: z.object({ kind: z.enum(['invoice', 'credit-note', 'payment', 'reversal', 'expense']), id: z.number().int(), label: z.string() }),
  date: z.string(),
  amount: z.number().int(),
});

/** A return's figures, with how many records are behind each box; boxes 1–5 in pence, 6–9 in whole pounds. */
export const vatReturnSchema = z.object({
  period: z.object({ start: z.string(), end: z.string() }),
  dueDate: z.string(),
  state: z.enum(['open', 'finalised']),
  periodKey: z.string().nullable(),
  finalisedAt: z.string().nullable(),
  scheme: z.enum(['standard', 'cash-accounting', 'flat-rate']),
  boxes: z.record(z.enum(BOXES), z.number().int()),
  direction: z.enum(['payable', 'repayable', 'nil']),
  /** How many records each box adds up: `vatReturns.sources` lists them. */
  records: z.record(z.enum(BOXES), z.number().int()),
  /** Sales or purchases in another currency with no sterling value, left out of the figures until they have one. */
  problems: z.array(z.string()),
});
export type VatReturnView = z.output<typeof vatReturnSchema>;

/** A page of the records behind one box of a period's return. */
export const vatSourcesQuery = vatPeriodQuery.extend({
  box: z.enum(BOXES, { error: 'Choose a box: box1 to box9' }),
  offset: z.number({ error: 'The offset is a whole number' }).min(0, 'The offset can’t be negative').max(1_000_000, 'The offset can be at most 1,000,000').int('The offset is a whole number').default(0),
  limit: z.number({ error: 'The page size is a whole number' }).int('The page size is a whole number').min(1, 'Ask for at least one record').max(500, 'Ask for at most 500 records at a time').default(100),
});

/** Records behind a box, in pence (a record's share, before boxes 6–9 drop their pence), and how many there are in all. */
export const vatSourcesPage = z.object({ total: z.number().int(), sources: z.array(sourceSchema) });
export type VatSourcesPage = z.output<typeof vatSourcesPage>;

export const vatFinaliseInput = z.object({
  periodStart,
  periodKey: z
    .string({ error: 'Enter the period key' })
    .trim()
    .max(4, 'The period key is the 4-character code HMRC shows for this return, such as 26A4')
    .toUpperCase()
    .regex(/^[A-Z0-9#]{4}$/, 'The period key is the 4-character code HMRC shows for this return, such as 26A4'),
  /** Flat Rate Scheme only: this period's relevant goods were under the limited cost trader threshold (Notice 733 §4.5). */
  limitedCostTrader: z.boolean().default(false),
});

export const vatExportInput = z.object({ periodStart, format: z.enum(['json', 'csv']), limitedCostTrader: z.boolean().default(false) });
export const vatExportOutput = z.object({ fileName: z.string(), mimeType: z.string(), text: z.string() });
