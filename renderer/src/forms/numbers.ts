/**
 * A whole or decimal number as the user typed it, for a zod schema to judge: "2.5" stays 2.5 and
 * "-3" stays -3 (so the schema can say "Enter whole months" or "can't be negative"), and anything
 * else, blank included, is NaN ("Enter a number"). A number input would quietly turn "2.5" into 25.
 */
export function typedNumber(value: number | string): number {
  if (typeof value === 'number') return value;
  const text = value.trim();
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}
