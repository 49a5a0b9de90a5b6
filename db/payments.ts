import { asc, eq, sql } from 'drizzle-orm';
import type { PAYMENT_METHODS } from '../shared/api/invoices';
import type { DbOrTx } from './client';
import { payments } from './schema';

/** A stored payment: amounts in minor units, `homeAmount` in the home currency's. */
export interface StoredPayment {
  id: number;
  date: string;
  amount: number;
  bankFee: number;
  method: (typeof PAYMENT_METHODS)[number];
  note: string | null;
  homeAmount: number | null;
}

export function listPayments(db: DbOrTx, invoiceId: number): StoredPayment[] {
  return db
    .select({ id: payments.id, date: payments.date, amount: payments.amount, bankFee: payments.bankFee, method: payments.method, note: payments.note, homeAmount: payments.homeAmount })
    .from(payments)
    .where(eq(payments.invoiceId, invoiceId))
    .orderBy(asc(payments.date), asc(payments.id))
    .all() as StoredPayment[];
}

export function paidTotal(db: DbOrTx, invoiceId: number): number {
  return db.select({ total: sql<number>`coalesce(sum(${payments.amount}), 0)` }).from(payments).where(eq(payments.invoiceId, invoiceId)).get()!.total;
}

export function insertPayment(
  db: DbOrTx,
  payment: { invoiceId: number; date: string; amount: number; bankFee: number; method: string; note: string | null; homeAmount: number | null },
  now: string,
): number {
  return db.insert(payments).values({ ...payment, createdAt: now }).returning({ id: payments.id }).get().id;
}

export function deletePayment(db: DbOrTx, id: number): number | null {
  const row = db.delete(payments).where(eq(payments.id, id)).returning({ invoiceId: payments.invoiceId }).get();
  return row?.invoiceId ?? null;
}

/** One payment with its invoice, or undefined. */
export function getPayment(db: DbOrTx, id: number): (StoredPayment & { invoiceId: number }) | undefined {
  return db
    .select({ id: payments.id, invoiceId: payments.invoiceId, date: payments.date, amount: payments.amount, bankFee: payments.bankFee, method: payments.method, note: payments.note, homeAmount: payments.homeAmount })
    .from(payments)
    .where(eq(payments.id, id))
    .get() as (StoredPayment & { invoiceId: number }) | undefined;
}
