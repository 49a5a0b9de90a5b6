/**
 * Engagements on top of the decade book (scripts/seed/decade.ts): contracts with time entries and
 * expenses, the past periods billed by the app's own billing run and issued, and the last period
 * of each contract left due, so the billing benchmarks have a realistic book to read and bill.
 */
import type Database from 'better-sqlite3';
import { dueInvoices, runBilling } from '../../electron/main/billing/run';
import { issueInvoice } from '../../electron/main/invoicing/issue';
import { duePeriod } from '../../shared/billing/due';
import { addDays, daysBetween } from '../../shared/dates/calendar';
import type { CallInput } from '../../shared/api/contract';
import { openApi } from '../../test/api-client';
import { random } from './decade';

export interface EngagementOptions {
  /** Multiplies every count; 1 is 100 contracts, 120,000 time entries and 3,000 expenses. */
  scale: number;
  /** Progress lines (e.g. console.log); silent when omitted. */
  log?: (line: string) => void;
}

export interface EngagementSummary {
  contracts: number;
  timeEntries: number;
  expenses: number;
  /** Invoices the billing run drafted and that were then issued. */
  billedInvoices: number;
  /** Contracts with a period due on ENGAGEMENTS_TODAY. */
  dueContracts: number;
  seconds: number;
}

/** Counts at scale 1 (issue 12: 120,000 time entries). */
export const ENGAGEMENTS_AT_1X = { contracts: 100, timeEntries: 120_000, expenses: 3_000 } as const;

/**
 * The bench's "today" for this book (a Friday): open the router with this clock. Every contract
 * then has exactly one billing period due and unbilled, and the work since it ended is unbilled
 * too. All earlier periods are billed and issued.
 */
export const ENGAGEMENTS_TODAY = new Date('2026-12-04T10:00:00Z');

/** The first contract starts on this Friday; the others follow every week (two fortnightly phases). */
const FIRST_START = '2025-07-04';
/** Steps of the seeding clock between billing runs: under a fortnight, so no period is skipped. */
const STEP_DAYS = 7;
/** Rows per insert statement: SQLite's limit of 32,766 bound values over the widest row. */
const ROWS_PER_INSERT = 500;

const NOTES = ['Query plan audit', 'Index review', 'Vacuum tuning', 'Replication lag check', 'Connection pooling', 'Schema migration', 'Standup', 'Incident review', 'Capacity planning', 'Code review', ''];
const SPENDING = [
  { category: 'travel', supplier: 'Trainline', description: 'Train to client site' },
  { category: 'accommodation', supplier: 'Premier Inn', description: 'Hotel, 1 night' },
  { category: 'meals', supplier: 'Pret A Manger', description: 'Working lunch' },
  { category: 'software', supplier: 'pganalyze', description: 'Monitoring licence, 1 month' },
  { category: 'travel', supplier: 'Uber', description: 'Taxi from station' },
  { category: 'training', supplier: 'PGConf', description: 'Workshop ticket' },
] as const;
/** Units of USD per 1 GBP, as in the decade book. */
const USD_PER_GBP = '1.2710';

/**
 * Adds ENGAGEMENTS_AT_1X × `scale` contracts, time entries and expenses to the decade book in
 * `dataDir` (seedDecade must have run; it must hold no contracts yet), deterministically.
 * Rate card, discount rule and contracts go through the router (signing renders each contract's
 * PDF); time entries and expenses are batched SQL inserts with the columns the app writes (raw
 * seconds, UTC instants, money in minor units). Then the billing run (electron/main/billing/run.ts)
 * runs every STEP_DAYS with a moving clock, each draft issued as the app issues it, up to but
 * not including each contract's period due on ENGAGEMENTS_TODAY.
 * Throws if the folder holds no book or already holds contracts, or if a call is refused.
 */
export async function seedEngagements(dataDir: string, options: EngagementOptions): Promise<EngagementSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const scale = options.scale;
  let clock = new Date(`${addDays(FIRST_START, -14)}T09:00:00Z`);
  const api = openApi(dataDir, () => clock);
  const { sqlite, db } = api.holder.store();
  try {
    if (!(await api.call('profile.get'))) throw new Error(`${dataDir} holds no book: seed the decade first`);
    if ((await api.call('contracts.list')).length > 0) throw new Error(`${dataDir} already holds contracts`);
    sqlite.pragma('synchronous = off');
    const rand = random(20_261_204 + scale);
    const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;

    const pound = await api.call('rateCards.create', { name: 'Consulting (GBP)', unit: 'hour', currency: 'GBP', amount: '95', effectiveFrom: '2025-01-01', isDefault: true });
    const dollar = await api.call('rateCards.create', { name: 'Consulting (USD)', unit: 'hour', currency: 'USD', amount: '300', effectiveFrom: '2025-01-01' });
    const retained = await api.call('discounts.save', { name: 'Retained client', tiers: [{ fromMonths: 0, percent: '10' }] });

    const clients = sqlite.prepare("select id, currency from clients where currency in ('GBP', 'USD') order by id").all() as { id: number; currency: 'GBP' | 'USD' }[];
    const contractCount = ENGAGEMENTS_AT_1X.contracts * scale;
    const today = ENGAGEMENTS_TODAY.toISOString().slice(0, 10);
    const contracts: { id: number; currency: 'GBP' | 'USD'; start: string; lastDueStart: string }[] = [];
    sqlite.exec('begin');
    for (let i = 0; i < contractCount; i++) {
      const client = clients[Math.floor((i * clients.length) / contractCount)]!;
      // Starts spread over July 2025 to March 2026, on Fridays, so both fortnightly phases occur.
      const start = addDays(FIRST_START, 7 * Math.floor((i * 38) / contractCount));
      clock = new Date(`${addDays(start, -7)}T09:00:00Z`);
      const cycle = { kind: 'fortnightly', anchor: start } as const;
      const contract = await api.call('contracts.create', {
        clientId: client.id,
        title: `${pick(NOTES.slice(0, 6))} engagement`,
        scope: 'Postgres performance work as agreed by email.',
        startDate: start,
        notice: { amount: 1, unit: 'month' },
        rateCardId: client.currency === 'GBP' ? pound.id : dollar.id,
        discount: i % 3 === 0 ? { kind: 'rule', ruleId: retained.id } : { kind: 'none' },
        currency: client.currency,
        billingCycle: cycle,
        paymentTermsDays: i % 2 === 0 ? 14 : 30,
        rounding: i % 4 === 0 ? { mode: 'up', incrementMinutes: 15, scope: 'entry' } : { mode: 'none', incrementMinutes: 1, scope: 'entry' },
        expensePolicy: i % 7 === 0 ? { kind: 'markup', markupPercent: '10' } : { kind: 'at-cost' },
      } satisfies CallInput<'contracts.create'>);
      await api.call('contracts.sign', { id: contract.id });
      if (i % 5 === 0) await api.call('contracts.setTimesheetAppendix', { id: contract.id, on: true });
      contracts.push({ id: contract.id, currency: client.currency, start, lastDueStart: duePeriod(cycle, start, null, today, new Set())!.start });
    }
    sqlite.exec('commit');
    log(`${contractCount} contracts, signed`);

    const lastWorkDay = addDays(today, -1);
    const timeEntries = insertTimeEntries(sqlite, contracts, lastWorkDay, ENGAGEMENTS_AT_1X.timeEntries * scale, rand, pick);
    log(`${timeEntries} time entries`);
    const expenses = insertExpenses(sqlite, contracts, lastWorkDay, ENGAGEMENTS_AT_1X.expenses * scale, rand, pick);
    log(`${expenses} expenses`);

    const lastDue = new Map(contracts.map((c) => [c.id, c.lastDueStart]));
    let billedInvoices = 0;
    for (let day = addDays(FIRST_START, 14); daysBetween(day, today) > 0; day = addDays(day, STEP_DAYS)) {
      clock = new Date(`${day}T10:00:00Z`);
      const now = clock.toISOString();
      sqlite.exec('begin');
      const ids = dueInvoices(db, 'period', day)
        .filter((plan) => plan.problem === null && plan.period.start !== lastDue.get(plan.contractId))
        .map((plan) => plan.contractId);
      if (ids.length > 0) {
        for (const { invoiceId, plan } of runBilling(db, { contractIds: ids, grouping: 'period' }, now, day)) {
          issueInvoice(db, invoiceId, plan.currency === 'GBP' ? null : { rate: USD_PER_GBP, source: 'other', date: day }, now);
          billedInvoices++;
        }
      }
      sqlite.exec('commit');
      if (daysBetween(FIRST_START, day) % (10 * STEP_DAYS) === 0) log(`billed up to ${day}: ${billedInvoices} invoices`);
    }
    log(`${billedInvoices} invoices billed by the run and issued`);

    const dueContracts = dueInvoices(db, 'period', today).filter((plan) => plan.problem === null).length;
    if (dueContracts !== contractCount) throw new Error(`Expected every contract to be due on ${today}, but ${dueContracts} of ${contractCount} are`);
    sqlite.pragma('wal_checkpoint(truncate)');
    return { contracts: contractCount, timeEntries, expenses, billedInvoices, dueContracts, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('rollback');
    throw error;
  } finally {
    await api.holder.settled();
    api.holder.close();
  }
}

/** The weekdays from `from` to `to` (ISO, inclusive). */
function workDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; daysBetween(day, to) >= 0; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return days;
}

/** Inserts `rows` (arrays of column values) into `table` (`columns`), ROWS_PER_INSERT to a statement. */
function insertRows(sqlite: Database.Database, table: string, columns: readonly string[], rows: unknown[][]): void {
  const one = `(${columns.map(() => '?').join(', ')})`;
  const statement = (count: number) => sqlite.prepare(`insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: count }, () => one).join(', ')}`);
  const full = statement(ROWS_PER_INSERT);
  for (let first = 0; first < rows.length; first += ROWS_PER_INSERT) {
    const batch = rows.slice(first, first + ROWS_PER_INSERT);
    (batch.length === ROWS_PER_INSERT ? full : statement(batch.length)).run(...batch.flat());
  }
}

/**
 * `total` time entries shared evenly over the contracts, each contract's spread over its weekdays
 * from its start to `lastDay`, several a day in sequence from 08:00 UTC (the same calendar day in
 * London and UTC). Seven in ten come from the timer (UTC instants, raw seconds between them), the
 * rest typed as a duration; one in twelve is not billable. Returns how many were written.
 */
function insertTimeEntries(sqlite: Database.Database, contracts: readonly { id: number; start: string }[], lastDay: string, total: number, rand: () => number, pick: <T>(items: readonly T[]) => T): number {
  const columns = ['contract_id', 'started_at', 'ended_at', 'duration_seconds', 'work_date', 'note', 'billable', 'created_at', 'updated_at'] as const;
  let written = 0;
  sqlite.exec('begin');
  contracts.forEach((contract, n) => {
    const count = Math.floor((total * (n + 1)) / contracts.length) - Math.floor((total * n) / contracts.length);
    const days = workDays(contract.start, lastDay);
    const rows: unknown[][] = [];
    let day = '';
    let cursor = 0;
    for (let k = 0; k < count; k++) {
      const workDate = days[Math.floor((k * days.length) / count)]!;
      if (workDate !== day) {
        day = workDate;
        cursor = Date.parse(`${workDate}T08:00:00Z`);
      }
      const seconds = 600 + Math.floor(rand() * 2400);
      const startedAt = cursor + Math.floor(rand() * 600) * 1000;
      const endedAt = startedAt + seconds * 1000;
      cursor = endedAt;
      const timed = rand() < 0.7;
      const stamp = new Date(endedAt).toISOString();
      rows.push([contract.id, timed ? new Date(startedAt).toISOString() : null, timed ? stamp : null, seconds, workDate, pick(NOTES), rand() < 1 / 12 ? 0 : 1, stamp, stamp]);
    }
    insertRows(sqlite, 'time_entries', columns, rows);
    written += rows.length;
  });
  sqlite.exec('commit');
  return written;
}

/**
 * `total` expenses shared evenly over the contracts, spread over each one's weekdays up to
 * `lastDay`, in the contract's currency (minor units, VAT included; a fifth of pounds in VAT on
 * UK hotels, meals and software, reclaimable). Most are rebillable recharges, some disbursements,
 * one in seven the business's own cost. Returns how many were written.
 */
function insertExpenses(sqlite: Database.Database, contracts: readonly { id: number; currency: 'GBP' | 'USD'; start: string }[], lastDay: string, total: number, rand: () => number, pick: <T>(items: readonly T[]) => T): number {
  const columns = ['expense_date', 'category', 'supplier', 'description', 'amount_minor', 'currency', 'vat_minor', 'vat_reclaimable', 'contract_id', 'rebillable', 'rebill_kind', 'created_at', 'updated_at'] as const;
  let written = 0;
  sqlite.exec('begin');
  contracts.forEach((contract, n) => {
    const count = Math.floor((total * (n + 1)) / contracts.length) - Math.floor((total * n) / contracts.length);
    const days = workDays(contract.start, lastDay);
    const rows: unknown[][] = [];
    for (let k = 0; k < count; k++) {
      const expenseDate = days[Math.floor(((k + rand()) * days.length) / count)]!;
      const spend = pick(SPENDING);
      const amountMinor = 500 + Math.floor(rand() * 24_500);
      const disbursement = spend.category === 'training';
      const withVat = contract.currency === 'GBP' && !disbursement && spend.category !== 'travel';
      const stamp = `${expenseDate}T18:00:00.000Z`;
      rows.push([expenseDate, spend.category, spend.supplier, spend.description, amountMinor, contract.currency, withVat ? Math.round(amountMinor / 6) : 0, withVat ? 1 : 0, contract.id, rand() < 6 / 7 ? 1 : 0, disbursement ? 'disbursement' : 'recharge', stamp, stamp]);
    }
    insertRows(sqlite, 'expenses', columns, rows);
    written += rows.length;
  });
  sqlite.exec('commit');
  return written;
}
