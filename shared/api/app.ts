import { z } from 'zod';

export const STORE_FAILURES = [
  'CORRUPT',
  'MISSING',
  'NEWER_SCHEMA',
  'FOREIGN',
  'MIGRATION_FAILED',
  'UNSAFE',
  /** Another program holds the data file's lock. */
  'BUSY',
  /** The data folder or file cannot be written. */
  'READ_ONLY',
  'DISK_FULL',
  /** The backup taken before a migration could not be written; nothing was changed. */
  'BACKUP_FAILED',
  'UNEXPECTED',
] as const;
export type StoreFailure = (typeof STORE_FAILURES)[number];

export const backupSchema = z.object({
  file: z.string(),
  createdAt: z.string(),
  sizeBytes: z.number(),
});

export const backupSummarySchema = z.object({
  clients: z.number(),
  /** Issued invoices, not counting credit notes. */
  invoices: z.number(),
  lastInvoiceNumber: z.string().nullable(),
});

/** A backup in the restore list: checked by opening it; a damaged one says why and is not offered. */
export const backupEntrySchema = backupSchema.extend({
  verified: z.boolean(),
  problem: z.string().nullable(),
  /** Null when damaged, or for a copy from before these tables existed. */
  summary: backupSummarySchema.nullable(),
});

/** Where "Back up now" wrote the copy, and how long it took (milliseconds). */
export const backupResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), path: z.string(), ms: z.number() }),
  z.object({ status: z.literal('cancelled') }),
]);

export const appStatusSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ready'),
    dataDir: z.string(),
    hasProfile: z.boolean(),
    /** Why the last automatic backup failed (it is retried); null once one succeeds. */
    backupProblem: z.string().nullable(),
    lastBackup: backupSchema.nullable(),
  }),
  z.object({
    state: z.literal('failed'),
    dataDir: z.string(),
    reason: z.enum(STORE_FAILURES),
    message: z.string(),
    quarantinedTo: z.string().nullable(),
    backups: z.array(backupSchema),
  }),
]);

/** A reminder shown by the OS (Electron) through the desktop shell; the browser host answers `shown: false` and the renderer shows it in the app. */
export const notifyInput = z.object({ title: z.string().trim().min(1, 'Give the reminder a title').max(120), body: z.string().max(500) });
export const notifyOutput = z.object({ shown: z.boolean() });

export const restoreBackupInput = z.object({
  file: z.string().regex(/^billable-[\w.-]+\.sqlite$/, 'Choose a backup from the list'),
});

export type AppStatus = z.infer<typeof appStatusSchema>;
export type Backup = z.infer<typeof backupSchema>;
export type BackupSummary = z.infer<typeof backupSummarySchema>;
export type BackupEntry = z.infer<typeof backupEntrySchema>;
export type BackupResult = z.infer<typeof backupResultSchema>;
