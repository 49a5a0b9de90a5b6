import { z } from 'zod';
import { numberingProblems, patternProblem } from '../invoice/numbering';
import { ROUNDING_MODES } from '../money/rounding';

const pattern = (label: string) => z.string().trim().min(1, `${label} is required`).max(60, `${label} must be at most 60 characters`);

export const PAPER_SIZES = ['A4', 'Letter'] as const;

export const invoicingSettingsSchema = z.object({
  invoicePattern: pattern('Invoice number pattern'),
  creditNotePattern: pattern('Credit note number pattern'),
  resetYearly: z.boolean(),
  paperSize: z.enum(PAPER_SIZES),
  vatRounding: z.enum(ROUNDING_MODES as ['half-up', 'down']),
  vatLevel: z.enum(['invoice', 'line']),
  discountDisplay: z.enum(['separate-line', 'per-line']),
  fxMethod: z.enum(['A', 'B']),
  /** New drafts' default: unit prices include VAT (consumer pricing); each invoice can change it. */
  pricesIncludeVat: z.boolean().default(false),
  /** Long-term discounts count months of continuous engagement; a gap between contracts up to this many days keeps it continuous. */
  engagementGapDays: z.number({ error: 'Enter a number of days' }).int('Enter whole days').min(0, "Days can't be negative").max(365, 'At most 365 days').default(30),
});

export type InvoicingSettings = z.output<typeof invoicingSettingsSchema>;

/**
 * Settings as saved: refuses a malformed pattern (patternProblem), then numbering that could give
 * a number twice (numberingProblems), with the message on the field to change. Stored settings
 * are read with the plain schema, so a file saved before these rules still opens with its own
 * numbering; issuing skips numbers in use.
 */
export const invoicingSettingsInput = invoicingSettingsSchema.superRefine((settings, ctx) => {
  const malformed = (['invoicePattern', 'creditNotePattern'] as const).flatMap((field) => {
    const problem = patternProblem(settings[field]);
    return problem ? [{ field, message: problem }] : [];
  });
  for (const { field, message } of malformed.length ? malformed : numberingProblems(settings)) ctx.addIssue({ code: 'custom', path: [field], message });
});

export const DEFAULT_INVOICING_SETTINGS: InvoicingSettings = {
  invoicePattern: 'INV-{YYYY}-{SEQ:4}',
  creditNotePattern: 'CN-{YYYY}-{SEQ:4}',
  resetYearly: true,
  paperSize: 'A4',
  vatRounding: 'half-up',
  vatLevel: 'invoice',
  discountDisplay: 'separate-line',
  fxMethod: 'A',
  pricesIncludeVat: false,
  engagementGapDays: 30,
};
