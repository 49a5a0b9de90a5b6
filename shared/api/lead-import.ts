import { z } from 'zod';
import { EML_MAX_BYTES } from '../lead-import/email';
import { IMPORT_FIELDS, IMPORT_FORMATS, type ImportField } from '../lead-import/formats';
import { LEAD_SOURCES } from '../leads/sources';
import { id } from './fields';

/** The largest CSV accepted (issue 15 §7): a connections export of tens of thousands of rows fits. */
export const CSV_MAX_BYTES = 10 * 1024 * 1024;

const mappingSchema = z.object(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.number().int().min(0).nullable()])) as Record<ImportField, z.ZodNullable<z.ZodNumber>>);

/** A CSV file as text and what to do with it: leads with one source, or contacts of one client. */
const csvImportFields = z.object({
  /** The file's text; its size in UTF-8 bytes is checked against CSV_MAX_BYTES in main. */
  text: z.string().max(CSV_MAX_BYTES, 'Choose a file of at most 10 MB'),
  target: z.enum(['leads', 'contacts']).default('leads'),
  clientId: id.nullable().default(null),
  source: z.enum(LEAD_SOURCES, { error: 'Choose where these leads came from' }).default('direct'),
  /** The column for each field; null to use the one proposed from the header. */
  mapping: mappingSchema.nullable().default(null),
});

const needsClient = (v: { target: string; clientId: number | null }) => v.target === 'leads' || v.clientId !== null;
const clientIssue = { path: ['clientId'], message: 'Choose the client these contacts belong to' };

export const csvPreviewInput = csvImportFields.refine(needsClient, clientIssue);
export const csvImportInput = csvImportFields
  .extend({
    /** Import the rows without errors and list the others as skipped; otherwise any error refuses the whole file. */
    skipErrors: z.boolean().default(false),
  })
  .refine(needsClient, clientIssue);

const recordSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  organisation: z.string().nullable(),
  position: z.string().nullable(),
  link: z.string().nullable(),
  title: z.string().nullable(),
  notes: z.string().nullable(),
});

const checkedRowSchema = z.object({ row: z.number().int(), record: recordSchema, errors: z.array(z.string()) });

/** The file as understood: its format, header, the mapping in use and every row with its errors. */
export const csvPreviewSchema = z.object({
  format: z.enum(IMPORT_FORMATS),
  columns: z.array(z.string()),
  mapping: mappingSchema,
  rows: z.array(checkedRowSchema),
  errorCount: z.number().int(),
});
export type CsvPreview = z.output<typeof csvPreviewSchema>;

export const csvImportResultSchema = z.object({
  imported: z.number().int(),
  skipped: z.array(checkedRowSchema),
});

/** An .eml file as the user chose or dropped it. */
export const emlInput = z.object({
  fileName: z.string().max(255),
  dataBase64: z.string().min(1, 'The file is empty').max(Math.ceil((EML_MAX_BYTES * 4) / 3) + 1024, 'Choose an email file of at most 5 MB'),
});

export const leadCsvSchema = z.object({ fileName: z.string(), text: z.string() });
