import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storePaths } from '../../../db/paths';
import { holdWriteLock, releaseLock } from '../../../test/lock-holder';
import Database from 'better-sqlite3';
import { invoicingApi, MIGRATIONS_DIR, sampleClient, sampleProfile, tempDir, testApi } from '../../../test/temp-store';
import { browserDesktop } from './desktop';
import { createRouter } from './router';
import { StoreHolder } from './store-holder';

describe('StoreHolder while open', () => {
  it('says another program holds the write lock, saves nothing, and saves once it lets go', { timeout: 20_000 }, async () => {
    const api = testApi();
    await api.call('profile.save', sampleProfile);
    const lock = await holdWriteLock(storePaths(api.dataDir).database);
    expect(await api.raw('clients.create', sampleClient)).toEqual({
      ok: false,
      error: { code: 'STORE_BUSY', message: expect.stringMatching(/^Another program is using your data file/), fieldErrors: {} },
    });
    await releaseLock(lock);
    expect(await api.call('clients.list', {})).toEqual([]);
    expect(await api.call('clients.create', sampleClient)).toMatchObject({ name: sampleClient.name });
  });

  it('takes the first backup as soon as the profile is saved, and none before', async () => {
    const api = testApi();
    expect(await api.call('app.status')).toMatchObject({ state: 'ready', backupProblem: null, lastBackup: null });
    await api.holder.backupIfDue();
    expect(api.holder.lastBackup()).toBeNull();
    await api.call('profile.save', sampleProfile);
    expect(await api.call('app.status')).toMatchObject({ lastBackup: { file: expect.stringMatching(/-daily\.sqlite$/), createdAt: '2026-11-22T10:00:00.000Z' } });
  });

  it('a day without edits writes no new copy: the daily backup links to the last one; a day with an edit copies', async () => {
    let now = new Date('2026-11-22T10:00:00Z');
    const api = testApi(tempDir(), () => now);
    await api.call('profile.save', sampleProfile);
    const backups = storePaths(api.dataDir).backups;
    const first = path.join(backups, api.holder.lastBackup()!.file);
    const nextDay = async () => {
      now = new Date(now.getTime() + 86_400_000);
      await api.holder.backupIfDue();
      return path.join(backups, api.holder.lastBackup()!.file);
    };
    const quiet = await nextDay();
    expect(quiet).not.toBe(first);
    expect(fs.statSync(quiet).ino, 'the same bytes under a second name').toBe(fs.statSync(first).ino);
    expect(fs.statSync(first).nlink).toBe(2);

    await api.call('clients.create', sampleClient);
    const busy = await nextDay();
    expect(fs.statSync(busy).ino).not.toBe(fs.statSync(quiet).ino);
    expect((await api.call('backups.list')).map((b) => [b.summary?.clients, b.verified])).toEqual([
      [1, true],
      [0, true],
      [0, true],
    ]);
  });
});

describe('backups while the app is open', () => {
  it('backs up now into the chosen folder (the host: backups/), verified and listed with a summary', async () => {
    const { api, draft } = await invoicingApi();
    const { id } = await draft();
    await api.call('invoices.issue', { id });
    const result = await api.call('backups.create');
    expect(result).toMatchObject({ status: 'saved', path: path.join(storePaths(api.dataDir).backups, 'billable-2026-11-22T10-00-00-000Z-manual.sqlite') });
    expect(await api.call('backups.list')).toEqual([
      expect.objectContaining({ file: 'billable-2026-11-22T10-00-00-000Z-manual.sqlite', verified: true, problem: null, summary: { clients: 1, invoices: 1, lastInvoiceNumber: 'INV-2026-0001' } }),
      expect.objectContaining({ file: 'billable-2026-11-22T10-00-00-000Z-daily.sqlite', verified: true, summary: { clients: 0, invoices: 0, lastInvoiceNumber: null } }),
    ]);
  });

  it('marks a damaged backup with the reason and refuses to restore it, changing nothing', async () => {
    const api = testApi();
    await api.call('profile.save', sampleProfile);
    const paths = storePaths(api.dataDir);
    fs.writeFileSync(path.join(paths.backups, 'billable-2026-11-23T10-00-00-000Z-daily.sqlite'), 'SQLite format 3\0 but nothing after');
    const [damaged, good] = await api.call('backups.list');
    expect(damaged).toMatchObject({ verified: false, problem: expect.stringMatching(/damaged|cannot be read/), summary: null });
    expect(good).toMatchObject({ verified: true });
    const before = fs.readdirSync(paths.backups).sort();
    expect(await api.raw('app.restoreBackup', { file: damaged!.file })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/missing or damaged/) } });
    expect(fs.readdirSync(paths.backups).sort()).toEqual(before);
    expect(fs.existsSync(paths.quarantine)).toBe(false);
    expect(await api.call('app.status')).toMatchObject({ state: 'ready', hasProfile: true });
  });

  it('restoring over a healthy file backs it up first and keeps it in quarantine', async () => {
    const api = testApi();
    await api.call('profile.save', sampleProfile);
    await api.call('clients.create', sampleClient);
    const paths = storePaths(api.dataDir);
    const first = api.holder.lastBackup()!.file;
    expect(await api.call('app.restoreBackup', { file: first })).toMatchObject({ state: 'ready', hasProfile: true });
    expect(await api.call('clients.list', {})).toEqual([]);
    const preRestore = (await api.call('backups.list')).find((b) => b.file.endsWith('-pre-restore.sqlite'));
    expect(preRestore).toMatchObject({ verified: true, summary: { clients: 1 } });
    const [aside] = fs.readdirSync(paths.quarantine);
    expect(fs.readdirSync(path.join(paths.quarantine, aside!))).toContain('billable.sqlite');
    expect(await api.call('app.restoreBackup', { file: preRestore!.file })).toMatchObject({ state: 'ready' });
    expect(await api.call('clients.list', {})).toMatchObject([{ name: sampleClient.name }]);
  });

  it('restoring an older backup never gives a number again: those issued since are retired', async () => {
    const { api, draft } = await invoicingApi();
    const issue = async () => (await api.call('invoices.issue', { id: (await draft()).id })).number;
    expect(await issue()).toBe('INV-2026-0001');
    await api.call('backups.create');
    const older = (await api.call('backups.list'))[0]!.file;
    expect([await issue(), await issue()]).toEqual(['INV-2026-0002', 'INV-2026-0003']);

    await api.call('app.restoreBackup', { file: older });
    expect((await api.call('invoices.list', {})).map((i) => i.number)).toEqual(['INV-2026-0001']);
    // INV-2026-0002 and 0003 may already be with the client.
    expect(await issue()).toBe('INV-2026-0004');
    const retired = api.holder.store().sqlite.prepare('select number, reason from retired_numbers order by number').all();
    expect(retired).toEqual([
      { number: 'INV-2026-0002', reason: expect.stringMatching(/^Issued after the backup billable-.*\.sqlite, restored on 2026-11-22T10:00:00.000Z$/) },
      { number: 'INV-2026-0003', reason: expect.any(String) },
    ]);
    // Restoring again keeps them retired, and retires nothing twice.
    await api.call('app.restoreBackup', { file: older });
    expect(await issue()).toBe('INV-2026-0005');
  });

  it('keeps each issued PDF once in backups/documents, however many backups name it, and restores it checked', async () => {
    const { api, draft } = await invoicingApi();
    const issued = await api.call('invoices.issue', { id: (await draft()).id });
    const paths = storePaths(api.dataDir);
    const shared = path.join(paths.backups, 'documents');
    await api.call('backups.create');
    expect(fs.readdirSync(shared)).toEqual([issued.pdfSha256]);
    const { mtimeMs } = fs.statSync(path.join(shared, issued.pdfSha256!));
    await api.call('backups.create');
    expect(fs.readdirSync(shared)).toEqual([issued.pdfSha256]);
    expect(fs.statSync(path.join(shared, issued.pdfSha256!)).mtimeMs, 'a document already backed up is not copied again').toBe(mtimeMs);

    // The data folder loses the PDF; a restore brings it back from the backups' store.
    const older = (await api.call('backups.list'))[0]!.file;
    const original = path.join(paths.documents, issued.pdfSha256!);
    const bytes = fs.readFileSync(original);
    fs.rmSync(original);
    await api.call('app.restoreBackup', { file: older });
    expect(fs.readFileSync(original), 'the restore copied it back before any print').toEqual(bytes);
    expect((await api.call('invoices.pdf', { id: issued.id })).sha256).toBe(issued.pdfSha256);
  });

  it('a backup whose document is missing or damaged is marked so, and not restored; nothing changes', async () => {
    const { api, draft } = await invoicingApi();
    const issued = await api.call('invoices.issue', { id: (await draft()).id });
    await api.call('backups.create');
    const paths = storePaths(api.dataDir);
    const copy = path.join(paths.backups, 'documents', issued.pdfSha256!);
    for (const fault of ['damaged', 'missing'] as const) {
      if (fault === 'damaged') fs.writeFileSync(copy, '%PDF-1.7 other bytes');
      else fs.rmSync(copy);
      const [latest] = await api.call('backups.list');
      if (fault === 'missing') expect(latest).toMatchObject({ verified: false, problem: expect.stringMatching(/PDF of INV-2026-0001 is missing/) });
      const before = fs.readdirSync(paths.documents);
      const backupsBefore = fs.readdirSync(paths.backups).sort();
      expect(await api.raw('app.restoreBackup', { file: latest!.file })).toMatchObject({ ok: false });
      expect(fs.readdirSync(paths.documents)).toEqual(before);
      expect(fs.readdirSync(paths.backups).sort(), 'a refused restore writes no pre-restore backup').toEqual(backupsBefore);
      expect((await api.call('invoices.list', {})).map((i) => i.number)).toEqual(['INV-2026-0001']);
    }
  });

  it('the next backup mends a damaged copy in the shared documents folder from the data folder', async () => {
    const { api, draft } = await invoicingApi();
    const issued = await api.call('invoices.issue', { id: (await draft()).id });
    await api.call('backups.create');
    const paths = storePaths(api.dataDir);
    const copy = path.join(paths.backups, 'documents', issued.pdfSha256!);
    fs.writeFileSync(copy, '%PDF-1.7 other bytes');
    await api.call('backups.create');
    expect(fs.readFileSync(copy)).toEqual(fs.readFileSync(path.join(paths.documents, issued.pdfSha256!)));
    const [latest] = await api.call('backups.list');
    expect(await api.call('app.restoreBackup', { file: latest!.file })).toMatchObject({ state: 'ready' });
  });

  it('the daily backup when nothing changed writes no new document', async () => {
    const { api, draft } = await invoicingApi();
    for (let i = 0; i < 3; i++) await api.call('invoices.issue', { id: (await draft()).id });
    const shared = path.join(storePaths(api.dataDir).backups, 'documents');
    await api.call('backups.create');
    const before = fs.readdirSync(shared).map((name) => [name, fs.statSync(path.join(shared, name)).mtimeMs]);
    await api.call('backups.create');
    expect(fs.readdirSync(shared).map((name) => [name, fs.statSync(path.join(shared, name)).mtimeMs])).toEqual(before);
    expect(before).toHaveLength(3);
  });

  it('a backup never holds up a write for more than a frame', { timeout: 30_000 }, async () => {
    const { api, draft } = await invoicingApi();
    for (let i = 0; i < 400; i++) await draft({ notes: `${i} `.repeat(500).slice(0, 2000) });
    const paths = storePaths(api.dataDir);
    /** The slowest of the drafts saved, one after another, until `until` settles (ms). */
    const slowestWrite = async (until: Promise<unknown>) => {
      let done = false;
      void until.finally(() => (done = true));
      let longest = 0;
      while (!done) {
        const started = performance.now();
        await draft();
        longest = Math.max(longest, performance.now() - started);
        await new Promise((resolve) => setImmediate(resolve));
      }
      return longest;
    };
    const alone = await slowestWrite(new Promise((resolve) => setTimeout(resolve, 300)));
    const backup = api.holder.backupNow(paths.backups);
    const during = await slowestWrite(backup);
    const { ms } = await backup;
    expect(during - alone, `slowest write ${during.toFixed(1)} ms during a ${ms} ms backup, ${alone.toFixed(1)} ms without`).toBeLessThan(16);
    expect((await api.call('backups.list'))[0]).toMatchObject({ verified: true });
  });
});

describe('choosing another data folder on the recovery screen', () => {
  /** A folder whose data file is a foreign SQLite file, so it opens on the recovery screen. */
  function foreignFolder(): string {
    const dir = tempDir();
    const other = new Database(storePaths(dir).database);
    other.exec('create table notes (body text)');
    other.close();
    return dir;
  }

  it('is refused by the browser host, which changes nothing', async () => {
    const api = testApi(foreignFolder());
    expect(await api.raw('app.chooseDataFolder')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/BILLABLE_DATA_DIR/) } });
    expect(await api.call('app.status')).toMatchObject({ state: 'failed', reason: 'FOREIGN' });
  });

  it('opens the chosen folder and remembers it only once it opened; cancelling changes nothing', async () => {
    const dir = foreignFolder();
    const good = testApi();
    await good.call('profile.save', sampleProfile);
    good.holder.close();
    const holder = new StoreHolder({ dataDir: dir, migrationsDir: MIGRATIONS_DIR });
    holder.open();
    const choices: (string | null)[] = [null, foreignFolder(), good.dataDir, tempDir()];
    const remembered: string[] = [];
    const desktop = { ...browserDesktop(dir), chooseDataFolder: async () => choices.shift()!, rememberDataFolder: (folder: string) => void remembered.push(folder) };
    const router = createRouter({ holder, desktop, log: () => {} });
    try {
      expect(await router.dispatch('app.chooseDataFolder', undefined)).toMatchObject({ ok: true, value: { state: 'failed', reason: 'FOREIGN', dataDir: dir } });
      expect(await router.dispatch('app.chooseDataFolder', undefined)).toMatchObject({ ok: true, value: { state: 'failed', reason: 'FOREIGN' } });
      expect(remembered).toEqual([]);
      expect(await router.dispatch('app.chooseDataFolder', undefined)).toMatchObject({ ok: true, value: { state: 'ready', hasProfile: true, dataDir: good.dataDir } });
      expect(remembered).toEqual([good.dataDir]);
      expect(await router.dispatch('app.chooseDataFolder', undefined)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    } finally {
      holder.close();
    }
  });
});

