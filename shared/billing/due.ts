import { billingPeriodOn, type BillingPeriod } from '../contracts/billing-cycle';
import type { BillingCycle } from '../contracts/types';
import { addDays, daysBetween } from '../dates/calendar';

/** A period ending within this many days counts as about to end: the run can bill it on its last Friday. */
export const DUE_AHEAD_DAYS = 3;

/**
 * The billing period a contract is due to bill, as seen on `today` (all ISO dates): the latest
 * period that has ended, or ends within DUE_AHEAD_DAYS, clipped to the contract's start and end;
 * null when that period is already billed (`billedStarts` holds the first days of periods with an
 * invoice), when no period has ended yet, or for cycles without periods (milestones, completion
 * before its end date). A completion contract's one period is its whole term, due at its end.
 * Calendar dates only, so no time zone or DST change moves a period (engagement model).
 * Throws RangeError as billingPeriodOn.
 */
export function duePeriod(cycle: BillingCycle, contractStart: string, contractEnd: string | null, today: string, billedStarts: ReadonlySet<string>): BillingPeriod | null {
  const horizon = addDays(today, DUE_AHEAD_DAYS);
  let period: BillingPeriod | null;
  if (cycle.kind === 'completion') {
    period = contractEnd === null ? null : { start: contractStart, end: contractEnd };
  } else {
    const current = billingPeriodOn(cycle, contractEnd !== null && daysBetween(contractEnd, horizon) > 0 ? contractEnd : horizon);
    if (current === null) return null;
    period = daysBetween(current.end, horizon) >= 0 ? current : billingPeriodOn(cycle, addDays(current.start, -1));
  }
  if (period === null || daysBetween(period.end, contractStart) > 0 || daysBetween(period.end, horizon) < 0) return null;
  const clipped = {
    start: daysBetween(period.start, contractStart) > 0 ? contractStart : period.start,
    end: contractEnd !== null && daysBetween(contractEnd, period.end) > 0 ? contractEnd : period.end,
  };
  return billedStarts.has(clipped.start) ? null : clipped;
}

/**
 * The first billing period from the contract's start that has ended (or ends within
 * DUE_AHEAD_DAYS of `today`) and is not billed: how a retainer bills, one month's fee at a time,
 * so a month never billed is not folded into a later one. Null when every such period is billed,
 * or for cycles without periods. Dates as duePeriod. Throws RangeError as billingPeriodOn.
 */
export function firstUnbilledPeriod(cycle: BillingCycle, contractStart: string, contractEnd: string | null, today: string, billedStarts: ReadonlySet<string>): BillingPeriod | null {
  const horizon = addDays(today, DUE_AHEAD_DAYS);
  for (let period = billingPeriodOn(cycle, contractStart); period !== null && daysBetween(period.end, horizon) >= 0; period = billingPeriodOn(cycle, addDays(period.end, 1))) {
    if (contractEnd !== null && daysBetween(contractEnd, period.start) > 0) return null;
    const start = daysBetween(period.start, contractStart) > 0 ? contractStart : period.start;
    const end = contractEnd !== null && daysBetween(contractEnd, period.end) > 0 ? contractEnd : period.end;
    if (!billedStarts.has(start)) return { start, end };
  }
  return null;
}
