import { divRound } from '../money/rounding';

/**
 * UK VAT return boxes 6–9 are whole pounds. Pence are dropped once, on the period total, never
 * per invoice (rules §3.3 P8). Sources conflict on truncating or rounding, so both are offered;
 * truncation is the default.
 */
export type WholePoundsMode = 'truncate' | 'nearest';

export function wholePounds(pence: number, mode: WholePoundsMode = 'truncate'): number {
  return Number(divRound(BigInt(pence), 100n, mode === 'truncate' ? 'down' : 'half-up'));
}

/** Box 6 for a period: the sterling nets of its sales, summed in pence, then made whole pounds. */
export function box6(netsInPence: readonly number[], mode: WholePoundsMode = 'truncate'): number {
  return wholePounds(
    netsInPence.reduce((sum, n) => sum + n, 0),
    mode,
  );
}
