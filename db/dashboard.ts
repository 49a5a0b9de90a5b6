import { sql } from 'drizzle-orm';
import type { CurrencyCode } from '../shared/reference/currencies';
import type { DbOrTx } from './client';
import { OUTSTANDING } from './outstanding';

/**
 * Invoices read by id through the index that carries what the dashboard needs (migration 0023):
 * the planner would otherwise read each row, whose snapshot sits before these columns.
 */
const INVOICE_BY_ID = sql.raw('invoices i indexed by invoices_report_id_idx');

/**
 * Open invoices' balances read from the index that carries what the dashboard sums (migration
 * 0027): with the state index's statistics the planner would otherwise search by state and sort.
 */
const OPEN_BY_DUE = sql.raw('invoice_balances b indexed by invoice_balances_open_due_idx');

/** One month's total in the home currency's minor units, and how many records had no home value. */
export interface MonthTotal {
  month: string;
  amount: number;
  unvalued: number;
}

/**
 * Net invoiced per month (YYYY-MM) in the months `fromMonth`..`toMonth` ('YYYY-MM', inclusive), by
 * issue date: issued invoices less credit notes, each at the home value stored at its own rate,
 * never a live rate; from the monthly rollup (migration 0027).
 */
export function invoicedByMonth(db: DbOrTx, home: CurrencyCode, fromMonth: string, toMonth: string): MonthTotal[] {
  return db.all<MonthTotal>(sql`
    select month, coalesce(sum(case when currency = ${home} then net else home_net end), 0) as amount,
      coalesce(sum(case when currency <> ${home} then unvalued end), 0) as unvalued
    from document_month_totals
    where month between ${fromMonth} and ${toMonth}
    group by month order by month`);
}

/** Payments received per month (YYYY-MM), `from`..`to`: what arrived, in the home currency. */
export function receivedByMonth(db: DbOrTx, home: CurrencyCode, from: string, to: string): MonthTotal[] {
  return db.all<MonthTotal>(sql`
    select substr(p.date, 1, 7) as month,
      coalesce(sum(case when i.currency = ${home} then p.amount else p.home_amount end), 0) as amount,
      sum(i.currency <> ${home} and p.home_amount is null) as unvalued
    from payments p join ${INVOICE_BY_ID} on i.id = p.invoice_id
    where p.date between ${from} and ${to}
    group by month order by month`);
}

/**
 * Open (unpaid or part-paid) invoices due on one day: how many; what the home-currency ones still
 * owe; and for foreign ones, how many have a home value and the sum of their shares of it.
 * `tooLarge` counts foreign invoices the rollup could not value exactly.
 */
export interface OpenDueDate {
  dueDate: string;
  count: number;
  homeCount: number;
  homeOutstanding: number;
  foreignValued: number;
  foreignOutstanding: number;
  tooLarge: number;
}

/** Open invoices per due date, oldest first, from the daily rollup (migration 0027). */
export function openByDueDate(db: DbOrTx, home: CurrencyCode): OpenDueDate[] {
  return db.all<OpenDueDate>(sql`
    select due_date as dueDate, sum(count) as count,
      sum(case when currency = ${home} then count else 0 end) as homeCount,
      sum(case when currency = ${home} then outstanding else 0 end) as homeOutstanding,
      sum(case when currency <> ${home} then valued else 0 end) as foreignValued,
      sum(case when currency <> ${home} then home_outstanding else 0 end) as foreignOutstanding,
      sum(case when currency <> ${home} then too_large else 0 end) as tooLarge
    from open_debt_by_due_date
    group by due_date order by due_date`);
}

/** What one client's open home-currency invoices due on one day still owe, and how many there are. */
export interface OpenClientDue {
  dueDate: string;
  clientId: number;
  outstanding: number;
  count: number;
}

/** Open home-currency invoices due after `after` (ISO date), summed per due date and client. */
export function openHomeByClient(db: DbOrTx, home: CurrencyCode, after: string): OpenClientDue[] {
  return db.all<OpenClientDue>(sql`
    select due_date as dueDate, client_id as clientId, sum(${OUTSTANDING}) as outstanding, count(*) as count
    from ${OPEN_BY_DUE} where state in ('unpaid', 'part-paid') and due_date > ${after} and currency = ${home}
    group by due_date, client_id`);
}

/** An open foreign-currency invoice: what is still owed in its own currency, and its stored home value. */
export interface OpenForeignRow {
  dueDate: string;
  clientId: number;
  outstanding: number;
  gross: number;
  homeGross: number | null;
}

/** Open invoices in a currency other than `home` due after `after` (ISO date; '' for all), each needing its own share of its home gross. */
export function openForeign(db: DbOrTx, home: CurrencyCode, after: string): OpenForeignRow[] {
  return db.all<OpenForeignRow>(sql`
    select b.due_date as dueDate, b.client_id as clientId, ${OUTSTANDING} as outstanding,
      i.gross, coalesce(i.home_gross, h.home_gross) as homeGross
    from ${OPEN_BY_DUE} join ${INVOICE_BY_ID} on i.id = b.invoice_id left join document_home_values h on h.invoice_id = i.id
    where b.state in ('unpaid', 'part-paid') and b.due_date > ${after} and b.currency <> ${home}`);
}

/** An open invoice as the aged-debt list shows it. */
export interface OpenInvoiceRow {
  id: number;
  number: string;
  clientName: string;
  dueDate: string;
  currency: CurrencyCode;
  outstanding: number;
  gross: number;
  homeGross: number | null;
}

/** The first `limit` open invoices due `from`..`to` (ISO dates), oldest due first, read in the index's order. */
export function openInvoicesDue(db: DbOrTx, from: string, to: string, limit: number): OpenInvoiceRow[] {
  return db.all<OpenInvoiceRow>(sql`
    select b.invoice_id as id, i.number, c.name as clientName, b.due_date as dueDate, b.currency,
      ${OUTSTANDING} as outstanding, i.gross, coalesce(i.home_gross, h.home_gross) as homeGross
    from ${OPEN_BY_DUE}
      join ${INVOICE_BY_ID} on i.id = b.invoice_id join clients c on c.id = b.client_id
      left join document_home_values h on h.invoice_id = i.id
    where b.state in ('unpaid', 'part-paid') and b.due_date between ${from} and ${to}
    order by b.due_date, b.invoice_id limit ${limit}`);
}

/** How a client pays: over their paid invoices, average days from issue and from due date to the last payment. */
export interface PaymentHabitRow {
  clientId: number;
  clientName: string;
  paidCount: number;
  avgDaysToPay: number;
  avgDaysLate: number;
}

/**
 * Each client's payment habit, from every invoice they have paid in full; clients with none are
 * absent. Read from the per-client sums kept by triggers (migration 0027): whole days, so each
 * average is the same division `avg` would make.
 */
export function paymentHabits(db: DbOrTx): PaymentHabitRow[] {
  return db.all<PaymentHabitRow>(sql`
    select h.client_id as clientId, c.name as clientName, h.paid_count as paidCount,
      h.days_to_pay * 1.0 / h.paid_count as avgDaysToPay, h.days_late * 1.0 / h.paid_count as avgDaysLate
    from client_payment_habits h join clients c on c.id = h.client_id
    where h.paid_count > 0
    order by c.name, h.client_id`);
}

/** Seconds of finished time logged on each day `from`..`to` (ISO dates), all and billable, from the daily rollup (migration 0022). */
export function secondsByDay(db: DbOrTx, from: string, to: string): { day: string; seconds: number; billable: number }[] {
  return db.all(sql`
    select work_date as day, seconds, billable_seconds as billable
    from time_day_totals where work_date between ${from} and ${to} and seconds <> 0
    order by work_date`);
}

/**
 * Seconds of finished time logged for each client's contracts in the months `fromMonth`..`toMonth`
 * ('YYYY-MM', inclusive), all and billable, from the monthly rollup (migration 0022).
 */
export function secondsByClient(db: DbOrTx, fromMonth: string, toMonth: string): { clientId: number; clientName: string; seconds: number; billable: number }[] {
  return db.all(sql`
    select c.client_id as clientId, cl.name as clientName, sum(t.seconds) as seconds, sum(t.billable_seconds) as billable
    from time_month_totals t join contracts c on c.id = t.contract_id join clients cl on cl.id = c.client_id
    where t.month between ${fromMonth} and ${toMonth}
    group by c.client_id
    having sum(t.seconds) <> 0`);
}

/** An issued document's home net and the line amounts that split it into fees and rebilled expenses (its own currency's minor units). */
export interface DocumentFeeRow {
  clientId: number;
  currency: CurrencyCode;
  net: number;
  homeNet: number | null;
  /** Expense and disbursement lines' amounts; 0 without such lines. */
  rebilledLines: number;
  /** Every line's amount. */
  allLines: number;
}

/**
 * Issued documents `from`..`to` by issue date, with the line totals that split each into fees and
 * rebilled expenses, as stored once at issue (`document_line_totals`, migration 0022).
 */
export function documentFees(db: DbOrTx, from: string, to: string): DocumentFeeRow[] {
  return db.all<DocumentFeeRow>(sql`
    select i.client_id as clientId, i.currency, i.net, coalesce(i.home_net, h.home_net) as homeNet,
      coalesce(t.rebilled_lines, 0) as rebilledLines, coalesce(t.all_lines, 0) as allLines
    from invoices i left join document_home_values h on h.invoice_id = i.id left join document_line_totals t on t.invoice_id = i.id
    where i.status = 'issued' and i.issue_date between ${from} and ${to}`);
}

/** A client's fees over some months, and how many of its documents were too large for the rollup to split. */
export interface ClientFees {
  clientId: number;
  fees: number;
  tooLarge: number;
}

/**
 * Each client's fees in the months `fromMonth`..`toMonth` ('YYYY-MM', inclusive) from the monthly
 * rollup (migration 0027): home-currency documents at their net, others at their home value, each
 * less its rebilled lines' share. Where `tooLarge` is not 0 the sum misses documents: split them
 * one by one instead (documentFees).
 */
export function feesByClient(db: DbOrTx, home: CurrencyCode, fromMonth: string, toMonth: string): ClientFees[] {
  return db.all<ClientFees>(sql`
    select client_id as clientId, sum(case when currency = ${home} then fees else home_fees end) as fees,
      sum(case when currency = ${home} then fees_too_large else home_fees_too_large end) as tooLarge
    from client_month_fees where month between ${fromMonth} and ${toMonth}
    group by client_id`);
}

/** The names of the clients `ids`, by id. */
export function clientNames(db: DbOrTx, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = db.all<{ id: number; name: string }>(sql`select id, name from clients where id in (select value from json_each(${JSON.stringify(ids)}))`);
  return new Map(rows.map((r) => [r.id, r.name]));
}
