import type Database from 'better-sqlite3';
import { StoreError } from './store-error';

/** "BILL": marks a SQLite file as Billable's, so a foreign or blank file is never taken for ours. */
export const APPLICATION_ID = 0x42494c4c;

export const MIN_SQLITE_VERSION = '3.51.3';

function versionAtLeast(actual: string, wanted: string): boolean {
  const a = actual.split('.').map(Number);
  const w = wanted.split('.').map(Number);
  for (let i = 0; i < w.length; i++) {
    if ((a[i] ?? 0) !== (w[i] ?? 0)) return (a[i] ?? 0) > (w[i] ?? 0);
  }
  return true;
}

/**
 * Durability and integrity settings, read back after setting. better-sqlite3 reopens WAL files
 * with synchronous=NORMAL, which lost acknowledged writes on power loss; FULL did not.
 */
export function applyPragmas(sqlite: Database.Database, platform: NodeJS.Platform): void {
  const version = (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v;
  if (!versionAtLeast(version, MIN_SQLITE_VERSION)) {
    throw new StoreError('UNSAFE', `SQLite ${version} is too old; Billable needs ${MIN_SQLITE_VERSION} or later.`);
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const wanted: [string, unknown][] = [
    ['journal_mode', 'wal'],
    ['synchronous', 2],
    ['foreign_keys', 1],
    ['busy_timeout', 5000],
  ];
  if (platform === 'darwin') {
    sqlite.pragma('fullfsync = ON');
    sqlite.pragma('checkpoint_fullfsync = ON');
    wanted.push(['fullfsync', 1], ['checkpoint_fullfsync', 1]);
  }
  for (const [name, value] of wanted) {
    const actual = sqlite.pragma(name, { simple: true });
    if (actual !== value) {
      throw new StoreError('UNSAFE', `Could not make the data file safe to write (${name} is ${String(actual)}).`);
    }
  }
}
