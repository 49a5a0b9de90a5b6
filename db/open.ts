import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupOnline, createBackup, linkBackup, listBackups, pruneBackups, verifyDatabaseFile } from './backup';
import { createDb, type Db } from './client';
import { clearInterruptedDocuments, copyDocumentSync, documentsBeside, referencedDocuments } from './documents';
import { fillSearchColumns } from './clients';
import { applyMigrations, pendingMigrations, readMigrations } from './migrate';
import { fileStamp, storePaths, type StorePaths } from './paths';
import { APPLICATION_ID, applyPragmas } from './pragmas';
import { StoreError } from './store-error';

/** The migration that added clients' and contacts' folded search columns, which the app fills (SQL cannot fold Unicode). */
const SEARCH_COLUMNS_MIGRATION = '0010_list_balances_search';

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
  /** The user chose to start an empty book: no earlier data is expected. */
  fresh?: boolean;
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

const WAL_MAGIC = [0x377f0682, 0x377f0683];

/**
 * A -wal file that does not start with the WAL magic holds nothing SQLite will replay, and SQLite
 * discards it on open; keep a copy in quarantine first so no bytes the user had are lost unseen.
 */
function keepGarbageWal(paths: StorePaths, at: Date): void {
  const wal = `${paths.database}-wal`;
  if (fileSize(wal) <= 0) return;
  const fd = fs.openSync(wal, 'r');
  try {
    const head = Buffer.alloc(4);
    if (fs.readSync(fd, head, 0, 4, 0) === 4 && WAL_MAGIC.includes(head.readUInt32BE(0))) return;
  } finally {
    fs.closeSync(fd);
  }
  const dir = path.join(paths.quarantine, fileStamp(at));
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(wal, path.join(dir, path.basename(wal)));
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

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * The StoreError for a failure while opening, so every bad start reaches the recovery screen:
 * a lock held elsewhere, a read-only folder or file, a full disk, or anything else unexpected.
 */
export function toStoreError(error: unknown, paths: StorePaths): StoreError {
  if (error instanceof StoreError) return error;
  const code = codeOf(error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(
      'BUSY',
      `Another program is using your data file (${paths.database}), so Billable cannot open it. Close the other program, or the other copy of Billable, then try again.`,
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || ['EACCES', 'EPERM', 'EROFS'].includes(code)) {
    return readOnly(paths);
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new StoreError('DISK_FULL', `The disk holding ${paths.dataDir} is full. Free some space, then try again.`);
  }
  return new StoreError('UNEXPECTED', `Billable could not open ${paths.database}: ${(error as Error).message ?? String(error)}`);
}

function readOnly(paths: StorePaths, file = false): StoreError {
  return new StoreError(
    'READ_ONLY',
    file
      ? `Your data file ${paths.database} is read-only, so Billable could not save anything to it. Make it writable, then try again.`
      : `Billable cannot write to your data folder ${paths.dataDir}. It may be read-only or on a locked drive. Make it writable, then try again.`,
  );
}

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Takes and releases the write lock without writing, so a lock held elsewhere or a read-only file shows now, not at the first save. */
function probeWrite(sqlite: Database.Database, paths: StorePaths): void {
  try {
    sqlite.exec('begin immediate');
    sqlite.exec('rollback');
  } catch (error) {
    if (codeOf(error).startsWith('SQLITE_READONLY')) throw readOnly(paths, true);
    throw error;
  }
}

/** True when any sign says this folder held a Billable book: the marker, or a verified-name backup. */
function bookExisted(paths: StorePaths): boolean {
  return fs.existsSync(paths.marker) || listBackups(paths.backups).length > 0;
}

function missing(paths: StorePaths, at: Date): StoreError {
  return new StoreError(
    'MISSING',
    'Your data file is missing or empty, but Billable has stored data here before. Restore your newest backup to carry on.',
    quarantine(paths, at),
  );
}

/**
 * Opens (or creates) the data file. Nothing is written until the file is known to be an intact
 * Billable file of a version this build understands and the write lock is free: integrity,
 * identity and version checks, a write probe, durable pragmas, a verified backup before any
 * pending migration, then the migrations (which also stamp the application_id).
 * Throws StoreError when the app must not start on this file; it never starts fresh over data
 * that existed.
 */
export function openStore(options: OpenOptions): Store {
  const paths = storePaths(options.dataDir);
  const now = options.now ?? (() => new Date());
  try {
    fs.mkdirSync(paths.dataDir, { recursive: true });
  } catch (error) {
    throw toStoreError(error, paths);
  }
  if (!writable(paths.dataDir)) throw readOnly(paths);
  if (fs.existsSync(paths.database) && !writable(paths.database)) throw readOnly(paths, true);

  const size = fileSize(paths.database);
  const existed = !options.fresh && bookExisted(paths);
  if (size <= 0 && existed) throw missing(paths, now());
  if (size > 0 && !hasSqliteHeader(paths.database)) throw corrupt(paths, now());
  try {
    keepGarbageWal(paths, now());
  } catch (error) {
    throw toStoreError(error, paths);
  }

  let sqlite: Database.Database;
  try {
    sqlite = new Database(paths.database);
  } catch (error) {
    throw toStoreError(error, paths);
  }
  try {
    sqlite.pragma('busy_timeout = 5000');
    if (sqlite.pragma('quick_check', { simple: true }) !== 'ok') {
      sqlite.close();
      throw corrupt(paths, now());
    }
    const appId = sqlite.pragma('application_id', { simple: true });
    const tables = userTableCount(sqlite);
    if (appId !== APPLICATION_ID && (appId !== 0 || tables > 0)) {
      throw new StoreError('FOREIGN', `${paths.database} is not a Billable data file. Move it away or choose another data folder.`);
    }
    // Our id on a file without tables means its contents were lost, not that it is new.
    if (tables === 0 && (appId === APPLICATION_ID || (existed && size > 0))) {
      sqlite.close();
      throw missing(paths, now());
    }

    const migrations = readMigrations(options.migrationsDir);
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) {
      throw new StoreError(
        'NEWER_SCHEMA',
        `This data file was written by a newer version of Billable (file format ${version}; this version knows up to ${migrations.length}). Install the latest Billable to open it.`,
      );
    }
    const pending = pendingMigrations(sqlite, migrations);
    probeWrite(sqlite, paths);
    applyPragmas(sqlite, options.platform ?? process.platform);

    let backup: string | null = null;
    if (pending.length > 0 && tables > 0) {
      try {
        backup = createBackup(sqlite, paths.backups, `pre-migration-${pending.at(-1)!.tag}`, now());
      } catch (error) {
        throw new StoreError(
          'BACKUP_FAILED',
          `Billable needs to update your data file and backs it up first, but the backup could not be written to ${paths.backups} (${(error as Error).message}). Nothing was changed. Free some space or fix that folder, then try again.`,
        );
      }
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
    clearInterruptedDocuments(paths.documents);
    const db = createDb(sqlite);
    // Rows older than the folded search columns get them once, right after the migration that added them.
    if (tables > 0 && pending.some((migration) => migration.tag === SEARCH_COLUMNS_MIGRATION)) db.transaction((tx) => fillSearchColumns(tx));
    return { db, sqlite, paths, close: () => sqlite.close() };
  } catch (error) {
    if (sqlite.open) sqlite.close();
    if (isCorruption(error)) throw corrupt(paths, now());
    throw toStoreError(error, paths);
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** True once there is a business to back up: a fresh file with no profile has nothing worth keeping. */
export function hasBook(store: Store): boolean {
  return store.sqlite.prepare('select 1 from business_profile limit 1').get() !== undefined;
}

/** A daily backup this connection took, and the connection's `total_changes()` when its snapshot began. */
export interface DailyBackup {
  file: string;
  changes: number;
}

/** Rows this connection has inserted, updated or deleted since it opened (SQLite's total_changes()); the app is the file's only writer. */
function changesSoFar(store: Store): number {
  return store.sqlite.prepare('select total_changes()').pluck().get() as number;
}

/**
 * The daily verified backup, when the newest daily one is a day old or there is none, keeping two
 * weeks of them. When `previous` (the last daily backup this connection took) is still the newest
 * and nothing was written since its snapshot, the new day's backup is a hard link to it: the same
 * verified bytes under today's name, so an app left open without edits writes nothing new. Otherwise
 * it is copied online (see `backupOnline`). Resolves to the new backup, or null when none was due;
 * rejects when the copy could not be written.
 */
export async function backupIfDue(store: Store, now: Date, previous: DailyBackup | null = null): Promise<DailyBackup | null> {
  if (!hasBook(store)) return null;
  const newest = listBackups(store.paths.backups).find((b) => b.file.endsWith('-daily.sqlite'));
  if (newest && now.getTime() - Date.parse(newest.createdAt) < DAY_MS) return null;
  const changes = changesSoFar(store);
  const unchanged = previous !== null && newest !== undefined && path.basename(previous.file) === newest.file && previous.changes === changes;
  const file = (unchanged && linkBackup(previous.file, store.paths.backups, 'daily', now)) || (await backupOnline(store.sqlite, store.paths.backups, 'daily', now));
  pruneBackups(store.paths.backups, 'daily', 14);
  return { file, changes };
}

/** Copies the documents a backup references into the data folder's store, each checked by hash; those already there whole are kept. */
function restoreDocuments(paths: StorePaths, source: string): void {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  let documents: { sha256: string; name: string }[];
  try {
    documents = referencedDocuments(db);
  } finally {
    db.close();
  }
  for (const { sha256, name } of documents) copyDocumentSync(documentsBeside(source), paths.documents, sha256, name);
}

/**
 * Puts a verified backup in place of the (closed) data file, with its documents. The backup and
 * every document it references are checked by hash; the documents are copied into the data
 * folder's store (which only ever gains documents) and the file copied and verified before the
 * current file is moved to quarantine, and the current file is moved back if the swap fails, so
 * a failed restore leaves the previous file where it was.
 */
export function restoreBackup(paths: StorePaths, file: string, at: Date): void {
  const source = path.join(paths.backups, path.basename(file));
  if (!fs.existsSync(source) || !verifyDatabaseFile(source)) {
    throw new StoreError('CORRUPT', 'That backup is missing or damaged. Choose another one.');
  }
  const tmp = `${paths.database}.restoring`;
  try {
    restoreDocuments(paths, source);
    fs.copyFileSync(source, tmp);
    const fd = fs.openSync(tmp, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    // The temporary copy sits beside the data file, so this finds the documents just restored (each hashed as it was copied).
    if (!verifyDatabaseFile(tmp, APPLICATION_ID, 'present')) throw new StoreError('CORRUPT', 'The copy of that backup failed its check. Choose another one.');
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw toStoreError(error, paths);
  }
  const aside = quarantine(paths, at);
  try {
    fs.renameSync(tmp, paths.database);
  } catch (error) {
    if (aside) for (const name of fs.readdirSync(aside)) fs.renameSync(path.join(aside, name), path.join(paths.dataDir, name));
    fs.rmSync(tmp, { force: true });
    throw toStoreError(error, paths);
  }
}

/** Gives up on lost data (kept in quarantine) and lets the next open start a new file. */
export function startFresh(paths: StorePaths, at: Date): void {
  quarantine(paths, at);
  fs.rmSync(paths.marker, { force: true });
}
