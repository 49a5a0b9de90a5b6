import type Database from 'better-sqlite3';

const EXECUTE = new Set(['run', 'get', 'all', 'iterate']);

export interface ExecutedStatement {
  sql: string;
  params: unknown[];
}

/**
 * Records every SQL statement the connection executes from now on (drizzle and raw calls alike),
 * by wrapping `prepare`; statements prepared before the trace started are not seen.
 * Returns the executed statements with their bound parameters, a list that grows as calls run,
 * and a stop function.
 */
export function traceStatements(sqlite: Database.Database): { executed: ExecutedStatement[]; stop: () => void } {
  const executed: ExecutedStatement[] = [];
  const prepare = sqlite.prepare;
  sqlite.prepare = ((source: string) => {
    const statement = prepare.call(sqlite, source);
    return new Proxy(statement, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof value !== 'function') return value;
        if (!EXECUTE.has(String(key))) {
          return (...args: unknown[]) => {
            const result = (value as (...a: unknown[]) => unknown).apply(target, args);
            return result === target ? receiver : result;
          };
        }
        return (...args: unknown[]) => {
          executed.push({ sql: source, params: args });
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }) as typeof sqlite.prepare;
  return { executed, stop: () => void (sqlite.prepare = prepare) };
}
