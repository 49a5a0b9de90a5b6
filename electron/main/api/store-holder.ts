import path from 'node:path';
import { backupOnline, inspectBackups, listBackups, pruneBackups, verifyDatabaseFile } from '../../../db/backup';
import { moveDocumentsOut } from '../../../db/documents';
import { backupIfDue, openStore, restoreBackup, startFresh, toStoreError, type DailyBackup, type OpenOptions, type Store } from '../../../db/open';
import { getProfile } from '../../../db/profile';
import { givenNumbers, retireNumbers } from '../../../db/numbering';
import { storePaths } from '../../../db/paths';
import { APPLICATION_ID } from '../../../db/pragmas';
import { StoreError } from '../../../db/store-error';
import type { AppStatus, Backup, BackupEntry } from '../../../shared/api/app';
import { importBook } from '../book-export/import';
import { AppError } from '../errors';

type State = { kind: 'ready'; store: Store } | { kind: 'failed'; error: StoreError } | { kind: 'closed' };

/** How often the automatic backup is checked for while the app runs; it is taken once a day. */
const BACKUP_CHECK_MS = 60_000;

/** Backups taken before a restore that are kept; older ones are removed. */
const PRE_RESTORE_KEPT = 10;

/**
 * The user-facing error for a database failure during a call, or null if it is not one: a write
 * lock held by another program, or a file that became read-only after it was opened.
 */
export function storeProblem(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('STORE_BUSY', 'Another program is using your data file, so this was not saved. Close that program and try again; what you entered is kept.');
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new AppError('STORE_UNAVAILABLE', 'Your data file has become read-only, so this was not saved. Make it writable and try again; what you entered is kept.');
  }
  return null;
}

/**
 * Owns the open data file. When it cannot be opened the app still runs, so the renderer can show
 * the recovery screen, retry, or restore a backup through the API. Opening never throws.
 */
export class StoreHolder {
  private state: State = { kind: 'closed' };
  private backupProblem: string | null = null;
  /** The last daily backup taken on the open file, so a day without edits links to it instead of copying. */
  private lastDaily: DailyBackup | null = null;
  private timer: NodeJS.Timeout | undefined;
  /** The backup under way, if any: backups run one at a time. */
  private backupRun: Promise<unknown> = Promise.resolve();

  constructor(
    private options: OpenOptions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get dataDir(): string {
    return this.options.dataDir;
  }

  /**
   * Opens the data file, or records why not. Only the checks that must come before the first
   * write run now; the upkeep (see `upkeep`) starts without being waited for, and its slow parts
   * run in a worker thread or in small batches, so the window shows and calls are answered meanwhile.
   */
  open(fresh = false): void {
    try {
      this.state = { kind: 'ready', store: openStore({ ...this.options, now: this.now, fresh }) };
    } catch (error) {
      this.state = { kind: 'failed', error: toStoreError(error, storePaths(this.options.dataDir)) };
      return;
    }
    void this.upkeep();
  }

  /**
   * Moves PDFs still held in the data file into the documents store (see `moveDocumentsOut`),
   * then takes the daily backup if due. Never rejects: a failure is reported in the status and
   * retried at the next check.
   */
  upkeep(): Promise<void> {
    return this.oneAtATime(async () => {
      if (this.state.kind !== 'ready') return;
      try {
        await moveDocumentsOut(this.state.store.db);
      } catch (error) {
        if (this.state.kind !== 'ready') return;
        this.backupProblem = `Billable could not move stored PDFs into ${storePaths(this.options.dataDir).documents} (${(error as Error).message}). They stay readable in your data file, and Billable tries again; check that the folder is writable with free space.`;
        return;
      }
      await this.dailyBackup();
    });
  }

  /** Runs `task` after any backup already under way. */
  private oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const run = this.backupRun.then(task, task);
    this.backupRun = run.catch(() => {});
    return run;
  }

  /** Resolves once no backup is under way. */
  async settled(): Promise<void> {
    await this.backupRun;
  }

  /**
   * The daily backup, if due (the first as soon as a profile exists). It runs online and never
   * rejects: a failure (full disk, `backups` not a folder) is reported in the status and retried
   * at the next check.
   */
  backupIfDue(): Promise<void> {
    return this.oneAtATime(() => this.dailyBackup());
  }

  private async dailyBackup(): Promise<void> {
    if (this.state.kind !== 'ready') return;
    try {
      this.lastDaily = (await backupIfDue(this.state.store, this.now(), this.lastDaily)) ?? this.lastDaily;
      this.backupProblem = null;
    } catch (error) {
      if (this.state.kind !== 'ready') return;
      this.backupProblem = `The automatic backup failed (${(error as Error).message}). Billable keeps working and tries again; check that ${storePaths(this.options.dataDir).backups} is a folder with free space.`;
    }
  }

  /**
   * A verified backup into `folder` now, named `billable-<time>-<label>.sqlite`. Resolves to its
   * path and how long it took (ms); raises STORE_UNAVAILABLE when the file is not open or the copy
   * could not be written (nothing is left behind).
   */
  backupNow(folder: string, label = 'manual'): Promise<{ path: string; ms: number }> {
    return this.oneAtATime(async () => {
      const store = this.store();
      const started = performance.now();
      try {
        const file = await backupOnline(store.sqlite, folder, label, this.now());
        return { path: file, ms: Math.round(performance.now() - started) };
      } catch (error) {
        throw new AppError('STORE_UNAVAILABLE', `The backup could not be written to ${folder} (${(error as Error).message}). Nothing was changed; choose another folder or free some space.`);
      }
    });
  }

  /** Every backup in the data folder's backups, newest first, each checked, with its summary. */
  backups(): BackupEntry[] {
    return inspectBackups(storePaths(this.options.dataDir).backups);
  }

  /** Runs the upkeep every minute while the app runs, so the first backup comes soon after the profile, then one a day, and a failed step is retried. */
  startBackupTimer(everyMs = BACKUP_CHECK_MS): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.upkeep(), everyMs);
    this.timer.unref();
  }

  /** The newest verified backup of this folder, or null. */
  lastBackup(): Backup | null {
    return listBackups(storePaths(this.options.dataDir).backups)[0] ?? null;
  }

  get failure(): StoreError | null {
    return this.state.kind === 'failed' ? this.state.error : null;
  }

  store(): Store {
    if (this.state.kind !== 'ready') {
      throw new AppError('STORE_UNAVAILABLE', 'Your data file is not open. Restore a backup to carry on.');
    }
    return this.state.store;
  }

  status(): AppStatus {
    const paths = storePaths(this.options.dataDir);
    if (this.state.kind === 'ready') {
      return {
        state: 'ready',
        dataDir: paths.dataDir,
        hasProfile: getProfile(this.state.store.db, { withLogo: false }) !== null,
        backupProblem: this.backupProblem,
        lastBackup: this.lastBackup(),
      };
    }
    const error = this.state.kind === 'failed' ? this.state.error : new StoreError('MISSING', 'The data file is closed.');
    return {
      state: 'failed',
      dataDir: paths.dataDir,
      reason: error.reason,
      message: error.message,
      quarantinedTo: error.quarantinedTo,
      backups: listBackups(paths.backups),
    };
  }

  /** Tries the data file again after the user fixed the cause (a lock, permissions, space). */
  retry(): AppStatus {
    if (this.state.kind !== 'ready') this.open();
    return this.status();
  }

  /**
   * Restores a backup by file name. Over an open file, a backup of it is taken first (and the
   * file itself is kept in quarantine/); if that backup fails nothing is changed. On any failure
   * of the restore the previous file is reopened and the error raised. Numbers the replaced file
   * had given and the backup has not are retired in the restored file, so none is given twice.
   */
  async restore(file: string): Promise<AppStatus> {
    const paths = storePaths(this.options.dataDir);
    // Every document hashed now, so a backup that will be refused is refused before the pre-restore backup is written.
    if (!verifyDatabaseFile(path.join(paths.backups, path.basename(file)), APPLICATION_ID, 'hash')) {
      throw new AppError('NOT_FOUND', 'That backup is missing or damaged, so nothing was changed. Choose another one.', { file: 'Choose another backup' });
    }
    let given: string[] = [];
    if (this.state.kind === 'ready') {
      await this.backupNow(paths.backups, 'pre-restore');
      pruneBackups(paths.backups, 'pre-restore', PRE_RESTORE_KEPT);
      given = givenNumbers(this.state.store.db);
    }
    await this.settled();
    this.closeStore();
    try {
      restoreBackup(paths, file, this.now());
    } catch (error) {
      this.open();
      throw new AppError('NOT_FOUND', toStoreError(error, paths).message, { file: 'Choose another backup' });
    }
    this.open();
    // Documents issued after the backup may be with clients: their numbers stay used (rules §2.3).
    if (this.state.kind === 'ready' && given.length > 0) {
      const { db } = this.state.store;
      const at = this.now().toISOString();
      db.transaction((tx) => retireNumbers(tx, given, `Issued after the backup ${path.basename(file)}, restored on ${at}`, at));
    }
    return this.status();
  }

  /**
   * Imports a whole-book export (electron/main/book-export) as a new data file, never into the open
   * one: it is built and verified as a backup named `…-import.sqlite`, then opened the way a backup
   * is restored (see `restore`: the current file is backed up and kept in quarantine/). A file that
   * cannot be imported is refused with the reason, and nothing is changed.
   */
  async importBook(bytes: Uint8Array): Promise<AppStatus> {
    const { backups } = storePaths(this.options.dataDir);
    const file = await this.oneAtATime(() => importBook(bytes, backups, this.options.migrationsDir, this.now()));
    return this.restore(file);
  }

  startFresh(): AppStatus {
    if (this.state.kind === 'ready') {
      throw new AppError('CONFLICT', 'Your data file is open and healthy; there is nothing to start over from.');
    }
    startFresh(storePaths(this.options.dataDir), this.now());
    this.open(true);
    return this.status();
  }

  /**
   * Switches to the data file in `folder`, which the user chose on the recovery screen, and
   * opens it; the status says how that went. Refused (CONFLICT) while a healthy file is open.
   */
  useFolder(folder: string): AppStatus {
    if (this.state.kind === 'ready') {
      throw new AppError('CONFLICT', 'Your data file is open and healthy; choose another folder only from the recovery screen.');
    }
    this.closeStore();
    this.options = { ...this.options, dataDir: folder };
    this.open();
    return this.status();
  }

  /** Closes the file but keeps the backup timer, for a restore or a change of folder. */
  private closeStore(): void {
    if (this.state.kind === 'ready') this.state.store.close();
    this.state = { kind: 'closed' };
    this.lastDaily = null;
  }

  /** Closes the file and stops the backup timer, when the app quits. */
  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.closeStore();
  }
}
