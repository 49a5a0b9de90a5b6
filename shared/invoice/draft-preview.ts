import { invoiceLineInput } from '../api/invoices';
import { isCurrencyCode } from '../reference/currencies';
import type { VatCategory } from '../vat/treatment';
import { evaluate, type DocumentTerms, type Evaluation } from './evaluate';

/** A draft form's fields as typed so far: strings, not yet validated. */
export interface DraftFields {
  currency: string;
  /** ISO date, or '' / partial while being typed. */
  issueDate: string;
  /** The user's own tax point is used only when this is on and its date is complete. */
  overrideTaxPoint: boolean;
  taxPoint: string;
  taxPointReason: string;
  supplyEnd: string;
  continuousSupply: boolean;
  pricesIncludeVat: boolean;
  paymentTermsDays: number | string;
  discountPercent: string;
  withholdingPercent: string;
  overrideVat: boolean;
  vatOverride: { category: VatCategory; rate: string; reason: string };
  /** Each checked with the API's line schema; extra keys (a form's row key) are ignored. */
  lines: readonly unknown[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;

/**
 * The typed terms a live preview can compute from, or null until the currency (ISO 4217) and the
 * issue date are usable. Whatever else is not valid yet is left out: an unfinished tax point,
 * percentage or VAT override is ignored, blank payment terms count as 0 days, and invalid lines
 * are dropped.
 * `positions[i]` is the form position of `terms.lines[i]`.
 */
export function draftTerms(fields: DraftFields): { terms: DocumentTerms; positions: number[] } | null {
  if (!isCurrencyCode(fields.currency) || !ISO_DATE.test(fields.issueDate)) return null;
  const valid = fields.lines.flatMap((line, position) => {
    const parsed = invoiceLineInput.safeParse(line);
    return parsed.success ? [{ position, line: parsed.data }] : [];
  });
  const percent = (s: string) => (PLAIN_DECIMAL.test(s.trim()) ? s.trim() : null);
  return {
    terms: {
      currency: fields.currency,
      issueDate: fields.issueDate,
      taxPoint: fields.overrideTaxPoint && ISO_DATE.test(fields.taxPoint) ? fields.taxPoint : null,
      taxPointReason: fields.taxPointReason.trim() || null,
      supplyEnd: ISO_DATE.test(fields.supplyEnd) ? fields.supplyEnd : null,
      continuousSupply: fields.continuousSupply,
      pricesIncludeVat: fields.pricesIncludeVat,
      paymentTermsDays: Number(fields.paymentTermsDays) || 0,
      discountPercent: percent(fields.discountPercent),
      withholdingPercent: percent(fields.withholdingPercent),
      vatOverride: fields.overrideVat && PLAIN_DECIMAL.test(fields.vatOverride.rate) ? { ...fields.vatOverride } : null,
      lines: valid.map((v) => v.line),
    },
    positions: valid.map((v) => v.position),
  };
}

type EvaluateArgs = Parameters<typeof evaluate>;

/**
 * Live figures for a draft form, by the same `evaluate` that issuing runs. Each calculated line's
 * `index` is its position in the form (null for a generated discount line), so a figure lands on
 * the row it belongs to even when rows above it are still invalid. Null when draftTerms is, or
 * when the figures can't be computed from what is typed so far.
 */
export function previewDraft(supplier: EvaluateArgs[0], customer: EvaluateArgs[1], settings: EvaluateArgs[2], fields: DraftFields): Evaluation | null {
  const draft = draftTerms(fields);
  if (!draft) return null;
  try {
    const evaluation = evaluate(supplier, customer, settings, draft.terms);
    const lines = evaluation.calculation.lines.map((line) => (line.index === null ? line : { ...line, index: draft.positions[line.index]! }));
    return { ...evaluation, calculation: { ...evaluation.calculation, lines } };
  } catch {
    return null;
  }
}
