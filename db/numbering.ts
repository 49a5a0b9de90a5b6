import { eq, sql } from 'drizzle-orm';
import { formatInvoiceNumber, seriesYear } from '../shared/invoice/numbering';
import type { Tx } from './client';
import { invoices, numberSeries } from './schema';

/**
 * Takes the next number of a series. Must run inside the issuing transaction: if the issue
 * fails, the counter rolls back with it, so no number is skipped and none is used twice.
 *
 * The counter is keyed by series and year, not by pattern, so a pattern or reset changed after
 * issuing (say yearly reset turned off, restarting the year-0 counter at 1) can land on a number
 * already issued. Such numbers are passed over: each pass steps over one existing document, so
 * the loop ends, and the result is the next number not in use (rules doc §2.3: never reuse).
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
    const inUse = tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.number, number)).get();
    if (!inUse) return { number, sequence };
  }
}
