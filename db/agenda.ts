import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client';
import { OUTSTANDING } from './outstanding';

/** A draft invoice's supply date (its supply end, else its issue date) and its client's place. */
export interface DraftSupplyRow {
  invoiceId: number;
  supplyDate: string;
  clientName: string;
  country: string;
  customerType: 'business' | 'consumer';
}

/** Every draft invoice (not credit notes) with the date its supply is dated by, oldest first. */
export function draftSupplies(db: DbOrTx): DraftSupplyRow[] {
  return db.all<DraftSupplyRow>(sql`
    select i.id as invoiceId, coalesce(i.supply_end, i.issue_date) as supplyDate, c.name as clientName, c.country, c.customer_type as customerType
    from invoices i join clients c on c.id = i.client_id
    where i.status = 'draft' and i.kind = 'invoice'
    order by supplyDate, i.id`);
}

/** A signed or active contract's earliest unbilled billable work (time or a rebillable expense) and its client's place. */
export interface UnbilledSupplyRow {
  contractId: number;
  supplyDate: string;
  clientName: string;
  country: string;
  customerType: 'business' | 'consumer';
}

/**
 * Per signed or active contract with unbilled work, the date of the earliest piece (ISO), read
 * from the partial indexes that hold only unbilled rows (see db/billing.ts).
 */
export function earliestUnbilledWork(db: DbOrTx): UnbilledSupplyRow[] {
  return db.all<UnbilledSupplyRow>(sql`
    with work as (
      select contract_id, min(work_date) as d from time_entries indexed by time_entries_unbilled_idx
      where invoice_line_id is null and billable = 1 and duration_seconds is not null group by contract_id
      union all
      select contract_id, min(expense_date) from expenses indexed by expenses_unbilled_idx
      where invoice_line_id is null and rebillable = 1 group by contract_id
    )
    select k.id as contractId, min(w.d) as supplyDate, c.name as clientName, c.country, c.customer_type as customerType
    from work w join contracts k on k.id = w.contract_id join clients c on c.id = k.client_id
    where k.status in ('signed', 'active')
    group by k.id
    order by supplyDate, k.id`);
}

/** An open (unpaid or part-paid) invoice: its due date and what is still owed, in its currency's minor units. */
export interface DueInvoiceRow {
  invoiceId: number;
  number: string;
  clientName: string;
  dueDate: string;
  currency: string;
  outstandingMinor: number;
}

/**
 * Open invoices due on or before `by` (ISO), the `limit` earliest due first, and how many there are
 * in all.
 */
export function openInvoicesDueBy(db: DbOrTx, by: string, limit: number): { rows: DueInvoiceRow[]; total: number } {
  const rows = db.all<DueInvoiceRow>(sql`
    select i.id as invoiceId, i.number, c.name as clientName, i.due_date as dueDate, i.currency, ${OUTSTANDING} as outstandingMinor
    from invoice_balances b join invoices i on i.id = b.invoice_id join clients c on c.id = i.client_id
    where b.state in ('unpaid', 'part-paid') and i.due_date <= ${by}
    order by i.due_date, i.id
    limit ${limit}`);
  const total = db.get<{ n: number }>(sql`
    select count(*) as n from invoice_balances b join invoices i on i.id = b.invoice_id
    where b.state in ('unpaid', 'part-paid') and i.due_date <= ${by}`)!.n;
  return { rows, total };
}
