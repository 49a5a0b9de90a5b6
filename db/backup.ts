import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Backup } from '../shared/api/app';
import { APPLICATION_ID } from './pragmas';
import { fileStamp } from './paths';

/** True when the file is an intact Billable database. */
export function verifyDatabaseFile(file: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    const appId = db.pragma('application_id', { simple: true });
    return check === 'ok' && appId === APPLICATION_ID;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/**
 * Writes a consistent copy with VACUUM INTO a temporary name, verifies it, then renames it, so
 * every file named billable-*.sqlite in the folder is a verified backup. Never copies the live
 * file, which races with the writer.
 */
export function createBackup(sqlite: Database.Database, backupsDir: string, label: string, at: Date): string {
  fs.mkdirSync(backupsDir, { recursive: true });
  const name = `billable-${fileStamp(at)}-${label}.sqlite`;
  const tmp = path.join(backupsDir, `.${name}.tmp`);
  fs.rmSync(tmp, { force: true });
  sqlite.prepare('vacuum into ?').run(tmp);
  if (!verifyDatabaseFile(tmp)) {
    fs.rmSync(tmp, { force: true });
    throw new Error('The backup copy failed its integrity check');
  }
  const final = path.join(backupsDir, name);
  fs.renameSync(tmp, final);
  return final;
}

/** Verified backups, newest first; none when the folder is missing or is not a folder. */
export function listBackups(backupsDir: string): Backup[] {
  if (!fs.statSync(backupsDir, { throwIfNoEntry: false })?.isDirectory()) return [];
  return fs
    .readdirSync(backupsDir)
    .filter((f) => /^billable-.+\.sqlite$/.test(f))
    .map((file) => {
      const stat = fs.statSync(path.join(backupsDir, file));
      return { file, createdAt: stat.mtime.toISOString(), sizeBytes: stat.size };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file));
}

/** Keeps the newest `keep` backups with this label; other labels are left alone. */
export function pruneBackups(backupsDir: string, label: string, keep: number): void {
  listBackups(backupsDir)
    .filter((b) => b.file.endsWith(`-${label}.sqlite`))
    .slice(keep)
    .forEach((b) => fs.rmSync(path.join(backupsDir, b.file)));
}
