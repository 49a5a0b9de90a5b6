/** Letters NFKD leaves whole (a stroke or a ligature, not a combining accent), as a reader would type them. */
const UNDECOMPOSED: Record<string, string> = { ß: 'ss', ł: 'l', đ: 'd', ð: 'd', ø: 'o', æ: 'ae', œ: 'oe', ħ: 'h', ı: 'i', þ: 'th', ŧ: 't' };
const UNDECOMPOSED_PATTERN = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'g');

/**
 * Text folded for search and sorting: Unicode lower case (which SQLite's LIKE and lower() do for
 * ASCII only), accents removed and compatibility forms unified, so "ÉCOLE", "école" and "ecole"
 * all fold to "ecole", "Straße" to "strasse" and "Łódź" to "lodz". Pure; the same function folds the stored
 * column and the user's query, so they always agree.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(UNDECOMPOSED_PATTERN, (letter) => UNDECOMPOSED[letter]!);
}

/** Separates folded fields in a search column, so a query never matches across two of them. */
export const SEARCH_FIELD_SEPARATOR = '\u001f';

/** The folded search column of a record: each present field folded, joined by the separator. */
export function searchTextOf(fields: readonly (string | null | undefined)[]): string {
  return fields
    .filter((f): f is string => !!f)
    .map(foldForSearch)
    .join(SEARCH_FIELD_SEPARATOR);
}
