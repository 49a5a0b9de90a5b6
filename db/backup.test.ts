import fs from 'node:fs';
import path from 'node:path';
import type * as workerThreads from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storePaths } from './paths';
import { invoicingApi, sampleClient, sampleProfile, testApi } from '../test/temp-store';

const workers = vi.hoisted(() => ({ fail: false, answered: 0 }));
vi.mock('node:worker_threads', async (original) => {
  const real = await original<typeof workerThreads>();
  class Worker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      if (workers.fail) throw new Error('worker threads are not available here');
      super(...args);
      this.once('message', () => workers.answered++);
    }
  }
  return { ...real, Worker };
});

const { backupOnline, inspectDatabaseFile, verifyDatabaseFile } = await import('./backup');

afterEach(() => {
  workers.fail = false;
  workers.answered = 0;
});

describe('backupOnline', () => {
  for (const where of ['in a worker thread', 'on this thread, where no worker can run']) {
    it(`writes a verified single-file copy ${where}, holding every committed write`, async () => {
      const api = testApi();
      workers.fail = where !== 'in a worker thread';
      await api.call('profile.save', sampleProfile);
      await api.call('clients.create', sampleClient);
      const dir = path.join(api.dataDir, 'elsewhere');
      workers.answered = 0;
      const file = await backupOnline(api.holder.store().sqlite, dir, 'manual', new Date('2026-11-22T10:00:00Z'));
      expect(path.basename(file)).toBe('billable-2026-11-22T10-00-00-000Z-manual.sqlite');
      expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
      // Bytes 18 and 19 of the header are 1 in rollback-journal mode, 2 in WAL mode.
      expect([...fs.readFileSync(file).subarray(18, 20)]).toEqual([1, 1]);
      expect(inspectDatabaseFile(file)).toEqual({ ok: true, summary: { clients: 1, invoices: 0, lastInvoiceNumber: null } });
      expect(workers.answered).toBe(workers.fail ? 0 : 1);
    });
  }

  it('rejects when the folder cannot be written, leaving no backup', async () => {
    const api = testApi();
    await api.call('profile.save', sampleProfile);
    const blocked = path.join(storePaths(api.dataDir).dataDir, 'blocked');
    fs.writeFileSync(blocked, 'a file where the folder should be');
    await expect(backupOnline(api.holder.store().sqlite, blocked, 'manual', new Date())).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(fs.readFileSync(blocked, 'utf8')).toBe('a file where the folder should be');
  });

  it('a copy whose stored PDF no longer matches its hash fails verification, so it is not restored', async () => {
    const { api, draft } = await invoicingApi();
    const { id } = await draft();
    await api.call('invoices.issue', { id });
    const file = await backupOnline(api.holder.store().sqlite, path.join(api.dataDir, 'elsewhere'), 'manual', new Date());
    expect(verifyDatabaseFile(file)).toBe(true);
    const copy = new Database(file);
    // The stored PDF is insert-only by trigger; a damaged disk does not ask.
    for (const name of copy.prepare(`select name from sqlite_master where type = 'trigger' and tbl_name = 'invoice_documents'`).pluck().all() as string[]) copy.exec(`drop trigger "${name}"`);
    copy.prepare('update invoice_documents set pdf = ?').run(Buffer.from('%PDF-1.7 not the bytes that were issued'));
    copy.close();
    expect(inspectDatabaseFile(file)).toMatchObject({ ok: true });
    expect(verifyDatabaseFile(file)).toBe(false);
  });
});

