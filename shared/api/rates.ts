import { z } from 'zod';
import { FX_SOURCES } from '../money/fx';
import { RATE_FILE_MAX_CHARS } from '../money/rate-files';
import { currencyCode, currencyField, id } from './fields';
import { fxInput, isoDate } from './invoices';

export const RATES_PAGE_SIZE = 50;

export const rateListQuery = z.object({
  currency: currencyField.nullable().default(null),
  page: z.number().int().min(0).max(1_000_000).default(0),
});

export const rateSchema = z.object({ id: z.number(), currency: currencyCode, rate: z.string(), source: z.enum(FX_SOURCES), date: z.string() });
export type Rate = z.infer<typeof rateSchema>;

export const rateListOutput = z.object({ rows: z.array(rateSchema), total: z.number(), pageSize: z.number() });

/** A rate the user adds (no id) or edits: units of `currency` per 1 unit of the home currency. */
export const rateInput = fxInput.extend({ id: id.nullable().default(null), currency: currencyField });

export const rateSuggestQuery = z.object({ currency: currencyField, date: isoDate });
export const rateSuggestion = z.object({ rate: z.string(), source: z.enum(FX_SOURCES), date: z.string() }).nullable();

export const rateImportInput = z.object({
  fileName: z.string().max(260).default(''),
  text: z.string().min(1, 'The file is empty').max(RATE_FILE_MAX_CHARS, 'The file is too large to be a rate file'),
});
export const rateImportOutput = z.object({ kind: z.enum(['hmrc', 'ecb']), imported: z.number(), skipped: z.array(z.string()) });
