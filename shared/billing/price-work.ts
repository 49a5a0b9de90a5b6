import { daysBetween, describeDay } from '../dates/calendar';
import { weekStartOf } from '../time/rules';
import { roundSeconds } from '../contracts/time-rounding';
import type { TimeRounding } from '../contracts/types';
import { decimalToString } from '../money/decimal';
import { divRound, pow10 } from '../money/rounding';
import { QUANTITY_MAX_DECIMALS } from '../invoice/types';

/** How the billing run groups time into invoice lines. */
export const TIME_GROUPINGS = ['period', 'week', 'day', 'note'] as const;
export type TimeGrouping = (typeof TIME_GROUPINGS)[number];

export const TIME_GROUPING_LABELS: Record<TimeGrouping, string> = {
  period: 'One line for the period',
  week: 'One line per week',
  day: 'One line per day',
  note: 'One line per note',
};

/** A finished time entry as the run sees it: raw seconds on the user's local day (ISO). */
export interface WorkEntry {
  id: number;
  workDate: string;
  seconds: number;
  note: string;
}

/** How a contract prices time: per hour, or per day of `hoursPerDay` hours, at `rate` (exact decimal, major units). */
export interface TimePricing {
  unit: 'hour' | 'day';
  hoursPerDay: string | null;
  rate: string;
  rounding: TimeRounding;
}

/** One invoice line of time, with the entries behind it and its raw and rounded seconds. */
export interface PricedTimeLine {
  description: string;
  /** Hours or days, up to 4 decimals. */
  quantity: string;
  unit: 'hour' | 'day';
  unitPrice: string;
  entryIds: number[];
  rawSeconds: number;
  roundedSeconds: number;
}

/**
 * Each entry's billed seconds: the contract's rounding applied per entry or per day total
 * (shared/contracts/time-rounding.ts), and a day's rounding difference given to its longest
 * entry, so the billed seconds always add up to the rounded total whatever the grouping.
 * The raw seconds are never changed.
 */
export function billedSeconds(entries: readonly WorkEntry[], rounding: TimeRounding): Map<number, number> {
  const billed = new Map<number, number>();
  if (rounding.scope === 'entry') {
    for (const entry of entries) billed.set(entry.id, roundSeconds(entry.seconds, rounding));
    return billed;
  }
  const days = new Map<string, WorkEntry[]>();
  for (const entry of entries) days.set(entry.workDate, [...(days.get(entry.workDate) ?? []), entry]);
  for (const dayEntries of days.values()) {
    const raw = dayEntries.reduce((sum, e) => sum + e.seconds, 0);
    const longest = dayEntries.reduce((a, b) => (b.seconds > a.seconds ? b : a));
    for (const entry of dayEntries) billed.set(entry.id, entry.seconds + (entry === longest ? roundSeconds(raw, rounding) - raw : 0));
  }
  return billed;
}

function groupKey(entry: WorkEntry, grouping: TimeGrouping): string {
  switch (grouping) {
    case 'period':
      return '';
    case 'week':
      return weekStartOf(entry.workDate);
    case 'day':
      return entry.workDate;
    case 'note':
      return entry.note.trim().replace(/\s+/g, ' ');
  }
}

function describeGroup(title: string, grouping: TimeGrouping, key: string, period: { start: string; end: string }): string {
  switch (grouping) {
    case 'period':
      return `${title}, ${describeDay(period.start)} – ${describeDay(period.end)}`;
    case 'week':
      return `${title}, week of ${describeDay(key)}`;
    case 'day':
      return `${title}, ${describeDay(key)}`;
    case 'note':
      return key === '' ? title : key;
  }
}

const SECONDS_PER_HOUR = 3600n;

/**
 * Hours (or days) for each group's billed seconds, to 4 decimals, allotted by largest remainder
 * so the quantities add up exactly to the total's quantity: no group rounding can bill a
 * fraction of a unit more or less than the contract's rounded time.
 */
function quantities(groupSeconds: readonly number[], pricing: TimePricing): string[] {
  const perUnit = pricing.unit === 'hour' ? { units: SECONDS_PER_HOUR, scale: 0 } : hoursPerDay(pricing.hoursPerDay);
  const scale = pow10(QUANTITY_MAX_DECIMALS);
  const denominator = perUnit.units;
  const numerators = groupSeconds.map((seconds) => BigInt(seconds) * scale * pow10(perUnit.scale));
  const total = divRound(numerators.reduce((a, b) => a + b, 0n), denominator, 'half-up');
  const floors = numerators.map((n) => n / denominator);
  let missing = total - floors.reduce((a, b) => a + b, 0n);
  const order = numerators.map((n, i) => ({ i, remainder: n % denominator })).sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of order) {
    if (missing <= 0n) break;
    floors[i]! += 1n;
    missing -= 1n;
  }
  return floors.map((units) => decimalToString({ units, scale: QUANTITY_MAX_DECIMALS }));
}

/** Seconds in a day of `text` hours, as an exact fraction (units at `scale`). */
function hoursPerDay(text: string | null): { units: bigint; scale: number } {
  const [whole = '8', fraction = ''] = (text ?? '8').split('.');
  const units = BigInt(whole + fraction) * SECONDS_PER_HOUR;
  if (units <= 0n) throw new RangeError('A day must have a positive number of hours');
  return { units, scale: fraction.length };
}

/**
 * The invoice lines for a contract's unbilled time (engagement model: `priceWork`). Entries are
 * grouped per period, ISO week, day or note; each line is at the contract's rate and unit, its
 * quantity the billed (rounded) time of its entries. Lines come in date order of their first entry.
 * Invariant (tested as a property): the quantities add up to the rounded total, so the lines
 * bill rate × rounded time; each line's amount is then rounded to the minor unit by the invoice.
 * `title` names the work; `period` (ISO dates) is the billing period. Throws RangeError for
 * negative or fractional seconds, or a day of no hours.
 */
export function priceWork(entries: readonly WorkEntry[], pricing: TimePricing, grouping: TimeGrouping, title: string, period: { start: string; end: string }): PricedTimeLine[] {
  if (entries.length === 0) return [];
  const billed = billedSeconds(entries, pricing.rounding);
  const sorted = [...entries].sort((a, b) => daysBetween(b.workDate, a.workDate) || a.id - b.id);
  const groups = new Map<string, WorkEntry[]>();
  for (const entry of sorted) {
    const key = groupKey(entry, grouping);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const list = [...groups.entries()];
  const seconds = list.map(([, group]) => group.reduce((sum, e) => sum + billed.get(e.id)!, 0));
  const amounts = quantities(seconds, pricing);
  const lines = list.map(([key, group], i) => ({
    description: describeGroup(title, grouping, key, period),
    quantity: amounts[i]!,
    unit: pricing.unit,
    unitPrice: pricing.rate,
    entryIds: group.map((e) => e.id),
    rawSeconds: group.reduce((sum, e) => sum + e.seconds, 0),
    roundedSeconds: seconds[i]!,
  }));
  return withoutEmptyLines(lines);
}

/** A group that rounds to nothing bills no line; its entries join the line before (or after) it, so they are still settled once. */
function withoutEmptyLines(lines: PricedTimeLine[]): PricedTimeLine[] {
  const kept: PricedTimeLine[] = [];
  let orphans: PricedTimeLine[] = [];
  for (const line of lines) {
    if (/^0(\.0+)?$/.test(line.quantity)) {
      const previous = kept.at(-1);
      if (previous) absorb(previous, line);
      else orphans.push(line);
      continue;
    }
    for (const orphan of orphans) absorb(line, orphan);
    orphans = [];
    kept.push(line);
  }
  return kept;
}

function absorb(into: PricedTimeLine, line: PricedTimeLine): void {
  into.entryIds.push(...line.entryIds);
  into.rawSeconds += line.rawSeconds;
  into.roundedSeconds += line.roundedSeconds;
}
