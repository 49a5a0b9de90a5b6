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

export const restoreBackupInput = z.object({
  file: z.string().regex(/^billable-[\w.-]+\.sqlite$/, 'Choose a backup from the list'),
});

export type AppStatus = z.infer<typeof appStatusSchema>;
export type Backup = z.infer<typeof backupSchema>;
