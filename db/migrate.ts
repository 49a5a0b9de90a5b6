import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { APPLICATION_ID } from './pragmas';
import { StoreError } from './store-error';

export interface Migration {
  idx: number;
  tag: string;
  hash: string;
  statements: string[];
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** Reads drizzle-kit's journal and SQL files from a migrations folder. */
export function readMigrations(dir: string): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries
    .toSorted((a, b) => a.idx - b.idx)
    .map(({ idx, tag }) => {
      const sqlText = fs.readFileSync(path.join(dir, `${tag}.sql`), 'utf8');
      return {
        idx,
        tag,
        hash: createHash('sha256').update(sqlText).digest('hex'),
        statements: sqlText
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter(Boolean),
      };
    });
}

const LEDGER = '__billable_migrations';

function applied(sqlite: Database.Database): { idx: number; tag: string }[] {
  const exists = sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(LEDGER);
  if (!exists) return [];
  return sqlite.prepare(`select idx, tag from ${LEDGER} order by idx`).all() as { idx: number; tag: string }[];
}

/**
 * The migrations not yet applied. Refuses a file written by a newer schema, or one whose history
 * disagrees with the migrations shipped, rather than guess.
 */
export function pendingMigrations(sqlite: Database.Database, migrations: Migration[]): Migration[] {
  const done = applied(sqlite);
  if (done.length > migrations.length) {
    throw new StoreError(
      'NEWER_SCHEMA',
      `This data file was written by a newer version of Billable (schema ${done.length}; this version knows ${migrations.length}). Install the latest Billable to open it.`,
    );
  }
  done.forEach((row, i) => {
    if (migrations[i]?.tag !== row.tag) {
      throw new StoreError(
        'NEWER_SCHEMA',
        `This data file's schema history (${row.tag}) does not match this version of Billable. Install the latest Billable to open it.`,
      );
    }
  });
  return migrations.slice(done.length);
}

/**
 * Applies migrations in one transaction, stamping the application_id and user_version in it, so
 * a file is marked as Billable's only once it holds Billable's tables. Foreign keys are switched off outside the transaction,
 * because drizzle-kit's own PRAGMA inside it is ignored by SQLite and a table rebuild would
 * cascade-delete child rows; integrity is checked with foreign_key_check before commit.
 */
export function applyMigrations(sqlite: Database.Database, pending: Migration[]): void {
  if (pending.length === 0) return;
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite
      .transaction(() => {
        sqlite.exec(`create table if not exists ${LEDGER} (idx integer primary key, tag text not null, hash text not null, applied_at text not null)`);
        const record = sqlite.prepare(`insert into ${LEDGER} (idx, tag, hash, applied_at) values (?, ?, ?, ?)`);
        for (const migration of pending) {
          for (const statement of migration.statements) sqlite.exec(statement);
          record.run(migration.idx, migration.tag, migration.hash, new Date().toISOString());
        }
        const violations = sqlite.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) {
          throw new Error(`${violations.length} row(s) would break a foreign key`);
        }
        const count = (sqlite.prepare(`select count(*) as n from ${LEDGER}`).get() as { n: number }).n;
        sqlite.pragma(`user_version = ${count}`);
        sqlite.pragma(`application_id = ${APPLICATION_ID}`);
      })
      .immediate();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}
