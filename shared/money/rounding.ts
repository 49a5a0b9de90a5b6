/**
 * half-up: halves go away from zero (2.5 → 3, −2.5 → −3), so a credit note mirrors its invoice.
 * down: towards zero, for HMRC's concession to round an invoice's VAT down to a whole penny.
 */
export type RoundingMode = 'half-up' | 'down';

export const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'down'];

/** numerator ÷ denominator rounded to an integer, exactly (no binary floating point). */
export function divRound(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  let quotient = abs / denominator;
  if (mode === 'half-up' && (abs % denominator) * 2n >= denominator) quotient += 1n;
  return negative ? -quotient : quotient;
}

const POWERS = Array.from({ length: 48 }, (_, i) => 10n ** BigInt(i));

/** 10^n as a bigint; the common exponents are precomputed because every line needs several. */
export const pow10 = (n: number): bigint => POWERS[n] ?? 10n ** BigInt(n);
