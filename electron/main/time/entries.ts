import type { z } from 'zod';
import type { Db, DbOrTx } from '../../../db/client';
import { getContract } from '../../../db/contracts';
import { getBusinessTimeZone } from '../../../db/profile';
import { deleteTimeEntry, entriesBetween, getTimeEntry, insertTimeEntry, listTimeEntries, timeTotals, updateTimeEntry, type TimeEntryRow, type TimeEntryValues } from '../../../db/time-entries';
import { encodeCursor } from '../../../shared/api/paging';
import type { setCellInput, TimeEntry, timeEntryInput, TimeFilter, timeListQuery, Week } from '../../../shared/api/time';
import { addDays, describeDay } from '../../../shared/dates/calendar';
import { durationProblem, formatDuration, MAX_ENTRY_SECONDS } from '../../../shared/time/duration';
import { instantAt, secondsBetween } from '../../../shared/time/instants';
import { timeableProblem, weekStartOf } from '../../../shared/time/rules';
import { AppError, found } from '../errors';
import { contractReference } from '../contracts/contracts';
import { contractHeads } from '../../../db/contracts';

/** The business's time zone (the profile's, else this computer's): the zone work dates and wall times are in. */
export function businessZone(db: DbOrTx): string {
  return getBusinessTimeZone(db) ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** An entry row as the API shows it. */
export function toTimeEntry(row: TimeEntryRow): TimeEntry {
  return {
    id: row.id,
    contractId: row.contractId,
    contractReference: contractReference(row.contractId),
    contractTitle: row.contractTitle,
    clientName: row.clientName,
    workDate: row.workDate,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    durationSeconds: row.durationSeconds,
    note: row.note,
    billable: row.billable,
    billing: { state: row.billingState, invoiceId: row.invoiceId, invoiceNumber: row.invoiceNumber },
  };
}

/** One page of the entries list (see db/time-entries.ts listTimeEntries), each row with its cursor. */
export function timeEntryPage(db: DbOrTx, query: z.output<typeof timeListQuery>) {
  const after = query.after && { workDate: query.after.key, id: query.after.id };
  return listTimeEntries(db, { ...query, after }).map((row) => ({ ...toTimeEntry(row), cursor: encodeCursor({ key: row.workDate, id: row.id }) }));
}

/** Count and seconds (all, billable) of the finished entries `filter` matches. */
export function timeEntryTotals(db: DbOrTx, filter: TimeFilter) {
  return timeTotals(db, filter);
}

/** Refuses (VALIDATION on `contractId`) a contract that is unknown or not signed or active. */
export function checkTimeableContract(db: DbOrTx, contractId: number): void {
  const row = getContract(db, contractId);
  const problem = row ? timeableProblem(contractReference(contractId), row.status) : 'Choose a contract from the list';
  if (problem) throw new AppError('VALIDATION', `${problem}.`, { contractId: problem });
}

/**
 * Refuses (CONFLICT) a change to an entry an invoice holds: an issued invoice's, naming its
 * number, for good; a draft's until the draft or its line is deleted. The database's triggers
 * refuse the issued case too.
 */
export function checkUnbilled(row: TimeEntryRow, change: 'changed' | 'deleted'): void {
  if (row.billingState === 'invoiced') {
    throw new AppError('CONFLICT', `This time entry is on invoice ${row.invoiceNumber ?? ''}, which is issued, so it can't be ${change}.`);
  }
  if (row.billingState === 'draft') {
    throw new AppError('CONFLICT', `This time entry is on a draft invoice, so it can't be ${change}. Delete the draft (or its line) to release it first.`);
  }
}

/** The columns for an entry as typed: a duration on the day, or start and end times on it in the business's zone. Throws VALIDATION on the field at fault. */
function entryValues(db: DbOrTx, input: z.output<typeof timeEntryInput>): TimeEntryValues {
  const base = { contractId: input.contractId, workDate: input.date, note: input.note, billable: input.billable };
  if (input.timing.kind === 'duration') return { ...base, startedAt: null, endedAt: null, durationSeconds: input.timing.duration };
  const zone = businessZone(db);
  const at = (time: string, field: 'start' | 'end') => {
    try {
      return instantAt(input.date, time, zone);
    } catch (error) {
      const message = (error as Error).message;
      throw new AppError('VALIDATION', `${message}.`, { [`timing.${field}`]: message });
    }
  };
  const startedAt = at(input.timing.start, 'start');
  const endedAt = at(input.timing.end, 'end');
  const seconds = secondsBetween(startedAt, endedAt);
  if (seconds <= 0) throw new AppError('VALIDATION', 'The end is before the start.', { 'timing.end': 'End after the start (for work past midnight, enter its duration)' });
  const problem = durationProblem(seconds);
  if (problem) throw new AppError('VALIDATION', `${problem}.`, { 'timing.end': problem });
  return { ...base, startedAt, endedAt, durationSeconds: seconds };
}

/**
 * Refuses work that would make one day hold more than 24 hours, counting every contract's entries
 * on that day but `exceptId` (the entry being changed). Throws VALIDATION on `field`.
 */
function checkDayTotal(db: DbOrTx, workDate: string, seconds: number, exceptId: number | null, field: string): void {
  const logged = entriesBetween(db, workDate, workDate).reduce((sum, e) => (e.id === exceptId ? sum : sum + e.durationSeconds), 0);
  if (logged + seconds <= MAX_ENTRY_SECONDS) return;
  const message = `That makes ${formatDuration(logged + seconds)} on ${describeDay(workDate)}, more than the 24 hours in a day`;
  throw new AppError('VALIDATION', `${message}.`, { [field]: message });
}

const timingField = (input: z.output<typeof timeEntryInput>) => (input.timing.kind === 'duration' ? 'timing.duration' : 'timing.end');

/** Logs a time entry by hand. Throws VALIDATION (contract not signed or active, a time that does not exist, end before start). */
export function createTimeEntry(db: Db, input: z.output<typeof timeEntryInput>, now: string): TimeEntry {
  return db.transaction((tx) => {
    checkTimeableContract(tx, input.contractId);
    const values = entryValues(tx, input);
    checkDayTotal(tx, values.workDate, values.durationSeconds!, null, timingField(input));
    const id = insertTimeEntry(tx, values, now);
    return toTimeEntry(getTimeEntry(tx, id)!);
  });
}

/**
 * Rewrites entry `id` as typed. Throws NOT_FOUND, CONFLICT for the running timer or an entry an
 * invoice holds (checkUnbilled), and what createTimeEntry throws.
 */
export function updateTimeEntryAsTyped(db: Db, id: number, input: z.output<typeof timeEntryInput>, now: string): TimeEntry {
  return db.transaction((tx) => {
    const row = found(getTimeEntry(tx, id), 'This time entry');
    if (row.durationSeconds === null) throw new AppError('CONFLICT', 'This is the running timer; stop it first.');
    checkUnbilled(row, 'changed');
    if (input.contractId !== row.contractId) checkTimeableContract(tx, input.contractId);
    const values = entryValues(tx, input);
    checkDayTotal(tx, values.workDate, values.durationSeconds!, id, timingField(input));
    updateTimeEntry(tx, id, values, now);
    return toTimeEntry(getTimeEntry(tx, id)!);
  });
}

/** Deletes entry `id`. Throws NOT_FOUND, CONFLICT for the running timer (discard it instead) or an entry an invoice holds. */
export function deleteTimeEntryChecked(db: Db, id: number): { id: number } {
  return db.transaction((tx) => {
    const row = found(getTimeEntry(tx, id), 'This time entry');
    if (row.durationSeconds === null) throw new AppError('CONFLICT', 'This is the running timer; stop or discard it instead.');
    checkUnbilled(row, 'deleted');
    deleteTimeEntry(tx, id);
    return { id };
  });
}

const emptyCell = () => ({ seconds: 0, billableSeconds: 0, entries: 0, editable: true, timed: false, locked: false });

/**
 * The timesheet for the week from `weekStart` (a Monday): a row for every contract time can be
 * logged on and every other contract with time that week, a column per day, with totals per day,
 * per contract and for the week, each split into billable. Seconds throughout.
 */
export function weekSheet(db: DbOrTx, weekStart: string, today: string): Week {
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  const entries = entriesBetween(db, days[0]!, days[6]!);
  const contracts = contractHeads(db);
  const withTime = new Set(entries.map((e) => e.contractId));
  // Each entry goes to its cell once: the grid is contracts × 7 days, and a busy week has hundreds of entries.
  const byCell = new Map<string, typeof entries>();
  for (const e of entries) {
    const at = `${e.contractId}:${e.workDate}`;
    const list = byCell.get(at);
    if (list) list.push(e);
    else byCell.set(at, [e]);
  }
  const rows = contracts
    .filter((c) => timeableProblem('', c.status) === null || withTime.has(c.id))
    .map((c) => {
      const cells = days.map((day) => {
        const cell = emptyCell();
        for (const e of byCell.get(`${c.id}:${day}`) ?? []) {
          cell.seconds += e.durationSeconds;
          if (e.billable) cell.billableSeconds += e.durationSeconds;
          cell.entries += 1;
          cell.timed ||= e.timed;
          cell.locked ||= e.billingState !== 'unbilled';
        }
        const open = timeableProblem('', c.status) === null;
        return { seconds: cell.seconds, billableSeconds: cell.billableSeconds, entries: cell.entries, editable: open && cell.entries <= 1 && !cell.timed && !cell.locked };
      });
      const sum = (key: 'seconds' | 'billableSeconds') => cells.reduce((total, cell) => total + cell[key], 0);
      return {
        contractId: c.id,
        contractReference: contractReference(c.id),
        contractTitle: c.title,
        clientName: c.clientName,
        open: timeableProblem('', c.status) === null,
        cells,
        seconds: sum('seconds'),
        billableSeconds: sum('billableSeconds'),
      };
    })
    .sort((a, b) => a.clientName.localeCompare(b.clientName) || a.contractId - b.contractId);
  const dayTotals = days.map((_, i) => ({ seconds: rows.reduce((t, r) => t + r.cells[i]!.seconds, 0), billableSeconds: rows.reduce((t, r) => t + r.cells[i]!.billableSeconds, 0) }));
  return {
    weekStart,
    days,
    today,
    rows,
    dayTotals,
    seconds: dayTotals.reduce((t, d) => t + d.seconds, 0),
    billableSeconds: dayTotals.reduce((t, d) => t + d.billableSeconds, 0),
  };
}

/**
 * Sets a grid cell: the time on one contract on one day. An empty cell gets one billable entry
 * typed as a duration; a cell holding one such entry has it changed (or deleted when the
 * duration is blank). A cell holding several entries, timed ones, or one an invoice holds is
 * refused (CONFLICT): those are edited in the list, so no timed work is silently rewritten.
 * Returns that week's sheet.
 */
export function setWeekCell(db: Db, input: z.output<typeof setCellInput>, now: string, today: string): Week {
  return db.transaction((tx) => {
    checkTimeableContract(tx, input.contractId);
    const inCell = entriesBetween(tx, input.date, input.date).filter((e) => e.contractId === input.contractId);
    const day = describeDay(input.date);
    if (inCell.length > 1 || inCell.some((e) => e.timed)) {
      throw new AppError('CONFLICT', `${contractReference(input.contractId)} has ${inCell.length === 1 ? 'a timed entry' : `${inCell.length} entries`} on ${day}; change them in the entries list.`);
    }
    const existing = inCell[0];
    if (input.duration !== null) checkDayTotal(tx, input.date, input.duration, existing?.id ?? null, 'duration');
    if (existing) {
      checkUnbilled(found(getTimeEntry(tx, existing.id), 'This time entry'), input.duration === null ? 'deleted' : 'changed');
      if (input.duration === null) deleteTimeEntry(tx, existing.id);
      else updateTimeEntry(tx, existing.id, { contractId: input.contractId, workDate: input.date, startedAt: null, endedAt: null, durationSeconds: input.duration, note: getTimeEntry(tx, existing.id)!.note, billable: existing.billable }, now);
    } else if (input.duration !== null) {
      insertTimeEntry(tx, { contractId: input.contractId, workDate: input.date, startedAt: null, endedAt: null, durationSeconds: input.duration, note: '', billable: true }, now);
    }
    return weekSheet(tx, weekStartOf(input.date), today);
  });
}
