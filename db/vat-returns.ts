import { asc, eq, sql } from 'drizzle-orm';
import type { VatCategory } from '../shared/vat/treatment';
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

/** Issued invoices and credit notes with a tax point on or before `until` (ISO date), oldest first. */
export function returnDocuments(db: DbOrTx, until: string): ReturnDocumentRow[] {
  return db.all<ReturnDocumentRow>(sql`
    select i.id, i.kind, i.number, i.tax_point as taxPoint, i.currency, i.net, i.vat, i.gross,
      coalesce(json_extract(i.snapshot, '$.calculation.totals.disbursements'), 0) as disbursements,
      coalesce(i.home_net, h.home_net) as homeNet, coalesce(i.home_vat, h.home_vat) as homeVat, coalesce(i.home_gross, h.home_gross) as homeGross,
      json_extract(i.snapshot, '$.treatment.category') as category
    from invoices i left join document_home_values h on h.invoice_id = i.id
    where i.status = 'issued' and i.tax_point <= ${until}
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

/** Payments received, and reversals of removed ones (negative), dated on or before `until`. */
export function returnPayments(db: DbOrTx, until: string): ReturnPaymentRow[] {
  return db.all<ReturnPaymentRow>(sql`
    select 'payment' as kind, id, date, amount, home_amount as homeAmount, invoice_id as invoiceId from payments where date <= ${until}
    union all
    select 'reversal' as kind, id, date, -amount as amount, -home_amount as homeAmount, invoice_id as invoiceId from payment_reversals where date <= ${until}
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

/** Expenses dated on or before `until`, leaving out disbursements rebilled to a client (rules §1.6: not the business's purchase). */
export function returnExpenses(db: DbOrTx, until: string): ReturnExpenseRow[] {
  return db
    .all<Omit<ReturnExpenseRow, 'vatReclaimable'> & { vatReclaimable: number }>(sql`
      select id, expense_date as date, supplier, currency, amount_minor as amount, vat_minor as vat, vat_reclaimable as vatReclaimable, category
      from expenses where expense_date <= ${until} and not (rebillable = 1 and rebill_kind = 'disbursement')
      order by expense_date, id`)
    .map((row) => ({ ...row, vatReclaimable: row.vatReclaimable === 1 }));
}

/** Every record key (`invoice:12`) a finalised return counted. */
export function countedKeys(db: DbOrTx): Set<string> {
  return new Set(db.select({ key: vatReturnCounts.sourceKey }).from(vatReturnCounts).all().map((r) => r.key));
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
