import { createRouter, type Router } from '../electron/main/api/router';
import { StoreHolder } from '../electron/main/api/store-holder';
import type { CallName } from '../shared/api/call-names';
import type { CallInput, CallOutput } from '../shared/api/contract';
import path from 'node:path';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../db/migrations');

export interface TestApi {
  dataDir: string;
  holder: StoreHolder;
  router: Router;
  /** Calls through the router and returns the value, throwing on an error envelope. */
  call<K extends CallName>(name: K, input?: CallInput<K>): Promise<CallOutput<K>>;
  /** Calls through the router and returns the raw envelope. */
  raw(name: string, input?: unknown): ReturnType<Router['dispatch']>;
}

/** The real router over a real SQLite file with the real migrations applied. */
export function openApi(dataDir: string, now: () => Date = () => new Date()): TestApi {
  const holder = new StoreHolder({ dataDir, migrationsDir: MIGRATIONS_DIR }, now);
  holder.open();
  const router = createRouter({ holder, now, log: () => {} });
  return {
    dataDir,
    holder,
    router,
    raw: (name, input) => router.dispatch(name, input),
    async call(name, input) {
      const result = await router.dispatch(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.value as CallOutput<typeof name>;
    },
  };
}
