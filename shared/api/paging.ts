import { z } from 'zod';

/** Rows a list call returns when the caller does not say; a screen asks for pages of this size. */
export const DEFAULT_PAGE_SIZE = 100;
/** The most rows one list call returns. */
export const MAX_PAGE_SIZE = 1000;

export const pageLimit = z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE);

/** A keyset position: the sort key of the last row seen (every list sorts on a text column) and its id, which breaks ties. */
export interface Keyset {
  key: string;
  id: number;
}

/** The opaque cursor of a listed row: pass it as `after` to get the rows that follow it. */
export function encodeCursor(keyset: Keyset): string {
  return JSON.stringify([keyset.key, keyset.id]);
}

/**
 * `after`: a cursor from a previous page's last row, or null for the first page. A cursor that is
 * not one of ours fails validation ("Start the list again") rather than reaching SQL.
 */
export const afterCursor = z
  .string()
  .max(1000)
  .nullable()
  .default(null)
  .transform((text, ctx): Keyset | null => {
    if (text === null) return null;
    try {
      const value: unknown = JSON.parse(text);
      if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && Number.isSafeInteger(value[1]) && (value[1] as number) > 0) {
        return { key: value[0], id: value[1] as number };
      }
    } catch {
      // Falls through to the issue below.
    }
    ctx.addIssue({ code: 'custom', message: 'Start the list again' });
    return z.NEVER;
  });
