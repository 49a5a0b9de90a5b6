import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Backup, BackupEntry, BackupSummary } from '../shared/api/app';
import { APPLICATION_ID } from './pragmas';
import { fileStamp } from './paths';

/** Pages copied per step of an online backup: about 256 KiB, well under a frame's work. */
const PAGES_PER_STEP = 64;

const BACKUP_NAME = /^billable-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-[\w.-]+\.sqlite$/;
const TEMP_NAME = /^\.billable-.+\.sqlite\.tmp(-journal|-wal|-shm)?$/;

/** True when the file is an intact Billable database. */
export function verifyDatabaseFile(file: string): boolean {
  return inspectDatabaseFile(file).ok;
}

/**
 * Opens a copy read-only and checks it: `quick_check`, the application_id, and a summary of what
 * it holds. Never throws; a damaged or foreign file gives `{ ok: false, problem }`.
 */
export function inspectDatabaseFile(file: string): { ok: true; summary: BackupSummary | null } | { ok: false; problem: string } {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    if (db.pragma('quick_check', { simple: true }) !== 'ok') return { ok: false, problem: 'It is damaged (failed its integrity check).' };
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) return { ok: false, problem: 'It is not a Billable data file.' };
    return { ok: true, summary: summarise(db) };
  } catch (error) {
    return { ok: false, problem: `It cannot be read (${(error as Error).message}).` };
  } finally {
    db?.close();
  }
}

/** Counts for the restore list; null for a copy too old to have the tables. */
function summarise(db: Database.Database): BackupSummary | null {
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const last = db
      .prepare(`select number from invoices where kind = 'invoice' and number is not null order by issued_at desc, id desc limit 1`)
      .get() as { number: string } | undefined;
    return {
      clients: count('select count(*) as n from clients'),
      invoices: count(`select count(*) as n from invoices where kind = 'invoice' and status = 'issued'`),
      lastInvoiceNumber: last?.number ?? null,
    };
  } catch {
    return null;
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** `billable-<time>-<label>.sqlite`, a millisecond later if that name is taken, so no backup is ever replaced. */
function freshName(dir: string, label: string, at: Date): string {
  for (let ms = at.getTime(); ; ms++) {
    const name = `billable-${fileStamp(new Date(ms))}-${label}.sqlite`;
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}

/** Verifies a finished temporary copy and renames it into place; removes it if it fails. */
function publish(tmp: string, final: string): void {
  if (!verifyDatabaseFile(tmp)) {
    fs.rmSync(tmp, { force: true });
    throw new Error('The backup copy failed its integrity check');
  }
  fs.renameSync(tmp, final);
}

/** Removes temporary copies left behind by a backup that was interrupted (a crash, a kill -9). */
function clearInterrupted(dir: string): void {
  for (const name of fs.readdirSync(dir)) if (TEMP_NAME.test(name)) fs.rmSync(path.join(dir, name), { force: true });
}

/**
 * Writes a consistent copy with VACUUM INTO a temporary name, verifies it, then renames it, so
 * every file named billable-*.sqlite in the folder is a verified backup. Synchronous: only for
 * the backup before a migration, taken while the file opens and nothing else is waiting.
 */
export function createBackup(sqlite: Database.Database, backupsDir: string, label: string, at: Date): string {
  fs.mkdirSync(backupsDir, { recursive: true });
  clearInterrupted(backupsDir);
  const name = freshName(backupsDir, label, at);
  const tmp = path.join(backupsDir, `.${name}.tmp`);
  sqlite.prepare('vacuum into ?').run(tmp);
  const final = path.join(backupsDir, name);
  publish(tmp, final);
  return final;
}

/**
 * Backs up the open database into `dir` as `billable-<time>-<label>.sqlite` while the app keeps
 * running: SQLite's online backup copies PAGES_PER_STEP pages per step and yields to the event
 * loop between steps, so a call waits one step at most, and writes made meanwhile are carried
 * into the copy. The copy is made a single self-contained file, fsynced, verified and only then
 * renamed into place. Resolves to the file's path; rejects (leaving no partial file) on failure.
 */
export async function backupOnline(sqlite: Database.Database, dir: string, label: string, at: Date): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  clearInterrupted(dir);
  const name = freshName(dir, label, at);
  const tmp = path.join(dir, `.${name}.tmp`);
  try {
    await sqlite.backup(tmp, { progress: () => PAGES_PER_STEP });
    const copy = new Database(tmp);
    try {
      // The copied header says WAL; a backup should be one file that opens anywhere, read-only too.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fsyncFile(tmp);
  } catch (error) {
    clearInterrupted(dir);
    throw error;
  }
  const final = path.join(dir, name);
  publish(tmp, final);
  return final;
}

/** When a backup was taken: from its name (copies keep it), else the file's modification time. */
function takenAt(file: string, mtime: Date): string {
  const stamp = BACKUP_NAME.exec(file)?.[1];
  if (!stamp) return mtime.toISOString();
  const iso = stamp.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
  return Number.isNaN(Date.parse(iso)) ? mtime.toISOString() : iso;
}

/** Backups by name (not checked), newest first; none when the folder is missing or is not a folder. */
export function listBackups(backupsDir: string): Backup[] {
  if (!fs.statSync(backupsDir, { throwIfNoEntry: false })?.isDirectory()) return [];
  return fs
    .readdirSync(backupsDir)
    .filter((f) => /^billable-.+\.sqlite$/.test(f))
    .map((file) => {
      const stat = fs.statSync(path.join(backupsDir, file));
      return { file, createdAt: takenAt(file, stat.mtime), sizeBytes: stat.size };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file));
}

/** Every backup, newest first, each opened and checked, with a summary for the restore list. */
export function inspectBackups(backupsDir: string): BackupEntry[] {
  return listBackups(backupsDir).map((backup) => {
    const check = inspectDatabaseFile(path.join(backupsDir, backup.file));
    return check.ok ? { ...backup, verified: true, problem: null, summary: check.summary } : { ...backup, verified: false, problem: check.problem, summary: null };
  });
}

/** Keeps the newest `keep` backups with this label; other labels are left alone. */
export function pruneBackups(backupsDir: string, label: string, keep: number): void {
  listBackups(backupsDir)
    .filter((b) => b.file.endsWith(`-${label}.sqlite`))
    .slice(keep)
    .forEach((b) => fs.rmSync(path.join(backupsDir, b.file)));
}
