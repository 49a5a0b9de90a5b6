import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/temp-store';
import { listBackups } from './backup';
import { openStore } from './open';
import { storePaths } from './paths';
import { StoreError } from './store-error';

/** A migrations folder in drizzle-kit's layout. */
function migrations(dir: string, steps: Record<string, string>): string {
  fs.mkdirSync(path.join(dir, 'meta'), { recursive: true });
  const entries = Object.keys(steps).map((tag, idx) => ({ idx, tag, when: idx, version: '6', breakpoints: true }));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'sqlite', entries }));
  for (const [tag, sqlText] of Object.entries(steps)) fs.writeFileSync(path.join(dir, `${tag}.sql`), sqlText);
  return dir;
}

const V1 = `CREATE TABLE parents (id integer PRIMARY KEY, name text NOT NULL);
--> statement-breakpoint
CREATE TABLE children (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES parents(id) ON DELETE CASCADE, name text);`;

/** What drizzle-kit writes to rebuild a table, pragma included (ignored inside a transaction). */
const REBUILD = `PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE __new_parents (id integer PRIMARY KEY, name text NOT NULL, note text);
--> statement-breakpoint
INSERT INTO __new_parents (id, name) SELECT id, name FROM parents;--> statement-breakpoint
DROP TABLE parents;--> statement-breakpoint
ALTER TABLE __new_parents RENAME TO parents;--> statement-breakpoint
PRAGMA foreign_keys=ON;`;

function seed(dataDir: string, migrationsDir: string) {
  const store = openStore({ dataDir, migrationsDir });
  store.sqlite.exec(`insert into parents values (1, 'p'); insert into children values (1, 1, 'a'), (2, 1, 'b'), (3, 1, 'c');`);
  store.close();
}

describe('migrations', () => {
  it('keeps child rows through a table rebuild, after a verified backup', () => {
    const dataDir = tempDir();
    const root = tempDir();
    seed(dataDir, migrations(path.join(root, 'v1'), { '0000_init': V1 }));
    const store = openStore({ dataDir, migrationsDir: migrations(path.join(root, 'v2'), { '0000_init': V1, '0001_rebuild': REBUILD }) });
    expect(store.sqlite.prepare('select count(*) as n from children').get()).toEqual({ n: 3 });
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(2);
    store.close();
    const backups = listBackups(storePaths(dataDir).backups);
    expect(backups.map((b) => b.file)).toEqual([expect.stringMatching(/pre-migration-0001_rebuild\.sqlite$/)]);
  });

  it('rolls back a failing migration and leaves the data as it was', () => {
    const dataDir = tempDir();
    const root = tempDir();
    seed(dataDir, migrations(path.join(root, 'v1'), { '0000_init': V1 }));
    const broken = `ALTER TABLE parents ADD COLUMN note text;--> statement-breakpoint
DROP TABLE children;--> statement-breakpoint
INSERT INTO no_such_table VALUES (1);`;
    let error: unknown;
    try {
      openStore({ dataDir, migrationsDir: migrations(path.join(root, 'v2'), { '0000_init': V1, '0001_broken': broken }) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).reason).toBe('MIGRATION_FAILED');
    expect((error as StoreError).message).toMatch(/Nothing was changed; a backup was saved/);

    const db = new Database(storePaths(dataDir).database, { readonly: true });
    expect(db.prepare('select count(*) as n from children').get()).toEqual({ n: 3 });
    expect(db.prepare(`select count(*) as n from pragma_table_info('parents') where name = 'note'`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a migration that would break a foreign key', () => {
    const dataDir = tempDir();
    const root = tempDir();
    seed(dataDir, migrations(path.join(root, 'v1'), { '0000_init': V1 }));
    const orphaning = `DELETE FROM parents;`;
    expect(() => openStore({ dataDir, migrationsDir: migrations(path.join(root, 'v2'), { '0000_init': V1, '0001_orphan': orphaning }) })).toThrow(
      /would break a foreign key/,
    );
    const db = new Database(storePaths(dataDir).database, { readonly: true });
    expect(db.prepare('select count(*) as n from parents').get()).toEqual({ n: 1 });
    db.close();
  });
});

describe('shipped migrations', () => {
  const dir = path.resolve(import.meta.dirname, 'migrations');

  it('has an SQL file for every journal entry, applied in order on a fresh file', () => {
    const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
    journal.entries.forEach((entry, i) => {
      expect(entry.idx).toBe(i);
      expect(fs.existsSync(path.join(dir, `${entry.tag}.sql`))).toBe(true);
    });
    const store = openStore({ dataDir: tempDir(), migrationsDir: dir });
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(journal.entries.length);
    store.close();
  });

  it('are packed into the installers', () => {
    const builder = fs.readFileSync(path.resolve(import.meta.dirname, '..', 'electron-builder.yml'), 'utf8');
    expect(builder).toMatch(/^\s+- db\/migrations\/\*\*$/m);
  });
});

describe('upgrading a file written by an earlier version', () => {
  it('keeps the profile and clients, and fills new columns with their defaults', () => {
    const shipped = path.resolve(import.meta.dirname, 'migrations');
    const firstRelease = path.join(tempDir(), 'migrations');
    fs.cpSync(shipped, firstRelease, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(firstRelease, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    fs.writeFileSync(path.join(firstRelease, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));

    const dataDir = tempDir();
    const old = openStore({ dataDir, migrationsDir: firstRelease });
    old.sqlite.exec(`insert into business_profile (id, business_name, address_line1, city, country, home_currency, vat_registered, default_payment_terms_days, logo, logo_mime_type, created_at, updated_at)
      values (1, 'Ada', '1 Street', 'London', 'GB', 'GBP', 1, 14, x'89504e47', 'image/png', 'then', 'then')`);
    old.sqlite.exec(`insert into clients (name, country, timezone, currency, customer_type, created_at, updated_at) values ('Initech', 'GB', 'Europe/London', 'GBP', 'business', 'then', 'then')`);
    old.sqlite.exec(`insert into contacts (client_id, name, is_billing, created_at, updated_at) values (1, 'Bill', 1, 'then', 'then')`);
    old.close();

    const store = openStore({ dataDir, migrationsDir: shipped });
    expect(store.sqlite.prepare('select business_name, vat_scheme, logo_sha256 from business_profile').get()).toEqual({ business_name: 'Ada', vat_scheme: 'standard', logo_sha256: null });
    expect(store.sqlite.prepare('select count(*) as n from contacts').get()).toEqual({ n: 1 });
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(journal.entries.length);
    store.close();
    expect(listBackups(storePaths(dataDir).backups)).toHaveLength(1);
  });
});
