import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, sampleClient, sampleProfile, tempDir, testApi } from '../test/temp-store';
import { listBackups } from './backup';
import { openStore, restoreBackup } from './open';
import { storePaths } from './paths';
import { APPLICATION_ID } from './pragmas';
import { StoreError } from './store-error';

function open(dataDir: string, platform: NodeJS.Platform = 'linux') {
  return openStore({ dataDir, migrationsDir: MIGRATIONS_DIR, platform });
}

function failure(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
}

describe('openStore', () => {
  it('opens with durable pragmas, read back, on every open', () => {
    const dir = tempDir();
    open(dir).close();
    const store = open(dir);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    store.close();
  });

  it('sets fullfsync on macOS', () => {
    const store = open(tempDir(), 'darwin');
    expect(store.sqlite.pragma('fullfsync', { simple: true })).toBe(1);
    store.close();
  });

  it('refuses to start fresh over an emptied file once data existed', () => {
    const dir = tempDir();
    open(dir).close();
    const { database } = storePaths(dir);
    fs.rmSync(`${database}-wal`, { force: true });
    fs.writeFileSync(database, '');
    const error = failure(() => open(dir));
    expect(error.reason).toBe('MISSING');
    expect(fs.existsSync(database)).toBe(false);
    expect(fs.readdirSync(error.quarantinedTo!)).toContain('billable.sqlite');
  });

  it('moves a corrupt file aside unchanged', () => {
    const dir = tempDir();
    const { database } = storePaths(dir);
    fs.writeFileSync(database, 'SQLite format 3\0' + 'garbage'.repeat(1000));
    const before = fs.readFileSync(database);
    const error = failure(() => open(dir));
    expect(error.reason).toBe('CORRUPT');
    expect(fs.readFileSync(path.join(error.quarantinedTo!, 'billable.sqlite'))).toEqual(before);
  });

  it('detects a damaged page that count(*) does not see', async () => {
    const dir = tempDir();
    const api = testApi(dir);
    await api.call('clients.create', sampleClient);
    for (let i = 0; i < 300; i++) await api.call('clients.create', { ...sampleClient, name: `Client ${i}`, notes: 'x'.repeat(400) });
    api.holder.close();
    const { database } = storePaths(dir);
    const db = new Database(database);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const root = (db.prepare(`select rootpage from sqlite_master where name = 'clients_name_idx'`).get() as { rootpage: number }).rootpage;
    db.close();
    const pageSize = 4096;
    const bytes = fs.readFileSync(database);
    bytes.fill(0x7a, (root - 1) * pageSize + 8, root * pageSize);
    fs.writeFileSync(database, bytes);
    expect(failure(() => open(dir)).reason).toBe('CORRUPT');
  });

  it('refuses a SQLite file that is not Billable’s', () => {
    const dir = tempDir();
    const other = new Database(storePaths(dir).database);
    other.exec('create table notes (body text)');
    other.close();
    expect(failure(() => open(dir)).reason).toBe('FOREIGN');
  });

  it('refuses a file written by a newer schema', () => {
    const dir = tempDir();
    const store = open(dir);
    store.sqlite.prepare(`insert into __billable_migrations (idx, tag, hash, applied_at) values (99, 'future', 'x', 'now')`).run();
    store.close();
    const error = failure(() => open(dir));
    expect(error.reason).toBe('NEWER_SCHEMA');
    expect(error.message).toMatch(/newer version of Billable/);
  });

  it('enforces integer storage in numeric columns', () => {
    const store = open(tempDir());
    const insert = store.sqlite.prepare(
      `insert into clients (name, country, timezone, currency, customer_type, payment_terms_days, created_at, updated_at) values ('A', 'GB', 'UTC', 'GBP', 'business', ?, 'now', 'now')`,
    );
    expect(() => insert.run(10.5)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(30)).not.toThrow();
    store.close();
  });
});

describe('backups', () => {
  it('takes the first backup with the profile, and restores the newest in place of a lost file', async () => {
    const dir = tempDir();
    const api = testApi(dir);
    const paths = storePaths(dir);
    await api.call('clients.create', sampleClient);
    expect(listBackups(paths.backups)).toHaveLength(0);
    await api.call('profile.save', sampleProfile);
    expect(listBackups(paths.backups)).toMatchObject([{ file: expect.stringMatching(/-daily\.sqlite$/) }]);
    api.holder.close();
    api.holder.open();
    await api.holder.settled();
    expect(listBackups(paths.backups), 'a daily backup is not due again the same day').toHaveLength(1);
    api.holder.close();
    fs.writeFileSync(paths.database, 'not a database at all, but long enough to have a header.........');

    api.holder.open();
    expect(await api.call('app.status')).toMatchObject({ state: 'failed', reason: 'CORRUPT' });
    expect(await api.raw('clients.list', {})).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE' } });

    const [newest] = listBackups(paths.backups);
    restoreBackup(paths, newest!.file, new Date());
    api.holder.open();
    expect(await api.call('app.status')).toMatchObject({ state: 'ready' });
    expect(await api.call('clients.list', {})).toMatchObject([{ name: sampleClient.name }]);
  });

  it('refuses to restore a damaged backup', () => {
    const dir = tempDir();
    const paths = storePaths(dir);
    fs.mkdirSync(paths.backups, { recursive: true });
    fs.writeFileSync(path.join(paths.backups, 'billable-bad.sqlite'), 'junk');
    expect(() => restoreBackup(paths, 'billable-bad.sqlite', new Date())).toThrow(/missing or damaged/);
  });
});
