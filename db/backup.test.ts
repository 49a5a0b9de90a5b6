import fs from 'node:fs';
import path from 'node:path';
import type * as workerThreads from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storePaths } from './paths';
import { sampleClient, sampleProfile, testApi } from '../test/temp-store';

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

const { backupOnline, inspectDatabaseFile } = await import('./backup');

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
});
