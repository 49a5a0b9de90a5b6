import { addDays, daysBetween, lastDayOfMonth } from '../dates/calendar';
import type { BillingCycle } from './types';

/** A billing period: ISO dates, both inclusive. */
export interface BillingPeriod {
  start: string;
  end: string;
}

const PERIOD_DAYS = { weekly: 7, fortnightly: 14 } as const;

/**
 * The billing period containing `date` (ISO). Weekly and fortnightly periods are 7 or 14 days
 * counted from `cycle.anchor`, before it as after it; semi-monthly periods are the 1st–15th and
 * the 16th–last day; monthly is the calendar month. Milestones and completion have no periods:
 * null. Everything is calendar dates, so no time zone or DST change can move a period.
 * Throws RangeError for a weekly or fortnightly cycle without an anchor, or a date that is not ISO.
 */
export function billingPeriodOn(cycle: BillingCycle, date: string): BillingPeriod | null {
  switch (cycle.kind) {
    case 'weekly':
    case 'fortnightly': {
      if (cycle.anchor === null) throw new RangeError(`A ${cycle.kind} cycle needs an anchor date`);
      const length = PERIOD_DAYS[cycle.kind];
      const start = addDays(cycle.anchor, Math.floor(daysBetween(cycle.anchor, date) / length) * length);
      return { start, end: addDays(start, length - 1) };
    }
    case 'semi-monthly': {
      const [month, last] = [date.slice(0, 8), lastDayOfMonth(date)];
      return Number(date.slice(8)) <= 15 ? { start: `${month}01`, end: `${month}15` } : { start: `${month}16`, end: last };
    }
    case 'monthly': {
      const last = lastDayOfMonth(date);
      return { start: `${date.slice(0, 8)}01`, end: last };
    }
    case 'milestones':
    case 'completion':
      return null;
  }
}

/**
 * The next date to bill a contract running from `contractStart` to `contractEnd` (null:
 * open-ended), as seen on `today` (all ISO): the last day of the period containing the later of
 * today and the start, but never after the end, so the end's period bills on the end date (even
 * when today is past it: the final bill is still due). Null once today is past the end's period,
 * and for milestones; a completion contract bills on its end date, null while it has none.
 * Throws RangeError when the contract ends before it starts, and as billingPeriodOn.
 */
export function nextBillingDate(cycle: BillingCycle, contractStart: string, contractEnd: string | null, today: string): string | null {
  if (contractEnd !== null && daysBetween(contractStart, contractEnd) < 0) throw new RangeError(`The contract ends (${contractEnd}) before it starts (${contractStart})`);
  if (cycle.kind === 'completion') return contractEnd;
  const period = billingPeriodOn(cycle, daysBetween(contractStart, today) > 0 ? today : contractStart);
  if (period === null) return null;
  if (contractEnd === null || daysBetween(period.end, contractEnd) >= 0) return period.end;
  return daysBetween(period.start, contractEnd) >= 0 ? contractEnd : null;
}

/**
 * The next `count` billing dates (period end dates, ISO) on or after `from`, in order; empty for
 * milestones and completion, which have no periods. Throws RangeError for a negative or
 * fractional count, and as billingPeriodOn.
 */
export function billingDates(cycle: BillingCycle, from: string, count: number): string[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`A count must be a whole number from 0, not ${count}`);
  const dates: string[] = [];
  for (let period = billingPeriodOn(cycle, from); period !== null && dates.length < count; period = billingPeriodOn(cycle, addDays(period.end, 1))) {
    dates.push(period.end);
  }
  return dates;
}
