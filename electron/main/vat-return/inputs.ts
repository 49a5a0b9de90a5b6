import type { DbOrTx } from '../../../db/client';
import { rateTimeline } from '../../../db/exchange-rates';
import {
  periodDocuments,
  returnDocuments,
  returnDocumentsById,
  returnExpenses,
  returnPayments,
  returnPurchaseTotals,
  returnSaleTotals,
  type ReturnDocumentRow,
  type ReturnRange,
} from '../../../db/vat-returns';
import { convertToHome } from '../../../shared/money/fx';
import { decimal } from '../../../shared/money/decimal';
import { formatMoney } from '../../../shared/money/money';
import { divRound } from '../../../shared/money/rounding';
import type { CurrencyCode } from '../../../shared/reference/currencies';
import { CAPITAL_GOODS_CATEGORY, placementOf, type Purchase, type PurchaseTotal, type ReceivedPayment, type ReturnScheme, type SaleDocument, type SaleTotal } from '../../../shared/vat-return/boxes';
import type { PeriodDocument } from '../../../shared/vat-summary/summary';

/** A return's inputs gathered from the data file, and what could not be valued in the home currency. */
export interface ReturnTotals {
  /** Documents, and with `gatherReturnTotals` the home currency's documents summed. */
  sales: (SaleDocument | SaleTotal)[];
  payments: ReceivedPayment[];
  purchases: (Purchase | PurchaseTotal)[];
  /** Each record left out, with its date and one sentence saying what it needs. */
  problems: { kind: 'sale' | 'payment' | 'purchase'; date: string; message: string }[];
}

/** A return's inputs record by record, so every box can list what is behind it. */
export interface ReturnRecords extends ReturnTotals {
  sales: SaleDocument[];
  purchases: Purchase[];
}

/** `part` of `whole` carried over to `homeWhole`, half-up: a document's disbursements in the home currency. */
const proportion = (homeWhole: number, part: number, whole: number) => (whole === 0 ? 0 : Number(divRound(BigInt(homeWhole) * BigInt(part), BigInt(whole), 'half-up')));

/**
 * The home-currency figures of an issued document for the return: net without disbursements (rules
 * §5.2) and VAT, from the document's own figures or the home value stored at its rate. Null when a
 * foreign document has no home value yet.
 */
function documentFigures(doc: ReturnDocumentRow, homeCurrency: CurrencyCode): { net: number; vat: number; gross: number } | null {
  if (doc.currency === homeCurrency) return { net: doc.net - doc.disbursements, vat: doc.vat, gross: doc.gross };
  if (doc.homeNet === null || doc.homeVat === null || doc.homeGross === null) return null;
  return { net: doc.homeNet - proportion(doc.homeNet, doc.disbursements, doc.net), vat: doc.homeVat, gross: doc.homeGross };
}

/**
 * Every record dated in `range` that no finalised return counted, in the home currency's minor
 * units: the sales of the `accounting` basis (issued documents by tax point, or payments and their
 * reversals by date with the documents they settle, whenever those were issued), and the business's
 * expenses. A foreign expense is converted at the stored rate for its date, and its VAT (another
 * country's) is never reclaimed on a UK return; an equipment expense counts as capital goods for the
 * Flat Rate Scheme. Records that cannot be valued are listed in `problems`, not guessed.
 */
export function gatherReturnRecords(db: DbOrTx, homeCurrency: CurrencyCode, range: ReturnRange, accounting: Accounting): ReturnRecords {
  return gather(db, homeCurrency, range, accounting, false) as ReturnRecords;
}

/**
 * As `gatherReturnRecords`, with the home currency's documents summed per tax point and category and
 * its expenses (capital goods aside) per day: the same boxes from a read that grows with the days in
 * the range, not the records (sums are exact; only conversions round, and those stay per record).
 */
export function gatherReturnTotals(db: DbOrTx, homeCurrency: CurrencyCode, range: ReturnRange, accounting: Accounting): ReturnTotals {
  return gather(db, homeCurrency, range, accounting, true);
}

/** The basis a return counts sales on: documents by tax point, or payments by date (cash accounting). */
type Accounting = ReturnScheme['accounting'];

type Problems = ReturnTotals['problems'];

function gather(db: DbOrTx, homeCurrency: CurrencyCode, range: ReturnRange, accounting: Accounting, summed: boolean): ReturnTotals {
  const problems: Problems = [];
  // Only the basis's own sales are read: the other list would never be counted.
  const sales = accounting === 'invoice' ? gatherSales(db, homeCurrency, range, summed, problems) : [];
  const payments = accounting === 'cash' ? gatherPayments(db, homeCurrency, range, problems) : [];
  return { sales, payments, purchases: gatherPurchases(db, homeCurrency, range, summed, problems), problems };
}

/** Issued documents by tax point, the home currency's summed when `summed`; those with no home value go to `problems`. */
function gatherSales(db: DbOrTx, homeCurrency: CurrencyCode, range: ReturnRange, summed: boolean, problems: Problems): (SaleDocument | SaleTotal)[] {
  const sales: (SaleDocument | SaleTotal)[] = [];
  if (summed) {
    for (const t of returnSaleTotals(db, range, homeCurrency)) {
      sales.push({ taxPoint: t.taxPoint, net: t.net, vat: t.vat, ...placementOf(t.category), records: { net: t.netRecords, vat: t.vatRecords, gross: t.grossRecords } });
    }
  }
  for (const doc of returnDocuments(db, range, summed ? { foreignTo: homeCurrency } : {})) {
    const value = documentFigures(doc, homeCurrency);
    if (!value) {
      problems.push({ kind: 'sale', date: doc.taxPoint, message: noHomeValue(doc, homeCurrency) });
      continue;
    }
    sales.push({ ref: { kind: doc.kind, id: doc.id, label: doc.number }, taxPoint: doc.taxPoint, net: value.net, vat: value.vat, ...placementOf(doc.category) });
  }
  return sales;
}

const noHomeValue = (doc: ReturnDocumentRow, homeCurrency: CurrencyCode) => `${doc.number} (${doc.currency}) has no ${homeCurrency} value: add the exchange rate for ${doc.taxPoint} on its page.`;

/** Payments and reversals by date, each with the figures of the invoice it settles, whenever that was issued. */
function gatherPayments(db: DbOrTx, homeCurrency: CurrencyCode, range: ReturnRange, problems: Problems): ReceivedPayment[] {
  const rows = returnPayments(db, range);
  const invoices = new Map(returnDocumentsById(db, [...new Set(rows.map((p) => p.invoiceId))]).map((d) => [d.id, d]));
  const payments: ReceivedPayment[] = [];
  for (const row of rows) {
    const invoice = invoices.get(row.invoiceId);
    if (!invoice) continue;
    const figures = documentFigures(invoice, homeCurrency);
    if (!figures) {
      problems.push({ kind: 'payment', date: row.date, message: `The payment of ${row.date} settles ${noHomeValue(invoice, homeCurrency)}` });
      continue;
    }
    const amount = invoice.currency === homeCurrency ? row.amount : row.homeAmount;
    const label = `${row.kind === 'reversal' ? 'Removed payment' : 'Payment'} for ${invoice.number}`;
    if (amount === null) {
      problems.push({ kind: 'payment', date: row.date, message: `The ${formatMoney({ amount: Math.abs(row.amount), currency: invoice.currency })} payment of ${row.date} for ${invoice.number} has no ${homeCurrency} amount: record what arrived.` });
      continue;
    }
    payments.push({ ref: { kind: row.kind, id: row.id, label }, date: row.date, amount, document: { ...placementOf(invoice.category), ...figures } });
  }
  return payments;
}

/** The business's own expenses by date, the home currency's summed per day when `summed`; foreign ones converted at the stored rate for their date. */
function gatherPurchases(db: DbOrTx, homeCurrency: CurrencyCode, range: ReturnRange, summed: boolean, problems: Problems): (Purchase | PurchaseTotal)[] {
  const purchases: (Purchase | PurchaseTotal)[] = summed
    ? returnPurchaseTotals(db, range, homeCurrency).map((t) => ({ date: t.date, net: t.net, reclaimableVat: t.reclaimableVat, records: { net: t.netRecords, vat: t.vatRecords } }))
    : [];
  // One read of each currency's rates for the period, not one lookup per expense.
  const timelines = new Map<CurrencyCode, ReturnType<typeof rateTimeline>>();
  const rateOn = (currency: CurrencyCode, date: string) => {
    if (!timelines.has(currency)) timelines.set(currency, rateTimeline(db, { homeCurrency, currency }, range.from, range.until));
    return timelines.get(currency)!(date);
  };
  for (const expense of returnExpenses(db, range, summed ? { notSummedIn: homeCurrency } : {})) {
    const ref = { kind: 'expense' as const, id: expense.id, label: expense.supplier };
    if (expense.currency === homeCurrency) {
      purchases.push({ ref, date: expense.date, net: expense.amount - expense.vat, reclaimableVat: expense.vatReclaimable ? expense.vat : 0, capitalGoods: expense.category === CAPITAL_GOODS_CATEGORY });
      continue;
    }
    const rate = rateOn(expense.currency, expense.date);
    if (!rate) {
      problems.push({ kind: 'purchase', date: expense.date, message: `The ${formatMoney({ amount: expense.amount, currency: expense.currency })} expense at ${expense.supplier} on ${expense.date} needs a ${expense.currency} rate on or before that date (Settings → Exchange rates).` });
      continue;
    }
    purchases.push({ ref, date: expense.date, net: convertToHome(expense.amount, expense.currency, decimal(rate.rate), homeCurrency), reclaimableVat: 0 });
  }
  return purchases;
}

/**
 * Every issued invoice and credit note with a tax point in `range`, counted by a finalised return or
 * not, for the VAT summary and the EC Sales List: its own figures and, from the same reading as the
 * return's, its home-currency ones (null when a foreign document has none yet, never guessed).
 */
export function gatherPeriodDocuments(db: DbOrTx, homeCurrency: CurrencyCode, range: ReturnRange): PeriodDocument[] {
  return periodDocuments(db, range).map((doc) => {
    const home = documentFigures(doc, homeCurrency);
    return {
      ref: { kind: doc.kind, id: doc.id, label: doc.number },
      taxPoint: doc.taxPoint,
      category: doc.category,
      rate: doc.rate,
      currency: doc.currency,
      net: doc.net - doc.disbursements,
      vat: doc.vat,
      home: home && { net: home.net, vat: home.vat },
      supplierCountry: doc.supplierCountry,
      customer: { name: doc.customerName, country: doc.customerCountry, vatNumber: doc.customerVatNumber },
    };
  });
}
