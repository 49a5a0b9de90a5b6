import type { CurrencyCode } from '../reference/currencies';
import type { VatCategory } from '../vat/treatment';
import type { SourceRef } from '../vat-return/boxes';
import type { ReturnPeriod } from '../vat-return/periods';

/** Each VAT category as the user reads it, for screens and exports. */
export const VAT_CATEGORY_LABELS: Record<VatCategory, string> = {
  standard: 'Standard rate',
  zero: 'Zero rate',
  exempt: 'Exempt',
  'reverse-charge': 'Reverse charge',
  'outside-scope': 'Outside the scope of VAT',
  'not-registered': 'No VAT (not registered)',
};

/** The order lines are listed in: VAT charged first, then the sales that carry none. */
const CATEGORY_ORDER: readonly VatCategory[] = ['standard', 'zero', 'exempt', 'reverse-charge', 'outside-scope', 'not-registered'];

/**
 * An issued invoice or credit note as the summary and the EC Sales List read it. Amounts are minor
 * units, credit notes negative, disbursements left out (they are not the supplier's supply, rules
 * §1.6). An issued document has one VAT treatment, so one category and rate.
 */
export interface PeriodDocument {
  ref: SourceRef & { kind: 'invoice' | 'credit-note' };
  /** ISO date: the tax point places the document in a period (rules §2.4). */
  taxPoint: string;
  category: VatCategory;
  /** Percentage as an exact decimal string, "0" when no VAT is charged. */
  rate: string;
  currency: CurrencyCode;
  net: number;
  vat: number;
  /** The figures in the home currency at the document's stored rate; null when a foreign document has none yet. */
  home: { net: number; vat: number } | null;
  /** The supplier's country when the document was issued. */
  supplierCountry: string;
  customer: { name: string; country: string; vatNumber: string | null };
}

/** A document behind a line, with its share in the home currency. */
export interface LineDocument {
  ref: PeriodDocument['ref'];
  date: string;
  net: number;
  vat: number;
}

/** One VAT category and rate in the home currency, and the documents behind it. */
export interface SummaryLine {
  category: VatCategory;
  rate: string;
  net: number;
  vat: number;
  documents: LineDocument[];
}

/** One category and rate in one invoice currency, every document counted (a document with no home value too). */
export interface CurrencyLine {
  currency: CurrencyCode;
  category: VatCategory;
  rate: string;
  net: number;
  vat: number;
  count: number;
}

export interface VatSummary {
  period: ReturnPeriod;
  lines: SummaryLine[];
  total: { net: number; vat: number; count: number };
  byCurrency: CurrencyLine[];
  /** Documents in the period with no home-currency value: named, left out of the home figures, never guessed. */
  unvalued: PeriodDocument['ref'][];
}

/** Documents with a tax point in `period`, inclusive. */
export const inPeriod = (period: ReturnPeriod) => (doc: PeriodDocument) => doc.taxPoint >= period.start && doc.taxPoint <= period.end;

/** Categories in `CATEGORY_ORDER`, then rates highest first ("20" before "5" before "0"). */
function byCategoryThenRate(a: { category: VatCategory; rate: string }, b: { category: VatCategory; rate: string }): number {
  return CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || Number(b.rate) - Number(a.rate);
}

/**
 * The VAT summary for `period` (issue 16 point 4): the issued invoices and credit notes with a tax
 * point in it, grouped by VAT category and rate, with net, VAT and the documents behind each line
 * in the home currency at each document's stored rate; the same per invoice currency; and the
 * documents that have no home value yet, which the home figures leave out.
 */
export function computeVatSummary(period: ReturnPeriod, documents: readonly PeriodDocument[]): VatSummary {
  const lines = new Map<string, SummaryLine>();
  const currencies = new Map<string, CurrencyLine>();
  const unvalued: PeriodDocument['ref'][] = [];
  for (const doc of documents.filter(inPeriod(period))) {
    const inCurrency = `${doc.currency}|${doc.category}|${doc.rate}`;
    const c = currencies.get(inCurrency) ?? { currency: doc.currency, category: doc.category, rate: doc.rate, net: 0, vat: 0, count: 0 };
    c.net += doc.net;
    c.vat += doc.vat;
    c.count += 1;
    currencies.set(inCurrency, c);
    if (!doc.home) {
      unvalued.push(doc.ref);
      continue;
    }
    const key = `${doc.category}|${doc.rate}`;
    const line = lines.get(key) ?? { category: doc.category, rate: doc.rate, net: 0, vat: 0, documents: [] };
    line.net += doc.home.net;
    line.vat += doc.home.vat;
    line.documents.push({ ref: doc.ref, date: doc.taxPoint, net: doc.home.net, vat: doc.home.vat });
    lines.set(key, line);
  }
  const sorted = [...lines.values()].sort(byCategoryThenRate);
  return {
    period,
    lines: sorted,
    total: {
      net: sorted.reduce((s, l) => s + l.net, 0),
      vat: sorted.reduce((s, l) => s + l.vat, 0),
      count: sorted.reduce((s, l) => s + l.documents.length, 0),
    },
    byCurrency: [...currencies.values()].sort((a, b) => a.currency.localeCompare(b.currency) || byCategoryThenRate(a, b)),
    unvalued,
  };
}
