/**
 * Child process of the "first PDF after start" row (book-writes.ts): `<data folder> <invoice id>`.
 * Opens the store, times the first invoices.pdf call of this process, prints `{"ms": …}`.
 */
import { openApi } from '../test/api-client';
import { timeOnce } from './harness';

const [dataDir, id] = process.argv.slice(2);
const api = openApi(dataDir!);
const ms = await timeOnce(async () => {
  const result = await api.router.dispatch('invoices.pdf', { id: Number(id) });
  if (!result.ok) throw new Error(`invoices.pdf: ${result.error.message}`);
});
await api.holder.settled();
api.holder.close();
console.log(JSON.stringify({ ms }));
