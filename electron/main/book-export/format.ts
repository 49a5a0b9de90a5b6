import { z } from 'zod';

/**
 * The whole-book export: a zip holding `book.json` (every table's rows as stored) and each stored
 * document as `documents/<sha256>`. Documents travel as their own zip entries, not base64 inside
 * the JSON: they are already compressed (PDF, JPEG, PNG), stay byte-for-byte checkable by name, and
 * keep book.json small enough to parse for a decade of work.
 */
export const BOOK_FORMAT = 'billable-book';

/** The layout of book.json; a later change to it that an older Billable cannot read raises this. */
export const BOOK_VERSION = 1;

export const BOOK_JSON = 'book.json';
export const DOCUMENTS_PREFIX = 'documents/';

/**
 * Tables that are not the user's business and are not exported: SQLite's own, and the migration
 * ledger, which `schemaVersion` replaces (the import writes it by running the same migrations).
 * `sqlite_sequence` is exported as `sequences` instead, so an id never used again (a deleted
 * draft's, a removed payment's that a reversal names) stays unused after an import.
 *
 * Everything else is exported as stored, the derived columns and the `invoice_balances` cache
 * included: triggers keep them from the records, and rebuilding them on import would need a second
 * copy of those rules. The import inserts with the triggers set aside (see import.ts), so each
 * value comes back exactly as the export read it, as a backup would keep it.
 */
export const NOT_EXPORTED = new Set(['__billable_migrations', 'sqlite_sequence']);

/** One stored value: SQLite's integer, real, text or null, or a blob as base64. Money is integer minor units as stored. */
const cell = z.union([z.null(), z.number().finite(), z.string(), z.strictObject({ base64: z.base64() })]);

const table = z
  .strictObject({ columns: z.array(z.string().min(1)).min(1), rows: z.array(z.array(cell)) })
  .refine((t) => t.rows.every((row) => row.length === t.columns.length), { message: 'A row has a different number of values than the table has columns' });

/** What every export starts with: read first, so a newer format is refused by name before the rest is checked. */
export const bookHeader = z.object({
  format: z.literal(BOOK_FORMAT, { error: 'It is not a Billable book export' }),
  version: z.number().int().min(1),
  schemaVersion: z.number().int().min(1),
});

/** book.json as written by `exportBook`. */
export const bookSchema = z.strictObject({
  format: z.literal(BOOK_FORMAT),
  version: z.literal(BOOK_VERSION),
  /** The number of migrations the exporting file had: its tables and columns are those of that schema. */
  schemaVersion: z.number().int().min(1),
  exportedAt: z.iso.datetime(),
  tables: z.record(z.string(), table),
  sequences: z.record(z.string(), z.number().int().min(0)),
  /** Each stored document the rows reference, by SHA-256: a file `documents/<sha256>` in the zip. */
  documents: z.array(z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/), byteSize: z.number().int().min(0) })),
});

export type Book = z.infer<typeof bookSchema>;
export type Cell = z.infer<typeof cell>;
