import type { DbOrTx } from '../../../db/client';
import { invoicedByMonth, openInvoices, receivedByMonth } from '../../../db/dashboard';
import { getProfile } from '../../../db/profile';
import type { Dashboard } from '../../../shared/api/dashboard';
import { addMonths, daysBetween, lastDayOfMonth } from '../../../shared/dates/calendar';
import { divRound } from '../../../shared/money/rounding';
import { AGE_BUCKETS, ageBucket } from '../../../shared/reports/aged-debt';
import { profileMissing } from '../errors';

/**
 * The dashboard for `today` (ISO date): net invoiced and received per month for the last `months`
 * months with the year before alongside, and aged debt (each open invoice's outstanding amount at
 * its stored rate, by days past due). Home currency, minor units; never a live rate. Throws
 * NOT_FOUND without a business profile.
 */
export function dashboard(db: DbOrTx, months: 12 | 24, today: string): Dashboard {
  const profile = getProfile(db, { withLogo: false });
  if (!profile) throw profileMissing();
  const home = profile.homeCurrency;
  const first = addMonths(`${today.slice(0, 7)}-01`, -(months - 1));
  const yearBefore = addMonths(first, -12);
  const end = lastDayOfMonth(today);
  const byMonth = (rows: { month: string; amount: number }[]) => new Map(rows.map((r) => [r.month, r.amount]));
  const invoicedRows = invoicedByMonth(db, home, yearBefore, end);
  const receivedRows = receivedByMonth(db, home, yearBefore, end);
  const invoiced = byMonth(invoicedRows);
  const received = byMonth(receivedRows);
  const revenue = Array.from({ length: months }, (_, i) => {
    const month = addMonths(first, i).slice(0, 7);
    const before = addMonths(`${month}-01`, -12).slice(0, 7);
    return { month, invoiced: invoiced.get(month) ?? 0, received: received.get(month) ?? 0, invoicedYearBefore: invoiced.get(before) ?? 0, receivedYearBefore: received.get(before) ?? 0 };
  });
  const unvalued = [...invoicedRows, ...receivedRows].filter((r) => r.month >= first.slice(0, 7)).reduce((n, r) => n + r.unvalued, 0);

  const invoices = openInvoices(db).map((row) => {
    const daysPastDue = daysBetween(row.dueDate, today);
    // What is owed, valued at the invoice's own rate: its share of the stored home gross.
    const homeOutstanding = row.currency === home ? row.outstanding : row.homeGross === null || row.gross === 0 ? null : Number(divRound(BigInt(row.outstanding) * BigInt(row.homeGross), BigInt(row.gross), 'half-up'));
    return { id: row.id, number: row.number, clientName: row.clientName, dueDate: row.dueDate, daysPastDue, bucket: ageBucket(daysPastDue), currency: row.currency, outstanding: row.outstanding, homeOutstanding };
  });
  const buckets = AGE_BUCKETS.map((bucket) => {
    const inBucket = invoices.filter((i) => i.bucket === bucket);
    return { bucket, amount: inBucket.reduce((sum, i) => sum + (i.homeOutstanding ?? 0), 0), count: inBucket.length };
  });
  return { homeCurrency: home, revenue, unvalued, agedDebt: { buckets, invoices } };
}
