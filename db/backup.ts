import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Backup, BackupEntry, BackupSummary } from '../shared/api/app';
import { clearInterruptedDocuments, copyDocument, copyDocumentSync, documentsBeside, documentsProblem, referencedDocuments } from './documents';
import { APPLICATION_ID } from './pragmas';
import { fileStamp } from './paths';

/** Pages copied per step of an online backup: about 256 KiB, well under a frame's work. */
const PAGES_PER_STEP = 64;

const require = createRequire(import.meta.url);

const BACKUP_NAME = /^billable-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-[\w.-]+\.sqlite$/;
const TEMP_NAME = /^\.billable-.+\.sqlite\.tmp(-journal|-wal|-shm)?$/;

/**
 * True when the file is an intact Billable database whose stored PDFs all match their SHA-256:
 * those still held in its rows, and those it references in the documents folder beside it
 * (`documents`: `hash` reads and hashes each; `present` only looks for each file, for a folder
 * whose documents were hashed as they were copied in; `none` skips them, for a copy whose
 * documents are not copied yet). What a backup must be before it is kept, and before it is
 * restored. `applicationId` is the identity the copy must carry: Billable's, or for the copy
 * taken before a migration, whatever the source had (a file from before the identity was
 * stamped has none yet).
 */
export function verifyDatabaseFile(file: string, applicationId = APPLICATION_ID, documents: 'hash' | 'present' | 'none' = 'hash'): boolean {
  if (!inspectDatabaseFile(file, applicationId).ok) return false;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    // A file older than the invoicing tables has no stored documents to check.
    if (!db.prepare(`select 1 from sqlite_master where type = 'table' and name = 'invoice_documents'`).get()) return true;
    const held = db.prepare('select pdf, sha256 from invoice_documents where pdf is not null').iterate() as IterableIterator<{ pdf: Buffer; sha256: string }>;
    for (const { pdf, sha256 } of held) if (createHash('sha256').update(pdf).digest('hex') !== sha256) return false;
    return documents === 'none' || documentsProblem(file, db, documents) === null;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** The documents a database file references, read from the file itself. */
function referencedBy(file: string): { sha256: string; name: string }[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return referencedDocuments(db);
  } finally {
    db.close();
  }
}

/**
 * Opens a copy read-only and checks it: `quick_check`, the application_id, and a summary of what
 * it holds. Never throws; a damaged or foreign file gives `{ ok: false, problem }`.
 */
export function inspectDatabaseFile(file: string, applicationId = APPLICATION_ID): { ok: true; summary: BackupSummary | null } | { ok: false; problem: string } {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    if (db.pragma('quick_check', { simple: true }) !== 'ok') return { ok: false, problem: 'It is damaged (failed its integrity check).' };
    if (db.pragma('application_id', { simple: true }) !== applicationId) return { ok: false, problem: 'It is not a Billable data file.' };
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

/** `billable-<time>-<label>.sqlite`, a millisecond later if that name is taken, so no backup is ever replaced. */
export function freshName(dir: string, label: string, at: Date): string {
  for (let ms = at.getTime(); ; ms++) {
    const name = `billable-${fileStamp(new Date(ms))}-${label}.sqlite`;
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}

/** Renames a verified temporary copy into place, or removes it if it failed its check. */
function publish(tmp: string, final: string, verified: boolean): void {
  if (!verified) {
    fs.rmSync(tmp, { force: true });
    throw new Error('The backup copy failed its integrity check');
  }
  fs.renameSync(tmp, final);
}

/** Removes temporary copies (and documents) left behind by a backup that was interrupted (a crash, a kill -9). */
function clearInterrupted(dir: string): void {
  for (const name of fs.readdirSync(dir)) if (TEMP_NAME.test(name)) fs.rmSync(path.join(dir, name), { force: true });
  clearInterruptedDocuments(path.join(dir, 'documents'));
}

/**
 * Writes a consistent copy with VACUUM INTO a temporary name, copies the documents it references
 * into `documents/` beside it (those already there with the right bytes are kept), verifies it
 * all by hash, then renames it, so every file named billable-*.sqlite in the folder is a
 * verified backup. Synchronous: only for the backup before a migration, taken while the file
 * opens and nothing else is waiting.
 */
export function createBackup(sqlite: Database.Database, backupsDir: string, label: string, at: Date): string {
  fs.mkdirSync(backupsDir, { recursive: true });
  clearInterrupted(backupsDir);
  const name = freshName(backupsDir, label, at);
  const tmp = path.join(backupsDir, `.${name}.tmp`);
  sqlite.prepare('vacuum into ?').run(tmp);
  try {
    for (const { sha256, name: what } of referencedBy(tmp)) copyDocumentSync(documentsBeside(sqlite.name), documentsBeside(tmp), sha256, what);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  const final = path.join(backupsDir, name);
  publish(tmp, final, verifyDatabaseFile(tmp, sqlite.pragma('application_id', { simple: true }) as number));
  return final;
}

// Runs in a worker thread. Its own read-only connection copies one snapshot with VACUUM INTO (in
// WAL mode the app keeps writing meanwhile); the copy is then made a single file, fsynced and
// checked like verifyDatabaseFile (the PDFs still held in rows; the documents store is the
// caller's). Posts { verified } or { error }.
const BACKUP_IN_WORKER = `
const { parentPort, workerData: w } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const Database = require(w.module);
function run() {
  const source = new Database(w.source, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    source.prepare('vacuum into ?').run(w.tmp);
  } finally {
    source.close();
  }
  const copy = new Database(w.tmp);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const fd = fs.openSync(w.tmp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  const check = new Database(w.tmp, { readonly: true, fileMustExist: true });
  try {
    if (check.pragma('quick_check', { simple: true }) !== 'ok' || check.pragma('application_id', { simple: true }) !== w.applicationId) return false;
    for (const { pdf, sha256 } of check.prepare('select pdf, sha256 from invoice_documents where pdf is not null').iterate()) {
      if (createHash('sha256').update(pdf).digest('hex') !== sha256) return false;
    }
    return true;
  } finally {
    check.close();
  }
}
try {
  parentPort.postMessage({ verified: run() });
} catch (error) {
  parentPort.postMessage({ error: { message: String(error && error.message), code: error && error.code } });
}`;

/** The paged copy on this thread: SQLite's online backup, PAGES_PER_STEP pages a step, yielding between steps. */
async function copyHere(sqlite: Database.Database, tmp: string): Promise<boolean> {
  await sqlite.backup(tmp, { progress: () => PAGES_PER_STEP });
  const copy = new Database(tmp);
  try {
    // The copied header says WAL; a backup should be one file that opens anywhere, read-only too.
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const handle = await fs.promises.open(tmp, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return verifyDatabaseFile(tmp, APPLICATION_ID, 'none');
}

/**
 * Copies the documents the copy `tmp` references from `source` into `documents/` beside it. A
 * document already there is read and hashed, and kept only when whole, so a damaged copy in the
 * backups' shared folder is replaced from the data folder instead of spoiling every later backup;
 * a daily backup copies only what is new or damaged. Rejects with a DocumentError when a source
 * document is missing or damaged.
 */
async function copyDocuments(source: string, tmp: string): Promise<void> {
  const to = documentsBeside(tmp);
  for (const { sha256, name } of referencedBy(tmp)) await copyDocument(source, to, sha256, name);
}

/**
 * Gives the verified backup `file` a second name in `dir`, `billable-<time>-<label>.sqlite`, as a
 * hard link: no bytes are copied, and removing either name (pruning) leaves the other whole.
 * Backups are never written after they are made, so sharing the bytes is safe. Returns the new
 * path, or null where the file system has no hard links (the caller copies instead).
 */
export function linkBackup(file: string, dir: string, label: string, at: Date): string | null {
  const final = path.join(dir, freshName(dir, label, at));
  try {
    fs.linkSync(file, final);
  } catch {
    return null;
  }
  return final;
}

/** Copies and checks in a worker thread; resolves null if no worker could run here, so the caller copies on this thread. */
function copyInWorker(source: string, tmp: string): Promise<boolean | null> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(BACKUP_IN_WORKER, { eval: true, workerData: { source, tmp, module: require.resolve('better-sqlite3'), applicationId: APPLICATION_ID } });
    } catch {
      resolve(null);
      return;
    }
    let answered = false;
    worker.once('message', (result: { verified: boolean } | { error: { message: string; code?: string } }) => {
      answered = true;
      if ('verified' in result) resolve(result.verified);
      else reject(Object.assign(new Error(result.error.message), { code: result.error.code }));
    });
    // A worker that cannot start (no worker threads, the module not loadable there) never answers.
    worker.once('error', () => resolve(null));
    worker.once('exit', () => {
      if (!answered) resolve(null);
    });
  });
}

/**
 * Backs up the open database into `dir` as `billable-<time>-<label>.sqlite`, with the documents it
 * references in `dir/documents/` (shared by every backup there: one copy per document), while
 * the app keeps running. The copy, sync and check (each a long read or write on a large file) run in a worker
 * thread with its own connection, so neither the UI's calls nor writes wait for them; where no
 * worker can run, SQLite's online backup copies a few pages at a time on this thread instead.
 * Only a verified copy is renamed into place. Resolves to its path; rejects, leaving no partial
 * file, when the copy could not be written or failed its check.
 */
export async function backupOnline(sqlite: Database.Database, dir: string, label: string, at: Date): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  clearInterrupted(dir);
  const name = freshName(dir, label, at);
  const tmp = path.join(dir, `.${name}.tmp`);
  let verified: boolean;
  try {
    verified = (await copyInWorker(sqlite.name, tmp)) ?? (await copyHere(sqlite, tmp));
    if (verified) await copyDocuments(documentsBeside(sqlite.name), tmp);
  } catch (error) {
    clearInterrupted(dir);
    throw error;
  }
  const final = path.join(dir, name);
  publish(tmp, final, verified);
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

/**
 * Every backup, newest first, each opened and checked (its documents looked for, not hashed:
 * a restore hashes them), with a summary for the restore list.
 */
export function inspectBackups(backupsDir: string): BackupEntry[] {
  return listBackups(backupsDir).map((backup) => {
    const file = path.join(backupsDir, backup.file);
    const check = inspectDatabaseFile(file);
    if (!check.ok) return { ...backup, verified: false, problem: check.problem, summary: null };
    let problem: string | null;
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        problem = documentsProblem(file, db, 'present');
      } finally {
        db.close();
      }
    } catch (error) {
      problem = `It cannot be read (${(error as Error).message}).`;
    }
    return problem ? { ...backup, verified: false, problem, summary: null } : { ...backup, verified: true, problem: null, summary: check.summary };
  });
}

/** Keeps the newest `keep` backups with this label; other labels are left alone. */
export function pruneBackups(backupsDir: string, label: string, keep: number): void {
  listBackups(backupsDir)
    .filter((b) => b.file.endsWith(`-${label}.sqlite`))
    .slice(keep)
    .forEach((b) => fs.rmSync(path.join(backupsDir, b.file)));
}
