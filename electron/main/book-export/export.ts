import Database from 'better-sqlite3';
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { documentsBeside, DocumentError, readDocument, referencedDocuments } from '../../../db/documents';
import { fileStamp } from '../../../db/paths';
import { AppError } from '../errors';
import { BOOK_FORMAT, BOOK_JSON, BOOK_VERSION, DOCUMENTS_PREFIX, NOT_EXPORTED, type Cell } from './format';

/** book.json is handed to the compressor in pieces of about this many characters, so no string holds the whole book. */
const PIECE_CHARS = 1 << 20;

export interface BookExport {
  fileName: string;
  bytes: Uint8Array;
  counts: { tables: number; rows: number; documents: number };
}

/** A stored value as book.json holds it: blobs (a logo, a PDF kept in its row) as base64, everything else as SQLite gave it. */
function cellOf(value: unknown): Cell {
  if (Buffer.isBuffer(value)) return { base64: value.toString('base64') };
  return value as Cell;
}

/**
 * The tables the export holds, by name: the same order for every file of a schema, however its
 * history left them. Ordinary tables only: the search index (a virtual table and its shadow
 * tables, migration 0025) is derived from the records and filled again by its triggers on import.
 */
export function exportedTables(sqlite: Database.Database): string[] {
  const names = sqlite
    .prepare(`select name from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`)
    .pluck()
    .all() as string[];
  return names.filter((name) => !NOT_EXPORTED.has(name));
}

/** Lets the event loop answer other calls between pieces of a long export. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The whole book in the data file `file` as one zip (see format.ts): every table's rows as stored,
 * in rowid order, and every document they reference, read back and checked by hash (a missing or
 * damaged one refuses the export, naming it). The rows are read on a read-only connection of its
 * own in one read transaction, so they are one consistent moment while the app keeps answering
 * and writing; book.json goes into the compressor a piece at a time, with a turn of the event
 * loop between pieces, so the decade book never becomes one string nor holds up other calls.
 * The same book always gives the same book.json apart from `exportedAt`.
 */
export async function exportBook(file: string, at: Date): Promise<BookExport> {
  const parts: Uint8Array[] = [];
  let zipError: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) zipError = error;
    else parts.push(data);
  });
  const json = new ZipDeflate(BOOK_JSON, { level: 6 });
  json.mtime = at;
  zip.add(json);
  let pending = '';
  /** Adds text to book.json; once a piece is full it goes to the compressor, and the caller gives up the turn. */
  const write = (text: string): boolean => {
    pending += text;
    if (pending.length < PIECE_CHARS) return false;
    json.push(strToU8(pending));
    pending = '';
    return true;
  };

  const counts = { tables: 0, rows: 0, documents: 0 };
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  let documents: [string, string][];
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.exec('begin');
    const schemaVersion = sqlite.pragma('user_version', { simple: true }) as number;
    write(`{"format":${JSON.stringify(BOOK_FORMAT)},"version":${BOOK_VERSION},"schemaVersion":${schemaVersion},"exportedAt":${JSON.stringify(at.toISOString())},"tables":{`);
    for (const table of exportedTables(sqlite)) {
      const select = sqlite.prepare(`select * from "${table}" order by rowid`).raw(true);
      const columns = select.columns().map((c) => c.name);
      write(`${counts.tables === 0 ? '' : ','}${JSON.stringify(table)}:{"columns":${JSON.stringify(columns)},"rows":[`);
      let first = true;
      for (const row of select.iterate() as IterableIterator<unknown[]>) {
        if (write(`${first ? '' : ','}${JSON.stringify(row.map(cellOf))}`)) await nextTurn();
        first = false;
        counts.rows++;
      }
      write(']}');
      counts.tables++;
    }
    const sequences = sqlite.prepare('select name, seq from sqlite_sequence order by name').all() as { name: string; seq: number }[];
    write(`},"sequences":${JSON.stringify(Object.fromEntries(sequences.map((s) => [s.name, s.seq])))}`);
    const byHash = new Map(referencedDocuments(sqlite).map((d) => [d.sha256, d.name]));
    documents = [...byHash].sort(([a], [b]) => a.localeCompare(b));
    sqlite.exec('commit');
  } finally {
    sqlite.close();
  }

  const dir = documentsBeside(file);
  const listed: { sha256: string; byteSize: number }[] = [];
  for (const [sha256, name] of documents) {
    let bytes: Buffer;
    try {
      bytes = await readDocument(dir, sha256, name);
    } catch (error) {
      if (error instanceof DocumentError) throw new AppError('CONFLICT', `The book was not exported: ${error.message}`);
      throw error;
    }
    const file = new ZipPassThrough(`${DOCUMENTS_PREFIX}${sha256}`);
    file.mtime = at;
    zip.add(file);
    file.push(bytes, true);
    listed.push({ sha256, byteSize: bytes.length });
  }
  counts.documents = listed.length;
  write(`,"documents":${JSON.stringify(listed)}}`);
  json.push(strToU8(pending), true);
  zip.end();
  if (zipError) throw zipError;

  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return { fileName: `billable-book-${fileStamp(at)}.zip`, bytes, counts };
}
