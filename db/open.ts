import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackup, listBackups, pruneBackups, verifyDatabaseFile } from './backup';
import { createDb, type Db } from './client';
import { applyMigrations, pendingMigrations, readMigrations } from './migrate';
import { fileStamp, storePaths, type StorePaths } from './paths';
import { APPLICATION_ID, applyPragmas } from './pragmas';
import { StoreError } from './store-error';

export interface Store {
  db: Db;
  sqlite: Database.Database;
  paths: StorePaths;
  close(): void;
}

export interface OpenOptions {
  dataDir: string;
  migrationsDir: string;
  platform?: NodeJS.Platform;
  now?: () => Date;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return -1;
  }
}

function hasSqliteHeader(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    return head.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

/** Moves the database and its WAL files aside, unchanged, and returns the folder. */
export function quarantine(paths: StorePaths, at: Date): string | null {
  const files = [paths.database, `${paths.database}-wal`, `${paths.database}-shm`].filter((f) => fs.existsSync(f));
  if (files.length === 0) return null;
  const dir = path.join(paths.quarantine, fileStamp(at));
  fs.mkdirSync(dir, { recursive: true });
  for (const file of files) fs.renameSync(file, path.join(dir, path.basename(file)));
  return dir;
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}

function corrupt(paths: StorePaths, at: Date): StoreError {
  const dir = quarantine(paths, at);
  return new StoreError(
    'CORRUPT',
    'Your data file is damaged, so Billable has moved it aside unchanged. Restore your newest backup to carry on.',
    dir,
  );
}

function userTableCount(sqlite: Database.Database): number {
  return (sqlite.prepare(`select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'`).get() as { n: number }).n;
}

/**
 * Opens (or creates) the data file: integrity and identity checks, durable pragmas, a verified
 * backup before any pending migration, then the migrations. Throws StoreError when the app must
 * not start on this file; it never starts fresh over data that existed.
 */
export function openStore(options: OpenOptions): Store {
  const paths = storePaths(options.dataDir);
  const now = options.now ?? (() => new Date());
  fs.mkdirSync(paths.dataDir, { recursive: true });

  const size = fileSize(paths.database);
  if (size <= 0 && fs.existsSync(paths.marker)) {
    throw new StoreError(
      'MISSING',
      'Your data file is missing or empty, but Billable has stored data here before. Restore your newest backup to carry on.',
      quarantine(paths, now()),
    );
  }
  if (size > 0 && !hasSqliteHeader(paths.database)) throw corrupt(paths, now());

  const sqlite = new Database(paths.database);
  try {
    applyPragmas(sqlite, options.platform ?? process.platform);
    if (sqlite.pragma('quick_check', { simple: true }) !== 'ok') {
      sqlite.close();
      throw corrupt(paths, now());
    }
    const appId = sqlite.pragma('application_id', { simple: true });
    const tables = userTableCount(sqlite);
    if (appId !== APPLICATION_ID && (appId !== 0 || tables > 0)) {
      throw new StoreError('FOREIGN', `${paths.database} is not a Billable data file. Move it away or choose another data folder.`);
    }
    if (appId === 0) sqlite.pragma(`application_id = ${APPLICATION_ID}`);

    const pending = pendingMigrations(sqlite, readMigrations(options.migrationsDir));
    let backup: string | null = null;
    if (pending.length > 0 && tables > 0) {
      backup = createBackup(sqlite, paths.backups, `pre-migration-${pending.at(-1)!.tag}`, now());
    }
    try {
      applyMigrations(sqlite, pending);
    } catch (error) {
      throw new StoreError(
        'MIGRATION_FAILED',
        `Billable could not update your data file (${(error as Error).message}). Nothing was changed${backup ? `; a backup was saved as ${path.basename(backup)}` : ''}.`,
      );
    }
    fs.writeFileSync(paths.marker, JSON.stringify({ applicationId: APPLICATION_ID, openedAt: now().toISOString() }));
    return { db: createDb(sqlite), sqlite, paths, close: () => sqlite.close() };
  } catch (error) {
    if (sqlite.open) sqlite.close();
    if (isCorruption(error)) throw corrupt(paths, now());
    throw error;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A daily verified backup once there is a business to back up, keeping two weeks of them. */
export function backupIfDue(store: Store, now: Date): string | null {
  const hasData = store.sqlite.prepare('select 1 from business_profile limit 1').get();
  if (!hasData) return null;
  const newest = listBackups(store.paths.backups).find((b) => b.file.endsWith('-daily.sqlite'));
  if (newest && now.getTime() - Date.parse(newest.createdAt) < DAY_MS) return null;
  const file = createBackup(store.sqlite, store.paths.backups, 'daily', now);
  pruneBackups(store.paths.backups, 'daily', 14);
  return file;
}

/** Puts a verified backup in place of the (closed) data file; the current file is moved aside. */
export function restoreBackup(paths: StorePaths, file: string, at: Date): void {
  const source = path.join(paths.backups, path.basename(file));
  if (!fs.existsSync(source) || !verifyDatabaseFile(source)) {
    throw new StoreError('CORRUPT', 'That backup is missing or damaged. Choose another one.');
  }
  quarantine(paths, at);
  const tmp = `${paths.database}.restoring`;
  fs.copyFileSync(source, tmp);
  const fd = fs.openSync(tmp, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, paths.database);
}

/** Gives up on lost data (kept in quarantine) and lets the next open start a new file. */
export function startFresh(paths: StorePaths, at: Date): void {
  quarantine(paths, at);
  fs.rmSync(paths.marker, { force: true });
}
