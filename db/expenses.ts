import { eq, sql, type SQL } from 'drizzle-orm';
import type { ExpenseFilter } from '../shared/api/expenses';
import type { BillingState, ExpenseCategory, ReceiptType, RebillKind } from '../shared/expenses/rules';
import type { CurrencyCode } from '../shared/reference/currencies';
import type { DbOrTx } from './client';
import { expenses } from './schema';

/** The columns an expense is written with (minor units of `currency`; ISO dates). */
export interface ExpenseFields {
  expenseDate: string;
  category: ExpenseCategory;
  supplier: string;
  description: string;
  amountMinor: number;
  currency: CurrencyCode;
  vatMinor: number;
  vatReclaimable: boolean;
  contractId: number | null;
  rebillable: boolean;
  rebillKind: RebillKind;
  fxRate: string | null;
  fxDate: string | null;
  receiptSha256: string | null;
  receiptFileName: string | null;
  receiptType: ReceiptType | null;
  receiptByteSize: number | null;
}

/** A stored expense with its contract (latest version's title and currency) and where it stands with billing. */
export interface ListedExpense extends ExpenseFields {
  id: number;
  createdAt: string;
  updatedAt: string;
  contractTitle: string | null;
  contractCurrency: CurrencyCode | null;
  contractStatus: string | null;
  clientName: string | null;
  billingState: BillingState;
  invoiceId: number | null;
  invoiceNumber: string | null;
  invoiceStatus: 'draft' | 'issued' | null;
}

export function insertExpense(db: DbOrTx, fields: ExpenseFields, now: string): number {
  return db.insert(expenses).values({ ...fields, createdAt: now, updatedAt: now }).returning({ id: expenses.id }).get().id;
}

/** Rewrites expense `id`; the triggers refuse it when the expense is on an issued invoice. */
export function updateExpense(db: DbOrTx, id: number, fields: ExpenseFields, now: string): void {
  db.update(expenses).set({ ...fields, updatedAt: now }).where(eq(expenses.id, id)).run();
}

/** Deletes expense `id`; the triggers refuse it on an issued invoice, the foreign key on a draft's. */
export function deleteExpense(db: DbOrTx, id: number): void {
  db.delete(expenses).where(eq(expenses.id, id)).run();
}

// The billing state, from the one invoice line source an expense may have (unique per expense).
const billingState = sql`case when i.id is not null and i.status <> 'draft' then 'invoiced' when i.id is not null then 'draft' when e.rebillable then 'unbilled' else 'not-rebillable' end`;

const selectListed = sql`
  select e.id, e.expense_date as expenseDate, e.category, e.supplier, e.description, e.amount_minor as amountMinor, e.currency,
    e.vat_minor as vatMinor, e.vat_reclaimable as vatReclaimable, e.contract_id as contractId, e.rebillable, e.rebill_kind as rebillKind,
    e.fx_rate as fxRate, e.fx_date as fxDate, e.receipt_sha256 as receiptSha256, e.receipt_file_name as receiptFileName,
    e.receipt_type as receiptType, e.receipt_byte_size as receiptByteSize, e.created_at as createdAt, e.updated_at as updatedAt,
    v.title as contractTitle, v.currency as contractCurrency, k.status as contractStatus, c.name as clientName,
    ${billingState} as billingState, i.id as invoiceId, i.number as invoiceNumber, i.status as invoiceStatus
  from expenses e
  left join contracts k on k.id = e.contract_id
  left join contract_versions v on v.id = (select max(cv.id) from contract_versions cv where cv.contract_id = e.contract_id)
  left join clients c on c.id = k.client_id
  left join invoice_line_sources s on s.expense_id = e.id
  left join invoice_lines l on l.id = s.invoice_line_id
  left join invoices i on i.id = l.invoice_id`;

type RawListed = Omit<ListedExpense, 'vatReclaimable' | 'rebillable'> & { vatReclaimable: number; rebillable: number };
const fromRaw = (row: RawListed): ListedExpense => ({ ...row, vatReclaimable: row.vatReclaimable === 1, rebillable: row.rebillable === 1 });

function filterConditions(filter: ExpenseFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.from) where.push(sql`e.expense_date >= ${filter.from}`);
  if (filter.to) where.push(sql`e.expense_date <= ${filter.to}`);
  if (filter.contractId) where.push(sql`e.contract_id = ${filter.contractId}`);
  if (filter.category !== 'all') where.push(sql`e.category = ${filter.category}`);
  if (filter.rebillable !== 'all') where.push(sql`e.rebillable = ${filter.rebillable === 'yes' ? 1 : 0}`);
  if (filter.billing !== 'all') where.push(sql`${billingState} = ${filter.billing}`);
  return where;
}

const whereAll = (conditions: SQL[]) => (conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``);

/** Expense `id` as listed, or undefined. */
export function getExpense(db: DbOrTx, id: number): ListedExpense | undefined {
  const row = db.get<RawListed | undefined>(sql`${selectListed} where e.id = ${id}`);
  return row ? fromRaw(row) : undefined;
}

/**
 * One page of expenses matching `filter`, newest date first (ties: newest id), after the keyset
 * `after` (date and id of the last row shown). Over the date index, or the (contract, date) index
 * for one contract, so a later page costs what the first does.
 */
export function listExpenses(db: DbOrTx, query: ExpenseFilter & { limit: number; after: { key: string; id: number } | null }): ListedExpense[] {
  const where = filterConditions(query);
  if (query.after) where.push(sql`e.expense_date <= ${query.after.key} and (e.expense_date < ${query.after.key} or e.id < ${query.after.id})`);
  return db.all<RawListed>(sql`${selectListed} ${whereAll(where)} order by e.expense_date desc, e.id desc limit ${query.limit}`).map(fromRaw);
}

/** Per currency over every expense `filter` matches: count, amount and VAT (minor units). One aggregate query. */
export function expenseTotals(db: DbOrTx, filter: ExpenseFilter): { currency: CurrencyCode; count: number; amountMinor: number; vatMinor: number }[] {
  const joins = filter.billing === 'all' ? sql`` : sql`left join invoice_line_sources s on s.expense_id = e.id left join invoice_lines l on l.id = s.invoice_line_id left join invoices i on i.id = l.invoice_id`;
  return db.all(sql`
    select e.currency, count(*) as count, sum(e.amount_minor) as amountMinor, sum(e.vat_minor) as vatMinor
    from expenses e ${joins}
    ${whereAll(filterConditions(filter))}
    group by e.currency order by e.currency`);
}
