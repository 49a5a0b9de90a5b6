import type { ResolvedRate } from '../contracts/types';
import { decimal, multiply, roundToScale } from '../money/decimal';
import { toSafeAmount } from '../money/money';
import { currencyExponent } from '../reference/currencies';

/**
 * A proposal's price in minor units of the rate's currency: the estimate (hours, days, or a count
 * of the fixed price, in the card's unit) × the rate after discount, exact, then rounded half up to
 * the currency's minor unit once. VAT is never added: a proposal is not a tax document.
 */
export function proposalPrice(estimate: string, rate: Pick<ResolvedRate, 'rate' | 'currency'>): number {
  const exact = multiply(decimal(estimate), decimal(rate.rate, 20));
  return toSafeAmount(roundToScale(exact, currencyExponent(rate.currency), 'half-up'));
}

/** The estimate's unit as a word for the card's unit: "hours", "days", or "× fixed price". */
export function estimateUnit(unit: ResolvedRate['unit']): string {
  return unit === 'hour' ? 'hours' : unit === 'day' ? 'days' : '× fixed price';
}
