import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cacheStatements } from './statement-cache';

function connection() {
  const sqlite = new Database(':memory:');
  sqlite.exec(`create table t (id integer primary key, name text); insert into t (name) values ('a'), ('b'), ('c')`);
  return { sqlite, size: cacheStatements(sqlite, 3) };
}

describe('statement cache', () => {
  it('prepares each SQL text once and hands it back in its default mode', () => {
    const { sqlite } = connection();
    const first = sqlite.prepare('select id, name from t order by id');
    expect(first.raw().all()).toEqual([[1, 'a'], [2, 'b'], [3, 'c']]);
    const again = sqlite.prepare('select id, name from t order by id');
    expect(again).toBe(first);
    // A caller that did not ask for raw rows gets objects, whatever the previous caller set.
    expect(again.get()).toEqual({ id: 1, name: 'a' });
    expect(sqlite.prepare('select name from t where id = ?').pluck().get(2)).toBe('b');
    expect(sqlite.prepare('select name from t where id = ?').get(2)).toEqual({ name: 'b' });
  });

  it('gives a caller a fresh statement while the cached one is still being iterated', () => {
    const { sqlite } = connection();
    const names: string[] = [];
    for (const row of sqlite.prepare('select name from t order by id').iterate() as Iterable<{ name: string }>) {
      names.push(row.name, (sqlite.prepare('select name from t order by id').get() as { name: string }).name);
    }
    expect(names).toEqual(['a', 'a', 'b', 'a', 'c', 'a']);
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const { sqlite, size } = connection();
    const keep = sqlite.prepare('select 1');
    for (const n of [2, 3, 4]) {
      sqlite.prepare('select 1');
      sqlite.prepare(`select ${n}`);
    }
    expect(size()).toBe(3);
    expect(sqlite.prepare('select 1')).toBe(keep);
  });
});
