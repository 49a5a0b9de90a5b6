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
    select i.id, i.number, c.name as clientName, i.due_date as dueDate, i.currency,
      b.payable - b.paid - b.credited as outstanding, i.gross, coalesce(i.home_gross, h.home_gross) as homeGross
    from invoice_balances b join invoices i on i.id = b.invoice_id join clients c on c.id = i.client_id
      left join document_home_values h on h.invoice_id = i.id
    where b.state in ('unpaid', 'part-paid')
    order by i.due_date, i.id`);
}
