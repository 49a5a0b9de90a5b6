import { openPipeline } from '../leads/pipeline';
import type { DbOrTx } from '../../../db/client';
import { clientNames, documentFees, feesByClient, invoicedByMonth, openByDueDate, openForeign, openHomeByClient, openInvoicesDue, paymentHabits, receivedByMonth, secondsByClient, secondsByDay } from '../../../db/dashboard';
import { getTimeSettings } from '../../../db/settings';
import { getProfile } from '../../../db/profile';
import { TOP_CLIENTS, type Dashboard } from '../../../shared/api/dashboard';
import { addDays, addMonths, daysBetween, lastDayOfMonth } from '../../../shared/dates/calendar';
import { divRound } from '../../../shared/money/rounding';
import { AGE_BUCKETS, ageBucket } from '../../../shared/reports/aged-debt';
import type { CurrencyCode } from '../../../shared/reference/currencies';
import { weekStartOf } from '../../../shared/time/rules';
import { profileMissing } from '../errors';
import { feesAndRebilled } from './fees';
import { compareText } from '../../../shared/text/order';

const FORECAST_DAYS = 90;
/** Invoices listed per aged-debt bucket. */
const AGED_LIST_LIMIT = 100;
const FORECAST_WEEKS = 13;

/**
 * The dashboard for `today` (ISO date): net invoiced and received per month for the last `months`
 * months with the year before alongside, aged debt (each open invoice's outstanding amount at
 * its stored rate, by days past due), each client's payment habit, and a 13-week cash forecast
 * (each open invoice expected at its due date plus its client's average lateness, overdue ones now).
 * The client tables hold the top TOP_CLIENTS (latest payers, highest fees) with their full counts,
 * or every client with `allClients`. Home currency, minor units; never a live rate. Throws
 * NOT_FOUND without a business profile.
 */
export function dashboard(db: DbOrTx, months: 12 | 24, today: string, allClients = false): Dashboard {
  const profile = getProfile(db, { withLogo: false });
  if (!profile) throw profileMissing();
  const home = profile.homeCurrency;
  const first = addMonths(`${today.slice(0, 7)}-01`, -(months - 1));
  const yearBefore = addMonths(first, -12);
  const end = lastDayOfMonth(today);
  const byMonth = (rows: { month: string; amount: number }[]) => new Map(rows.map((r) => [r.month, r.amount]));
  const invoicedRows = invoicedByMonth(db, home, yearBefore.slice(0, 7), end.slice(0, 7));
  const receivedRows = receivedByMonth(db, home, yearBefore, end);
  const invoiced = byMonth(invoicedRows);
  const received = byMonth(receivedRows);
  const revenue = Array.from({ length: months }, (_, i) => {
    const month = addMonths(first, i).slice(0, 7);
    const before = addMonths(`${month}-01`, -12).slice(0, 7);
    return { month, invoiced: invoiced.get(month) ?? 0, received: received.get(month) ?? 0, invoicedYearBefore: invoiced.get(before) ?? 0, receivedYearBefore: received.get(before) ?? 0 };
  });
  const unvalued = [...invoicedRows, ...receivedRows].filter((r) => r.month >= first.slice(0, 7)).reduce((n, r) => n + r.unvalued, 0);

  const habits = paymentHabits(db).map((h) => ({ ...h, avgDaysToPay: Math.round(h.avgDaysToPay), avgDaysLate: Math.round(h.avgDaysLate) }));
  const lateness = new Map(habits.map((h) => [h.clientId, Math.max(0, h.avgDaysLate)]));
  const { buckets, cashForecast, listed } = openDebt(db, home as CurrencyCode, today, lateness);
  const rates = effectiveRates(db, home, first, end);
  // The latest payers first: who to chase.
  const latestFirst = habits.sort((a, b) => b.avgDaysLate - a.avgDaysLate || a.clientName.localeCompare(b.clientName) || a.clientId - b.clientId);
  const top = <T>(list: T[]) => (allClients ? list : list.slice(0, TOP_CLIENTS));
  return {
    homeCurrency: home,
    pipeline: openPipeline(db, today),
    revenue,
    unvalued,
    cashForecast,
    paymentHabits: top(latestFirst),
    paymentHabitsCount: habits.length,
    utilisation: utilisation(db, today),
    effectiveRates: top(rates),
    effectiveRatesCount: rates.length,
    agedDebt: { buckets, invoices: listed },
  };
}

/** What is owed on an open invoice, valued at its own rate: its share of the stored home gross (half-up), or null without one. */
function homeShare(row: { outstanding: number; gross: number; homeGross: number | null }): number | null {
  return row.homeGross === null || row.gross === 0 ? null : Number(divRound(BigInt(row.outstanding) * BigInt(row.homeGross), BigInt(row.gross), 'half-up'));
}

/**
 * Aged debt and the 13-week cash forecast of the open invoices, from the daily rollup: per due date,
 * home-currency debt and foreign invoices' shares of their home gross. Only invoices a client's
 * lateness can move out of the first week are read per client (and foreign ones one by one, each
 * valued here), so the work follows the number of dates, not of invoices. Should the rollup hold a
 * foreign invoice too large to value in SQL, every foreign invoice is valued here instead.
 */
function openDebt(db: DbOrTx, home: CurrencyCode, today: string, lateness: Map<number, number>) {
  const byDate = openByDueDate(db, home);
  const exact = byDate.every((d) => d.tooLarge === 0);
  const bucketOf = new Map(byDate.map((d) => [d.dueDate, ageBucket(daysBetween(d.dueDate, today))]));
  const buckets = AGE_BUCKETS.map((bucket) => ({ bucket, amount: 0, count: 0 }));
  const bucketIndex = new Map(AGE_BUCKETS.map((b, i) => [b, i]));
  const inBucket = (dueDate: string) => buckets[bucketIndex.get(bucketOf.get(dueDate)!)!]!;
  const cashForecast = Array.from({ length: FORECAST_WEEKS }, (_, i) => ({ weekStart: addDays(today, 7 * i), amount: 0, count: 0 }));
  // Each open invoice is expected at its due date plus its client's average lateness, overdue ones now; the 90 days end in the 13th week.
  const expect = (dueDate: string, clientId: number, amount: number, count: number) => {
    const days = daysBetween(today, dueDate) + (lateness.get(clientId) ?? 0);
    if (days > FORECAST_DAYS) return;
    const slot = cashForecast[Math.min(Math.floor(Math.max(0, days) / 7), FORECAST_WEEKS - 1)]!;
    slot.amount += amount;
    slot.count += count;
  };
  // Due on or before this day, any client's invoice is expected within the first week, whatever its lateness.
  const firstWeekBy = addDays(today, 6 - Math.max(0, ...lateness.values()));
  for (const d of byDate) {
    const bucket = inBucket(d.dueDate);
    const amount = d.homeOutstanding + (exact ? d.foreignOutstanding : 0);
    bucket.amount += amount;
    bucket.count += d.count;
    if (d.dueDate <= firstWeekBy) {
      cashForecast[0]!.amount += amount;
      cashForecast[0]!.count += d.homeCount + (exact ? d.foreignValued : 0);
    }
  }
  for (const c of openHomeByClient(db, home, firstWeekBy)) expect(c.dueDate, c.clientId, c.outstanding, c.count);
  for (const row of openForeign(db, home, exact ? firstWeekBy : '')) {
    const value = homeShare(row);
    if (value === null) continue;
    if (!exact) inBucket(row.dueDate).amount += value;
    expect(row.dueDate, row.clientId, value, 1);
  }
  // Each bucket lists its oldest invoices (its due dates are one run of days); its total and count cover them all.
  const listed = AGE_BUCKETS.flatMap((bucket) => {
    const dates = byDate.filter((d) => bucketOf.get(d.dueDate) === bucket);
    if (dates.length === 0) return [];
    return openInvoicesDue(db, dates[0]!.dueDate, dates.at(-1)!.dueDate, AGED_LIST_LIMIT).map((row) => {
      const daysPastDue = daysBetween(row.dueDate, today);
      return { id: row.id, number: row.number, clientName: row.clientName, dueDate: row.dueDate, daysPastDue, bucket, currency: row.currency, outstanding: row.outstanding, homeOutstanding: row.currency === home ? row.outstanding : homeShare(row) };
    });
  });
  listed.sort((a, b) => compareText(a.dueDate, b.dueDate) || a.id - b.id);
  return { buckets, cashForecast, listed };
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

/** Each client's fees `from`..`to` (whole months: a first and a last day) over every hour logged for them then, null per hour for a client invoiced with no hours; clients with neither are left out. Highest fees first. */
function effectiveRates(db: DbOrTx, home: Dashboard['homeCurrency'], from: string, to: string): Dashboard['effectiveRates'] {
  const perClient = feesByClient(db, home as CurrencyCode, from.slice(0, 7), to.slice(0, 7));
  const fees = new Map(perClient.map((c) => [c.clientId, c.fees]));
  // The rollup can't split a document too large for SQLite's integers; then every document is split here, exactly.
  if (perClient.some((c) => c.tooLarge !== 0)) {
    fees.clear();
    for (const doc of documentFees(db, from, to)) {
      const split = feesAndRebilled(doc, home as CurrencyCode);
      if (split) fees.set(doc.clientId, (fees.get(doc.clientId) ?? 0) + split.fees);
    }
  }
  const time = secondsByClient(db, from.slice(0, 7), to.slice(0, 7));
  const timed = new Set(time.map((c) => c.clientId));
  // A client invoiced with no hours logged is listed too, with no rate: fees alone say nothing per hour.
  const untimedIds = perClient.filter((c) => !timed.has(c.clientId) && (fees.get(c.clientId) ?? 0) !== 0).map((c) => c.clientId);
  const names = clientNames(db, untimedIds);
  const untimed = untimedIds.map((clientId) => ({ clientId, clientName: names.get(clientId)!, seconds: 0, billable: 0 }));
  return [...time, ...untimed]
    .map((c) => {
      const earned = fees.get(c.clientId) ?? 0;
      // Minor units per hour, half-up: fees × 3600 ÷ seconds.
      const perHour = c.seconds === 0 ? null : Number(divRound(BigInt(earned) * 3600n, BigInt(c.seconds), 'half-up'));
      return { clientId: c.clientId, clientName: c.clientName, fees: earned, seconds: c.seconds, billableSeconds: c.billable, perHour };
    })
    .sort((a, b) => b.fees - a.fees || a.clientName.localeCompare(b.clientName));
}
