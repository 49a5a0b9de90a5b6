import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { BillingState, TimeFilter } from '../shared/api/time';
import type { ContractStatus } from '../shared/contracts/types';
import type { DbOrTx } from './client';
import { timeEntries } from './schema';

/** A time entry with its contract and where it was billed, as the API shows it (contract reference added by the service). */
export interface TimeEntryRow {
  id: number;
  contractId: number;
  contractTitle: string;
  contractStatus: ContractStatus;
  clientName: string;
  workDate: string;
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  note: string;
  billable: boolean;
  billingState: BillingState;
  invoiceId: number | null;
  invoiceNumber: string | null;
}

/** The columns written when an entry is created or changed. Instants ISO (UTC), seconds whole. */
export interface TimeEntryValues {
  contractId: number;
  workDate: string;
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  note: string;
  billable: boolean;
}

// The title of the signed terms shown on the contract (else its latest draft's).
const contractTitle = sql`coalesce(
  (select v.title from contract_versions v where v.contract_id = t.contract_id and v.signed_at is not null order by v.version_number desc limit 1),
  (select v.title from contract_versions v where v.contract_id = t.contract_id order by v.version_number desc limit 1))`;

// An entry is on at most one invoice line (invoice_line_sources_time_entry_unique), so these joins never multiply rows.
const billingJoins = sql`left join invoice_line_sources s on s.time_entry_id = t.id
  left join invoice_lines l on l.id = s.invoice_line_id
  left join invoices i on i.id = l.invoice_id`;
const billingState = sql`case when i.id is null then 'unbilled' when i.status = 'draft' then 'draft' else 'invoiced' end`;

const rowColumns = sql`t.id, t.contract_id as contractId, ${contractTitle} as contractTitle, c.status as contractStatus, cl.name as clientName,
  t.work_date as workDate, t.started_at as startedAt, t.ended_at as endedAt, t.duration_seconds as durationSeconds, t.note, t.billable,
  ${billingState} as billingState, i.id as invoiceId, i.number as invoiceNumber`;

const fromEntries = sql`time_entries t join contracts c on c.id = t.contract_id join clients cl on cl.id = c.client_id ${billingJoins}`;

const toRow = (row: TimeEntryRow): TimeEntryRow => ({ ...row, billable: Boolean(row.billable) });

function filterConditions(filter: TimeFilter): SQL[] {
  const where: SQL[] = [sql`t.duration_seconds is not null`];
  if (filter.from) where.push(sql`t.work_date >= ${filter.from}`);
  if (filter.to) where.push(sql`t.work_date <= ${filter.to}`);
  if (filter.contractId) where.push(sql`t.contract_id = ${filter.contractId}`);
  if (filter.billable !== 'all') where.push(sql`t.billable = ${filter.billable === 'billable' ? 1 : 0}`);
  if (filter.state !== 'all') where.push(sql`${billingState} = ${filter.state}`);
  return where;
}

/**
 * One page of finished entries (the running timer is not listed) that `filter` matches, newest
 * work date first (ties: newest id). Keyset paging on (work_date, id) over time_entries_date_idx,
 * so a later page costs what the first does.
 */
export function listTimeEntries(db: DbOrTx, query: TimeFilter & { limit: number; after: { workDate: string; id: number } | null }): TimeEntryRow[] {
  const where = filterConditions(query);
  if (query.after) where.push(sql`t.work_date <= ${query.after.workDate} and (t.work_date < ${query.after.workDate} or t.id < ${query.after.id})`);
  return db
    .all<TimeEntryRow>(sql`select ${rowColumns} from ${fromEntries} where ${sql.join(where, sql` and `)} order by t.work_date desc, t.id desc limit ${query.limit}`)
    .map(toRow);
}

/** Over the finished entries `filter` matches: their count and seconds, all and billable. One aggregate. */
export function timeTotals(db: DbOrTx, filter: TimeFilter): { count: number; seconds: number; billableSeconds: number } {
  const where = filterConditions(filter);
  const row = db.get<{ count: number; seconds: number | null; billableSeconds: number | null }>(sql`
    select count(*) as count, sum(t.duration_seconds) as seconds, sum(case when t.billable then t.duration_seconds else 0 end) as billableSeconds
    from time_entries t ${filter.state === 'all' ? sql`` : billingJoins} where ${sql.join(where, sql` and `)}`);
  return { count: row?.count ?? 0, seconds: row?.seconds ?? 0, billableSeconds: row?.billableSeconds ?? 0 };
}

/** One entry (running or finished) with its contract and billing state, or undefined. */
export function getTimeEntry(db: DbOrTx, id: number): TimeEntryRow | undefined {
  const row = db.get<TimeEntryRow>(sql`select ${rowColumns} from ${fromEntries} where t.id = ${id}`);
  return row && toRow(row);
}

/** The running timer (the one entry with no duration), or undefined. */
export function runningEntry(db: DbOrTx): TimeEntryRow | undefined {
  const row = db.get<TimeEntryRow>(sql`select ${rowColumns} from ${fromEntries} where t.duration_seconds is null`);
  return row && toRow(row);
}

/** The contract of the entry created last, or null when there is none. */
export function lastTimedContractId(db: DbOrTx): number | null {
  return db.get<{ contractId: number }>(sql`select contract_id as contractId from time_entries order by id desc limit 1`)?.contractId ?? null;
}

/** Finished entries on `from`..`to` (ISO dates, inclusive), for the week grid: contract, day, seconds, billable, timed or not, and billing state. */
export function entriesBetween(db: DbOrTx, from: string, to: string): { id: number; contractId: number; workDate: string; durationSeconds: number; billable: boolean; timed: boolean; billingState: BillingState }[] {
  return db
    .all<{ id: number; contractId: number; workDate: string; durationSeconds: number; billable: number; timed: number; billingState: BillingState }>(sql`
      select t.id, t.contract_id as contractId, t.work_date as workDate, t.duration_seconds as durationSeconds, t.billable, t.started_at is not null as timed, ${billingState} as billingState
      from time_entries t ${billingJoins}
      where t.work_date >= ${from} and t.work_date <= ${to} and t.duration_seconds is not null
      order by t.id`)
    .map((r) => ({ ...r, billable: Boolean(r.billable), timed: Boolean(r.timed) }));
}

/** Inserts an entry (with a null duration it is the running timer; the unique index refuses a second). Returns its id. */
export function insertTimeEntry(db: DbOrTx, values: TimeEntryValues, now: string): number {
  return db.insert(timeEntries).values({ ...values, createdAt: now, updatedAt: now }).returning({ id: timeEntries.id }).get().id;
}

/** Rewrites entry `id`. The database refuses it when an issued invoice holds the entry (trigger). */
export function updateTimeEntry(db: DbOrTx, id: number, values: TimeEntryValues, now: string): void {
  db.update(timeEntries).set({ ...values, updatedAt: now }).where(eq(timeEntries.id, id)).run();
}

/** Ends the running timer at `endedAt` with `durationSeconds`. Returns whether one was running. */
export function finishRunning(db: DbOrTx, endedAt: string, durationSeconds: number, now: string): boolean {
  return db.update(timeEntries).set({ endedAt, durationSeconds, updatedAt: now }).where(isNull(timeEntries.durationSeconds)).run().changes > 0;
}

/** Deletes entry `id` (the trigger refuses one on an issued invoice). */
export function deleteTimeEntry(db: DbOrTx, id: number): void {
  db.delete(timeEntries).where(eq(timeEntries.id, id)).run();
}

/** Deletes the running timer, if any. Returns whether one was running. */
export function deleteRunning(db: DbOrTx): boolean {
  return db.delete(timeEntries).where(and(isNull(timeEntries.durationSeconds))).run().changes > 0;
}
