import { openPipeline } from '../leads/pipeline';
import type { DbOrTx } from '../../../db/client';
import { documentFees, invoicedByMonth, openInvoices, paymentHabits, receivedByMonth, secondsByClient, secondsByDay } from '../../../db/dashboard';
import { getTimeSettings } from '../../../db/settings';
import { getProfile } from '../../../db/profile';
import type { Dashboard } from '../../../shared/api/dashboard';
import { addDays, addMonths, daysBetween, lastDayOfMonth } from '../../../shared/dates/calendar';
import { divRound } from '../../../shared/money/rounding';
import { AGE_BUCKETS, ageBucket } from '../../../shared/reports/aged-debt';
import type { CurrencyCode } from '../../../shared/reference/currencies';
import { weekStartOf } from '../../../shared/time/rules';
import { profileMissing } from '../errors';
import { feesAndRebilled } from './fees';

const FORECAST_DAYS = 90;
/** Invoices listed per aged-debt bucket. */
const AGED_LIST_LIMIT = 100;
const FORECAST_WEEKS = 13;

/**
 * The dashboard for `today` (ISO date): net invoiced and received per month for the last `months`
 * months with the year before alongside, aged debt (each open invoice's outstanding amount at
 * its stored rate, by days past due), each client's payment habit, and a 13-week cash forecast
 * (each open invoice expected at its due date plus its client's average lateness, overdue ones now). Home currency, minor units; never a live rate. Throws
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

  const openRows = openInvoices(db);
  const invoices = openRows.map((row) => {
    const daysPastDue = daysBetween(row.dueDate, today);
    // What is owed, valued at the invoice's own rate: its share of the stored home gross.
    const homeOutstanding = row.currency === home ? row.outstanding : row.homeGross === null || row.gross === 0 ? null : Number(divRound(BigInt(row.outstanding) * BigInt(row.homeGross), BigInt(row.gross), 'half-up'));
    return { id: row.id, number: row.number, clientName: row.clientName, dueDate: row.dueDate, daysPastDue, bucket: ageBucket(daysPastDue), currency: row.currency, outstanding: row.outstanding, homeOutstanding };
  });
  const buckets = AGE_BUCKETS.map((bucket) => {
    const inBucket = invoices.filter((i) => i.bucket === bucket);
    return { bucket, amount: inBucket.reduce((sum, i) => sum + (i.homeOutstanding ?? 0), 0), count: inBucket.length };
  });
  const habits = paymentHabits(db).map((h) => ({ ...h, avgDaysToPay: Math.round(h.avgDaysToPay), avgDaysLate: Math.round(h.avgDaysLate) }));
  const lateness = new Map(habits.map((h) => [h.clientId, Math.max(0, h.avgDaysLate)]));
  const cashForecast = Array.from({ length: FORECAST_WEEKS }, (_, i) => ({ weekStart: addDays(today, 7 * i), amount: 0, count: 0 }));
  for (const [i, row] of openRows.entries()) {
    const homeOutstanding = invoices[i]!.homeOutstanding;
    if (homeOutstanding === null) continue;
    const expected = addDays(row.dueDate, lateness.get(row.clientId) ?? 0);
    const week = Math.floor(Math.max(0, daysBetween(today, expected)) / 7);
    // The 90 days end in the 13th week.
    if (daysBetween(today, expected) > FORECAST_DAYS) continue;
    const slot = cashForecast[Math.min(week, FORECAST_WEEKS - 1)]!;
    slot.amount += homeOutstanding;
    slot.count += 1;
  }
  // Each bucket lists its oldest invoices; its total and count cover them all.
  const listedPerBucket = new Map<string, number>();
  const listed = invoices.filter((invoice) => {
    const n = listedPerBucket.get(invoice.bucket) ?? 0;
    listedPerBucket.set(invoice.bucket, n + 1);
    return n < AGED_LIST_LIMIT;
  });
  return { homeCurrency: home, pipeline: openPipeline(db, today), revenue, unvalued, cashForecast, paymentHabits: habits, utilisation: utilisation(db, today), effectiveRates: effectiveRates(db, home, first, end), agedDebt: { buckets, invoices: listed } };
}

const UTILISATION_WEEKS = 12;

/** Time logged per week over the 12 weeks ending with `today`'s, against the capacity the user set. */
function utilisation(db: DbOrTx, today: string): Dashboard['utilisation'] {
  const thisWeek = weekStartOf(today);
  const weeks = Array.from({ length: UTILISATION_WEEKS }, (_, i) => ({ weekStart: addDays(thisWeek, -7 * (UTILISATION_WEEKS - 1 - i)), seconds: 0, billableSeconds: 0 }));
  const index = new Map(weeks.map((w, i) => [w.weekStart, i]));
  for (const day of secondsByDay(db, weeks[0]!.weekStart, addDays(thisWeek, 6))) {
    const week = weeks[index.get(weekStartOf(day.day))!]!;
    week.seconds += day.seconds;
    week.billableSeconds += day.billable;
  }
  return { capacityHoursPerWeek: getTimeSettings(db).capacityHoursPerWeek, weeks };
}

/** Each client's fees `from`..`to` (whole months: a first and a last day) over every hour logged for them then; clients with neither are left out. Highest fees first. */
function effectiveRates(db: DbOrTx, home: Dashboard['homeCurrency'], from: string, to: string): Dashboard['effectiveRates'] {
  const fees = new Map<number, number>();
  for (const doc of documentFees(db, from, to)) {
    const split = feesAndRebilled(doc, home as CurrencyCode);
    if (split) fees.set(doc.clientId, (fees.get(doc.clientId) ?? 0) + split.fees);
  }
  return secondsByClient(db, from.slice(0, 7), to.slice(0, 7))
    .map((c) => {
      const earned = fees.get(c.clientId) ?? 0;
      // Minor units per hour, half-up: fees × 3600 ÷ seconds.
      const perHour = c.seconds === 0 ? null : Number(divRound(BigInt(earned) * 3600n, BigInt(c.seconds), 'half-up'));
      return { clientId: c.clientId, clientName: c.clientName, fees: earned, seconds: c.seconds, billableSeconds: c.billable, perHour };
    })
    .sort((a, b) => b.fees - a.fees || a.clientName.localeCompare(b.clientName));
}
