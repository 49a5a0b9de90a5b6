import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { and, asc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from './client';
import { invoiceDocuments, invoices } from './schema';

/**
 * The documents store: every stored document (issued PDFs today; contract PDFs, receipts and
 * attachments as they come) is one file in a `documents/` folder beside the data file, named by
 * the SHA-256 of its bytes and never changed, so the database holds only the hash. A backup
 * keeps the same layout beside its copy, which is how documents are shared by all backups and
 * never copied twice.
 */

const SHA256 = /^[0-9a-f]{64}$/;

/** Why a document could not be given back: its file is not there, or holds other bytes. */
export class DocumentError extends Error {
  constructor(
    readonly problem: 'missing' | 'damaged',
    readonly sha256: string,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** Lower-case hex SHA-256 of `bytes`. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The documents folder that belongs to a data file or a backup copy: `documents/` beside it. */
export function documentsBeside(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), 'documents');
}

/** The documents folder of the data file `db` is open on. Throws for a connection with no file (`:memory:`). */
export function documentsDir(db: DbOrTx): string {
  // drizzle keeps the connection on the session, which a transaction shares with its database.
  const file = (db as unknown as { session: { client: Database.Database } }).session.client.name;
  if (!path.isAbsolute(file)) throw new Error(`Documents are stored beside a data file; this connection has none (${file || 'temporary'}).`);
  return documentsBeside(file);
}

/** Where the document with this hash is kept in `dir`. Throws for anything but a SHA-256, so no name can reach outside the folder. */
export function documentPath(dir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
  return path.join(dir, sha256);
}

/** Makes a rename in `dir` survive a power cut; a no-op where folders cannot be opened (Windows). */
async function syncFolder(dir: string): Promise<void> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(dir, 'r');
    await handle.sync();
  } catch {
    // Nothing more can be done where a folder cannot be synced; the file itself was synced.
  } finally {
    await handle?.close();
  }
}

/** True when `file` holds exactly the bytes hashing to `sha256`. */
async function holds(file: string, sha256: string): Promise<boolean> {
  try {
    return sha256Of(await fs.promises.readFile(file)) === sha256;
  } catch {
    return false;
  }
}

/**
 * Stores `bytes` in `dir` under their SHA-256 and returns it: written to a temporary file,
 * synced, then renamed into place, so the name only ever holds the whole document. A file
 * already there with the right bytes is kept; a damaged one is replaced. Rejects on a write
 * failure (full disk, read-only folder), leaving no partial file under the hash.
 */
export async function putDocument(dir: string, bytes: Uint8Array): Promise<string> {
  const sha256 = sha256Of(bytes);
  const final = documentPath(dir, sha256);
  if (await holds(final, sha256)) return sha256;
  await fs.promises.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${sha256}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await fs.promises.open(tmp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(tmp, final);
  } catch (error) {
    await fs.promises.rm(tmp, { force: true });
    throw error;
  }
  await syncFolder(dir);
  return sha256;
}

function missing(sha256: string, name: string, dir: string): DocumentError {
  return new DocumentError('missing', sha256, `The stored document ${name} is missing: no file ${sha256} in ${dir}. Restore a backup to get it back.`);
}

function damaged(sha256: string, name: string, dir: string): DocumentError {
  return new DocumentError(
    'damaged',
    sha256,
    `The stored document ${name} is damaged: the file ${sha256} in ${dir} no longer holds the bytes that were stored. Restore a backup to get it back.`,
  );
}

/**
 * The bytes of the document `sha256` in `dir`, checked against the hash. `name` says which
 * document it is (e.g. "PDF of INV-2026-0001") in the error: a DocumentError, `missing` or
 * `damaged`, so a wrong document is never returned.
 */
export async function readDocument(dir: string, sha256: string, name: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(documentPath(dir, sha256));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw missing(sha256, name, dir);
    // A folder, a permission or a disk error where the file should be: it cannot give the stored bytes.
    throw damaged(sha256, name, dir);
  }
  if (sha256Of(bytes) !== sha256) throw damaged(sha256, name, dir);
  return bytes;
}

/**
 * Checks the document `sha256` in `dir` without giving it back: `hash` reads and hashes it,
 * `present` only looks for a file of a plausible size (for a folder whose documents were each
 * hashed as they were copied in). Returns the problem, or null when it passes.
 */
export function checkDocumentSync(dir: string, sha256: string, how: 'hash' | 'present'): 'missing' | 'damaged' | null {
  const file = documentPath(dir, sha256);
  if (how === 'present') return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? null : 'missing';
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return 'missing';
  }
  return sha256Of(bytes) === sha256 ? null : 'damaged';
}

/**
 * Makes sure `to` holds the document `sha256` from `from`: a file already in `to` with the right
 * bytes is kept (documents are never copied twice), otherwise it is copied, synced, hashed and
 * renamed into place. Resolves to whether a copy was made; rejects with a DocumentError when the
 * source is missing or damaged, or on a write failure.
 */
export async function copyDocument(from: string, to: string, sha256: string, name: string): Promise<boolean> {
  if (await holds(documentPath(to, sha256), sha256)) return false;
  await putDocument(to, await readDocument(from, sha256, name));
  return true;
}

/**
 * Removes the temporary files an interrupted write (a crash, a kill -9) left in `dir`. Only while
 * nothing writes there: as the data file opens, or within a backup (they run one at a time).
 */
export function clearInterruptedDocuments(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) if (/^\.[0-9a-f]{64}\.[0-9a-f]{8}\.tmp$/.test(name)) fs.rmSync(path.join(dir, name), { force: true });
}

/**
 * Every document a data file (or a backup copy) references in the documents store, by hash, with
 * a name for messages: one query per table that keeps documents. Rows still holding their bytes
 * are not listed (their bytes are in the file). None for a file older than the stored documents.
 */
export function referencedDocuments(sqlite: Database.Database): { sha256: string; name: string }[] {
  const has = (table: string) => sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(table) !== undefined;
  const queries: string[] = [];
  if (has('invoice_documents')) {
    queries.push(`select d.sha256, 'PDF of ' || coalesce(i.number, 'document ' || d.invoice_id) as name
       from invoice_documents d join invoices i on i.id = d.invoice_id where d.pdf is null`);
  }
  if (has('contract_versions')) {
    queries.push(`select pdf_sha256 as sha256, printf('signed PDF of contract C-%04d version %d', contract_id, version_number) as name from contract_versions where pdf_sha256 is not null`);
    queries.push(`select d.sha256, printf('countersigned PDF of contract C-%04d version %d', v.contract_id, v.version_number) as name
       from contract_documents d join contract_versions v on v.id = d.contract_version_id`);
  }
  if (has('expenses')) {
    queries.push(`select receipt_sha256 as sha256, 'receipt ' || coalesce(receipt_file_name, '') || ' of expense ' || id as name from expenses where receipt_sha256 is not null`);
  }
  if (queries.length === 0) return [];
  return sqlite.prepare(queries.join(' union all ')).all() as { sha256: string; name: string }[];
}

/**
 * Checks every document a database file references in the documents folder beside it (see
 * checkDocumentSync for `how`). Returns a sentence naming the first problem, or null.
 */
export function documentsProblem(file: string, sqlite: Database.Database, how: 'hash' | 'present'): string | null {
  const dir = documentsBeside(file);
  const problems = referencedDocuments(sqlite)
    .map((doc) => ({ ...doc, problem: checkDocumentSync(dir, doc.sha256, how) }))
    .filter((doc) => doc.problem);
  if (problems.length === 0) return null;
  const [first] = problems;
  return `${problems.length} of its documents ${problems.length === 1 ? 'is' : 'are'} missing or damaged in ${dir} (the ${first!.name} is ${first!.problem}).`;
}

/**
 * Copies the document `sha256` from `from` into `to` on this thread, like copyDocument: kept when
 * already there with the right bytes, else written to a temporary file, synced and renamed. Throws a DocumentError for a missing or
 * damaged source, or the write error.
 */
export function copyDocumentSync(from: string, to: string, sha256: string, name: string): void {
  const target = documentPath(to, sha256);
  if (checkDocumentSync(to, sha256, 'hash') === null) return;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(documentPath(from, sha256));
  } catch {
    throw missing(sha256, name, from);
  }
  if (sha256Of(bytes) !== sha256) throw damaged(sha256, name, from);
  fs.mkdirSync(to, { recursive: true });
  const tmp = path.join(to, `.${sha256}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

/** Documents moved per transaction when moving them out of the data file: a call waits at most a few ms for one batch. */
const MOVE_BATCH = 16;

/** What moveDocumentsOut did: documents moved, rows left in place because their bytes no longer match their hash (invoice ids), and whether the file was compacted. */
export interface MoveReport {
  moved: number;
  damaged: number[];
  compacted: boolean;
}

/**
 * Moves the PDFs still held in rows of the data file (stored before the documents store) into
 * the store beside it, a batch at a time, yielding between batches so calls keep being answered.
 * Each is written, synced and read back by hash before its row's copy is cleared, so the move is
 * idempotent and safe against a crash at any point: a document written but not yet cleared is
 * found whole in the store next time and only cleared. A row whose bytes no longer match its hash
 * is left as it is and reported. Once rows were cleared and free pages make up a quarter of the
 * file, it is compacted once (VACUUM), so the file shrinks. Rejects on a write failure (what was
 * moved stays moved; the rest stays in the rows and readable).
 */
export async function moveDocumentsOut(db: Db): Promise<MoveReport> {
  const dir = documentsDir(db);
  const report: MoveReport = { moved: 0, damaged: [], compacted: false };
  for (let after = 0; ; ) {
    const rows = db
      .select({ invoiceId: invoiceDocuments.invoiceId, sha256: invoiceDocuments.sha256, pdf: invoiceDocuments.pdf, number: invoices.number })
      .from(invoiceDocuments)
      .innerJoin(invoices, eq(invoices.id, invoiceDocuments.invoiceId))
      .where(and(isNotNull(invoiceDocuments.pdf), gt(invoiceDocuments.invoiceId, after)))
      .orderBy(asc(invoiceDocuments.invoiceId))
      .limit(MOVE_BATCH)
      .all();
    if (rows.length === 0) break;
    after = rows.at(-1)!.invoiceId;
    const stored: number[] = [];
    for (const row of rows) {
      if (sha256Of(row.pdf!) !== row.sha256) {
        report.damaged.push(row.invoiceId);
        continue;
      }
      await putDocument(dir, row.pdf!);
      await readDocument(dir, row.sha256, `PDF of ${row.number ?? row.invoiceId}`);
      stored.push(row.invoiceId);
    }
    db.transaction((tx) => {
      for (const invoiceId of stored) tx.update(invoiceDocuments).set({ pdf: null }).where(eq(invoiceDocuments.invoiceId, invoiceId)).run();
    });
    report.moved += stored.length;
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (report.moved > 0) {
    const pages = (name: string) => db.get<Record<string, number>>(sql.raw(`pragma ${name}`))[name]!;
    if (pages('freelist_count') * 4 >= pages('page_count')) {
      db.run(sql`vacuum`);
      report.compacted = true;
    }
  }
  return report;
}
