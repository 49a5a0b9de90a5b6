/**
 * Orders ISO dates, instants and other code-point text as plain strings (-1, 0, 1): what they mean
 * sorts the same way, and localeCompare would cost a collation on every comparison.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
