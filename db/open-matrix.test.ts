import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { holdWriteLock, releaseLock } from '../test/lock-holder';
import { sampleClient, sampleProfile, tempDir, testApi } from '../test/temp-store';
import { listBackups } from './backup';
import { storePaths } from './paths';

/**
 * The corrupt-file matrix: every way a data folder can be damaged or blocked at start-up, the
 * state the app starts in (which decides the screen the user gets), and proof that no file the
 * user had was deleted.
 */

const undo: (() => void)[] = [];
afterEach(() => {
  while (undo.length) undo.pop()!();
});

/** A data folder with one client, a profile and its first backup (taken when the profile is saved), closed. */
async function book(): Promise<{ dir: string; paths: ReturnType<typeof storePaths> }> {
  const dir = tempDir();
  const api = testApi(dir);
  await api.call('clients.create', sampleClient);
  await api.call('profile.save', sampleProfile);
  api.holder.close();
  api.holder.open();
  await api.holder.settled();
  api.holder.close();
  const paths = storePaths(dir);
  expect(listBackups(paths.backups)).toHaveLength(1);
  return { dir, paths };
}

/** Content hashes of every file under the folder. */
function contents(dir: string): Set<string> {
  const out = new Set<string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.add(createHash('sha256').update(fs.readFileSync(path.join(entry.parentPath, entry.name))).digest('hex'));
  }
  return out;
}

function expectNothingDeleted(before: Set<string>, dir: string): void {
  const after = contents(dir);
  for (const hash of before) expect(after.has(hash), 'every file the user had is still in the folder').toBe(true);
}

/** Read-only for this process: chmod for a normal user; root ignores permissions, so `chattr +i`. */
function makeReadOnly(target: string): boolean {
  if (process.getuid?.() !== 0) {
    const mode = fs.statSync(target).mode;
    fs.chmodSync(target, fs.statSync(target).isDirectory() ? 0o555 : 0o444);
    undo.push(() => fs.chmodSync(target, mode));
    return true;
  }
  try {
    execFileSync('chattr', ['+i', target], { stdio: 'ignore' });
  } catch {
    return false;
  }
  undo.push(() => execFileSync('chattr', ['-i', target]));
  return true;
}

function overwrite(file: string, at: number, bytes: Buffer): void {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, bytes, 0, bytes.length, at);
  fs.closeSync(fd);
}

/** Opens the folder as the app does and returns what the renderer would be told. */
async function start(dir: string) {
  const api = testApi(dir);
  await api.holder.settled();
  return { api, status: await api.call('app.status') };
}

describe('corrupt-file matrix', () => {
  it('zeroed header: moved to quarantine, backups offered', async () => {
    const { dir, paths } = await book();
    overwrite(paths.database, 0, Buffer.alloc(100));
    const before = contents(dir);
    const { status } = await start(dir);
    expect(status).toMatchObject({ state: 'failed', reason: 'CORRUPT', backups: [expect.anything()] });
    expect(fs.existsSync(paths.database)).toBe(false);
    expectNothingDeleted(before, dir);
  });

  it('garbage pages: moved to quarantine, backups offered', async () => {
    const { dir, paths } = await book();
    const size = fs.statSync(paths.database).size;
    overwrite(paths.database, 4096, Buffer.alloc(size - 4096, 0xa5));
    const before = contents(dir);
    expect((await start(dir)).status).toMatchObject({ state: 'failed', reason: 'CORRUPT' });
    expectNothingDeleted(before, dir);
  });

  it('truncated: moved to quarantine, backups offered', async () => {
    const { dir, paths } = await book();
    fs.truncateSync(paths.database, Math.floor(fs.statSync(paths.database).size / 2));
    const before = contents(dir);
    expect((await start(dir)).status).toMatchObject({ state: 'failed', reason: 'CORRUPT' });
    expectNothingDeleted(before, dir);
  });

  it('empty file: missing, backups offered, never a fresh book', async () => {
    const { dir, paths } = await book();
    fs.writeFileSync(paths.database, '');
    const before = contents(dir);
    expect((await start(dir)).status).toMatchObject({ state: 'failed', reason: 'MISSING', backups: [expect.anything()] });
    expectNothingDeleted(before, dir);
  });

  it('empty file and the marker gone: the backups still say a book existed', async () => {
    const { dir, paths } = await book();
    fs.writeFileSync(paths.database, '');
    fs.rmSync(paths.marker);
    const before = contents(dir);
    const { api, status } = await start(dir);
    expect(status).toMatchObject({ state: 'failed', reason: 'MISSING', backups: [expect.anything()] });
    expectNothingDeleted(before, dir);
    const backup = listBackups(paths.backups)[0]!.file;
    expect(await api.call('app.restoreBackup', { file: backup })).toMatchObject({ state: 'ready', hasProfile: true });
    expect(await api.call('clients.list', {})).toMatchObject([{ name: sampleClient.name }]);
  });

  it('a file with Billable’s id but no tables: missing, not a fresh book', async () => {
    const { dir, paths } = await book();
    fs.rmSync(paths.database);
    fs.rmSync(paths.marker);
    fs.rmSync(paths.backups, { recursive: true });
    const blank = new Database(paths.database);
    blank.pragma('application_id = 0x42494c4c');
    blank.close();
    const before = contents(dir);
    expect((await start(dir)).status).toMatchObject({ state: 'failed', reason: 'MISSING' });
    expectNothingDeleted(before, dir);
  });

  it('WAL garbage: SQLite ignores it, the data opens, and a copy is kept', async () => {
    const { dir, paths } = await book();
    fs.writeFileSync(`${paths.database}-wal`, Buffer.alloc(8192, 0x5a));
    const before = contents(dir);
    const { api, status } = await start(dir);
    expect(status).toMatchObject({ state: 'ready', hasProfile: true, backupProblem: null });
    expect(await api.call('clients.list', {})).toMatchObject([{ name: sampleClient.name }]);
    expectNothingDeleted(before, dir);
  });

  it('locked by another process: says so, and opens on retry once it lets go', { timeout: 20_000 }, async () => {
    const { dir, paths } = await book();
    const holder = await holdWriteLock(paths.database);
    const before = contents(dir);
    const { api, status } = await start(dir);
    expect(status).toMatchObject({ state: 'failed', reason: 'BUSY', message: expect.stringMatching(/Another program is using your data file/) });
    await releaseLock(holder);
    expect(await api.call('app.retry')).toMatchObject({ state: 'ready', hasProfile: true });
    expectNothingDeleted(before, dir);
  });

  it('read-only data file: detected at open, not at the first save', async (ctx) => {
    const { dir, paths } = await book();
    if (!makeReadOnly(paths.database)) ctx.skip(true, 'cannot make a file read-only for root here (no chattr)');
    const before = contents(dir);
    expect((await start(dir)).status).toMatchObject({ state: 'failed', reason: 'READ_ONLY', message: expect.stringMatching(/data file .* is read-only/) });
    expectNothingDeleted(before, dir);
  });

  it('read-only data folder: detected at open', async (ctx) => {
    const { dir } = await book();
    if (!makeReadOnly(dir)) ctx.skip(true, 'cannot make a folder read-only for root here (no chattr)');
    const before = contents(dir);
    expect((await start(dir)).status).toMatchObject({ state: 'failed', reason: 'READ_ONLY', message: expect.stringMatching(/cannot write to your data folder/) });
    expectNothingDeleted(before, dir);
  });

  it('a SQLite file that is not Billable’s: refused, left in place', async () => {
    const dir = tempDir();
    const other = new Database(storePaths(dir).database);
    other.exec(`create table notes (body text); insert into notes values ('mine')`);
    other.close();
    const before = contents(dir);
    expect((await start(dir)).status).toMatchObject({ state: 'failed', reason: 'FOREIGN' });
    expectNothingDeleted(before, dir);
    expect(contents(dir)).toEqual(before);
  });

  it('newer schema: refused before any write, naming its version', async () => {
    const { dir, paths } = await book();
    const db = new Database(paths.database);
    db.pragma('user_version = 999');
    db.close();
    const bytes = fs.readFileSync(paths.database);
    const { status } = await start(dir);
    expect(status).toMatchObject({ state: 'failed', reason: 'NEWER_SCHEMA', message: expect.stringMatching(/file format 999/) });
    expect(fs.readFileSync(paths.database).equals(bytes)).toBe(true);
  });

  it('backups path blocked by a file: opens anyway and reports the failed backup', async () => {
    const { dir, paths } = await book();
    fs.rmSync(paths.backups, { recursive: true });
    fs.writeFileSync(paths.backups, 'in the way');
    const before = contents(dir);
    const { api, status } = await start(dir);
    expect(status).toMatchObject({ state: 'ready', hasProfile: true, backupProblem: expect.stringMatching(/automatic backup failed/) });
    expect(await api.call('clients.list', {})).toMatchObject([{ name: sampleClient.name }]);
    expectNothingDeleted(before, dir);
  });

  it('a failed restore reopens the previous file', async () => {
    const { dir } = await book();
    const { api } = await start(dir);
    expect(await api.raw('app.restoreBackup', { file: 'billable-not-there.sqlite' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await api.call('app.status')).toMatchObject({ state: 'ready', hasProfile: true });
    expect(await api.call('clients.list', {})).toMatchObject([{ name: sampleClient.name }]);
  });
});
