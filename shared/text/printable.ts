import { PRINTABLE_RANGES } from './printable-ranges';

/** Binary search of a flat, ascending [start, end, …] table with `stride` numbers per range. */
export function rangeIndex(table: readonly number[], stride: number, cp: number): number {
  let lo = 0;
  let hi = table.length / stride - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < table[mid * stride]!) hi = mid - 1;
    else if (cp > table[mid * stride + 1]!) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Format characters (joiners, variation selectors, direction marks, soft hyphen) shape or
 * steer the text around them but draw nothing, so they never need a glyph of their own.
 */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

/**
 * Whether the PDF fonts can draw `ch` (one code point). Tab, line feed and carriage return count
 * as printable; whether a field accepts them is the field's own rule.
 */
export function isPrintable(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return true;
  return rangeIndex(PRINTABLE_RANGES, 2, cp) >= 0 || IGNORABLE.test(ch);
}

/** The first character of `text` no shipped font can draw, or null when every one prints. */
export function firstUnprintable(text: string): string | null {
  for (const ch of text) if (!isPrintable(ch)) return ch;
  return null;
}

/**
 * The message for a refused character, naming it and its code point, e.g.
 * '“𓀀” (U+13000) cannot be printed on an invoice'.
 */
export function unprintableMessage(ch: string): string {
  const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `“${ch}” (U+${code}) cannot be printed on an invoice`;
}
