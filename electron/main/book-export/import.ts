import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { freshName, verifyDatabaseFile } from '../../../db/backup';
import { documentsBeside, putDocument, referencedDocuments, sha256Of } from '../../../db/documents';
import { applyMigrations, readMigrations } from '../../../db/migrate';
import { APPLICATION_ID } from '../../../db/pragmas';
import { SEARCH_TRIGGER_PREFIX } from '../../../db/search';
import { AppError } from '../errors';
import { exportedTables } from './export';
import { BOOK_JSON, BOOK_VERSION, bookHeader, bookSchema, DOCUMENTS_PREFIX, type Book, type Cell } from './format';

/** A refusal of the file chosen, with the reason in words; nothing has been written when it is raised. */
function refused(reason: string): AppError {
  const message = `This file cannot be imported: ${reason} Nothing was changed.`;
  return new AppError('VALIDATION', message, { file: message });
}

/** The zip's book.json, checked against the format, and its documents, each checked against the SHA-256 it is named by. */
function readExport(bytes: Uint8Array, shippedSchema: number): { book: Book; documents: Map<string, Uint8Array> } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw refused(`it is not a whole zip file (${(error as Error).message}). Choose the .zip that "Export whole book" saved.`);
  }
  const json = entries[BOOK_JSON];
  if (!json) throw refused(`it holds no ${BOOK_JSON}, so it is not a Billable book export.`);
  const documents = new Map<string, Uint8Array>();
  for (const [name, content] of Object.entries(entries)) {
    if (name === BOOK_JSON) continue;
    const sha256 = name.startsWith(DOCUMENTS_PREFIX) ? name.slice(DOCUMENTS_PREFIX.length) : '';
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw refused(`it holds a file a book export never has (${name}).`);
    if (sha256Of(content) !== sha256) throw refused(`the document ${sha256} in it does not match its SHA-256, so it was changed or damaged after the export.`);
    documents.set(sha256, content);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(strFromU8(json));
  } catch (error) {
    throw refused(`its ${BOOK_JSON} is not valid JSON (${(error as Error).message}).`);
  }
  const header = bookHeader.safeParse(parsed);
  if (!header.success) throw refused(`it is not a Billable book export (${header.error.issues[0]!.message}).`);
  if (header.data.version > BOOK_VERSION) throw refused(`it was written in a newer export format (${header.data.version}; this Billable reads ${BOOK_VERSION}). Install the latest Billable to import it.`);
  if (header.data.schemaVersion > shippedSchema) {
    throw refused(`it was exported from a newer version of Billable (schema ${header.data.schemaVersion}; this version knows up to ${shippedSchema}). Install the latest Billable to import it.`);
  }
  const book = bookSchema.safeParse(parsed);
  if (!book.success) {
    const issue = book.error.issues[0]!;
    throw refused(`its ${BOOK_JSON} is not as Billable writes it (${issue.path.join('.') || 'the top level'}: ${issue.message}).`);
  }
  for (const { sha256 } of book.data.documents) if (!documents.has(sha256)) throw refused(`the document ${sha256} it lists is not in the zip.`);
  return { book: book.data, documents };
}

/** A value for better-sqlite3: a blob's base64 back to bytes. */
function valueOf(cell: Cell): unknown {
  return cell !== null && typeof cell === 'object' ? Buffer.from(cell.base64, 'base64') : cell;
}

/** Inserts one table's rows, checking it has exactly the columns of this schema (in any order: a table rebuilt by a migration may list them differently). */
function insertTable(sqlite: Database.Database, table: string, data: Book['tables'][string]): void {
  const columns = (sqlite.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[]).toSorted();
  const given = data.columns.toSorted();
  if (given.join(', ') !== columns.join(', ')) throw refused(`its table ${table} has the columns ${given.join(', ')}, where this schema has ${columns.join(', ')}.`);
  const insert = sqlite.prepare(`insert into "${table}" (${data.columns.map((c) => `"${c}"`).join(', ')}) values (${data.columns.map(() => '?').join(', ')})`);
  data.rows.forEach((row, i) => {
    try {
      insert.run(row.map(valueOf));
    } catch (error) {
      throw refused(`row ${i + 1} of ${table} cannot be stored (${(error as Error).message}).`);
    }
  });
}

/**
 * Writes every row into the new file `sqlite` in one transaction. The immutable-record triggers
 * (issued invoices, signed contracts, finalised VAT returns) and the triggers that keep derived
 * columns would refuse or rewrite rows that are being put back exactly as they were, so they are
 * dropped inside the transaction and created again from their own SQL before it commits: no
 * committed state of the file is ever without them. The search index's triggers stay: they only
 * write the index, which the export leaves out, so they fill it as the rows go in. Foreign keys are deferred to the end of the
 * transaction, so rows that refer to each other (a credit note to its invoice) go in as listed,
 * and checked there; a row that points at nothing refuses the whole import.
 */
function insertBook(sqlite: Database.Database, book: Book): void {
  const tables = exportedTables(sqlite);
  const missing = tables.filter((t) => !(t in book.tables));
  if (missing.length > 0) throw refused(`it has no table ${missing.join(', ')}, which every export of schema ${book.schemaVersion} holds.`);
  const unknown = Object.keys(book.tables).filter((t) => !tables.includes(t));
  if (unknown.length > 0) throw refused(`it has a table this schema does not (${unknown.join(', ')}).`);
  sqlite.transaction(() => {
    sqlite.pragma('defer_foreign_keys = ON');
    const triggers = (sqlite.prepare(`select name, sql from sqlite_master where type = 'trigger' order by rowid`).all() as { name: string; sql: string }[]).filter(
      ({ name }) => !name.startsWith(SEARCH_TRIGGER_PREFIX),
    );
    for (const { name } of triggers) sqlite.exec(`drop trigger "${name}"`);
    for (const table of tables) insertTable(sqlite, table, book.tables[table]!);
    const sequence = sqlite.prepare('insert into sqlite_sequence (name, seq) values (?, ?)');
    sqlite.prepare('delete from sqlite_sequence').run();
    for (const [name, seq] of Object.entries(book.sequences)) {
      if (!tables.includes(name)) throw refused(`it has an id sequence for a table this schema does not (${name}).`);
      sequence.run(name, seq);
    }
    for (const { sql } of triggers) sqlite.exec(sql);
    const broken = sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    if (broken.length > 0) {
      const [first] = broken;
      throw refused(`${broken.length} of its rows refer to rows it does not hold (the first: a row of ${first!.table} pointing into ${first!.parent}).`);
    }
  })();
}

/** The checks the app's open path runs on a file, on the new one: intact, Billable's, and of the schema it was built to. */
function checkBuilt(sqlite: Database.Database, schemaVersion: number): void {
  if (sqlite.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('The imported file failed its integrity check');
  if ((sqlite.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error('The imported file breaks a foreign key');
  if (sqlite.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new Error('The imported file is not marked as Billable’s');
  if (sqlite.pragma('user_version', { simple: true }) !== schemaVersion) throw new Error('The imported file is not at the schema it was built to');
}

/**
 * Builds a new data file from a whole-book export (see format.ts) in `backupsDir`, as a verified
 * backup named `billable-<time>-import.sqlite` with its documents in `documents/` beside it, so it
 * is opened the way a backup is restored and never merged into an open book. The file is made by
 * the same migrations as the export's schema (an older one is brought up to date when it opens),
 * filled in one transaction (see insertBook), checked like a file that opens, and renamed into
 * place only once it and every document (each checked against its hash) pass. Resolves to the file
 * name; a file that is not a whole, unaltered export of a schema this Billable knows is refused
 * with the reason, and nothing is left behind.
 */
export async function importBook(bytes: Uint8Array, backupsDir: string, migrationsDir: string, at: Date): Promise<string> {
  const migrations = readMigrations(migrationsDir);
  const { book, documents } = readExport(bytes, migrations.length);
  fs.mkdirSync(backupsDir, { recursive: true });
  const name = freshName(backupsDir, 'import', at);
  const tmp = path.join(backupsDir, `.${name}.tmp`);
  try {
    const sqlite = new Database(tmp);
    try {
      applyMigrations(sqlite, migrations.slice(0, book.schemaVersion));
      insertBook(sqlite, book);
      checkBuilt(sqlite, book.schemaVersion);
      const wanted = referencedDocuments(sqlite).filter((d) => !documents.has(d.sha256));
      if (wanted.length > 0) throw refused(`the ${wanted[0]!.name} it refers to is not in the zip (${wanted.length} document${wanted.length === 1 ? '' : 's'} missing).`);
    } finally {
      sqlite.close();
    }
    for (const content of documents.values()) await putDocument(documentsBeside(tmp), content);
    if (!verifyDatabaseFile(tmp, APPLICATION_ID, 'hash')) throw new Error('The imported file failed its check');
    fs.renameSync(tmp, path.join(backupsDir, name));
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(`${tmp}-journal`, { force: true });
    throw error;
  }
  return name;
}
