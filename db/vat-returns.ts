import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { VatCategory } from '../shared/vat/treatment';
import { CAPITAL_GOODS_CATEGORY } from '../shared/vat-return/boxes';
import type { CurrencyCode } from '../shared/reference/currencies';
import type { DbOrTx } from './client';
import { paymentReversals, vatReturnCounts, vatReturns } from './schema';

/** An issued document as the return needs it: amounts in its own currency's minor units, and in the home currency's when it stored them. */
export interface ReturnDocumentRow {
  id: number;
  kind: 'invoice' | 'credit-note';
  number: string;
  taxPoint: string;
  currency: CurrencyCode;
  net: number;
  vat: number;
  gross: number;
  disbursements: number;
  homeNet: number | null;
  homeVat: number | null;
  homeGross: number | null;
  category: VatCategory;
}

/**
 * The records a return reads: dated from `from` to `until` (ISO dates), leaving out every record a
 * finalised return counted (rules §5: counted once, never again).
 */
export interface ReturnRange {
  from: string;
  until: string;
}

// The two snapshot figures are written exactly as in invoices_vat_return_idx (db/schema.ts), so SQLite reads them from the index instead of parsing each snapshot.
const documentColumns = sql`
  i.id, i.kind, i.number, i.tax_point as taxPoint, i.currency, i.net, i.vat, i.gross,
  coalesce(json_extract(i.snapshot, '$.calculation.totals.disbursements'), 0) as disbursements,
  coalesce(i.home_net, h.home_net) as homeNet, coalesce(i.home_vat, h.home_vat) as homeVat, coalesce(i.home_gross, h.home_gross) as homeGross,
  json_extract(i.snapshot, '$.treatment.category') as category`;

/**
 * `key` (an SQL expression such as `'expense:' || e.id`) was not counted by a finalised return. A
 * return counts only records dated up to its period's end, so a range starting after the last
 * finalised period skips the lookup (SQLite works out that subquery once).
 */
const notCounted = (range: ReturnRange, key: SQL) =>
  sql`(${range.from} > (select coalesce(max(period_end), '') from vat_returns) or not exists (select 1 from vat_return_counts c where c.source_key = ${key}))`;

/**
 * Issued invoices and credit notes with a tax point in `range` that no finalised return counted,
 * oldest first; with `foreignTo`, only those in another currency (the rest come summed by `returnSaleTotals`).
 */
export function returnDocuments(db: DbOrTx, range: ReturnRange, options: { foreignTo?: CurrencyCode } = {}): ReturnDocumentRow[] {
  return db.all<ReturnDocumentRow>(sql`
    select ${documentColumns}
    from invoices i left join document_home_values h on h.invoice_id = i.id
    where i.status = 'issued' and i.tax_point between ${range.from} and ${range.until} and ${notCounted(range, sql`i.kind || ':' || i.id`)}
      ${options.foreignTo ? sql`and i.currency <> ${options.foreignTo}` : sql``}
    order by i.tax_point, i.id`);
}

/** Documents in the home currency summed per tax point and VAT category: net without disbursements, VAT, and how many have a non-zero net, VAT and VAT-inclusive amount. */
export interface SaleTotalRow {
  taxPoint: string;
  category: VatCategory;
  net: number;
  vat: number;
  netRecords: number;
  vatRecords: number;
  grossRecords: number;
}

/**
 * The issued documents in `home` currency with a tax point in `range` that no finalised return
 * counted, summed per tax point and category from invoices_vat_return_idx alone (`limit -1` keeps
 * the inner select apart, so SQLite reads the snapshot figures from the index).
 */
export function returnSaleTotals(db: DbOrTx, range: ReturnRange, home: CurrencyCode): SaleTotalRow[] {
  return db.all<SaleTotalRow>(sql`
    select taxPoint, category, sum(net) as net, sum(vat) as vat, sum(net <> 0) as netRecords, sum(vat <> 0) as vatRecords, sum(net + vat <> 0) as grossRecords
    from (
      select i.tax_point as taxPoint, json_extract(i.snapshot, '$.treatment.category') as category,
        i.net - coalesce(json_extract(i.snapshot, '$.calculation.totals.disbursements'), 0) as net, i.vat
      from invoices i
      where i.status = 'issued' and i.tax_point between ${range.from} and ${range.until} and i.currency = ${home} and ${notCounted(range, sql`i.kind || ':' || i.id`)}
      limit -1)
    group by taxPoint, category
    order by taxPoint, category`);
}

/** Issued documents by id, whatever their tax point: the invoices that payments in a return settle. */
export function returnDocumentsById(db: DbOrTx, ids: readonly number[]): ReturnDocumentRow[] {
  if (ids.length === 0) return [];
  return db.all<ReturnDocumentRow>(sql`
    select ${documentColumns}
    from invoices i left join document_home_values h on h.invoice_id = i.id
    where i.status = 'issued' and i.id in (select value from json_each(${JSON.stringify(ids)}))`);
}

/** An issued document with what the VAT summary and the EC Sales List also need from its frozen snapshot. */
export interface PeriodDocumentRow extends ReturnDocumentRow {
  rate: string;
  supplierCountry: string;
  customerName: string;
  customerCountry: string;
  customerVatNumber: string | null;
}

/**
 * Issued invoices and credit notes with a tax point in `range`, oldest first, whether or not a
 * finalised return counted them: a summary of a period shows everything in it.
 */
export function periodDocuments(db: DbOrTx, range: ReturnRange): PeriodDocumentRow[] {
  return db.all<PeriodDocumentRow>(sql`
    select ${documentColumns},
      json_extract(i.snapshot, '$.treatment.rate') as rate, json_extract(i.snapshot, '$.supplier.country') as supplierCountry,
      json_extract(i.snapshot, '$.customer.name') as customerName, json_extract(i.snapshot, '$.customer.country') as customerCountry,
      json_extract(i.snapshot, '$.customer.vatNumber') as customerVatNumber
    from invoices i left join document_home_values h on h.invoice_id = i.id
    where i.status = 'issued' and i.tax_point between ${range.from} and ${range.until}
    order by i.tax_point, i.id`);
}

/** A payment or a payment reversal (negative) with its invoice, on or before `until`. */
export interface ReturnPaymentRow {
  kind: 'payment' | 'reversal';
  id: number;
  date: string;
  amount: number;
  homeAmount: number | null;
  invoiceId: number;
}

/** Payments received, and reversals of removed ones (negative), dated in `range` and not counted by a finalised return. */
export function returnPayments(db: DbOrTx, range: ReturnRange): ReturnPaymentRow[] {
  return db.all<ReturnPaymentRow>(sql`
    select 'payment' as kind, p.id, p.date, p.amount, p.home_amount as homeAmount, p.invoice_id as invoiceId
    from payments p where p.date between ${range.from} and ${range.until} and ${notCounted(range, sql`'payment:' || p.id`)}
    union all
    select 'reversal' as kind, r.id, r.date, -r.amount as amount, -r.home_amount as homeAmount, r.invoice_id as invoiceId
    from payment_reversals r where r.date between ${range.from} and ${range.until} and ${notCounted(range, sql`'reversal:' || r.id`)}
    order by date, kind, id`);
}

/** An expense the business paid (not a disbursement paid for a client), amounts in its own currency's minor units. */
export interface ReturnExpenseRow {
  id: number;
  date: string;
  supplier: string;
  currency: CurrencyCode;
  amount: number;
  vat: number;
  vatReclaimable: boolean;
  category: string;
}

/** The business's own purchases: disbursements rebilled to a client are not (rules §1.6). */
const ownPurchase = sql`not (e.rebillable = 1 and e.rebill_kind = 'disbursement')`;


/**
 * Expenses dated in `range` and not counted by a finalised return, the business's own purchases
 * only; with `notSummedIn`, only those `returnPurchaseTotals` leaves out (another currency, or capital goods, whose Flat Rate test is per purchase).
 */
export function returnExpenses(db: DbOrTx, range: ReturnRange, options: { notSummedIn?: CurrencyCode } = {}): ReturnExpenseRow[] {
  return db
    .all<Omit<ReturnExpenseRow, 'vatReclaimable'> & { vatReclaimable: number }>(sql`
      select id, expense_date as date, supplier, currency, amount_minor as amount, vat_minor as vat, vat_reclaimable as vatReclaimable, category
      from expenses e where e.expense_date between ${range.from} and ${range.until} and ${ownPurchase}
        and ${notCounted(range, sql`'expense:' || e.id`)}
        ${options.notSummedIn ? sql`and (e.currency <> ${options.notSummedIn} or e.category = ${CAPITAL_GOODS_CATEGORY})` : sql``}
      order by expense_date, id`)
    .map((row) => ({ ...row, vatReclaimable: row.vatReclaimable === 1 }));
}

/** The home currency's expenses of one day, summed: net, reclaimable VAT, and how many have a non-zero net and reclaimable VAT. */
export interface PurchaseTotalRow {
  date: string;
  net: number;
  reclaimableVat: number;
  netRecords: number;
  vatRecords: number;
}

/** The business's own expenses in `home` currency dated in `range`, not counted by a finalised return and not capital goods, summed per day. */
export function returnPurchaseTotals(db: DbOrTx, range: ReturnRange, home: CurrencyCode): PurchaseTotalRow[] {
  return db.all<PurchaseTotalRow>(sql`
    select date, sum(net) as net, sum(reclaimableVat) as reclaimableVat, sum(net <> 0) as netRecords, sum(reclaimableVat <> 0) as vatRecords
    from (
      select e.expense_date as date, e.amount_minor - e.vat_minor as net, case when e.vat_reclaimable = 1 then e.vat_minor else 0 end as reclaimableVat
      from expenses e
      where e.expense_date between ${range.from} and ${range.until} and e.currency = ${home} and e.category <> ${CAPITAL_GOODS_CATEGORY} and ${ownPurchase}
        and ${notCounted(range, sql`'expense:' || e.id`)}
      limit -1)
    group by date
    order by date`);
}

export interface StoredVatReturn {
  id: number;
  periodStart: string;
  periodEnd: string;
  periodKey: string;
  scheme: unknown;
  result: unknown;
  finalisedAt: string;
}

/** Finalised returns, oldest first. */
export function finalisedReturns(db: DbOrTx): StoredVatReturn[] {
  return db.select().from(vatReturns).orderBy(asc(vatReturns.periodStart)).all();
}

/**
 * Stores a finalised return and every record it counted, in the caller's transaction. Raises
 * SQLITE_CONSTRAINT_UNIQUE when the period is already finalised or a record was counted before.
 */
export function insertFinalisedReturn(db: DbOrTx, row: Omit<StoredVatReturn, 'id'>, counts: readonly string[]): number {
  const id = db.insert(vatReturns).values(row).returning({ id: vatReturns.id }).get().id;
  for (const sourceKey of counts) db.insert(vatReturnCounts).values({ sourceKey, returnId: id }).run();
  return id;
}

/** Whether a finalised return counted this payment (cash accounting). */
export function paymentCounted(db: DbOrTx, paymentId: number): boolean {
  return db.select({ key: vatReturnCounts.sourceKey }).from(vatReturnCounts).where(eq(vatReturnCounts.sourceKey, `payment:${paymentId}`)).get() !== undefined;
}

/** Records the reversal of a removed payment a finalised return counted; it falls into the next open period. */
export function insertPaymentReversal(db: DbOrTx, reversal: { paymentId: number; invoiceId: number; date: string; amount: number; homeAmount: number | null }, now: string): void {
  db.insert(paymentReversals).values({ ...reversal, createdAt: now }).run();
}
