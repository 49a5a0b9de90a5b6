import { invoiceLineInput, type DraftInput, type Invoice } from '../../../../shared/api/invoices';
import { DEFAULT_PAYMENT_TERMS_DAYS } from '../../../../shared/clients/payment-terms';
import type { LineKind, Unit } from '../../../../shared/invoice/types';
import { defaultUnit } from '../../../../shared/invoice/units';
import { canonicalOrAsTyped, localiseNumber, typedNumberProblem } from '../../../../shared/money/typed-number';
import type { VatCategory } from '../../../../shared/vat/treatment';

export interface LineValues {
  key: string;
  /** The stored line's id, so saving keeps the time entries and expenses it bills; absent on a new line. */
  id?: number;
  description: string;
  kind: LineKind;
  quantity: string;
  unit: Unit;
  unitPrice: string;
}

export interface DraftValues {
  clientId: string | null;
  currency: string;
  issueDate: string;
  /** The user sets their own tax point (with a reason) instead of the derived one. */
  overrideTaxPoint: boolean;
  taxPoint: string;
  taxPointReason: string;
  continuousSupply: boolean;
  pricesIncludeVat: boolean;
  supplyStart: string;
  supplyEnd: string;
  paymentTermsDays: number | string;
  poNumber: string;
  notes: string;
  discountPercent: string;
  withholdingPercent: string;
  overrideVat: boolean;
  vatOverride: { category: VatCategory; rate: string; reason: string };
  lines: LineValues[];
  /** The contract the draft was started from, as text (Select values), or null. */
  contractId: string | null;
}

let nextKey = 0;
export const lineKey = () => `line-${nextKey++}`;

export function emptyLine(unitPrice = ''): LineValues {
  return { key: lineKey(), description: '', kind: 'fee', quantity: '1', unit: defaultUnit('fee'), unitPrice };
}

/**
 * A line's kind and unit after the user changes its kind: the unit follows the kind's default
 * (hours for a fee, items otherwise) unless the user had chosen another, so a flight is "1", never "1 hour".
 */
export function withKind(line: Pick<LineValues, 'kind' | 'unit'>, kind: LineKind): Pick<LineValues, 'kind' | 'unit'> {
  return { kind, unit: line.unit === defaultUnit(line.kind) ? defaultUnit(kind) : line.unit };
}

/** A blank draft dated `today` (ISO), VAT-inclusive when the invoice settings say so. */
export function newDraftValues(today: string, pricesIncludeVat = false): DraftValues {
  return {
    clientId: null,
    currency: '',
    issueDate: today,
    overrideTaxPoint: false,
    taxPoint: '',
    taxPointReason: '',
    continuousSupply: false,
    pricesIncludeVat,
    supplyStart: '',
    supplyEnd: '',
    paymentTermsDays: DEFAULT_PAYMENT_TERMS_DAYS,
    poNumber: '',
    notes: '',
    discountPercent: '',
    withholdingPercent: '',
    overrideVat: false,
    vatOverride: { category: 'standard', rate: '', reason: '' },
    lines: [emptyLine()],
    contractId: null,
  };
}

/** A stored draft as form values, its numbers written as the user types them in `locale` ("2,5" in de-DE). */
export function draftValues(invoice: Invoice, locale: string): DraftValues {
  const typed = (text: string | null) => (text === null ? '' : localiseNumber(text, locale));
  return {
    clientId: String(invoice.clientId),
    currency: invoice.currency,
    issueDate: invoice.issueDate,
    overrideTaxPoint: invoice.taxPoint !== null,
    taxPoint: invoice.taxPoint ?? '',
    taxPointReason: invoice.taxPointReason ?? '',
    continuousSupply: invoice.continuousSupply,
    pricesIncludeVat: invoice.pricesIncludeVat,
    supplyStart: invoice.supplyStart ?? '',
    supplyEnd: invoice.supplyEnd ?? '',
    paymentTermsDays: invoice.paymentTermsDays,
    poNumber: invoice.poNumber ?? '',
    notes: invoice.notes ?? '',
    discountPercent: typed(invoice.discountPercent),
    withholdingPercent: typed(invoice.withholdingPercent),
    overrideVat: invoice.vatOverride !== null,
    vatOverride: invoice.vatOverride ? { ...invoice.vatOverride, rate: typed(invoice.vatOverride.rate) } : { category: 'standard', rate: '', reason: '' },
    lines: invoice.lines.map((l) => ({ key: lineKey(), id: l.id, description: l.description, kind: l.kind, quantity: typed(l.quantity), unit: l.unit, unitPrice: typed(l.unitPrice) })),
    contractId: invoice.contractId === null ? null : String(invoice.contractId),
  };
}

/**
 * The form's numbers, typed in `locale`, as the canonical text the API and the live totals read
 * ("1.234,5" → "1234.5" in de-DE). Text that is no number in the locale stays as typed, so the
 * line schema refuses it instead of it being read another way.
 */
export function canonicalDraft(values: DraftValues, locale: string): DraftValues {
  const canonical = (text: string) => canonicalOrAsTyped(text, locale);
  return {
    ...values,
    discountPercent: canonical(values.discountPercent),
    withholdingPercent: canonical(values.withholdingPercent),
    vatOverride: { ...values.vatOverride, rate: canonical(values.vatOverride.rate) },
    lines: values.lines.map((line) => ({ ...line, quantity: canonical(line.quantity), unitPrice: canonical(line.unitPrice) })),
  };
}

/**
 * The draft's number fields that `locale` reads two ways ("2,5" in en-GB), as field errors with
 * what to type instead: part of the form's validation, so such a draft is never saved as a guess.
 */
export function draftNumberProblems(values: DraftValues, locale: string): Record<string, string> {
  const fields: [string, string][] = [
    ['discountPercent', values.discountPercent],
    ['withholdingPercent', values.withholdingPercent],
    ['vatOverride.rate', values.vatOverride.rate],
    ...values.lines.flatMap((line, i): [string, string][] => [
      [`lines.${i}.quantity`, line.quantity],
      [`lines.${i}.unitPrice`, line.unitPrice],
    ]),
  ];
  return Object.fromEntries(fields.flatMap(([path, text]) => {
    const problem = typedNumberProblem(text, locale);
    return problem ? [[path, problem]] : [];
  }));
}

const orNull = (s: string) => (s.trim() === '' ? null : s);

/** Form values in the API's shape; the same zod schema then validates both sides. */
export function draftInputFrom(values: DraftValues): DraftInput {
  return {
    clientId: values.clientId ? Number(values.clientId) : 0,
    currency: values.currency,
    issueDate: values.issueDate,
    taxPoint: values.overrideTaxPoint ? orNull(values.taxPoint) : null,
    taxPointReason: values.overrideTaxPoint ? orNull(values.taxPointReason) : null,
    continuousSupply: values.continuousSupply,
    pricesIncludeVat: values.pricesIncludeVat,
    supplyStart: orNull(values.supplyStart),
    supplyEnd: orNull(values.supplyEnd),
    paymentTermsDays: values.paymentTermsDays === '' ? Number.NaN : Number(values.paymentTermsDays),
    poNumber: values.poNumber,
    notes: values.notes,
    discountPercent: orNull(values.discountPercent),
    withholdingPercent: orNull(values.withholdingPercent),
    vatOverride: values.overrideVat ? values.vatOverride : null,
    lines: values.lines.map(({ key: _key, id, ...line }) => ({ ...line, id: id ?? null })),
    contractId: values.contractId === null ? null : Number(values.contractId),
  };
}

/**
 * What is wrong with the numbers typed in the lines, as "Line 2: Quantity must be less than
 * 1,000,000": first what only `locale` makes wrong ("Line 1: Use a point for decimals: 2.5"), then
 * what the API's own line schema refuses. The live totals leave an invalid line out, so such a
 * line must be named at once rather than shown as a smaller (or 0.00) total. A blank number is
 * only unfinished, not wrong.
 */
export function lineNumberProblems(lines: readonly Pick<LineValues, 'quantity' | 'unitPrice'>[], locale: string): string[] {
  return lines.flatMap((line, i) =>
    (['quantity', 'unitPrice'] as const).flatMap((field) => {
      if (line[field].trim() === '') return [];
      const problem = typedNumberProblem(line[field], locale);
      if (problem) return [`Line ${i + 1}: ${problem}`];
      const parsed = invoiceLineInput.shape[field].safeParse(canonicalOrAsTyped(line[field], locale));
      return parsed.success ? [] : [`Line ${i + 1}: ${parsed.error.issues[0]!.message}`];
    }),
  );
}
