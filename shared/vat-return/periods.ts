import { addDays, addMonths, lastDayOfMonth } from '../dates/calendar';

/**
 * How often the business files: monthly, or quarterly on one of HMRC's three staggers.
 * Stagger 1 ends quarters in March, June, September and December; stagger 2 in April, July,
 * October and January; stagger 3 in May, August, November and February (HMRC VAT Notice 700/12 §2).
 */
export type ReturnFrequency = { kind: 'monthly' } | { kind: 'quarterly'; stagger: 1 | 2 | 3 };

/** A VAT return period: first and last day, both ISO dates, inclusive. */
export interface ReturnPeriod {
  start: string;
  end: string;
}

const monthOf = (isoDate: string) => Number(isoDate.slice(5, 7));
const firstOfMonth = (isoDate: string) => `${isoDate.slice(0, 7)}-01`;

/**
 * The return period that contains `isoDate`. Throws RangeError for a date that is not a real ISO date.
 * Example: 2026-11-20 on stagger 1 is 2026-10-01 – 2026-12-31; on stagger 3, 2026-09-01 – 2026-11-30.
 */
export function returnPeriodOf(isoDate: string, frequency: ReturnFrequency): ReturnPeriod {
  if (frequency.kind === 'monthly') return { start: firstOfMonth(isoDate), end: lastDayOfMonth(isoDate) };
  const monthsToEnd = (frequency.stagger - 1 - (monthOf(isoDate) % 3) + 3) % 3;
  const end = lastDayOfMonth(addMonths(firstOfMonth(isoDate), monthsToEnd));
  return { start: addMonths(firstOfMonth(end), -2), end };
}

/** The period after `period` (the day after its end starts it). */
export function nextReturnPeriod(period: ReturnPeriod, frequency: ReturnFrequency): ReturnPeriod {
  return returnPeriodOf(addDays(period.end, 1), frequency);
}

/**
 * The MTD filing and payment deadline: one calendar month and seven days after the period ends
 * (HMRC VAT Notice 700/12 §3.1). 2026-12-31 → 2027-02-07; 2027-02-28 → 2027-04-07.
 */
export function returnDueDate(period: ReturnPeriod): string {
  return addDays(lastDayOfMonth(addMonths(firstOfMonth(period.end), 1)), 7);
}
