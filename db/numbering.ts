import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { formatInvoiceNumber, seriesYear } from '../shared/invoice/numbering';
import type { DbOrTx, Tx } from './client';
import { invoices, numberSeries, retiredNumbers } from './schema';

/**
 * Takes the next number of a series. Must run inside the issuing transaction: if the issue
 * fails, the counter rolls back with it, so no number is skipped and none is used twice.
 *
 * The counter is keyed by series and year, not by pattern, so a pattern or reset changed after
 * issuing (say yearly reset turned off, restarting the year-0 counter at 1) can land on a number
 * already issued. Such numbers are passed over, as are retired ones (issued after a backup that
 * was restored): each pass steps over one existing or retired number, so the loop ends, and the
 * result is the next number never given (rules doc §2.3: never reuse).
 */
export function takeNextNumber(
  tx: Tx,
  series: 'invoice' | 'credit-note',
  pattern: string,
  issueDate: string,
  resetYearly: boolean,
): { number: string; sequence: number } {
  const year = seriesYear(issueDate, resetYearly);
  for (;;) {
    const row = tx
      .insert(numberSeries)
      .values({ series, year, next: 2 })
      .onConflictDoUpdate({ target: [numberSeries.series, numberSeries.year], set: { next: sql`${numberSeries.next} + 1` } })
      .returning({ next: numberSeries.next })
      .get();
    const sequence = row.next - 1;
    const number = formatInvoiceNumber(pattern, issueDate, sequence);
    const inUse = tx.get(
      sql`select 1 from ${invoices} where ${invoices.number} = ${number} union all select 1 from ${retiredNumbers} where ${retiredNumbers.number} = ${number} limit 1`,
    );
    if (!inUse) return { number, sequence };
  }
}

/**
 * The number takeNextNumber would give now, without taking it: read only, so the issue dialog can
 * say which number a draft will take. Steps over numbers in use or retired exactly as it does.
 */
export function peekNextNumber(db: DbOrTx, series: 'invoice' | 'credit-note', pattern: string, issueDate: string, resetYearly: boolean): string {
  const year = seriesYear(issueDate, resetYearly);
  const row = db.select({ next: numberSeries.next }).from(numberSeries).where(and(eq(numberSeries.series, series), eq(numberSeries.year, year))).get();
  for (let sequence = row?.next ?? 1; ; sequence++) {
    const number = formatInvoiceNumber(pattern, issueDate, sequence);
    const inUse = db.get(
      sql`select 1 from ${invoices} where ${invoices.number} = ${number} union all select 1 from ${retiredNumbers} where ${retiredNumbers.number} = ${number} limit 1`,
    );
    if (!inUse) return number;
  }
}

/** Every number this file has given: its documents' and its retired ones. */
export function givenNumbers(db: DbOrTx): string[] {
  const documents = db.select({ number: invoices.number }).from(invoices).where(isNotNull(invoices.number)).all();
  const retired = db.select({ number: retiredNumbers.number }).from(retiredNumbers).all();
  return [...documents.map((d) => d.number!), ...retired.map((r) => r.number)];
}

/**
 * Retires `numbers` (those this file has not given) so takeNextNumber never gives them, with
 * `reason` for the record and `now` an ISO timestamp. Returns how many were retired.
 */
export function retireNumbers(tx: Tx, numbers: readonly string[], reason: string, now: string): number {
  const known = new Set(givenNumbers(tx));
  const fresh = [...new Set(numbers)].filter((n) => !known.has(n));
  for (const number of fresh) tx.insert(retiredNumbers).values({ number, reason, retiredAt: now }).run();
  return fresh.length;
}
