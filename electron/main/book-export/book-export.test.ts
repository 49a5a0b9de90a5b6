import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sampleInvoices } from '../../../test/sample-invoices';
import { contractTerms, MIGRATIONS_DIR, tempDir, testApi, type TestApi } from '../../../test/temp-store';
import { exportedTables } from './export';
import { importBook } from './import';

/** A 1×1 PNG: a real receipt signature. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/**
 * A book with something in every kind of table: the sample invoices (logo, contacts, UK, EU and
 * USD invoices with their PDFs, a credit note), exchange rates, a rate card and a discount, a
 * signed contract with its PDF, time and an expense with its receipt billed by a run, a payment, a
 * deleted draft (so an id sequence runs past the rows), and a finalised VAT return, on 10 Jan 2027.
 */
async function richBook(): Promise<TestApi> {
  const api = testApi(undefined, () => new Date('2027-01-10T10:00:00Z'));
  const { ukInvoice, usdInvoice } = await sampleInvoices(api);
  await api.call('rates.save', { currency: 'USD', rate: '1.2700', source: 'market', date: '2026-11-18' });
  await api.call('discounts.save', { name: 'Retained', tiers: [{ fromMonths: 0, percent: '10' }] });
  const card = await api.call('rateCards.create', { name: 'Standard', unit: 'hour', currency: 'GBP', amount: '300', effectiveFrom: '2026-01-01', isDefault: true });
  const clientId = ukInvoice.clientId;
  const contract = await api.call('contracts.create', contractTerms(clientId, card.id, { currency: 'GBP', startDate: '2026-11-02', billingCycle: { kind: 'monthly', anchor: null } }));
  await api.call('contracts.sign', { id: contract.id });
  await api.call('time.create', { contractId: contract.id, date: '2026-11-10', timing: { kind: 'duration', duration: '1:30' }, note: 'Index review' });
  await api.call('time.create', { contractId: contract.id, date: '2026-11-11', timing: { kind: 'times', start: '09:00', end: '12:15' }, billable: false });
  await api.call('expenses.create', {
    date: '2026-11-18',
    category: 'accommodation',
    supplier: 'Premier Inn Leeds',
    description: 'Two nights for the workshop',
    amount: '184.50',
    currency: 'GBP',
    vat: '30.75',
    vatReclaimable: true,
    contractId: contract.id,
    rebillable: true,
    rebillKind: 'recharge',
    receipt: { fileName: 'premier-inn.png', dataBase64: PNG.toString('base64') },
  });
  await api.call('billing.run', { contractIds: [contract.id], grouping: 'period' });
  await api.call('payments.record', { invoiceId: ukInvoice.id, date: '2026-12-01', amount: '500', method: 'bank-transfer' });
  await api.call('payments.record', { invoiceId: usdInvoice.id, date: '2026-12-02', amount: '100', method: 'bank-transfer', homeAmount: '78.50' });
  const doomed = await api.call('invoices.createDraft', { clientId, currency: 'GBP', issueDate: '2026-12-20', paymentTermsDays: 14, lines: [{ description: 'x', kind: 'fee', quantity: '1', unit: 'hour', unitPrice: '1' }] });
  await api.call('invoices.deleteDraft', { id: doomed.id });
  await api.call('vatReturns.saveSettings', { frequency: 'quarterly', stagger: 1, registeredOn: '2026-10-01', flatRatePercent: null, wholePounds: 'truncate' });
  await api.call('vatReturns.finalise', { periodStart: '2026-10-01', periodKey: '26A4' });
  return api;
}

const exportOf = async (api: TestApi) => Buffer.from((await api.call('book.export')).dataBase64, 'base64');

/** Every exported table's rows, and the id sequences, as SQLite holds them. */
function tablesOf(sqlite: Database.Database): Record<string, unknown[]> {
  const all = Object.fromEntries(exportedTables(sqlite).map((t) => [t, sqlite.prepare(`select * from "${t}" order by rowid`).all()]));
  return { ...all, sqlite_sequence: sqlite.prepare('select * from sqlite_sequence order by name').all() };
}

/** book.json without the moment it was written. */
const bookJsonOf = (zip: Uint8Array) => strFromU8(unzipSync(zip)['book.json']!).replace(/"exportedAt":"[^"]+"/, '');

describe('the whole-book JSON export (issue 16, point 5)', () => {
  it('reads back identically: export, import into a new file, export again gives the same book.json and documents, and every row compares equal', async () => {
    const original = await richBook();
    const first = await exportOf(original);
    const book = JSON.parse(strFromU8(unzipSync(first)['book.json']!));
    expect(book).toMatchObject({ format: 'billable-book', version: 1, schemaVersion: fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length });
    // Money as the integer minor units stored, never a float; dates as stored.
    const payments = book.tables.payments;
    expect(payments.rows[0][payments.columns.indexOf('amount')]).toBe(50000);
    expect(payments.rows[0][payments.columns.indexOf('date')]).toBe('2026-12-01');
    for (const table of ['clients', 'contacts', 'contracts', 'contract_versions', 'rate_cards', 'discount_rules', 'time_entries', 'expenses', 'invoice_line_sources', 'payments', 'exchange_rates', 'vat_returns', 'vat_return_counts', 'logos']) {
      expect(book.tables[table].rows.length, table).toBeGreaterThan(0);
    }
    // Issued PDFs, the signed contract and the receipt: each once, by hash.
    expect(book.documents.length).toBeGreaterThanOrEqual(6);

    const target = testApi(tempDir(), () => new Date('2027-01-11T10:00:00Z'));
    const status = await target.call('book.import', { fileName: 'book.zip', dataBase64: first.toString('base64') });
    expect(status).toMatchObject({ state: 'ready', hasProfile: true });
    const second = await exportOf(target);
    expect(bookJsonOf(second)).toBe(bookJsonOf(first));
    const docs = (zip: Uint8Array) => Object.entries(unzipSync(zip)).filter(([name]) => name !== 'book.json');
    expect(docs(second)).toEqual(docs(first));
    expect(tablesOf(target.holder.store().sqlite)).toEqual(tablesOf(original.holder.store().sqlite));
    expect((await target.call('invoices.list', {})).map((r) => r.number)).toEqual((await original.call('invoices.list', {})).map((r) => r.number));
    // The search index is not in the book; its triggers filled it again as the rows went in.
    expect(Object.keys(book.tables).filter((t) => t.startsWith('search'))).toEqual([]);
    const searched = async (api: TestApi) => (await api.call('search.query', { text: 'a', limit: 20 })).groups;
    expect((await searched(target)).length).toBeGreaterThan(2);
    expect(await searched(target)).toEqual(await searched(original));

    // The immutable-record triggers are in force again in the imported file.
    const sqlite = target.holder.store().sqlite;
    const triggers = (db: Database.Database) => db.prepare(`select name, sql from sqlite_master where type = 'trigger' order by name`).all();
    expect(triggers(sqlite)).toEqual(triggers(original.holder.store().sqlite));
    expect(() => sqlite.prepare(`update invoices set notes = 'changed' where status = 'issued'`).run()).toThrow();
    expect(() => sqlite.prepare(`update vat_returns set period_key = 'XXXX'`).run()).toThrow(/finalised VAT return/i);
    expect(() => sqlite.prepare(`delete from contract_versions where signed_at is not null`).run()).toThrow();
    // The next document number carries on from the original's.
    const next = async (api: TestApi) => {
      const draft = await api.call('invoices.createDraft', { clientId: 1, currency: 'GBP', issueDate: '2026-12-28', paymentTermsDays: 14, lines: [{ description: 'Review', kind: 'fee', quantity: '1', unit: 'hour', unitPrice: '300' }] });
      return (await api.call('invoices.nextNumber', { id: draft.id })).number;
    };
    expect(await next(target)).toBe(await next(original));
    expect(await next(target)).toBe('INV-2026-0004');
  });

  it('refuses a damaged document, a truncated file, a newer schema and a stranger with a clear message, creating nothing', async () => {
    const original = await richBook();
    const good = unzipSync(await exportOf(original));
    const target = testApi(tempDir(), () => new Date('2027-01-11T10:00:00Z'));
    await target.call('profile.save', { businessName: 'Other', addressLine1: '2 Road', city: 'York', country: 'GB', homeCurrency: 'GBP', vatRegistered: false, defaultPaymentTermsDays: 30 });
    const backups = path.join(target.dataDir, 'backups');
    const before = fs.readdirSync(backups);
    const refusal = async (bytes: Uint8Array) => {
      const result = await target.raw('book.import', { fileName: 'book.zip', dataBase64: Buffer.from(bytes).toString('base64') });
      expect(result.ok).toBe(false);
      return result.ok ? '' : result.error.message;
    };

    const tampered = { ...good };
    const receipt = Object.keys(good).find((name) => name.startsWith('documents/') && good[name]!.length === PNG.length)!;
    tampered[receipt] = Uint8Array.from(good[receipt]!, (b, i) => (i === 20 ? b ^ 1 : b));
    expect(await refusal(zipSync(tampered))).toMatch(/^This file cannot be imported: the document [0-9a-f]{64} in it does not match its SHA-256, so it was changed or damaged after the export\. Nothing was changed\.$/);

    const whole = zipSync(good);
    expect(await refusal(whole.subarray(0, Math.floor(whole.length / 2)))).toMatch(/^This file cannot be imported: it is not a whole zip file \(.+\)\. Choose the \.zip that "Export whole book" saved\. Nothing was changed\.$/);

    const newer = JSON.parse(strFromU8(good['book.json']!));
    newer.schemaVersion += 1;
    expect(await refusal(zipSync({ ...good, 'book.json': strToU8(JSON.stringify(newer)) }))).toContain('it was exported from a newer version of Billable');

    const money = JSON.parse(strFromU8(good['book.json']!));
    const p = money.tables.payments;
    p.rows[0][p.columns.indexOf('amount')] = 500.5;
    expect(await refusal(zipSync({ ...good, 'book.json': strToU8(JSON.stringify(money)) }))).toMatch(/row 1 of payments cannot be stored \(CHECK constraint failed/);

    const orphan = JSON.parse(strFromU8(good['book.json']!));
    orphan.tables.clients.rows = [];
    orphan.tables.contacts.rows = [];
    expect(await refusal(zipSync({ ...good, 'book.json': strToU8(JSON.stringify(orphan)) }))).toMatch(/of its rows refer to rows it does not hold/);

    expect(await refusal(zipSync({ 'notes.txt': strToU8('hello') }))).toContain('it holds no book.json');

    // Nothing was created or changed: no new file in backups, the open book is the one it was.
    expect(fs.readdirSync(backups)).toEqual(before);
    expect((await target.call('profile.get', undefined))?.businessName).toBe('Other');
  });

  it('builds the new file with its triggers in force and nothing left behind when it is refused halfway', async () => {
    const original = await richBook();
    const zip = await exportOf(original);
    const dir = tempDir();
    const name = await importBook(zip, dir, MIGRATIONS_DIR, new Date('2027-01-11T10:00:00Z'));
    expect(name).toMatch(/^billable-2027-01-11T10-00-00-000Z-import\.sqlite$/);
    const imported = new Database(path.join(dir, name), { readonly: true });
    try {
      expect(imported.pragma('quick_check', { simple: true })).toBe('ok');
      expect(imported.prepare(`select count(*) from sqlite_master where type = 'trigger'`).pluck().get()).toBe(
        original.holder.store().sqlite.prepare(`select count(*) from sqlite_master where type = 'trigger'`).pluck().get(),
      );
    } finally {
      imported.close();
    }
    const broken = unzipSync(zip);
    const book = JSON.parse(strFromU8(broken['book.json']!));
    book.tables.time_entries.columns[0] = 'identifier';
    const other = tempDir();
    await expect(importBook(zipSync({ ...broken, 'book.json': strToU8(JSON.stringify(book)) }), other, MIGRATIONS_DIR, new Date())).rejects.toThrow(/its table time_entries has the columns .*identifier.*, where this schema has .*\bid\b/);
    expect(fs.readdirSync(other)).toEqual([]);
  });
});
