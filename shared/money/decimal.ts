import { divRound, pow10, type RoundingMode } from './rounding';

/** An exact decimal: units × 10^−scale. Quantities, unit prices, rates and percentages use it. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

const DECIMAL = /^([+-])?(\d+)?(?:\.(\d+))?$/;

/** Parses "7.5", "-0.25", "1,234.5" (comma groups of three) into an exact decimal. */
export function parseDecimal(text: string, options: { maxScale: number; label?: string; allowNegative?: boolean }): ParseResult<Decimal> {
  const label = options.label ?? 'Number';
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  const ungrouped = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact) ? compact.replaceAll(',', '') : compact;
  const match = DECIMAL.exec(ungrouped);
  if (!match || (match[2] === undefined && match[3] === undefined)) {
    return { ok: false, message: `${label} must be a number like 7.5` };
  }
  const fraction = match[3] ?? '';
  if (fraction.length > options.maxScale) {
    return {
      ok: false,
      message: options.maxScale === 0 ? `${label} must be a whole number` : `${label} can have at most ${options.maxScale} decimal places`,
    };
  }
  const negative = match[1] === '-';
  if (negative && !options.allowNegative) return { ok: false, message: `${label} can't be negative` };
  const units = BigInt(`${match[2] ?? '0'}${fraction}`);
  return { ok: true, value: { units: negative ? -units : units, scale: fraction.length } };
}

const PLAIN = /^-?\d+(\.\d+)?$/;

/** Parses text known to be valid (schema-checked); throws otherwise. Hot path of every line. */
export function decimal(text: string, maxScale = 12): Decimal {
  if (PLAIN.test(text)) {
    const dot = text.indexOf('.');
    const scale = dot === -1 ? 0 : text.length - dot - 1;
    if (scale <= maxScale) return { units: BigInt(dot === -1 ? text : text.slice(0, dot) + text.slice(dot + 1)), scale };
  }
  const result = parseDecimal(text, { maxScale, allowNegative: true });
  if (!result.ok) throw new RangeError(`${result.message}: ${text}`);
  return result.value;
}

/** Canonical text: no exponent, no trailing zeros beyond `minScale`. */
export function decimalToString(d: Decimal, minScale = 0): string {
  let { units, scale } = d;
  while (scale > minScale && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(-scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

export function isZero(d: Decimal): boolean {
  return d.units === 0n;
}

/** d rounded to an integer number of 10^−scale units. */
export function roundToScale(d: Decimal, scale: number, mode: RoundingMode): bigint {
  return scale >= d.scale ? d.units * pow10(scale - d.scale) : divRound(d.units, pow10(d.scale - scale), mode);
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export const DECIMAL_ZERO: Decimal = { units: 0n, scale: 0 };

/** a + b, exactly, at the larger of the two scales. */
export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * pow10(scale - a.scale) + b.units * pow10(scale - b.scale), scale };
}

/** a − b, exactly, at the larger of the two scales. */
export function subtractDecimals(a: Decimal, b: Decimal): Decimal {
  return addDecimals(a, { units: -b.units, scale: b.scale });
}

/** −1, 0 or 1 as a is less than, equal to or greater than b; the scale does not matter (1.50 = 1.5). */
export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = a.units * pow10(scale - a.scale);
  const y = b.units * pow10(scale - b.scale);
  return x === y ? 0 : x < y ? -1 : 1;
}
