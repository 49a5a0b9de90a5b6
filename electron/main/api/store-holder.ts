import { listBackups } from '../../../db/backup';
import { backupIfDue, openStore, restoreBackup, startFresh, toStoreError, type OpenOptions, type Store } from '../../../db/open';
import { getProfile } from '../../../db/profile';
import { storePaths } from '../../../db/paths';
import { StoreError } from '../../../db/store-error';
import type { AppStatus, Backup } from '../../../shared/api/app';
import { AppError } from '../errors';

type State = { kind: 'ready'; store: Store } | { kind: 'failed'; error: StoreError } | { kind: 'closed' };

/** How often the automatic backup is checked for while the app runs; it is taken once a day. */
const BACKUP_CHECK_MS = 60_000;

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
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: OpenOptions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get dataDir(): string {
    return this.options.dataDir;
  }

  /** Opens the data file, or records why not; then takes the daily backup if one is due. */
  open(fresh = false): void {
    try {
      this.state = { kind: 'ready', store: openStore({ ...this.options, now: this.now, fresh }) };
    } catch (error) {
      this.state = { kind: 'failed', error: toStoreError(error, storePaths(this.options.dataDir)) };
      return;
    }
    this.backupIfDue();
  }

  /**
   * The daily backup, if due. A failure (full disk, `backups` not a folder) never stops the app:
   * it is reported in the status and retried at the next check.
   */
  backupIfDue(): void {
    if (this.state.kind !== 'ready') return;
    try {
      backupIfDue(this.state.store, this.now());
      this.backupProblem = null;
    } catch (error) {
      this.backupProblem = `The automatic backup failed (${(error as Error).message}). Billable keeps working and tries again; check that ${storePaths(this.options.dataDir).backups} is a folder with free space.`;
    }
  }

  /** Checks for a due backup every minute while the app runs, so the first comes soon after the profile and then one a day. */
  startBackupTimer(everyMs = BACKUP_CHECK_MS): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => this.backupIfDue(), everyMs);
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

  /** Restores a backup by file name; on any failure the previous file is reopened and the error raised. */
  restore(file: string): AppStatus {
    this.close();
    try {
      restoreBackup(storePaths(this.options.dataDir), file, this.now());
    } catch (error) {
      this.open();
      throw new AppError('NOT_FOUND', toStoreError(error, storePaths(this.options.dataDir)).message, { file: 'Choose another backup' });
    }
    this.open();
    return this.status();
  }

  startFresh(): AppStatus {
    if (this.state.kind === 'ready') {
      throw new AppError('CONFLICT', 'Your data file is open and healthy; there is nothing to start over from.');
    }
    startFresh(storePaths(this.options.dataDir), this.now());
    this.open(true);
    return this.status();
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.state.kind === 'ready') this.state.store.close();
    this.state = { kind: 'closed' };
  }
}
