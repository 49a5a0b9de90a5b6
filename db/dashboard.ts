import { sql } from 'drizzle-orm';
import type { CurrencyCode } from '../shared/reference/currencies';
import type { DbOrTx } from './client';

/**
 * Invoices read by id through the index that carries what the dashboard needs (migration 0023):
 * the planner would otherwise read each row, whose snapshot sits before these columns.
 */
const INVOICE_BY_ID = sql.raw('invoices i indexed by invoices_report_id_idx');

/** One month's total in the home currency's minor units, and how many records had no home value. */
export interface MonthTotal {
  month: string;
  amount: number;
  unvalued: number;
}

/**
 * Net invoiced per month (YYYY-MM) by issue date, `from`..`to` (ISO dates): issued invoices less
 * credit notes, each at the home value stored at its own rate, never a live rate.
 */
export function invoicedByMonth(db: DbOrTx, home: CurrencyCode, from: string, to: string): MonthTotal[] {
  return db.all<MonthTotal>(sql`
    select substr(i.issue_date, 1, 7) as month,
      coalesce(sum(case when i.currency = ${home} then i.net else coalesce(i.home_net, h.home_net) end), 0) as amount,
      sum(i.currency <> ${home} and coalesce(i.home_net, h.home_net) is null) as unvalued
    from invoices i left join document_home_values h on h.invoice_id = i.id
    where i.status = 'issued' and i.issue_date between ${from} and ${to}
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

/** An issued invoice not yet settled: what is still owed in its own currency, and its stored home value. */
export interface OpenInvoiceRow {
  id: number;
  number: string;
  clientId: number;
  clientName: string;
  dueDate: string;
  currency: CurrencyCode;
  outstanding: number;
  gross: number;
  homeGross: number | null;
}

/** Every unpaid or part-paid issued invoice, oldest due first. */
export function openInvoices(db: DbOrTx): OpenInvoiceRow[] {
  return db.all<OpenInvoiceRow>(sql`
    select i.id, i.number, i.client_id as clientId, c.name as clientName, i.due_date as dueDate, i.currency,
      b.payable - b.paid - b.credited as outstanding, i.gross, coalesce(i.home_gross, h.home_gross) as homeGross
    from invoice_balances b join ${INVOICE_BY_ID} on i.id = b.invoice_id join clients c on c.id = i.client_id
      left join document_home_values h on h.invoice_id = i.id
    where b.state in ('unpaid', 'part-paid')
    order by i.due_date, i.id`);
}

/** How a client pays: over their paid invoices, average days from issue and from due date to the last payment. */
export interface PaymentHabitRow {
  clientId: number;
  clientName: string;
  paidCount: number;
  avgDaysToPay: number;
  avgDaysLate: number;
}

/** Each client's payment habit, from every invoice they have paid in full; clients with none are absent. */
export function paymentHabits(db: DbOrTx): PaymentHabitRow[] {
  return db.all<PaymentHabitRow>(sql`
    select i.client_id as clientId, c.name as clientName, count(*) as paidCount,
      avg(julianday(pp.lastPaid) - julianday(i.issue_date)) as avgDaysToPay,
      avg(julianday(pp.lastPaid) - julianday(i.due_date)) as avgDaysLate
    from invoice_balances b
      join ${INVOICE_BY_ID} on i.id = b.invoice_id
      join clients c on c.id = i.client_id
      join (select invoice_id, max(date) as lastPaid from payments group by invoice_id) pp on pp.invoice_id = i.id
    where b.state = 'paid' and i.kind = 'invoice'
    group by i.client_id
    order by c.name`);
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
