import { listBackups } from '../../../db/backup';
import { backupIfDue, openStore, restoreBackup, startFresh, type OpenOptions, type Store } from '../../../db/open';
import { getProfile } from '../../../db/profile';
import { storePaths } from '../../../db/paths';
import { StoreError } from '../../../db/store-error';
import type { AppStatus } from '../../../shared/api/app';
import { AppError } from '../errors';

type State = { kind: 'ready'; store: Store } | { kind: 'failed'; error: StoreError } | { kind: 'closed' };

/**
 * Owns the open data file. When it cannot be opened the app still runs, so the renderer can show
 * the recovery screen and restore a backup through the API.
 */
export class StoreHolder {
  private state: State = { kind: 'closed' };

  constructor(
    private readonly options: OpenOptions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get dataDir(): string {
    return this.options.dataDir;
  }

  open(): void {
    try {
      const store = openStore({ ...this.options, now: this.now });
      this.state = { kind: 'ready', store };
      backupIfDue(store, this.now());
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      this.state = { kind: 'failed', error };
    }
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
      return { state: 'ready', dataDir: paths.dataDir, hasProfile: getProfile(this.state.store.db, { withLogo: false }) !== null };
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

  restore(file: string): AppStatus {
    this.close();
    try {
      restoreBackup(storePaths(this.options.dataDir), file, this.now());
    } catch (error) {
      if (error instanceof StoreError) throw new AppError('NOT_FOUND', error.message, { file: error.message });
      throw error;
    }
    this.open();
    return this.status();
  }

  startFresh(): AppStatus {
    if (this.state.kind === 'ready') {
      throw new AppError('CONFLICT', 'Your data file is open and healthy; there is nothing to start over from.');
    }
    startFresh(storePaths(this.options.dataDir), this.now());
    this.open();
    return this.status();
  }

  close(): void {
    if (this.state.kind === 'ready') this.state.store.close();
    this.state = { kind: 'closed' };
  }
}
