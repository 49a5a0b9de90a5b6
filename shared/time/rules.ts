import type { ContractStatus } from '../contracts/types';
import { secondsBetween } from './instants';

/** Time can be logged only on a contract the client has agreed to: signed, or active. */
export const TIMEABLE_STATUSES: readonly ContractStatus[] = ['signed', 'active'];

/** Why time can't be logged on a contract in `status` ("C-0003 is a draft…"), or null when it can. */
export function timeableProblem(reference: string, status: ContractStatus): string | null {
  if (TIMEABLE_STATUSES.includes(status)) return null;
  const said = status === 'draft' ? 'a draft' : status;
  return `${reference} is ${said}; time can be logged only on a signed or active contract`;
}

/** The default of the forgotten-timer setting (hours): a working day and a bit. */
export const DEFAULT_FORGOTTEN_AFTER_HOURS = 10;

export type ForgottenReason = 'restart' | 'long';

/**
 * Whether a running timer looks forgotten, and why (issue rule 1): 'restart' when it started
 * before this app process did (it ran while the app was closed or crashed), 'long' when it has
 * run more than `afterHours` hours. `kept` are the reasons the user already answered "keep" to
 * for this timer in this process, so each question is asked once. All instants ISO.
 */
export function forgottenReason(timer: { startedAt: string; now: string; processStartedAt: string; afterHours: number; kept: readonly ForgottenReason[] }): ForgottenReason | null {
  if (timer.startedAt < timer.processStartedAt && !timer.kept.includes('restart')) return 'restart';
  if (secondsBetween(timer.startedAt, timer.now) > timer.afterHours * 3600 && !timer.kept.includes('long')) return 'long';
  return null;
}

/** Monday (ISO date) of the ISO week `date` falls in. */
export function weekStartOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  const back = (day + 6) % 7;
  return new Date(Date.parse(`${date}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
}
