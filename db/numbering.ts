import { sql } from 'drizzle-orm';
import { formatInvoiceNumber, seriesYear } from '../shared/invoice/numbering';
import type { Tx } from './client';
import { numberSeries } from './schema';

/**
 * Takes the next number of a series. Must run inside the issuing transaction: if the issue
 * fails, the counter rolls back with it, so no number is skipped and none is used twice.
 */
export function takeNextNumber(
  tx: Tx,
  series: 'invoice' | 'credit-note',
  pattern: string,
  issueDate: string,
  resetYearly: boolean,
): { number: string; sequence: number } {
  const year = seriesYear(issueDate, resetYearly);
  const row = tx
    .insert(numberSeries)
    .values({ series, year, next: 2 })
    .onConflictDoUpdate({ target: [numberSeries.series, numberSeries.year], set: { next: sql`${numberSeries.next} + 1` } })
    .returning({ next: numberSeries.next })
    .get();
  const sequence = row.next - 1;
  return { number: formatInvoiceNumber(pattern, issueDate, sequence), sequence };
}
