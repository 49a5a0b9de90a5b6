import { decimal } from '../money/decimal';
import { pow10 } from '../money/rounding';

/** Burn at or above this percent of the budget warns. */
export const BUDGET_WARNING_PERCENT = 80;

/**
 * How much of a budget is used. `used` and `budget` are decimal text in the same unit (hours,
 * or minor units for a money budget). `percent` is used ÷ budget × 100 rounded down to a whole
 * number, and may pass 100; the level is 'warning' from BUDGET_WARNING_PERCENT and 'over' from
 * 100. Rounding down is exact, so 79.999% is still 'ok' and exactly 80% warns.
 * Throws RangeError when the budget is not above 0 or `used` is negative.
 */
export function budgetBurn(used: string, budget: string): { percent: number; level: 'ok' | 'warning' | 'over' } {
  const [u, b] = [decimal(used), decimal(budget)];
  if (b.units <= 0n) throw new RangeError(`A budget must be more than 0, not ${budget}`);
  if (u.units < 0n) throw new RangeError(`Usage can't be negative: ${used}`);
  // (u.units / 10^u.scale) × 100 ÷ (b.units / 10^b.scale), truncated: both are positive, so this is floor.
  const percent = Number((u.units * 100n * pow10(b.scale)) / (b.units * pow10(u.scale)));
  return { percent, level: percent >= 100 ? 'over' : percent >= BUDGET_WARNING_PERCENT ? 'warning' : 'ok' };
}
