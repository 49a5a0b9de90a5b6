// Started by timer.test.ts: opens the book, starts a timer through the API, says so, then waits to be killed.
import { createRouter } from '../../electron/main/api/router';
import { StoreHolder } from '../../electron/main/api/store-holder';

const [dataDir, migrationsDir, contractId] = process.argv.slice(2) as [string, string, string];
const holder = new StoreHolder({ dataDir, migrationsDir });
holder.open();
const result = await createRouter({ holder }).dispatch('timer.start', { contractId: Number(contractId), note: 'Before the crash' });
if (!result.ok) throw new Error(result.error.message);
process.stdout.write(`${JSON.stringify((result.value as { running: unknown }).running)}\n`);
setInterval(() => {}, 1000);
