import { invoiceLineInput } from '../api/invoices';
import { DomainError } from '../errors/domain-error';
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

/** What the rules refuse in a draft as typed: the message, and the form fields it is about. */
export interface DraftRefusal {
  refused: string;
  /** Keyed by form path; a line's key uses its form position. */
  fieldErrors: Record<string, string>;
}

/**
 * Live figures for a draft form, by the same `evaluate` that issuing runs. Each calculated line's
 * `index` is its position in the form (null for a generated discount line), so a figure lands on
 * the row it belongs to even when rows above it are still invalid. A DraftRefusal when the rules
 * refuse what is typed (an amount too large, a date with no VAT rate), so the form can say why
 * instead of showing no total; null when draftTerms is.
 */
export function previewDraft(supplier: EvaluateArgs[0], customer: EvaluateArgs[1], settings: EvaluateArgs[2], fields: DraftFields): Evaluation | DraftRefusal | null {
  const draft = draftTerms(fields);
  if (!draft) return null;
  try {
    const evaluation = evaluate(supplier, customer, settings, draft.terms);
    const lines = evaluation.calculation.lines.map((line) => (line.index === null ? line : { ...line, index: draft.positions[line.index]! }));
    return { ...evaluation, calculation: { ...evaluation.calculation, lines } };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return atFormPositions(error, draft.positions);
  }
}

/** A refusal about valid line i, renumbered to the form row it came from. */
function atFormPositions(error: DomainError, positions: number[]): DraftRefusal {
  let refused = error.message;
  const fieldErrors: Record<string, string> = {};
  for (const [key, message] of Object.entries(error.fieldErrors)) {
    const line = /^lines\.(\d+)\.(.+)$/.exec(key);
    if (!line) {
      fieldErrors[key] = message;
      continue;
    }
    const position = positions[Number(line[1])]!;
    const renumbered = message.replace(`Line ${Number(line[1]) + 1} `, `Line ${position + 1} `);
    if (message === refused) refused = renumbered;
    fieldErrors[`lines.${position}.${line[2]}`] = renumbered;
  }
  return { refused, fieldErrors };
}
