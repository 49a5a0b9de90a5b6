import { sql } from 'drizzle-orm';
import type { CurrencyCode } from '../shared/reference/currencies';
import type { DbOrTx } from './client';

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
    from payments p join invoices i on i.id = p.invoice_id
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
    from invoice_balances b join invoices i on i.id = b.invoice_id join clients c on c.id = i.client_id
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
      join invoices i on i.id = b.invoice_id
      join clients c on c.id = i.client_id
      join (select invoice_id, max(date) as lastPaid from payments group by invoice_id) pp on pp.invoice_id = i.id
    where b.state = 'paid' and i.kind = 'invoice'
    group by i.client_id
    order by c.name`);
}

/** Seconds of finished time logged on each day `from`..`to` (ISO dates), all and billable. */
export function secondsByDay(db: DbOrTx, from: string, to: string): { day: string; seconds: number; billable: number }[] {
  return db.all(sql`
    select work_date as day, sum(duration_seconds) as seconds, sum(case when billable = 1 then duration_seconds else 0 end) as billable
    from time_entries where work_date between ${from} and ${to} and duration_seconds is not null
    group by work_date order by work_date`);
}

/** Seconds of finished time logged for each client's contracts `from`..`to`, all and billable. */
export function secondsByClient(db: DbOrTx, from: string, to: string): { clientId: number; clientName: string; seconds: number; billable: number }[] {
  return db.all(sql`
    select c.client_id as clientId, cl.name as clientName, sum(t.duration_seconds) as seconds, sum(case when t.billable = 1 then t.duration_seconds else 0 end) as billable
    from time_entries t join contracts c on c.id = t.contract_id join clients cl on cl.id = c.client_id
    where t.work_date between ${from} and ${to} and t.duration_seconds is not null
    group by c.client_id`);
}

/** An issued document's home net and the line amounts that split it into fees and rebilled expenses (its own currency's minor units). */
export interface DocumentFeeRow {
  clientId: number;
  currency: CurrencyCode;
  net: number;
  homeNet: number | null;
  /** Expense and disbursement lines' amounts; 0 without such lines. */
  rebilledLines: number;
  /** Every line's amount; read only when there are rebilled lines. */
  allLines: number;
}

/**
 * Issued documents `from`..`to` by issue date, with what splits each into fees and rebilled
 * expenses. The snapshot's lines are read (in SQLite) only for documents that have expense or
 * disbursement lines.
 */
export function documentFees(db: DbOrTx, from: string, to: string): DocumentFeeRow[] {
  return db.all<DocumentFeeRow>(sql`
    select d.clientId, d.currency, d.net, d.homeNet,
      case when d.rebilled then (select coalesce(sum(json_extract(l.value, '$.amount')), 0) from json_each(d.snapshot, '$.calculation.lines') l where json_extract(l.value, '$.kind') in ('expense', 'disbursement')) else 0 end as rebilledLines,
      case when d.rebilled then (select coalesce(sum(json_extract(l.value, '$.amount')), 0) from json_each(d.snapshot, '$.calculation.lines') l) else 0 end as allLines
    from (
      select i.client_id as clientId, i.currency, i.net, coalesce(i.home_net, h.home_net) as homeNet, i.snapshot,
        exists (select 1 from invoice_lines x where x.invoice_id = i.id and x.kind in ('expense', 'disbursement')) as rebilled
      from invoices i left join document_home_values h on h.invoice_id = i.id
      where i.status = 'issued' and i.issue_date between ${from} and ${to}
    ) d`);
}
