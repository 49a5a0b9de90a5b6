import type { DiscountRuleView, RateCard } from '../../../../shared/api/rate-cards';
import type { RateUnit } from '../../../../shared/contracts/types';
import { formatDate } from '../../components/dates';
import { formatDecimal, formatMoney } from '../../components/format';

export const UNIT_OPTIONS: { value: RateUnit; label: string }[] = [
  { value: 'hour', label: 'Per hour' },
  { value: 'day', label: 'Per day' },
  { value: 'fixed', label: 'Fixed price' },
];

type Version = RateCard['versions'][number];

export function priceText(card: Pick<RateCard, 'currency'>, version: Pick<Version, 'amountMinor'>): string {
  return formatMoney({ amount: version.amountMinor, currency: card.currency });
}

/** "7.5 h" ("7,5 h" in de-DE) from a day length as stored ("7.5"). */
export function dayLength(hoursPerDay: string | null): string {
  return hoursPerDay === null ? '—' : `${formatDecimal(hoursPerDay)} h`;
}

/** "per hour", "per day (7.5 h)" (the day length of the price in effect, else the first), "fixed price". */
export function unitText(card: RateCard): string {
  if (card.unit === 'hour') return 'per hour';
  if (card.unit === 'fixed') return 'fixed price';
  const hours = (card.current ?? card.versions[0])?.hoursPerDay ?? null;
  return hours === null ? 'per day' : `per day (${dayLength(hours)})`;
}

/** The prices that start after `today` (ISO), soonest first. */
export function upcomingVersions(card: RateCard, today: string): Version[] {
  return card.versions.filter((v) => v.effectiveFrom > today);
}

/** The next change after the price in effect ("£350.00 from 1 Apr 2027"), or how many prices the card has had. */
export function historyText(card: RateCard, today: string): { text: string; upcoming: boolean } {
  const upcoming = upcomingVersions(card, today);
  // Without a price in effect, the first upcoming one is shown as the current price's start.
  const next = card.current ? upcoming[0] : upcoming[1];
  if (next) return { text: `${priceText(card, next)} from ${formatDate(next.effectiveFrom)}`, upcoming: true };
  const n = card.versions.length;
  return { text: n === 1 ? '1 price' : `${n} prices`, upcoming: false };
}

export function usedByText(count: number): string {
  return count === 0 ? '—' : count === 1 ? '1 contract' : `${count} contracts`;
}

function months(n: number): string {
  return n === 1 ? '1 month' : `${n} months`;
}

/** "10% always" for one tier from 0 months; otherwise "5% from 3 months, 10% from 6 months". */
export function tiersText(tiers: DiscountRuleView['tiers']): string {
  const sorted = [...tiers].sort((a, b) => a.fromMonths - b.fromMonths);
  if (sorted.length === 1 && sorted[0]!.fromMonths === 0) return `${formatDecimal(sorted[0]!.percent)}% always`;
  return sorted.map((t) => (t.fromMonths === 0 ? `${formatDecimal(t.percent)}% from the start` : `${formatDecimal(t.percent)}% from ${months(t.fromMonths)}`)).join(', ');
}
