import { z } from 'zod';

/** The largest book export an import takes, as base64: a decade of work with its PDFs and receipts fits well within it. */
const BOOK_IMPORT_MAX_BYTES = 300 * 1024 * 1024;

/** The whole book as one zip (book.json and the stored documents), base64, and what it holds. */
export const bookExportOutput = z.object({
  fileName: z.string(),
  dataBase64: z.string(),
  counts: z.object({ tables: z.number().int(), rows: z.number().int(), documents: z.number().int() }),
});

/** A book export the user chose to import: its name and bytes as base64 (its contents are checked in main). */
export const bookImportInput = z.object({
  fileName: z.string().max(260).default('book.zip'),
  dataBase64: z
    .string()
    .min(1, 'The file is empty')
    .max(Math.ceil((BOOK_IMPORT_MAX_BYTES * 4) / 3), 'Choose a book export of at most 300 MB'),
});
