import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { RebillableExpense } from '../shared/billing/rebill';
import type { CurrencyCode } from '../shared/reference/currencies';
import type { DbOrTx } from './client';
import { clients, contracts, contractVersions, invoiceLineSources, invoices, timeEntries } from './schema';

/**
 * Work a billing run can bill: finished, billable, on no invoice line yet. These reads name their
 * partial index (INDEXED BY), so they read only unbilled rows however long the billed history
 * grows: SQLite's planner, without statistics, would take the wider (contract, date) index and
 * read the whole history. The WHERE terms repeat the index's own, which INDEXED BY requires.
 */
const UNBILLED_TIME = sql.raw('time_entries indexed by time_entries_unbilled_idx');
const UNBILLED_TIME_TERMS = sql.raw('invoice_line_id is null and billable = 1 and duration_seconds is not null');
const UNBILLED_EXPENSES = sql.raw('expenses indexed by expenses_unbilled_idx');
const UNBILLED_EXPENSE_TERMS = sql.raw('invoice_line_id is null and rebillable = 1');
const BILLING_CONTRACTS = sql.raw("(select id from contracts where status in ('signed', 'active'))");

/**
 * Unbilled work in progress per signed or active contract up to `upTo` (ISO date, inclusive):
 * billable seconds and entries, and rebillable expenses by currency (minor units). One grouped
 * read of each covering partial index, in contract order.
 */
export function unbilledWork(
  db: DbOrTx,
  upTo: string,
): { time: { contractId: number; seconds: number; entries: number }[]; expenses: { contractId: number; currency: CurrencyCode; amountMinor: number; count: number }[] } {
  const time = db.all<{ contractId: number; seconds: number; entries: number }>(sql`
    select contract_id as contractId, sum(duration_seconds) as seconds, count(*) as entries from ${UNBILLED_TIME}
    where ${UNBILLED_TIME_TERMS} and contract_id in ${BILLING_CONTRACTS} and work_date <= ${upTo}
    group by contract_id`);
  const spent = db.all<{ contractId: number; currency: CurrencyCode; amountMinor: number; count: number }>(sql`
    select contract_id as contractId, currency, sum(amount_minor) as amountMinor, count(*) as count from ${UNBILLED_EXPENSES}
    where ${UNBILLED_EXPENSE_TERMS} and contract_id in ${BILLING_CONTRACTS} and expense_date <= ${upTo}
    group by contract_id, currency`);
  return { time, expenses: spent };
}

/** A contract's unbilled, finished, billable time entries up to `upTo` (ISO date), oldest first. */
export function unbilledEntries(db: DbOrTx, contractId: number, upTo: string): { id: number; workDate: string; seconds: number; note: string }[] {
  return db.all(sql`
    select id, work_date as workDate, duration_seconds as seconds, note from ${UNBILLED_TIME}
    where ${UNBILLED_TIME_TERMS} and contract_id = ${contractId} and work_date <= ${upTo}
    order by work_date, id`);
}

/** A contract's unbilled rebillable expenses up to `upTo` (ISO date), oldest first. */
export function unbilledExpenses(db: DbOrTx, contractId: number, upTo: string): RebillableExpense[] {
  return db
    .all<Omit<RebillableExpense, 'vatReclaimable'> & { vatReclaimable: number }>(sql`
      select id, expense_date as expenseDate, description, supplier, amount_minor as amountMinor, vat_minor as vatMinor, vat_reclaimable as vatReclaimable,
        currency, fx_rate as fxRate, rebill_kind as rebillKind
      from ${UNBILLED_EXPENSES}
      where ${UNBILLED_EXPENSE_TERMS} and contract_id = ${contractId} and expense_date <= ${upTo}
      order by expense_date, id`)
    .map((row) => ({ ...row, vatReclaimable: row.vatReclaimable === 1 }));
}

/** First days of the billing periods a contract already has an invoice or draft for. */
export function billedPeriodStarts(db: DbOrTx, contractId: number): Set<string> {
  const rows = db
    .select({ start: invoices.billingPeriodStart })
    .from(invoices)
    .where(and(eq(invoices.contractId, contractId), isNotNull(invoices.billingPeriodStart)))
    .all();
  return new Set(rows.map((r) => r.start!));
}

/** Billable seconds a contract's entries hold per calendar month ("2026-11") before `before` (ISO date): a retainer's history. */
export function monthlySeconds(db: DbOrTx, contractId: number, before: string): Map<string, number> {
  const rows = db
    .select({ month: sql<string>`substr(${timeEntries.workDate}, 1, 7)`, seconds: sql<number>`sum(${timeEntries.durationSeconds})` })
    .from(timeEntries)
    .where(and(eq(timeEntries.contractId, contractId), eq(timeEntries.billable, true), isNotNull(timeEntries.durationSeconds), sql`${timeEntries.workDate} < ${before}`))
    .groupBy(sql`substr(${timeEntries.workDate}, 1, 7)`)
    .all();
  return new Map(rows.map((r) => [r.month, r.seconds]));
}

/**
 * Links an invoice line to the time entries and expenses it bills, in the order given. The unique
 * indexes refuse anything already billed (SQLITE_CONSTRAINT_UNIQUE).
 */
export function linkSources(db: DbOrTx, invoiceLineId: number, sources: { timeEntryIds?: readonly number[]; expenseIds?: readonly number[] }): void {
  // One SQL text per kind whatever the count, so it stays prepared (db/statement-cache.ts); a run links thousands.
  const timeEntryIds = sources.timeEntryIds ?? [];
  const expenseIds = sources.expenseIds ?? [];
  if (timeEntryIds.length > 0) db.run(sql`insert into ${invoiceLineSources} (invoice_line_id, time_entry_id) select ${invoiceLineId}, value from json_each(${JSON.stringify(timeEntryIds)})`);
  if (expenseIds.length > 0) db.run(sql`insert into ${invoiceLineSources} (invoice_line_id, expense_id) select ${invoiceLineId}, value from json_each(${JSON.stringify(expenseIds)})`);
}

/** The time entries billed by an invoice's lines, by day, for its timesheet appendix: work date, raw seconds, note. */
export function invoiceTimesheet(db: DbOrTx, invoiceId: number): { workDate: string; seconds: number; note: string }[] {
  return db
    .select({ workDate: timeEntries.workDate, seconds: sql<number>`${timeEntries.durationSeconds}`, note: timeEntries.note })
    .from(invoiceLineSources)
    .innerJoin(timeEntries, eq(timeEntries.id, invoiceLineSources.timeEntryId))
    .where(sql`${invoiceLineSources.invoiceLineId} in (select id from invoice_lines where invoice_id = ${invoiceId})`)
    .orderBy(asc(timeEntries.workDate), asc(timeEntries.startedAt), asc(timeEntries.id))
    .all();
}

/**
 * What an invoice's lines bill: how many time entries (and their raw seconds) and expenses, and
 * the first and last day of that work (ISO). Zero counts and null days when nothing is linked.
 */
export function billedWork(db: DbOrTx, invoiceId: number): { timeEntries: number; seconds: number; expenses: number; from: string | null; to: string | null } {
  return db.get<{ timeEntries: number; seconds: number; expenses: number; from: string | null; to: string | null }>(sql`
    select count(s.time_entry_id) as timeEntries, coalesce(sum(t.duration_seconds), 0) as seconds, count(s.expense_id) as expenses,
      min(coalesce(t.work_date, e.expense_date)) as "from", max(coalesce(t.work_date, e.expense_date)) as "to"
    from invoice_lines l
    join invoice_line_sources s on s.invoice_line_id = l.id
    left join time_entries t on t.id = s.time_entry_id
    left join expenses e on e.id = s.expense_id
    where l.invoice_id = ${invoiceId}`)!;
}

/** Client name and the latest signed title of each contract in `ids`. */
export function contractNames(db: DbOrTx, ids: readonly number[]): Map<number, { clientName: string; title: string }> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ id: contracts.id, clientName: clients.name, title: contractVersions.title })
    .from(contracts)
    .innerJoin(clients, eq(clients.id, contracts.clientId))
    .innerJoin(contractVersions, and(eq(contractVersions.contractId, contracts.id), isNotNull(contractVersions.signedAt)))
    .where(inArray(contracts.id, [...ids]))
    .orderBy(asc(contractVersions.versionNumber))
    .all();
  return new Map(rows.map((r) => [r.id, { clientName: r.clientName, title: r.title }]));
}
