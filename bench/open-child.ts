/**
 * Child process of the "open the store to the first status" row (bench/store.ts):
 * `<data folder>`. With the app's modules loaded, times what the main process does before it
 * creates the window (open the data file: integrity check, pending migrations; the first
 * app.status call the window makes) and prints `{"ms": …}`.
 */
import { createRouter } from '../electron/main/api/router';
import { StoreHolder } from '../electron/main/api/store-holder';
import { MIGRATIONS_DIR } from '../test/api-client';
import { timeOnce } from './harness';

const holder = new StoreHolder({ dataDir: process.argv[2]!, migrationsDir: MIGRATIONS_DIR });
const ms = await timeOnce(async () => {
  holder.open();
  const status = await createRouter({ holder, log: () => {} }).dispatch('app.status', undefined);
  if (!status.ok || (status.value as { state: string }).state !== 'ready') throw new Error(`app.status: ${JSON.stringify(status)}`);
});
await holder.settled();
holder.close();
console.log(JSON.stringify({ ms }));
