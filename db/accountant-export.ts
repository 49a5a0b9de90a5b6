import { sql } from 'drizzle-orm';
import type { InvoiceSnapshot } from '../shared/invoice/snapshot';
import type { CurrencyCode } from '../shared/reference/currencies';
import type { DbOrTx } from './client';

/** An issued invoice or credit note with its frozen snapshot and what has been paid against it. */
export interface ExportDocumentRow {
  id: number;
  snapshot: InvoiceSnapshot;
  net: number;
  vat: number;
  gross: number;
  homeNet: number | null;
  homeVat: number | null;
  homeGross: number | null;
  paid: number;
}

/** Issued documents dated `from`..`to` (ISO dates, by issue date), oldest first, numbers in order. */
export function exportDocuments(db: DbOrTx, from: string, to: string): ExportDocumentRow[] {
  return db
    .all<Omit<ExportDocumentRow, 'snapshot'> & { snapshot: string }>(sql`
      select i.id, i.snapshot, i.net, i.vat, i.gross,
        coalesce(i.home_net, h.home_net) as homeNet, coalesce(i.home_vat, h.home_vat) as homeVat, coalesce(i.home_gross, h.home_gross) as homeGross,
        coalesce((select sum(p.amount) from payments p where p.invoice_id = i.id), 0) as paid
      from invoices i left join document_home_values h on h.invoice_id = i.id
      where i.status = 'issued' and i.issue_date between ${from} and ${to}
      order by i.issue_date, i.id`)
    .map((row) => ({ ...row, snapshot: JSON.parse(row.snapshot) as InvoiceSnapshot }));
}

export interface ExportPaymentRow {
  number: string;
  date: string;
  amount: number;
  currency: CurrencyCode;
  bankFee: number;
  homeAmount: number | null;
  method: string;
  note: string | null;
}

/** Payments received `from`..`to` (ISO dates), with the number and currency of the document they settle. */
export function exportPayments(db: DbOrTx, from: string, to: string): ExportPaymentRow[] {
  return db.all<ExportPaymentRow>(sql`
    select i.number, p.date, p.amount, i.currency, p.bank_fee as bankFee, p.home_amount as homeAmount, p.method, p.note
    from payments p join invoices i on i.id = p.invoice_id
    where p.date between ${from} and ${to}
    order by p.date, p.id`);
}

export interface ExportExpenseRow {
  date: string;
  supplier: string;
  description: string;
  category: string;
  currency: CurrencyCode;
  amount: number;
  vat: number;
  vatReclaimable: number;
  rebillable: number;
  rebillKind: string;
  clientName: string | null;
  contractTitle: string | null;
  /** The issued or draft document that rebilled it. */
  billedOn: string | null;
}

/** Expenses dated `from`..`to` (ISO dates), with the client and the document that rebilled each. */
export function exportExpenses(db: DbOrTx, from: string, to: string): ExportExpenseRow[] {
  return db.all<ExportExpenseRow>(sql`
    select e.expense_date as date, e.supplier, e.description, e.category, e.currency, e.amount_minor as amount, e.vat_minor as vat,
      e.vat_reclaimable as vatReclaimable, e.rebillable, e.rebill_kind as rebillKind, cl.name as clientName,
      (select v.title from contract_versions v where v.contract_id = e.contract_id order by v.version_number desc limit 1) as contractTitle,
      coalesce(i.number, case when i.id is not null then 'Draft' end) as billedOn
    from expenses e
      left join contracts c on c.id = e.contract_id
      left join clients cl on cl.id = c.client_id
      left join invoice_lines l on l.id = e.invoice_line_id
      left join invoices i on i.id = l.invoice_id
    where e.expense_date between ${from} and ${to}
    order by e.expense_date, e.id`);
}
