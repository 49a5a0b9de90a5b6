import type Database from 'better-sqlite3';

/** Distinct SQL texts kept prepared; far above what the app runs (a few hundred), so eviction is rare. */
export const STATEMENT_CACHE_SIZE = 2_000;

/**
 * Makes `sqlite.prepare` reuse one prepared statement per SQL text (least recently used evicted
 * beyond `capacity`). drizzle prepares a statement for every query it runs, and better-sqlite3
 * keeps native memory per statement that garbage collection does not give back promptly
 * (about 5.5 KB each), so without this the main process grows with every call.
 *
 * The cache sits on the connection's own `prepare`, under drizzle and under any wrapper installed
 * later (the statement trace in tests), so every execution is still seen by them. A statement
 * still being iterated is busy and cannot be run again, so such a caller gets a fresh one.
 * Returns the cache's current size, for tests.
 */
export function cacheStatements(sqlite: Database.Database, capacity = STATEMENT_CACHE_SIZE): () => number {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      cache.delete(source);
      cache.set(source, cached);
      // Modes are sticky on a statement; drizzle asks for raw() when it wants arrays and assumes objects otherwise.
      if (cached.reader) cached.raw(false).pluck(false).expand(false);
      return cached;
    }
    if (cached) return prepare(source);
    const statement = prepare(source);
    cache.set(source, statement);
    if (cache.size > capacity) cache.delete(cache.keys().next().value!);
    return statement;
  }) as typeof sqlite.prepare;
  return () => cache.size;
}
