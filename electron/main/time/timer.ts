import type { z } from 'zod';
import type { Db, DbOrTx } from '../../../db/client';
import { getTimeSettings } from '../../../db/settings';
import { deleteRunning, finishRunning, getTimeEntry, insertTimeEntry, lastTimedContractId, runningEntry, type TimeEntryRow } from '../../../db/time-entries';
import { getContract } from '../../../db/contracts';
import type { Timer, timerKeepInput, timerStartInput, timerStopInput } from '../../../shared/api/time';
import { durationProblem } from '../../../shared/time/duration';
import { secondsBetween, workDateOf } from '../../../shared/time/instants';
import { forgottenReason, timeableProblem, type ForgottenReason } from '../../../shared/time/rules';
import { AppError } from '../errors';
import { contractReference } from '../contracts/contracts';
import { businessZone, checkTimeableContract } from './entries';

/**
 * What this app process knows about timers that the file does not: when the process (its open
 * data file) started, and which forgotten-timer questions the user answered "keep" to. Keyed by
 * the object that owns the open file (the StoreHolder), so each run of the app has its own.
 */
export interface TimerSession {
  /** ISO instant: a timer started before it ran across a restart or a crash. */
  startedAt: string;
  kept: Map<number, ForgottenReason[]>;
}

const sessions = new WeakMap<object, TimerSession>();

/** The timer session of `owner`, begun at `now` the first time it is asked for. */
export function timerSession(owner: object, now: string): TimerSession {
  let session = sessions.get(owner);
  if (!session) sessions.set(owner, (session = { startedAt: now, kept: new Map() }));
  return session;
}

function timerState(db: DbOrTx, session: TimerSession, now: string): Timer {
  const row = runningEntry(db);
  const last = lastTimedContractId(db);
  const lastRow = last === null ? undefined : getContract(db, last);
  const lastContractId = lastRow && timeableProblem('', lastRow.status) === null ? last : null;
  if (!row) return { running: null, forgotten: null, lastContractId };
  const { forgottenAfterHours } = getTimeSettings(db);
  const forgotten = forgottenReason({ startedAt: row.startedAt!, now, processStartedAt: session.startedAt, afterHours: forgottenAfterHours, kept: session.kept.get(row.id) ?? [] });
  return {
    running: { id: row.id, contractId: row.contractId, contractReference: contractReference(row.contractId), contractTitle: row.contractTitle, clientName: row.clientName, startedAt: row.startedAt!, note: row.note },
    forgotten,
    lastContractId,
  };
}

/** The running timer (or none), whether it looks forgotten, and the contract last timed. */
export function currentTimer(db: DbOrTx, session: TimerSession, now: string): Timer {
  return timerState(db, session, now);
}

/**
 * Ends the running timer at `at` (ISO instant). Under a second of work is not an entry, so the
 * row is removed. Throws VALIDATION on `at` when it is before the start, in the future, or makes
 * the entry longer than a day.
 */
function finish(db: DbOrTx, row: TimeEntryRow, at: string, now: string): void {
  const seconds = secondsBetween(row.startedAt!, at);
  if (at > now || seconds < 0) {
    const message = at > now ? "The timer can't stop in the future" : 'Choose a time after the timer started';
    throw new AppError('VALIDATION', `${message}.`, { at: message });
  }
  if (seconds === 0) {
    deleteRunning(db);
    return;
  }
  const problem = durationProblem(seconds);
  if (problem) {
    const message = `${problem}. Stop it at the time you finished, or discard it`;
    throw new AppError('VALIDATION', `${message}.`, { at: message });
  }
  finishRunning(db, at, seconds, now);
}

/**
 * Starts timing a contract (`contractId`, or null for the contract last timed), in one
 * transaction with stopping the timer already running, so there is never a moment with two or
 * none. Starting the contract already running changes nothing. Throws VALIDATION on
 * `contractId` (none to resume, or not signed or active) and what stopping throws (a timer left
 * running over 24 hours must be stopped at a chosen time first).
 */
export function startTimer(db: Db, session: TimerSession, input: z.output<typeof timerStartInput>, now: string): Timer {
  return db.transaction((tx) => {
    const contractId = input.contractId ?? lastTimedContractId(tx);
    if (contractId === null) throw new AppError('VALIDATION', 'Choose a contract to time.', { contractId: 'Choose a contract to time' });
    checkTimeableContract(tx, contractId);
    const running = runningEntry(tx);
    if (running?.contractId === contractId && input.note === '') return timerState(tx, session, now);
    if (running) finish(tx, running, now, now);
    insertTimeEntry(tx, { contractId, workDate: workDateOf(now, businessZone(tx)), startedAt: now, endedAt: null, durationSeconds: null, note: input.note, billable: true }, now);
    return timerState(tx, session, now);
  });
}

/** Stops the running timer now or at `at`. Throws CONFLICT when none runs, and VALIDATION on `at` (see finish). */
export function stopTimer(db: Db, session: TimerSession, input: z.output<typeof timerStopInput>, now: string): Timer {
  return db.transaction((tx) => {
    const running = runningEntry(tx);
    if (!running) throw new AppError('CONFLICT', 'No timer is running.');
    finish(tx, running, input.at === null ? now : new Date(input.at).toISOString(), now);
    return timerState(tx, session, now);
  });
}

/** Throws away the running timer: no entry is kept. Throws CONFLICT when none runs. */
export function discardTimer(db: Db, session: TimerSession, now: string): Timer {
  return db.transaction((tx) => {
    if (!deleteRunning(tx)) throw new AppError('CONFLICT', 'No timer is running.');
    return timerState(tx, session, now);
  });
}

/** Keeps the running timer `id` as it is: the forgotten-timer question `reason` is not asked again in this run. Throws CONFLICT when it is no longer running. */
export function keepTimer(db: DbOrTx, session: TimerSession, input: z.output<typeof timerKeepInput>, now: string): Timer {
  const row = getTimeEntry(db, input.id);
  if (!row || row.durationSeconds !== null) throw new AppError('CONFLICT', 'That timer is no longer running.');
  session.kept.set(input.id, [...(session.kept.get(input.id) ?? []), input.reason]);
  return timerState(db, session, now);
}
