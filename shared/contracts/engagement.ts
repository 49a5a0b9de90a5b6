import { addMonths, daysBetween } from '../dates/calendar';
import { compareDecimals, decimal, decimalToString, parseDecimal } from '../money/decimal';
import type { DiscountRule, DiscountTier } from './types';

/** A contract's dates: ISO, both inclusive; `end` null for open-ended (ongoing). */
export interface EngagementPeriod {
  start: string;
  end: string | null;
}

/**
 * The ISO date the client's continuous engagement reaching `on` began, or null when no period
 * covers `on`. `periods` are one client's contracts in any order; two chain when they overlap or
 * when the days strictly between one's end and the next's start are at most `gapDays` (end
 * 2026-01-31, next start 2026-03-02: a gap of 29 days, 1 Feb to 1 Mar). Later periods do not
 * matter. Throws RangeError for a period that ends before it starts, a bad date, or a gap that is
 * not a whole number of days from 0.
 */
export function continuousStart(periods: readonly EngagementPeriod[], on: string, gapDays: number): string | null {
  if (!Number.isSafeInteger(gapDays) || gapDays < 0) throw new RangeError(`The allowed gap must be a whole number of days from 0, not ${gapDays}`);
  for (const p of periods) {
    if (p.end !== null && daysBetween(p.start, p.end) < 0) throw new RangeError(`A period ends (${p.end}) before it starts (${p.start})`);
  }
  // A period reaches `date` when it has started by then and ends no more than `slack` days before it.
  const reaches = (p: EngagementPeriod, date: string, slack: number) => daysBetween(p.start, date) >= 0 && (p.end === null || daysBetween(p.end, date) <= slack);
  const covering = periods.filter((p) => reaches(p, on, 0));
  if (covering.length === 0) return null;
  let start = covering.reduce((earliest, p) => (daysBetween(p.start, earliest) > 0 ? p.start : earliest), on);
  // Each pass that chains a period moves the start earlier, so this ends within periods.length passes.
  for (let chained = true; chained; ) {
    chained = false;
    for (const p of periods) {
      if (p.start !== start && reaches(p, start, gapDays + 1)) {
        start = p.start;
        chained = true;
      }
    }
  }
  return start;
}

/**
 * Whole calendar months from `start` to `on` (ISO dates): the largest n with start + n months
 * (clamped to a shorter month's end, see `addMonths`) on or before `on`. 2026-01-15 → 2026-04-15
 * is 3 and → 2026-04-14 is 2; 2026-01-31 → 2026-02-28 is 1; 2024-02-29 → 2025-02-28 is 12.
 * Throws RangeError when `on` is before `start` or a date is not ISO.
 */
export function wholeMonthsBetween(start: string, on: string): number {
  if (daysBetween(start, on) < 0) throw new RangeError(`${on} is before ${start}`);
  const months = (Number(on.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(on.slice(5, 7)) - Number(start.slice(5, 7));
  // Landing later in on's own month means the last month is not yet complete.
  return daysBetween(addMonths(start, months), on) >= 0 ? months : months - 1;
}

/**
 * The tier of `rule` that applies after `months` whole months of continuous engagement (the tier
 * with the highest `fromMonths` at or below it) and the reason an invoice or contract shows:
 * "Long-term: 5% from 3 months of continuous engagement", or "Retained: 10%" for a tier from 0.
 * Null when no tier has started or the tier's percent is 0. Throws RangeError for a negative or
 * fractional month count or a percent that is not a decimal.
 */
export function discountFor(rule: DiscountRule, months: number): { tier: DiscountTier; reason: string } | null {
  if (!Number.isSafeInteger(months) || months < 0) throw new RangeError(`Months must be a whole number from 0, not ${months}`);
  let tier: DiscountTier | null = null;
  for (const t of rule.tiers) {
    if (t.fromMonths <= months && (tier === null || t.fromMonths > tier.fromMonths)) tier = t;
  }
  if (tier === null) return null;
  const percent = decimal(tier.percent);
  if (percent.units === 0n) return null;
  const share = `${rule.name}: ${decimalToString(percent)}%`;
  const since = tier.fromMonths === 1 ? '1 month' : `${tier.fromMonths} months`;
  return { tier, reason: tier.fromMonths === 0 ? share : `${share} from ${since} of continuous engagement` };
}

/** The longest a tier may wait: 50 years, in months. */
export const MAX_TIER_MONTHS = 600;

/**
 * The first problem with a discount rule's tiers, as a sentence for the user, or null: there must
 * be a tier; each starts at a whole number of months from 0 to MAX_TIER_MONTHS, no two at the
 * same month, with a percent above 0 and below 100 to at most 2 decimal places; and a longer
 * engagement never gets a smaller discount. Never throws.
 */
export function checkTiers(tiers: readonly DiscountTier[]): string | null {
  if (tiers.length === 0) return 'Add at least one discount tier';
  for (const tier of tiers) {
    if (!Number.isInteger(tier.fromMonths) || tier.fromMonths < 0 || tier.fromMonths > MAX_TIER_MONTHS) {
      return `A tier starts after a whole number of months from 0 to ${MAX_TIER_MONTHS}, not ${tier.fromMonths}`;
    }
    const percent = parseDecimal(tier.percent, { maxScale: 2, label: 'A discount' });
    if (!percent.ok) return percent.message;
    if (percent.value.units === 0n || compareDecimals(percent.value, decimal('100')) >= 0) {
      return `A discount must be more than 0% and less than 100%, not ${tier.percent}%`;
    }
  }
  const sorted = [...tiers].sort((a, b) => a.fromMonths - b.fromMonths);
  for (let i = 1; i < sorted.length; i++) {
    const [before, after] = [sorted[i - 1]!, sorted[i]!];
    if (before.fromMonths === after.fromMonths) return `Two tiers start at ${after.fromMonths} months; give each tier its own starting month`;
    if (compareDecimals(decimal(after.percent), decimal(before.percent)) < 0) {
      return `The discount from ${after.fromMonths} months (${after.percent}%) is smaller than the one from ${before.fromMonths} months (${before.percent}%); a longer engagement should not get a smaller discount`;
    }
  }
  return null;
}
