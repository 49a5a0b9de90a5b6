import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoicingApi, tempDir } from '../test/temp-store';
import { DocumentError, documentPath, moveDocumentsOut, putDocument, readDocument, sha256Of } from './documents';
import { storePaths } from './paths';

const BYTES = Buffer.from('%PDF-1.7 the bytes that were issued');

describe('the documents store', () => {
  it('keeps a document under its SHA-256 and gives the same bytes back, checked', async () => {
    const dir = path.join(tempDir(), 'documents');
    const sha256 = await putDocument(dir, BYTES);
    expect(sha256).toBe(sha256Of(BYTES));
    expect(fs.readdirSync(dir)).toEqual([sha256]);
    expect(await readDocument(dir, sha256, 'PDF of INV-1')).toEqual(BYTES);
    // Storing it again changes nothing.
    const { mtimeMs } = fs.statSync(documentPath(dir, sha256));
    expect(await putDocument(dir, BYTES)).toBe(sha256);
    expect(fs.statSync(documentPath(dir, sha256)).mtimeMs).toBe(mtimeMs);
  });

  it('names the document when its file is missing or damaged, and never gives other bytes', async () => {
    const dir = path.join(tempDir(), 'documents');
    const sha256 = await putDocument(dir, BYTES);
    fs.writeFileSync(documentPath(dir, sha256), '%PDF-1.7 other bytes');
    await expect(readDocument(dir, sha256, 'PDF of INV-1')).rejects.toThrow(new DocumentError('damaged', sha256, `The stored document PDF of INV-1 is damaged: the file ${sha256} in ${dir} no longer holds the bytes that were stored. Restore a backup to get it back.`));
    // Storing the right bytes again mends it.
    await putDocument(dir, BYTES);
    expect(await readDocument(dir, sha256, 'PDF of INV-1')).toEqual(BYTES);
    fs.rmSync(documentPath(dir, sha256));
    await expect(readDocument(dir, sha256, 'PDF of INV-1')).rejects.toMatchObject({ problem: 'missing', message: expect.stringMatching(/^The stored document PDF of INV-1 is missing/) });
  });

  it('a folder, or anything unreadable, where the file should be is damaged, not an unexplained error', async () => {
    const dir = path.join(tempDir(), 'documents');
    const sha256 = await putDocument(dir, BYTES);
    fs.rmSync(documentPath(dir, sha256));
    fs.mkdirSync(documentPath(dir, sha256));
    await expect(readDocument(dir, sha256, 'PDF of INV-1')).rejects.toMatchObject({ problem: 'damaged', message: expect.stringMatching(/^The stored document PDF of INV-1 is damaged/) });
  });

  it('refuses a name that is not a hash, so none reaches outside the folder', () => {
    expect(() => documentPath('/data/documents', '../billable.sqlite')).toThrow(/Not a SHA-256/);
  });
});

describe('issued PDFs', () => {
  it('are kept in documents/ beside the data file, with only their hash in it', async () => {
    const { api, draft } = await invoicingApi();
    const issued = await api.call('invoices.issue', { id: (await draft()).id });
    const row = api.holder.store().sqlite.prepare('select pdf, sha256 from invoice_documents where invoice_id = ?').get(issued.id) as { pdf: Buffer | null; sha256: string };
    expect(row).toEqual({ pdf: null, sha256: issued.pdfSha256 });
    const file = documentPath(storePaths(api.dataDir).documents, row.sha256);
    const pdf = await api.call('invoices.pdf', { id: issued.id });
    expect(Buffer.from(pdf.dataBase64, 'base64')).toEqual(fs.readFileSync(file));
    expect(pdf.sha256).toBe(row.sha256);
  });

  it('a missing or damaged file is rendered again from the snapshot and put back, when the new bytes hash to the stored SHA-256', async () => {
    const { api, draft } = await invoicingApi();
    const issued = await api.call('invoices.issue', { id: (await draft()).id });
    const file = documentPath(storePaths(api.dataDir).documents, issued.pdfSha256!);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 1));
    expect((await api.call('invoices.pdf', { id: issued.id })).sha256).toBe(issued.pdfSha256);
    expect(fs.readFileSync(file)).toEqual(bytes);
    fs.rmSync(file);
    expect((await api.call('invoices.pdf', { id: issued.id })).sha256).toBe(issued.pdfSha256);
    expect(fs.readFileSync(file)).toEqual(bytes);
  });

  it('a lost file whose new render differs is an error naming the invoice, never other bytes', async () => {
    const { api, draft } = await invoicingApi();
    const issued = await api.call('invoices.issue', { id: (await draft()).id });
    const sqlite = api.holder.store().sqlite;
    // Stands for bytes no render gives today (a font changed since): the row's hash is not the new render's.
    sqlite.exec('drop trigger invoice_documents_no_update');
    const other = await putDocument(storePaths(api.dataDir).documents, BYTES);
    sqlite.prepare('update invoice_documents set sha256 = ? where invoice_id = ?').run(other, issued.id);
    fs.writeFileSync(documentPath(storePaths(api.dataDir).documents, other), '%PDF-1.7 damaged');
    expect(await api.raw('invoices.pdf', { id: issued.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/^The stored document PDF of INV-2026-0001 is damaged/) } });
    fs.rmSync(documentPath(storePaths(api.dataDir).documents, other));
    expect(await api.raw('invoices.savePdf', { id: issued.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/^The stored document PDF of INV-2026-0001 is missing/) } });
  });
});

/**
 * Puts the PDFs of `ids` back into their rows and removes their files: a file written before
 * the documents store, as migration 0013 leaves it. The guard on the table is lifted for this only.
 */
function asBeforeTheStore(sqlite: Database.Database, documentsDir: string, ids: number[]): void {
  const guard = sqlite.prepare(`select sql from sqlite_master where name = 'invoice_documents_no_update'`).pluck().get() as string;
  sqlite.exec('drop trigger invoice_documents_no_update');
  for (const id of ids) {
    const { sha256 } = sqlite.prepare('select sha256 from invoice_documents where invoice_id = ?').get(id) as { sha256: string };
    sqlite.prepare('update invoice_documents set pdf = ? where invoice_id = ?').run(fs.readFileSync(documentPath(documentsDir, sha256)), id);
    fs.rmSync(documentPath(documentsDir, sha256));
  }
  sqlite.exec(guard);
}

describe('moving PDFs out of a file written before the documents store', () => {
  async function legacyBook(count: number) {
    const { api, draft } = await invoicingApi();
    const ids: number[] = [];
    for (let i = 0; i < count; i++) ids.push((await api.call('invoices.issue', { id: (await draft()).id })).id);
    const { db, sqlite, paths } = api.holder.store();
    const pdfs = await Promise.all(ids.map(async (id) => Buffer.from((await api.call('invoices.pdf', { id })).dataBase64, 'base64')));
    asBeforeTheStore(sqlite, paths.documents, ids);
    const held = () => sqlite.prepare('select invoice_id from invoice_documents where pdf is not null').pluck().all();
    return { api, db, sqlite, paths, ids, pdfs, held };
  }

  it('reads them from their rows until moved, then from the store, byte-identical', async () => {
    const { api, db, paths, ids, pdfs, held } = await legacyBook(3);
    const print = async (id: number) => Buffer.from((await api.call('invoices.pdf', { id })).dataBase64, 'base64');
    expect(await print(ids[0]!)).toEqual(pdfs[0]);
    expect(await moveDocumentsOut(db)).toMatchObject({ moved: 3, damaged: [] });
    expect(held()).toEqual([]);
    expect(fs.readdirSync(paths.documents).sort()).toEqual(pdfs.map(sha256Of).sort());
    for (const [i, id] of ids.entries()) expect(await print(id)).toEqual(pdfs[i]);
    // Again: nothing left to move.
    expect(await moveDocumentsOut(db)).toMatchObject({ moved: 0 });
  });

  it('a crash after the file is written and before the row is cleared: the next run only clears it', async () => {
    const { db, sqlite, paths, ids, pdfs, held } = await legacyBook(2);
    // The first file is in the store, as the interrupted run left it; a temporary file too.
    await putDocument(paths.documents, pdfs[0]!);
    const leftover = path.join(paths.documents, `.${sha256Of(pdfs[1]!)}.0badf00d.tmp`);
    fs.writeFileSync(leftover, pdfs[1]!.subarray(0, 100));
    expect(held()).toEqual(ids);
    expect(await moveDocumentsOut(db)).toMatchObject({ moved: 2 });
    expect(held()).toEqual([]);
    for (const pdf of pdfs) expect(await readDocument(paths.documents, sha256Of(pdf), 'test')).toEqual(pdf);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a crash before the file is whole leaves the row holding the PDF; the file is written again', async () => {
    const { db, paths, pdfs, held, ids } = await legacyBook(1);
    fs.mkdirSync(paths.documents, { recursive: true });
    // A torn file under the hash (a disk that lied about a sync): it is replaced, not trusted.
    fs.writeFileSync(documentPath(paths.documents, sha256Of(pdfs[0]!)), pdfs[0]!.subarray(0, 10));
    expect(held()).toEqual(ids);
    expect(await moveDocumentsOut(db)).toMatchObject({ moved: 1 });
    expect(await readDocument(paths.documents, sha256Of(pdfs[0]!), 'test')).toEqual(pdfs[0]);
  });

  it('leaves a row whose bytes no longer match their hash where it is, and reports it', async () => {
    const { db, sqlite, ids, held } = await legacyBook(2);
    const guard = sqlite.prepare(`select sql from sqlite_master where name = 'invoice_documents_no_update'`).pluck().get() as string;
    sqlite.exec('drop trigger invoice_documents_no_update');
    sqlite.prepare('update invoice_documents set pdf = ? where invoice_id = ?').run(Buffer.from('%PDF rot'), ids[0]);
    sqlite.exec(guard);
    expect(await moveDocumentsOut(db)).toMatchObject({ moved: 1, damaged: [ids[0]] });
    expect(held()).toEqual([ids[0]]);
  });

  it('the data file shrinks once they are out', { timeout: 30_000 }, async () => {
    // Enough PDFs that their pages outweigh the schema's, as in any book that had them in its rows.
    const { db, sqlite, paths, pdfs } = await legacyBook(20);
    sqlite.pragma('wal_checkpoint(truncate)');
    const before = fs.statSync(paths.database).size;
    expect(await moveDocumentsOut(db)).toMatchObject({ moved: 20, compacted: true });
    sqlite.pragma('wal_checkpoint(truncate)');
    const pdfBytes = pdfs.reduce((sum, pdf) => sum + pdf.length, 0);
    expect(before - fs.statSync(paths.database).size).toBeGreaterThan(0.9 * pdfBytes);
  });

  it('the table still refuses any other change: only a held PDF may be cleared, once', async () => {
    const { sqlite, ids } = await legacyBook(1);
    const id = ids[0]!;
    expect(() => sqlite.prepare(`update invoice_documents set pdf = null, sha256 = 'x' where invoice_id = ?`).run(id)).toThrow(/can't be changed/);
    expect(() => sqlite.prepare(`update invoice_documents set pdf = x'00' where invoice_id = ?`).run(id)).toThrow(/can't be changed/);
    sqlite.prepare('update invoice_documents set pdf = null where invoice_id = ?').run(id);
    expect(() => sqlite.prepare(`update invoice_documents set pdf = x'00' where invoice_id = ?`).run(id)).toThrow(/can't be changed/);
    expect(() => sqlite.prepare('delete from invoice_documents where invoice_id = ?').run(id)).toThrow(/can't be deleted/);
  });

  it('the app moves them after start-up, without being asked', async () => {
    const { api, held } = await legacyBook(2);
    await api.holder.upkeep();
    expect(held()).toEqual([]);
  });
});
