import { z } from 'zod';
import { VAT_CATEGORIES, type VatCategory } from '../vat/treatment';
import { currencyCode } from './fields';
import { isoDate, periodInOrder } from './invoices';

/** A period from `from` to `to`, inclusive ISO dates; a period that ends before it starts is refused on `to`. */
export const vatSummaryQuery = z.object({ from: isoDate, to: isoDate }).refine(...periodInOrder);

export const vatSummaryExportInput = z
  .object({ from: isoDate, to: isoDate, report: z.enum(['summary', 'ec-sales-list'], { error: 'Choose the VAT summary or the EC Sales List' }) })
  .refine(...periodInOrder);

const category = z.enum(Object.keys(VAT_CATEGORIES) as [VatCategory, ...VatCategory[]]);
const documentRef = z.object({ kind: z.enum(['invoice', 'credit-note']), id: z.number().int(), label: z.string() });
/** A document behind a line: its tax point and its net and VAT in the home currency's minor units. */
const lineDocument = z.object({ ref: documentRef, date: z.string(), net: z.number().int(), vat: z.number().int() });

/** The VAT summary and EC Sales List data for a period, amounts in the home currency's minor units unless said. */
export const vatSummarySchema = z.object({
  period: z.object({ start: z.string(), end: z.string() }),
  homeCurrency: currencyCode,
  /** Where the business is established, which decides what the EC Sales List data is for. */
  supplier: z.object({ country: z.string(), inEu: z.boolean() }),
  summary: z.object({
    lines: z.array(z.object({ category, rate: z.string(), net: z.number().int(), vat: z.number().int(), documents: z.array(lineDocument) })),
    total: z.object({ net: z.number().int(), vat: z.number().int(), count: z.number().int() }),
    /** The same per invoice currency, in that currency's minor units, every document counted. */
    byCurrency: z.array(z.object({ currency: currencyCode, category, rate: z.string(), net: z.number().int(), vat: z.number().int(), count: z.number().int() })),
    /** Documents with no home-currency value yet: left out of the home figures. */
    unvalued: z.array(documentRef),
  }),
  ecSalesList: z.object({
    /** `value` in whole units of the home currency; `exact` in minor units. */
    lines: z.array(
      z.object({ country: z.string(), vatNumber: z.string().nullable(), customers: z.array(z.string()), value: z.number().int(), exact: z.number().int(), documents: z.array(lineDocument) }),
    ),
    unvalued: z.array(documentRef),
  }),
});
export type VatSummaryView = z.output<typeof vatSummarySchema>;
