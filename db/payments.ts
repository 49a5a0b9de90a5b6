import { asc, eq, sql } from 'drizzle-orm';
import type { Payment } from '../shared/api/invoices';
import type { DbOrTx } from './client';
import { payments } from './schema';

export function listPayments(db: DbOrTx, invoiceId: number): Payment[] {
  return db
    .select({ id: payments.id, date: payments.date, amount: payments.amount, bankFee: payments.bankFee, method: payments.method, note: payments.note })
    .from(payments)
    .where(eq(payments.invoiceId, invoiceId))
    .orderBy(asc(payments.date), asc(payments.id))
    .all() as Payment[];
}

export function paidTotal(db: DbOrTx, invoiceId: number): number {
  return db.select({ total: sql<number>`coalesce(sum(${payments.amount}), 0)` }).from(payments).where(eq(payments.invoiceId, invoiceId)).get()!.total;
}

export function insertPayment(db: DbOrTx, payment: { invoiceId: number; date: string; amount: number; bankFee: number; method: string; note: string | null }, now: string): number {
  return db.insert(payments).values({ ...payment, createdAt: now }).returning({ id: payments.id }).get().id;
}

export function deletePayment(db: DbOrTx, id: number): number | null {
  const row = db.delete(payments).where(eq(payments.id, id)).returning({ invoiceId: payments.invoiceId }).get();
  return row?.invoiceId ?? null;
}
