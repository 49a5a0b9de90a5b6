import type Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { cacheStatements } from './statement-cache';

export type Db = BetterSQLite3Database<typeof schema>;
/** A transaction handle; data-access functions accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** drizzle over `sqlite`, with the connection's prepared statements reused (see statement-cache.ts). */
export function createDb(sqlite: Database.Database): Db {
  cacheStatements(sqlite);
  return drizzle(sqlite, { schema });
}
